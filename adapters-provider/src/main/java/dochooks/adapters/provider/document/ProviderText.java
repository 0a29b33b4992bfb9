package dochooks.adapters.provider.document;

import dochooks.domain.integration.RequestParameters;
import dochooks.domain.integration.Secret;
import java.util.Comparator;
import java.util.List;

/**
 * Makes text a provider sent safe to relay: control and bidi-control characters removed (first, so that they
 * cannot hide a secret from the masking), every secret of the call replaced by {@code ****} (as is and
 * percent-encoded), then cut to 500 characters (code points). Blank text becomes null. Public for the token
 * endpoint client, which relays the token endpoint's error texts by the same rule.
 */
public final class ProviderText {
    public static final int MAX_LENGTH = 500;
    static final String MASK = "****";

    private ProviderText() {
    }

    public static String sanitize(String raw, List<Secret> secrets) {
        if (raw == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(raw.length(), 64 * 1024));
        raw.codePoints().filter(cp -> !isControl(cp)).forEach(clean::appendCodePoint);
        String text = clean.toString();
        List<String> forms = secrets.stream()
                .map(Secret::reveal)
                .flatMap(secret -> java.util.stream.Stream.of(secret, RequestParameters.encode(secret)))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()) // longest first: no half-masked overlaps
                .toList();
        for (String secret : forms) {
            text = text.replace(secret, MASK);
        }
        text = text.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH));
        }
        return text;
    }

    private static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
