package dochooks.adapters.http;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import dochooks.application.error.NotOAuth2Exception;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.application.error.PreconditionFailedException;
import dochooks.application.error.VersionConflictException;
import dochooks.domain.validation.ValidationException;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;

/**
 * Turns what a request failed with into a problem: the adapter's own {@link ProblemException}s, the
 * application's named exceptions, and the bare status codes Vert.x Web fails with (404, 405, 413...).
 * Anything else is a bug: {@link #map} says so by returning {@code internal-error}.
 */
final class ProblemMapper {
    /** Seconds a client should wait before retrying when the database is away. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private ProblemMapper() {
    }

    /**
     * @param failure    the failure, or null when Vert.x failed with a status code only
     * @param statusCode the status code the context failed with, or -1
     */
    static Problem map(Throwable failure, int statusCode) {
        if (failure instanceof ProblemException problem) {
            return problem.problem();
        }
        if (failure instanceof ValidationException validation) {
            return Problem.validation(validation.violations());
        }
        if (failure instanceof IntegrationNotFoundException) {
            return Problem.of(ProblemType.INTEGRATION_NOT_FOUND);
        }
        if (failure instanceof NameTakenException) {
            return Problem.of(ProblemType.NAME_TAKEN);
        }
        if (failure instanceof ForbiddenException) {
            return Problem.of(ProblemType.FORBIDDEN);
        }
        if (failure instanceof NotOAuth2Exception) {
            return Problem.of(ProblemType.NOT_OAUTH2);
        }
        if (failure instanceof OAuthCallbackRejectedException) {
            return Problem.of(ProblemType.OAUTH_CALLBACK_REJECTED);
        }
        // a version conflict normally becomes PreconditionFailedException in the service; if one slips
        // through, the write did not happen because someone else wrote first, which is what 412 says
        if (failure instanceof PreconditionFailedException || failure instanceof VersionConflictException) {
            return Problem.of(ProblemType.PRECONDITION_FAILED);
        }
        if (failure instanceof DatabaseUnavailableException) {
            return Problem.of(ProblemType.DATABASE_UNAVAILABLE).withHeader("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
        }
        Optional<Problem> provider = ProviderProblems.map(failure);
        if (provider.isPresent()) {
            return provider.get();
        }
        // Vert.x Web fails with a status (and maybe its own exception) for requests it cannot route or read
        int status = failure instanceof HttpException http ? http.getStatusCode() : statusCode;
        return forStatus(status).map(Problem::of).orElseGet(() -> Problem.of(ProblemType.INTERNAL_ERROR));
    }

    /**
     * The problem type Vert.x means by a bare status code: a request it could not route or read. Any
     * other client error it raises (a refused {@code Expect}, a missing {@code Host}) is a malformed request.
     */
    static Optional<ProblemType> forStatus(int status) {
        return switch (status) {
            case 404 -> Optional.of(ProblemType.NOT_FOUND);
            case 405 -> Optional.of(ProblemType.METHOD_NOT_ALLOWED);
            case 413 -> Optional.of(ProblemType.PAYLOAD_TOO_LARGE);
            default -> status >= 400 && status < 500 ? Optional.of(ProblemType.MALFORMED_REQUEST) : Optional.empty();
        };
    }
}
