package dochooks.application.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider reported a failure: a status other than 2xx, 401, 403 and 404, or a failure body
 * ({@code {"status":"error"|"failure"}}, {@code {"result":"fail"}}) with any status.
 * {@link #providerText()} is the provider's own error text, safe to show: at most 500 characters, without
 * control characters, every secret or token of the call replaced by {@code ****}; null when it gave none.
 * {@link #retryAfter()} is how long the provider asked callers to wait (its {@code Retry-After}), when it said.
 */
public final class ProviderErrorException extends ApplicationException {
    private final int providerStatus;
    private final String providerText;
    private final Duration retryAfter;

    public ProviderErrorException(int providerStatus, String providerText) {
        this(providerStatus, providerText, null);
    }

    /** @param retryAfter the provider's {@code Retry-After} (zero or more), or null when it sent none */
    public ProviderErrorException(int providerStatus, String providerText, Duration retryAfter) {
        super("the provider answered " + providerStatus + (providerText == null ? "" : ": " + providerText));
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, was " + retryAfter);
        }
        this.providerStatus = providerStatus;
        this.providerText = providerText;
        this.retryAfter = retryAfter;
    }

    public int providerStatus() {
        return providerStatus;
    }

    /** The sanitized error text, or null. */
    public String providerText() {
        return providerText;
    }

    /** How long the provider asked to wait before calling again ({@code Retry-After}); empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
