package dochooks.application.document.service;

import dochooks.application.document.port.in.CheckDetail;
import dochooks.application.document.port.in.CheckDetail.Kind;
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
 * The connection test's findings: which failures are the provider's (reported as failed checks), the status and
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
    static CheckDetail describe(Throwable failure, List<Secret> secrets) {
        if (failure instanceof ProviderErrorException error) {
            return error.providerText() == null
                    ? CheckDetail.of(Kind.PROVIDER_ANSWERED, error.providerStatus())
                    : CheckDetail.of(Kind.PROVIDER_ANSWERED_WITH_TEXT, error.providerStatus(),
                            safeText(error.providerText(), secrets));
        }
        if (failure instanceof ProviderForbiddenException forbidden) {
            return CheckDetail.of(Kind.CREDENTIALS_REFUSED, forbidden.providerStatus());
        }
        if (failure instanceof ProviderNotFoundException) {
            return CheckDetail.of(Kind.PROVIDER_NOT_FOUND);
        }
        if (failure instanceof ProviderBadResponseException bad) {
            return bad.providerStatus() == null
                    ? CheckDetail.of(Kind.UNUSABLE_ANSWER)
                    : CheckDetail.of(Kind.UNUSABLE_BODY, bad.providerStatus());
        }
        if (failure instanceof ProviderTimeoutException) {
            return CheckDetail.of(Kind.TIMEOUT);
        }
        if (failure instanceof ProviderUnreachableException) {
            return CheckDetail.of(Kind.UNREACHABLE);
        }
        if (failure instanceof ProviderAddressBlockedException) {
            return CheckDetail.of(Kind.ADDRESS_BLOCKED);
        }
        if (failure instanceof ProviderBusyException) {
            return CheckDetail.of(Kind.BUSY);
        }
        if (failure instanceof ProviderCircuitOpenException) {
            return CheckDetail.of(Kind.CIRCUIT_OPEN);
        }
        return CheckDetail.of(Kind.FAILED);
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
