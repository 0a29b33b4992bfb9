package dochooks.adapters.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/** Brings a database's schema up to date with the Flyway migrations in {@code classpath:db/migration}. */
public final class DatabaseMigrations {
    /** Seconds to wait for the database to accept a connection before giving up. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private DatabaseMigrations() {
    }

    /**
     * Applies every pending migration, over JDBC. Blocking: call it off the event loop, at startup, before the
     * {@link PersistenceAdapter} serves requests.
     *
     * @throws IllegalStateException when the database cannot be reached or a migration fails (the message
     *                               carries Flyway's reason, which holds no password)
     */
    public static void migrate(DatabaseConnection connection) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(connection.jdbcUrl());
        dataSource.setUser(connection.user());
        dataSource.setPassword(connection.password());
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setApplicationName("dochooks-migrations");
        try {
            Flyway.configure(DatabaseMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("database migration failed on " + connection.jdbcUrl() + ": "
                    + e.getMessage(), e);
        }
    }
}
