package dochooks.adapters.persistence;

import dochooks.application.contract.ConnectionStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL adapter keeps the promises of the connection store; the cascades are its foreign keys. */
class PostgresConnectionStoreContractIT extends ConnectionStoreContract<PersistenceAdapter, PersistenceAdapter> {
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
    protected PersistenceAdapter newConnectionStore(PersistenceAdapter integrations) {
        return integrations;
    }
}
