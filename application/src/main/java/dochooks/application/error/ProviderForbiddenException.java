package dochooks.application.error;

/**
 * The provider refused the call's credentials or their access to the item: it answered 401 or 403,
 * {@link #providerStatus()} says which. For OAuth2 integrations this is the signal to refresh once.
 */
public final class ProviderForbiddenException extends ApplicationException {
    private final int providerStatus;

    public ProviderForbiddenException(int providerStatus) {
        super("the provider refused the call with status " + providerStatus);
        this.providerStatus = providerStatus;
    }

    public int providerStatus() {
        return providerStatus;
    }
}
