package dochooks.application.connection.port.out;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a one-time value (an authorization {@code state}, a confirmation), as 64 lower-case hex
 * digits. Only digests are stored: whoever reads the storage cannot present the values. A 128-bit or larger
 * random value needs no salt or slow hash.
 */
public record Sha256Digest(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256Digest {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits");
        }
    }

    /** The digest of {@code value}'s UTF-8 bytes. */
    public static Sha256Digest of(String value) {
        return new Sha256Digest(HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8))));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    public static Sha256Digest fromBytes(byte[] bytes) {
        return new Sha256Digest(HexFormat.of().formatHex(bytes));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
