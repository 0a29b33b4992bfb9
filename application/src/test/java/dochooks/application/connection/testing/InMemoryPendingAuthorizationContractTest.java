package dochooks.application.connection.testing;

import dochooks.application.contract.PendingAuthorizationContract;
import dochooks.application.testing.InMemoryIntegrationStore;

/** The in-memory pending authorizations, over the in-memory integrations, keep the promises of their port. */
class InMemoryPendingAuthorizationContractTest
        extends PendingAuthorizationContract<InMemoryIntegrationStore, InMemoryPendingAuthorizations> {

    @Override
    protected InMemoryIntegrationStore newIntegrationStore() {
        return new InMemoryIntegrationStore();
    }

    @Override
    protected InMemoryPendingAuthorizations newPendingAuthorizations(InMemoryIntegrationStore integrations) {
        return new InMemoryPendingAuthorizations(integrations);
    }
}
