package dochooks.application.error;

/**
 * An authorization callback or confirmation that dochooks does not accept (400 {@code oauth-callback-rejected}):
 * an unknown, used or expired {@code state} or confirmation, a provider that answered {@code error=}, or a
 * callback without {@code code}. Nothing was stored; the message says which, and never holds the values.
 */
public final class OAuthCallbackRejectedException extends ApplicationException {
    public OAuthCallbackRejectedException(String message) {
        super(message);
    }
}
