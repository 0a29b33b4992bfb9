package dochooks.adapters.provider.observation;

import dochooks.domain.integration.IntegrationId;
import java.time.Duration;
import java.util.Objects;

/**
 * One finished provider call. Every field is from a small closed set except the integration, which only an
 * operator who opted in may put into metric labels.
 *
 * @param integration the integration called
 * @param endpoint    the protocol endpoint ({@code files}, {@code download}, ...) or the token call
 *                    ({@link #TOKEN_REDEEM}, {@link #TOKEN_REFRESH})
 * @param outcome     one of {@link CallOutcome}'s names, e.g. {@code ok}, {@code timeout}, {@code refused}
 * @param duration    from the call to its answer (for a byte stream: to the answer's head, not the last byte)
 */
public record ObservedProviderCall(IntegrationId integration, String endpoint, String outcome, Duration duration) {
    public static final String TOKEN_REDEEM = "token_redeem";
    public static final String TOKEN_REFRESH = "token_refresh";

    public ObservedProviderCall {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
