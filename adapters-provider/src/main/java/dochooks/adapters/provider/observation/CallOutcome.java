package dochooks.adapters.provider.observation;

import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.application.error.ReauthorizationRequiredException;

/**
 * The outcome of a provider call as a label: a closed set, so that nothing a provider says (its status
 * text, its OAuth2 error code) can grow the number of metric series.
 */
public final class CallOutcome {
    public static final String OK = "ok";
    /** A token endpoint's 400/401 answer (or an OAuth2 error in a 2xx one). */
    public static final String REFUSED = "refused";
    static final String OTHER = "other";

    private CallOutcome() {
    }

    /** The label of a failed call. */
    public static String of(Throwable failure) {
        if (failure instanceof ProviderTimeoutException) {
            return "timeout";
        } else if (failure instanceof ProviderUnreachableException) {
            return "unreachable";
        } else if (failure instanceof ProviderAddressBlockedException) {
            return "address_blocked";
        } else if (failure instanceof ProviderErrorException) {
            return "provider_error";
        } else if (failure instanceof ProviderBadResponseException) {
            return "bad_response";
        } else if (failure instanceof ProviderNotFoundException) {
            return "not_found";
        } else if (failure instanceof ProviderForbiddenException) {
            return "forbidden";
        } else if (failure instanceof ReauthorizationRequiredException) {
            return "unauthorized";
        } else if (failure instanceof ProviderCircuitOpenException) {
            return "circuit_open";
        } else if (failure instanceof ProviderBusyException) {
            return "busy";
        }
        return OTHER;
    }

    /** The provider's HTTP status when the failure carries one, else 0. */
    static int providerStatus(Throwable failure) {
        if (failure instanceof ProviderErrorException error) {
            return error.providerStatus();
        } else if (failure instanceof ProviderForbiddenException forbidden) {
            return forbidden.providerStatus();
        }
        return 0;
    }
}
