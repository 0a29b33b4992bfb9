package dochooks.adapters.persistence;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import io.vertx.core.Vertx;

/**
 * One migrated database and a {@link PersistenceAdapter} on it, for one contract-kit class: the kits run every test
 * on a tenant of its own, so the tests of a class share the database. The pool is large enough for the kits' races
 * to run their calls side by side.
 */
final class ContractStorage {
    private static final int POOL_SIZE = 8;

    private final Vertx vertx;
    private final PersistenceAdapter adapter;

    private ContractStorage(Vertx vertx, PersistenceAdapter adapter) {
        this.vertx = vertx;
        this.adapter = adapter;
    }

    static ContractStorage open() {
        Vertx vertx = Vertx.vertx();
        DatabaseConnection database = EmbeddedPostgresFixture.newMigratedDatabase();
        return new ContractStorage(vertx, PersistenceAdapter.create(vertx, database,
                EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), POOL_SIZE));
    }

    PersistenceAdapter adapter() {
        return adapter;
    }

    void close() {
        Await.result(adapter.close());
        Await.result(vertx.close());
    }
}
