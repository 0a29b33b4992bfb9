package dochooks.application.error;

/** A conditional write found another version than it expected (someone wrote in between). */
public final class VersionConflictException extends ApplicationException {
    public VersionConflictException(String message) {
        super(message);
    }
}
