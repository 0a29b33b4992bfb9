package dochooks.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConnectionTest {

    @Test
    void readsAPostgresqlUrlWithPercentEncodedCredentials() {
        DatabaseConnection connection = DatabaseConnection.fromUrl("postgresql://dochooks%40ops:p%40ss%3Aw%2Frd+1@db.internal:6543/registry");

        assertEquals(new DatabaseConnection("db.internal", 6543, "registry", "dochooks@ops", "p@ss:w/rd+1"), connection);
    }

    @Test
    void readsThePostgresSchemeWithTheDefaultPort() {
        assertEquals(new DatabaseConnection("localhost", 5432, "db", "app", "secret"),
                DatabaseConnection.fromUrl("postgres://app:secret@localhost/db"));
    }

    @Test
    void readsAJdbcUrlWithCredentialsAsParameters() {
        assertEquals(new DatabaseConnection("10.0.0.5", 5433, "dochooks", "app", "s3cret&=?"),
                DatabaseConnection.fromUrl("jdbc:postgresql://10.0.0.5:5433/dochooks?user=app&password=s3cret%26%3D%3F"));
    }

    @Test
    void toleratesARawAtSignInThePassword() {
        assertEquals("p@ss", DatabaseConnection.fromUrl("postgresql://app:p@ss@db:5432/x").password());
    }

    @Test
    void readsAnIpv6HostAndWritesItBackInBrackets() {
        DatabaseConnection connection = DatabaseConnection.fromUrl("postgresql://app:pw@[::1]:5444/db");

        assertEquals("::1", connection.host());
        assertEquals("jdbc:postgresql://[::1]:5444/db", connection.jdbcUrl());
    }

    @Test
    void theJdbcUrlCarriesNoCredentialsAndEncodesTheDatabaseName() {
        DatabaseConnection connection = new DatabaseConnection("db", 5432, "my db/ü", "app", "topsecret");

        assertEquals("jdbc:postgresql://db:5432/my%20db%2F%C3%BC", connection.jdbcUrl());
    }

    @Test
    void aUserWithoutPasswordHasAnEmptyPassword() {
        assertEquals("", DatabaseConnection.fromUrl("postgresql://app@db/x").password());
        assertEquals("", new DatabaseConnection("db", 5432, "x", "app", null).password());
    }

    @Test
    void toStringMasksThePassword() {
        String shown = DatabaseConnection.fromUrl("postgresql://app:hunter2-secret@db:5432/x").toString();

        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("password=****") && shown.contains("host=db") && shown.contains("user=app"), shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mysql://app:hunter2@db/x",
        "postgresql://app:hunter2@db",
        "postgresql://app:hunter2@/x",
        "postgresql://:hunter2@db/x",
        "postgresql://app:hunter2@db:99999/x",
        "postgresql://app:hunter2@db:port/x",
        "postgresql://app:hunter2%zz@db/x",
        "postgresql://app:hunter2%C3@db/x",
        "postgresql://app:hunter2@db/x?sslmode=require",
        "postgresql://app:hunter2@db/x?password=hunter2",
        "postgresql://app:hunter2@db1,db2/x",
        "postgresql://app:hunter2@[::1/x",
        "postgresql://app:hunter2#@db/x",
        "jdbc:postgresql://app:hunter2@db/x",
        "jdbc:postgresql://db/x?password=hunter2",
    })
    void refusesAMalformedUrlWithoutQuotingThePassword(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConnection.fromUrl(url));

        assertTrue(refused.getMessage().startsWith("database URL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }
}
