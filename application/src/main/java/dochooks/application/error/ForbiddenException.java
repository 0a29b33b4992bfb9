package dochooks.application.error;

/** The caller's role does not allow the operation. */
public final class ForbiddenException extends ApplicationException {
    public ForbiddenException(String message) {
        super(message);
    }
}
