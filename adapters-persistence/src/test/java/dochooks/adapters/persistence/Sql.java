package dochooks.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/** Plain JDBC next to the adapter: to look at raw rows and to write what the adapter does not (yet). */
final class Sql {
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    Sql(DatabaseConnection database) {
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        dataSource.setConnectTimeout(5);
        dataSource.setSocketTimeout(10);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... parameters) {
        return (Long) column(sql, parameters).get(0);
    }

    /** The first column of every row. */
    List<Object> column(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
