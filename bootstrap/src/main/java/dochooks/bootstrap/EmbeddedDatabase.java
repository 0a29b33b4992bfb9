package dochooks.bootstrap;

import dochooks.adapters.persistence.DatabaseConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup PostgreSQL: zonky's binaries running on a data directory that survives restarts.
 * Started as root, zonky runs PostgreSQL through {@code unshare -U}, so the server runs as nobody.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code directory} (initialized on first use). The caller must hold the data
     * directory's lock: a postmaster still running on it was then left by a crashed dochooks, and is stopped.
     */
    public static EmbeddedDatabase start(Path directory) {
        stopOrphanedPostmaster(directory);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    // zonky turns fsync off for tests; this database keeps real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    public DatabaseConnection connection() {
        return new DatabaseConnection("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** A postmaster.pid naming a live postgres process means a previous dochooks died without stopping it. */
    private static void stopOrphanedPostmaster(Path directory) {
        Optional<ProcessHandle> orphan = postmasterOf(directory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("stopping PostgreSQL process {} left running on {} by an earlier dochooks", process.pid(), directory);
        try {
            // SIGINT is PostgreSQL's "fast shutdown": it ends sessions, checkpoints and exits cleanly
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            LOG.warn("PostgreSQL process {} did not stop in time; killing it (crash recovery will replay the WAL)",
                    process.pid());
            process.destroyForcibly();
            try {
                process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop PostgreSQL process " + process.pid() + " on " + directory);
            }
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // PostgreSQL itself decides about a stale or damaged pid file
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
