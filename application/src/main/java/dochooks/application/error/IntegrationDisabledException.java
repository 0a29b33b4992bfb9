package dochooks.application.error;

/**
 * An administrator asked for documents through a disabled integration (409 {@code integration-disabled}).
 * Other users never see this: for them a disabled integration does not exist.
 */
public final class IntegrationDisabledException extends ApplicationException {
    public IntegrationDisabledException(String message) {
        super(message);
    }
}
