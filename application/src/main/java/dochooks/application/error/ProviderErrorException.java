package dochooks.application.error;

/**
 * The provider reported a failure: a status other than 2xx, 401, 403 and 404, or a failure body
 * ({@code {"status":"error"|"failure"}}, {@code {"result":"fail"}}) with any status.
 * {@link #providerText()} is the provider's own error text, safe to show: at most 500 characters, without
 * control characters, every secret or token of the call replaced by {@code ****}; null when it gave none.
 */
public final class ProviderErrorException extends ApplicationException {
    private final int providerStatus;
    private final String providerText;

    public ProviderErrorException(int providerStatus, String providerText) {
        super("the provider answered " + providerStatus + (providerText == null ? "" : ": " + providerText));
        this.providerStatus = providerStatus;
        this.providerText = providerText;
    }

    public int providerStatus() {
        return providerStatus;
    }

    /** The sanitized error text, or null. */
    public String providerText() {
        return providerText;
    }
}
