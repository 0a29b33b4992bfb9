package dochooks.application.error;

/** The provider answered 404: it has no such file or folder (or, for {@code serviceInfo}, no such endpoint). */
public final class ProviderNotFoundException extends ApplicationException {
    public ProviderNotFoundException(String message) {
        super(message);
    }
}
