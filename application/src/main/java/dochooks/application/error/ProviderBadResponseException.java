package dochooks.application.error;

/**
 * The provider answered something dochooks cannot use: a body that does not parse or breaks the protocol's
 * shapes (an item without id, an unknown kind...), a JSON answer over the size cap (16 MiB by default), or an
 * answer cut off midway.
 * {@link #providerStatus()} is the status it answered with, or null when it sent none.
 */
public final class ProviderBadResponseException extends ApplicationException {
    private final Integer providerStatus;

    public ProviderBadResponseException(Integer providerStatus, String message) {
        super(message);
        this.providerStatus = providerStatus;
    }

    /** The provider's HTTP status, or null when the failure came before one. */
    public Integer providerStatus() {
        return providerStatus;
    }
}
