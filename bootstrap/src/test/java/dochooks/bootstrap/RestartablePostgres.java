package dochooks.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test's own embedded PostgreSQL (not the shared fixture) that can be stopped and started again on the same
 * data directory and port, as a real database restart; one database {@code dochooks} in it.
 */
final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static RestartablePostgres start(String name) throws Exception {
        RestartablePostgres database = new RestartablePostgres(Files.createTempDirectory(name), freePort());
        database.startAgain();
        try (Connection connection = database.postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE dochooks TEMPLATE template0 ENCODING 'UTF8'");
        }
        return database;
    }

    /** The value of {@code DOCHOOKS_DATABASE_URL} for the {@code dochooks} database. */
    String url() {
        return "postgresql://postgres:@127.0.0.1:" + port + "/dochooks";
    }

    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    void startAgain() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(30))
                .setRegisterShutdownHook(true)
                .start();
    }

    /** Stops the database and deletes its data directory. */
    @Override
    public void close() throws IOException {
        try {
            stop();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
