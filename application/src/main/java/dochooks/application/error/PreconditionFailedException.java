package dochooks.application.error;

/** The caller's If-Match does not match the integration's current version. */
public final class PreconditionFailedException extends ApplicationException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
