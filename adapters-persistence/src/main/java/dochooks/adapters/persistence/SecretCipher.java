package dochooks.adapters.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for values at rest. A sealed value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)},
 * stored with the id of the key that sealed it. The associated data names the table, row and column the value
 * belongs to, so a ciphertext copied to another row or column no longer opens.
 */
final class SecretCipher {
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A value sealed under the key {@code keyId}. */
    record Sealed(String keyId, byte[] bytes) {
    }

    private final EncryptionKeys keys;

    SecretCipher(EncryptionKeys keys) {
        this.keys = keys;
    }

    /** Seals {@code plaintext} under the primary key, bound to {@code boundTo}. */
    Sealed encrypt(String plaintext, AssociatedData boundTo) {
        String keyId = keys.primaryKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce); // random 96-bit nonce: safe for far more than 2^32 values per key
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key(keyId, boundTo), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.bytes());
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(keyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + boundTo + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws SealedValueException when the key id is not configured, or the value was altered or belongs
     *                                   elsewhere (the tag does not verify)
     */
    String decrypt(Sealed sealed, AssociatedData boundTo) {
        byte[] bytes = sealed.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("cannot decrypt " + boundTo + ": stored value too short");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key(sealed.keyId(), boundTo),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.bytes());
            plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("cannot decrypt " + boundTo + " under key id " + sealed.keyId()
                    + ": the value was altered or belongs to another row (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new SealedValueException("cannot decrypt " + boundTo + ": plaintext is not UTF-8");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private SecretKey key(String keyId, AssociatedData boundTo) {
        return keys.key(keyId).orElseThrow(() -> new SealedValueException("cannot decrypt " + boundTo
                + ": key id " + keyId + " is not among the configured encryption keys"));
    }

    /**
     * What a sealed value belongs to: its table, row key parts and column. Encoded with a length before each
     * part, so that no two different lists of parts give the same bytes (a tenant id may contain any separator).
     */
    record AssociatedData(String table, java.util.List<String> rowKey, String column) {
        AssociatedData {
            rowKey = java.util.List.copyOf(rowKey);
        }

        static AssociatedData of(String table, String column, String... rowKey) {
            return new AssociatedData(table, java.util.List.of(rowKey), column);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writePart(out, table);
            for (String part : rowKey) {
                writePart(out, part);
            }
            writePart(out, column);
            return out.toByteArray();
        }

        private static void writePart(ByteArrayOutputStream out, String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }

        /** Names the table and column only: row keys (tenant ids) stay out of messages. */
        @Override
        public String toString() {
            return table + "." + column;
        }
    }
}
