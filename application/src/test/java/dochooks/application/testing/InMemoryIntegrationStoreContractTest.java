package dochooks.application.testing;

import dochooks.application.contract.IntegrationStoreContract;

/** The in-memory integration store keeps the promises of the integration ports. */
class InMemoryIntegrationStoreContractTest extends IntegrationStoreContract<InMemoryIntegrationStore> {

    @Override
    protected InMemoryIntegrationStore newStore() {
        return new InMemoryIntegrationStore();
    }
}
