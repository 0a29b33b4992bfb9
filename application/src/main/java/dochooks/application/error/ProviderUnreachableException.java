package dochooks.application.error;

/** The provider could not be reached: its name does not resolve, the connection is refused, TLS fails. */
public final class ProviderUnreachableException extends ApplicationException {
    public ProviderUnreachableException(String message) {
        super(message);
    }

    public ProviderUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
