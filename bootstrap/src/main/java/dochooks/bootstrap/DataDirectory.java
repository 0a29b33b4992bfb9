package dochooks.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The directory that holds the embedded database and the secrets generated for it. One dochooks
 * process owns it at a time: the lock is held until the process ends (the OS frees it after a crash).
 */
public final class DataDirectory implements AutoCloseable {
    static final String LOCK_FILE = "dochooks.lock";
    static final String JWT_SECRET_FILE = "jwt-secret";
    static final String ENCRYPTION_KEYS_FILE = "encryption-keys";
    static final String DATABASE_DIR = "postgres";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and takes its lock; fails fast when another process holds it. */
    public static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data directory " + root
                        + " is in use by another dochooks process; stop it or set DOCHOOKS_DATA_DIR");
            }
            return new DataDirectory(root, channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
            throw new IllegalStateException("the data directory " + root + " is already in use by this process");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path databaseDirectory() {
        return root.resolve(DATABASE_DIR);
    }

    /**
     * The content of {@code fileName}, generated once by {@code generator} and kept (owner-only permissions)
     * so that restarts find the same secret. Returns whether it was generated now.
     */
    public Generated readOrGenerate(String fileName, Supplier<String> generator) {
        Path file = root.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return new Generated(Files.readString(file, StandardCharsets.UTF_8).trim(), false);
            }
            String value = generator.get();
            Path temporary = Files.createTempFile(root, fileName, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            return new Generated(value, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** A secret read from the data directory, and whether this start generated it. */
    public record Generated(String value, boolean isNew) {
        @Override
        public String toString() {
            return "Generated[****, isNew=" + isNew + "]";
        }
    }

    public Optional<String> read(String fileName) {
        Path file = root.resolve(fileName);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the OS releases the lock when the process ends anyway
        }
    }
}
