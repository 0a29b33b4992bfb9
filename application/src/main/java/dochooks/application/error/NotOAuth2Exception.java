package dochooks.application.error;

/**
 * A connection operation that only OAuth2 integrations have (start, confirm) was asked of an ApiKey
 * integration (409 {@code not-oauth2}): its users need no connection of their own.
 */
public final class NotOAuth2Exception extends ApplicationException {
    public NotOAuth2Exception(String message) {
        super(message);
    }
}
