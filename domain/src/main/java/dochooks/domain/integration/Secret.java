package dochooks.domain.integration;

import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A credential (client secret, API key, token). 1–2048 characters (issued tokens up to 16 KiB), no control characters, since it
 * may become a header value. {@link #toString()} never shows it; only {@link #reveal()} does, for
 * the one adapter that must send or encrypt it.
 */
public final class Secret {
    public static final int MAX_LENGTH = 2048;
    private static final String MASK = "\u2022\u2022\u2022\u2022";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret typed by a user; validated: null is {@link Rule#REQUIRED}, an empty or too long one
     * {@link Rule#LENGTH} (as for client ids), one with a control character {@link Rule#CONTROL_CHARACTERS}.
     * The exception never contains the value.
     */
    public static Secret of(String value) {
        return new Secret(Text.requirePlainText(value, MAX_LENGTH));
    }

    /** Tokens and codes that OAuth2 servers issue: JWT access tokens often exceed a typed secret's 2048. */
    public static final int MAX_ISSUED_LENGTH = 16 * 1024;

    /**
     * A credential an OAuth2 server issued (access or refresh token, authorization code): the rules of
     * {@link #of} with room for up to {@link #MAX_ISSUED_LENGTH} characters.
     */
    public static Secret issued(String value) {
        return new Secret(Text.requirePlainText(value, MAX_ISSUED_LENGTH));
    }

    public String reveal() {
        return value;
    }

    /** {@code ••••} plus the last 4 characters, or only {@code ••••} when the secret is shorter than 12. */
    public String hint() {
        int length = Text.length(value);
        if (length < 12) {
            return MASK;
        }
        return MASK + value.substring(value.offsetByCodePoints(0, length - 4));
    }

    @Override
    public boolean equals(Object other) {
        // constant time, so that comparing secrets cannot leak them through timing
        return other instanceof Secret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
