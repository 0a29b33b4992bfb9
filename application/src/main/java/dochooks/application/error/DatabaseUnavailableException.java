package dochooks.application.error;

/** The database did not answer; the operation may be retried. */
public final class DatabaseUnavailableException extends ApplicationException {
    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
