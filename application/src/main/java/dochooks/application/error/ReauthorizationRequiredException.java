package dochooks.application.error;

/**
 * The caller's connection to an OAuth2 integration can no longer be used: the token endpoint refused to
 * refresh it (409 {@code reauthorization-required}); the user must connect again.
 */
public final class ReauthorizationRequiredException extends ApplicationException {
    public ReauthorizationRequiredException(String message) {
        super(message);
    }
}
