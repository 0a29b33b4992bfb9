package dochooks.application.error;

/** No such integration for the caller: missing, another tenant's, or disabled and the caller is no admin. */
public final class IntegrationNotFoundException extends ApplicationException {
    public IntegrationNotFoundException(String message) {
        super(message);
    }
}
