package dochooks.adapters.provider.resilience;

import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;

/**
 * Which failures say that a provider is down or overloaded, as opposed to answering (even badly, or "no" to
 * one user's request). Only those count against its circuit breaker, and only the transient ones are retried.
 */
final class ProviderFaults {
    private ProviderFaults() {
    }

    /**
     * A timeout, an unreachable provider, or a 502/503/504 (a gateway or the provider saying it cannot serve
     * now). Not 4xx, nor 500 (one user's odd item can cause it), nor bad bodies (the provider is up and
     * answering), nor dochooks' own refusals (egress policy, busy, circuit open).
     */
    static boolean isProviderFault(Throwable failure) {
        return failure instanceof ProviderTimeoutException
                || failure instanceof ProviderUnreachableException
                || isUnavailableStatus(failure);
    }

    /**
     * A failure that a second attempt of a read may not meet: an unreachable provider (refused or reset
     * connection, DNS, TLS) or a 502/503/504. Not a timeout: that attempt already took the whole provider
     * timeout, and another would multiply the caller's wait and the load on a provider that is struggling.
     */
    static boolean isRetryable(Throwable failure) {
        return failure instanceof ProviderUnreachableException || isUnavailableStatus(failure);
    }

    private static boolean isUnavailableStatus(Throwable failure) {
        if (failure instanceof ProviderErrorException error) {
            int status = error.providerStatus();
            return status == 502 || status == 503 || status == 504;
        }
        return false;
    }
}
