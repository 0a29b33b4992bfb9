package dochooks.adapters.persistence;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that seal secrets and tokens at rest, each named by a key id that is stored beside every
 * ciphertext. The first key encrypts; every key decrypts, so a key can be rotated by putting a new one first
 * and keeping the old one until nothing is stored under it any more.
 *
 * <p>Written as {@code kid:base64key[,kid:base64key...]}. Neither {@link #toString()} nor any error message
 * shows key material; only {@link #format()} does, to persist generated keys.
 */
public final class EncryptionKeys {
    static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Key id to key, in the order given: the first entry is the primary (encrypting) key. */
    private final Map<String, byte[]> keys;

    private EncryptionKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /**
     * Parses {@code kid:base64key[,kid:base64key...]}: 32-byte keys in standard or URL-safe base64, key ids
     * of 1–64 characters {@code [A-Za-z0-9._-]}, unique. Whitespace around entries is ignored.
     *
     * @throws IllegalArgumentException naming the bad entry by position (and its key id when that is valid);
     *                                  never containing key material
     */
    public static EncryptionKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("encryption keys: none given (expected kid:base64key[,kid:base64key...])");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            int position = i + 1;
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("encryption keys: entry " + position
                        + " is not of the form kid:base64key");
            }
            String keyId = entry.substring(0, colon);
            if (!KEY_ID.matcher(keyId).matches()) {
                // the text before ':' might be a key pasted the wrong way round: do not echo it
                throw new IllegalArgumentException("encryption keys: entry " + position
                        + " has an invalid key id (1-64 characters of A-Z a-z 0-9 . _ -)");
            }
            byte[] key = decodeKey(entry.substring(colon + 1), position, keyId);
            if (keys.putIfAbsent(keyId, key) != null) {
                throw new IllegalArgumentException("encryption keys: entry " + position + " repeats key id " + keyId);
            }
        }
        return new EncryptionKeys(keys);
    }

    private static byte[] decodeKey(String base64, int position, String keyId) {
        String where = "encryption keys: entry " + position + " (key id " + keyId + ")";
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notStandard) {
            try {
                key = Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalArgumentException(where + ": the key is not valid base64");
            }
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + ": the key must be " + KEY_BYTES
                    + " bytes (AES-256), was " + key.length);
        }
        return key;
    }

    /** One fresh random key, with a key id made of today's date (UTC) and a random suffix. */
    public static EncryptionKeys generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        String keyId = "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + HexFormat.of().formatHex(suffix);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(keyId, key);
        return new EncryptionKeys(keys);
    }

    /** The spec string {@link #parse} reads back into equal keys. Contains key material: store it like a key. */
    public String format() {
        List<String> entries = new ArrayList<>();
        keys.forEach((keyId, key) -> entries.add(keyId + ":" + Base64.getEncoder().encodeToString(key)));
        return String.join(",", entries);
    }

    /** The id of the key that encrypts. */
    public String primaryKeyId() {
        return keys.keySet().iterator().next();
    }

    /** Every key id, primary first. */
    public Set<String> keyIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(keys.keySet()));
    }

    /** The AES key with that id, if configured. */
    Optional<SecretKey> key(String keyId) {
        byte[] key = keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(new SecretKeySpec(key, "AES"));
    }

    @Override
    public String toString() {
        return "EncryptionKeys[primary=" + primaryKeyId() + ", ids=" + keys.keySet() + "]";
    }
}
