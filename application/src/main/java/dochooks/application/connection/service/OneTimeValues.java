package dochooks.application.connection.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of an authorization: {@code state}, confirmation and PKCE verifier, each 256 bits from a
 * {@link SecureRandom}, written as 43 characters of unpadded base64url (also a valid RFC 7636 verifier); and
 * the S256 challenge of a verifier.
 */
final class OneTimeValues {
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private OneTimeValues() {
    }

    static String random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** RFC 7636 S256: base64url (unpadded) of the SHA-256 of the verifier's ASCII bytes. */
    static String s256Challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
