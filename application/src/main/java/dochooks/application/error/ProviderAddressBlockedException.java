package dochooks.application.error;

/**
 * The provider's address is not allowed by the egress policy (a loopback, private, link-local, reserved...
 * address outside {@code DOCHOOKS_PROVIDER_ALLOWED_CIDRS}); nothing was sent.
 */
public final class ProviderAddressBlockedException extends ApplicationException {
    public ProviderAddressBlockedException(String message) {
        super(message);
    }
}
