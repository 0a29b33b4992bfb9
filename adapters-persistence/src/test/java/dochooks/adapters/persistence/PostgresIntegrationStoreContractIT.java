package dochooks.adapters.persistence;

import dochooks.application.contract.IntegrationStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL adapter keeps the promises of the integration ports. */
class PostgresIntegrationStoreContractIT extends IntegrationStoreContract<PersistenceAdapter> {
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
    protected PersistenceAdapter newStore() {
        return storage.adapter();
    }
}
