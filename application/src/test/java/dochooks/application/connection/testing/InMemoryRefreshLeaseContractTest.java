package dochooks.application.connection.testing;

import dochooks.application.contract.RefreshLeaseContract;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.TestClock;
import java.time.Duration;
import java.time.Instant;

/** The in-memory refresh lease keeps the promises of its port; its clock is a test clock, moved by hand. */
class InMemoryRefreshLeaseContractTest extends RefreshLeaseContract<InMemoryIntegrationStore, InMemoryConnectionStore> {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:05:00Z"));

    @Override
    protected InMemoryIntegrationStore newIntegrationStore() {
        return new InMemoryIntegrationStore();
    }

    @Override
    protected InMemoryConnectionStore newLeaseStore(InMemoryIntegrationStore integrations) {
        return new InMemoryConnectionStore(clock, integrations);
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
