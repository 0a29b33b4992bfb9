package dochooks.application.connection.service;

import java.time.Duration;

/** How long the one-time values of api.md section 4 live. */
final class ConnectionLifetimes {
    /** From start to callback: the user has this long to authorize at the provider. */
    static final Duration STATE = Duration.ofMinutes(10);
    /** From callback to confirm. */
    static final Duration CONFIRMATION = Duration.ofMinutes(10);

    private ConnectionLifetimes() {
    }
}
