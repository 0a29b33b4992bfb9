package dochooks.adapters.persistence;

import dochooks.application.contract.RefreshLeaseContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL adapter keeps the promises of the refresh lease; leases run out by the database's clock. */
class PostgresRefreshLeaseContractIT extends RefreshLeaseContract<PersistenceAdapter, PersistenceAdapter> {
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
    protected PersistenceAdapter newLeaseStore(PersistenceAdapter integrations) {
        return integrations;
    }

    /** The database's clock runs as ours does (same machine): waiting is the only way to move it. */
    @Override
    protected void letTimePass(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while letting time pass");
        }
    }
}
