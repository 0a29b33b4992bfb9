package dochooks.application.document.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What the connection test found (api.md 3.4): each step, in the order it ran. The report is ok when every
 * check is; a provider failure is a failed check, never a failed test.
 */
public record ConnectionTestReport(List<Check> checks) {

    public ConnectionTestReport {
        checks = List.copyOf(checks);
    }

    /** True when every check passed. */
    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }

    /**
     * One step of the test.
     *
     * @param name   what was checked: {@code serviceInfo}, {@code files}, {@code metadata},
     *               {@code authenticationUrl}, {@code tokenEndpointUrl} or {@code connection}
     * @param ok     whether it passed (a skipped step that had nothing to check passes)
     * @param status the HTTP status the provider answered, or null when it answered none (unreachable, timed
     *               out, blocked, skipped, nothing called)
     * @param millis how long the step took
     * @param detail what the step found, for the admin, never a secret
     */
    public record Check(String name, boolean ok, Integer status, long millis, CheckDetail detail) {
        public static final String SERVICE_INFO = "serviceInfo";
        public static final String FILES = "files";
        public static final String METADATA = "metadata";
        public static final String AUTHENTICATION_URL = "authenticationUrl";
        public static final String TOKEN_ENDPOINT_URL = "tokenEndpointUrl";
        public static final String CONNECTION = "connection";

        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
            if (millis < 0) {
                throw new IllegalArgumentException("millis cannot be negative, was " + millis);
            }
        }
    }
}
