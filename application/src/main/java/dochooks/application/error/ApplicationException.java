package dochooks.application.error;

/**
 * The named failures a use case's Future can fail with; the HTTP adapter maps each to a problem type.
 * They are expected outcomes, so they carry no stack trace (cheap, and nothing to leak).
 */
public abstract class ApplicationException extends RuntimeException {
    protected ApplicationException(String message) {
        super(message, null, false, false);
    }

    protected ApplicationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
