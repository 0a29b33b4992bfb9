package dochooks.application.error;

/**
 * The caller has no connection to an OAuth2 integration, so there is no access token to send
 * (409 {@code connection-required}); they must connect first.
 */
public final class ConnectionRequiredException extends ApplicationException {
    public ConnectionRequiredException(String message) {
        super(message);
    }
}
