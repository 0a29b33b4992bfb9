package dochooks.adapters.http;

import dochooks.application.integration.port.in.IfMatch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match}: absent or {@code *} admits any version, a strong ETag {@code "3"} one version.
 * Anything else (a weak ETag, a list, garbage, the header twice) is 400 {@code malformed-request}.
 */
final class IfMatchHeader {
    static final String NAME = "If-Match";
    private static final Pattern STRONG_VERSION_ETAG = Pattern.compile("\"([0-9]{1,40})\"");

    private IfMatchHeader() {
    }

    static IfMatch parse(List<String> values) {
        if (values.isEmpty()) {
            return IfMatch.ANY;
        }
        String value = values.size() == 1 ? values.get(0).trim() : "";
        if ("*".equals(value)) {
            return IfMatch.ANY;
        }
        Matcher etag = STRONG_VERSION_ETAG.matcher(value);
        if (!etag.matches()) {
            throw Problem.of(ProblemType.MALFORMED_REQUEST).explainedBy("detail.if-match").asException();
        }
        try {
            return IfMatch.version(Long.parseLong(etag.group(1)));
        } catch (NumberFormatException beyondAnyVersion) {
            return IfMatch.version(Long.MAX_VALUE); // well-formed, so not malformed; it just matches nothing
        }
    }
}
