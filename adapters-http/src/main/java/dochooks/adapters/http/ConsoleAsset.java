package dochooks.adapters.http;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of the console: its bytes, its media type, and a strong validator derived from the bytes. */
record ConsoleAsset(Buffer bytes, String contentType, String etag) {

    static ConsoleAsset of(Buffer bytes, String contentType) {
        return new ConsoleAsset(bytes, contentType, "\"" + sha256Hex(bytes.getBytes()).substring(0, 32) + "\"");
    }

    /** This text file with one string replaced, under a validator of its own ({@code variant} names it). */
    ConsoleAsset replacing(String original, String replacement, String variant) {
        String text = bytes.toString(StandardCharsets.UTF_8).replace(original, replacement);
        return new ConsoleAsset(Buffer.buffer(text), contentType, etag.substring(0, etag.length() - 1) + "-" + variant + "\"");
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible); // every JVM has SHA-256
        }
    }
}
