package dochooks.adapters.persistence;

import dochooks.application.contract.PendingAuthorizationContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL adapter keeps the promises of the pending authorizations. */
class PostgresPendingAuthorizationContractIT
        extends PendingAuthorizationContract<PersistenceAdapter, PersistenceAdapter> {
    private static ContractStorage storage;

    @BeforeAll
    static void openDatabase() {
        storage = ContractStorage.open();
    }

    @AfterAll
    static void closeDatabase() {
        storage.close();
    }

    @Override
    protected PersistenceAdapter newIntegrationStore() {
        return storage.adapter();
    }

    @Override
    protected PersistenceAdapter newPendingAuthorizations(PersistenceAdapter integrations) {
        return integrations;
    }
}
