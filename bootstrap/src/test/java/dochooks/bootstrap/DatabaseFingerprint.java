package dochooks.bootstrap;

import dochooks.adapters.persistence.DatabaseConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest of every row of every application table, read over its own JDBC connection: equal before and after a
 * request means the request changed nothing in the database.
 */
final class DatabaseFingerprint implements AutoCloseable {
    private final Connection connection;
    private final List<String> tables = new ArrayList<>();

    DatabaseFingerprint(DatabaseConnection database) {
        try {
            connection = DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":" + database.port() + "/"
                    + database.database(), database.user(), database.password());
            try (Statement statement = connection.createStatement();
                    ResultSet names = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                            + " AND table_name NOT LIKE 'flyway%' ORDER BY table_name")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no application tables: the fingerprint would prove nothing");
        }
    }

    String fingerprint() {
        StringBuilder digest = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|'"
                        + " ORDER BY t::text), '')) FROM \"" + table + "\" t")) {
                    row.next();
                    digest.append(table).append('=').append(row.getLong(1)).append(':').append(row.getString(2)).append(' ');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the test database", e);
        }
        return digest.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the test is over
        }
    }
}
