package dochooks.application.connection.testing;

import dochooks.application.contract.ConnectionStoreContract;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.TestClock;
import java.time.Instant;

/** The in-memory connection store, over the in-memory integrations, keeps the promises of its port. */
class InMemoryConnectionStoreContractTest
        extends ConnectionStoreContract<InMemoryIntegrationStore, InMemoryConnectionStore> {

    @Override
    protected InMemoryIntegrationStore newIntegrationStore() {
        return new InMemoryIntegrationStore();
    }

    @Override
    protected InMemoryConnectionStore newConnectionStore(InMemoryIntegrationStore integrations) {
        return new InMemoryConnectionStore(new TestClock(Instant.parse("2026-11-23T14:05:00Z")), integrations);
    }
}
