package dochooks.application.error;

/** Another integration of the tenant already has that name (by comparison key). */
public final class NameTakenException extends ApplicationException {
    public NameTakenException(String message) {
        super(message);
    }
}
