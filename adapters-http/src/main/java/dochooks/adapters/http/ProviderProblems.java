package dochooks.adapters.http;

import dochooks.application.error.ConnectionRequiredException;
import dochooks.application.error.IntegrationDisabledException;
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
import java.util.Optional;

/**
 * The problems of working through an integration (api.md section 5): the state of the integration or of the
 * caller's connection (409), dochooks' own protections of a provider (503 busy or circuit open, with
 * {@code Retry-After}), and every way a provider can fail (403, 404, 502, 504). A provider's HTTP status
 * goes into {@code providerStatus} whenever it answered one; its error text, already cut and scrubbed of
 * secrets by the provider adapter, becomes the {@code detail} of {@code provider-error}.
 */
final class ProviderProblems {
    /** The catalog entry whose detail is the provider's own text, as it is in every language. */
    static final String PROVIDER_TEXT_KEY = "detail.provider-text";
    private static final String RETRY_AFTER = "Retry-After";

    private ProviderProblems() {
    }

    static Optional<Problem> map(Throwable failure) {
        if (failure instanceof IntegrationDisabledException) {
            return Optional.of(Problem.of(ProblemType.INTEGRATION_DISABLED));
        }
        if (failure instanceof ConnectionRequiredException) {
            return Optional.of(Problem.of(ProblemType.CONNECTION_REQUIRED));
        }
        if (failure instanceof ReauthorizationRequiredException) {
            return Optional.of(Problem.of(ProblemType.REAUTHORIZATION_REQUIRED));
        }
        if (failure instanceof ProviderForbiddenException forbidden) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_FORBIDDEN).withProviderStatus(forbidden.providerStatus()));
        }
        if (failure instanceof ProviderNotFoundException) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_NOT_FOUND).withProviderStatus(404));
        }
        if (failure instanceof ProviderErrorException error) {
            Problem problem = Problem.of(ProblemType.PROVIDER_ERROR).withProviderStatus(error.providerStatus());
            String text = error.providerText();
            return Optional.of(text == null || text.isBlank() ? problem : problem.explainedBy(PROVIDER_TEXT_KEY, text));
        }
        if (failure instanceof ProviderBadResponseException bad) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_BAD_RESPONSE).withProviderStatus(bad.providerStatus()));
        }
        if (failure instanceof ProviderTimeoutException) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_TIMEOUT));
        }
        if (failure instanceof ProviderUnreachableException) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_UNREACHABLE));
        }
        if (failure instanceof ProviderAddressBlockedException) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_ADDRESS_BLOCKED));
        }
        if (failure instanceof ProviderBusyException busy) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_BUSY)
                    .withHeader(RETRY_AFTER, Long.toString(busy.retryAfterSeconds())));
        }
        if (failure instanceof ProviderCircuitOpenException open) {
            return Optional.of(Problem.of(ProblemType.PROVIDER_CIRCUIT_OPEN)
                    .withHeader(RETRY_AFTER, Long.toString(open.retryAfterSeconds())));
        }
        return Optional.empty();
    }
}
