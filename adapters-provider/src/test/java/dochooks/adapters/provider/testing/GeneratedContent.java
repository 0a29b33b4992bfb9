package dochooks.adapters.provider.testing;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic pseudo-random bytes of any size, produced chunk by chunk and never held whole: byte {@code i}
 * depends only on the seed and {@code i}, so both ends of a transfer can produce or check them independently.
 */
public record GeneratedContent(long size, long seed) {

    public GeneratedContent {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    /** {@code length} bytes from {@code offset}. */
    public Buffer chunk(long offset, int length) {
        byte[] bytes = new byte[length];
        long position = offset;
        int i = 0;
        while (i < length) {
            long word = mix(seed + (position >>> 3));
            for (int shift = (int) (position & 7); shift < 8 && i < length; shift++) {
                bytes[i++] = (byte) (word >>> (8 * shift));
                position++;
            }
        }
        return Buffer.buffer(bytes);
    }

    /** SHA-256 of all of it, in hex, computed in 1 MiB chunks. */
    public String sha256() {
        MessageDigest digest = newDigest();
        int step = 1024 * 1024;
        for (long offset = 0; offset < size; offset += step) {
            digest.update(chunk(offset, (int) Math.min(step, size - offset)).getBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** SplitMix64's finalizer: a good, cheap mix of a counter into 64 random-looking bits. */
    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
