package dochooks.application.error;

/**
 * The provider took too long: no complete JSON answer within the deadline, or, for streamed bytes, no
 * connection or silence for the idle timeout.
 */
public final class ProviderTimeoutException extends ApplicationException {
    public ProviderTimeoutException(String message) {
        super(message);
    }
}
