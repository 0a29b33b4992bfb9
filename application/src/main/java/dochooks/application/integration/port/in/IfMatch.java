package dochooks.application.integration.port.in;

import java.util.OptionalLong;

/**
 * A write's precondition on the integration's version: none (absent header or {@code *}) or one
 * exact version (a strong ETag {@code "3"}).
 */
public record IfMatch(OptionalLong version) {
    public static final IfMatch ANY = new IfMatch(OptionalLong.empty());

    public static IfMatch version(long version) {
        return new IfMatch(OptionalLong.of(version));
    }

    public boolean admits(long currentVersion) {
        return version.isEmpty() || version.getAsLong() == currentVersion;
    }
}
