package dochooks.application.document.service;

import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.integration.Secret;
import java.util.List;

/**
 * The connection test's words: which failures are the provider's (reported as failed checks), the status and
 * the short sentence each one gets, and provider text made safe to show.
 */
final class CheckDetails {
    /** Provider text in a check is a hint, not a document: a line at most. */
    static final int MAX_PROVIDER_TEXT = 200;
    private static final String MASK = "****";

    private CheckDetails() {
    }

    /** Whether {@code failure} is the provider's (or its network's) doing, as opposed to ours. */
    static boolean isProviderFailure(Throwable failure) {
        return failure instanceof ProviderErrorException
                || failure instanceof ProviderForbiddenException
                || failure instanceof ProviderNotFoundException
                || failure instanceof ProviderBadResponseException
                || failure instanceof ProviderTimeoutException
                || failure instanceof ProviderUnreachableException
                || failure instanceof ProviderAddressBlockedException
                || failure instanceof ProviderBusyException
                || failure instanceof ProviderCircuitOpenException;
    }

    /** The HTTP status the provider answered with, or null when the failure came before any answer. */
    static Integer statusOf(Throwable failure) {
        if (failure instanceof ProviderErrorException error) {
            return error.providerStatus();
        }
        if (failure instanceof ProviderForbiddenException forbidden) {
            return forbidden.providerStatus();
        }
        if (failure instanceof ProviderNotFoundException) {
            return 404;
        }
        if (failure instanceof ProviderBadResponseException bad) {
            return bad.providerStatus();
        }
        return null;
    }

    /** What went wrong, in a few words; the provider's own error text (masked, cut) when it gave one. */
    static String describe(Throwable failure, List<Secret> secrets) {
        if (failure instanceof ProviderErrorException error) {
            String text = error.providerText() == null ? "" : ": " + safeText(error.providerText(), secrets);
            return "provider answered " + error.providerStatus() + text;
        }
        if (failure instanceof ProviderForbiddenException forbidden) {
            return "provider answered " + forbidden.providerStatus() + ": credentials refused";
        }
        if (failure instanceof ProviderNotFoundException) {
            return "provider answered 404: not found";
        }
        if (failure instanceof ProviderBadResponseException bad) {
            return bad.providerStatus() == null
                    ? "provider answer unusable"
                    : "provider answered " + bad.providerStatus() + " with an unusable body";
        }
        if (failure instanceof ProviderTimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof ProviderUnreachableException) {
            return "unreachable (name, connection or TLS failure)";
        }
        if (failure instanceof ProviderAddressBlockedException) {
            return "address not allowed by the egress policy";
        }
        if (failure instanceof ProviderBusyException) {
            return "too many calls in flight to this integration; not called";
        }
        if (failure instanceof ProviderCircuitOpenException) {
            return "provider failing repeatedly (circuit open); not called";
        }
        return "failed";
    }

    /** {@code text} without control characters, each secret replaced by {@code ****}, cut to 200 characters. */
    static String safeText(String text, List<Secret> secrets) {
        String masked = text;
        for (Secret secret : secrets) {
            masked = masked.replace(secret.reveal(), MASK);
        }
        StringBuilder safe = new StringBuilder();
        masked.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .limit(MAX_PROVIDER_TEXT)
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
