package dochooks.application.connection.port.out;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;

/**
 * The caller's OAuth2 tokens for an integration: what the document use cases send as
 * {@code Authorization: Bearer}, and the one refresh they may ask for after a provider refused a token.
 *
 * <p>The retry rule of api.md section 5 lives in the application (one place, for every operation); this
 * port only reads and refreshes. A connection belongs to one user: (tenant, user) of the {@link Caller} and the
 * integration's id. Futures fail with {@link dochooks.application.error.DatabaseUnavailableException} when
 * storage does not answer.
 */
public interface UserAccessTokenPort {

    /**
     * The caller's stored token for {@code integration}, read only: this never calls the token endpoint
     * (the connection test relies on it to send no grant).
     */
    Future<ConnectionToken> currentToken(Caller caller, Integration integration);

    /**
     * The caller's token for {@code integration}, usable now: the stored one, refreshed first when it expires
     * within min(60 s, half its lifetime) (see {@link dochooks.domain.connection.TokenLifetime}) and there is a
     * refresh token. What the document operations call before sending a token; never the connection test.
     *
     * <p>The refresh follows the rules of {@link #refreshAfterRefusal}: one per connection at a time, a refused
     * one answers {@link ConnectionToken.ReauthorizationRequired}. A token endpoint that fails while the stored
     * token has not expired yet is no reason to fail the call: the stored token is answered, and the next call
     * tries again. Once it expired, the failure fails the Future as for {@link #refreshAfterRefusal}.
     */
    Future<ConnectionToken> usableToken(Caller caller, Integration integration);

    /**
     * The provider refused {@code refused} (401 or 403): refresh it once at the token endpoint
     * ({@code grant_type=refresh_token}) and store the new tokens (a refresh without a new refresh token keeps the
     * old one), unless the stored access token is no longer {@code refused} by the time the refresh would start
     * (another request refreshed it meanwhile): then answer the stored one without calling the token endpoint.
     * The check and the refresh must be atomic per connection (a row lock, say), so that racing requests
     * refresh once.
     *
     * <p>Answers {@link ConnectionToken.Connected} with the token to retry with;
     * {@link ConnectionToken.ReauthorizationRequired} when the token endpoint refused the refresh (an OAuth2
     * error such as {@code invalid_grant}, 400 or 401) or there is no refresh token, after marking the connection
     * so (its API state becomes {@code REAUTHORIZATION_REQUIRED}); {@link ConnectionToken.NotConnected} when the
     * connection is gone. A token endpoint that cannot be reached, times out or answers something else fails the
     * Future with the provider exceptions ({@link dochooks.application.error.ProviderUnreachableException},
     * {@link dochooks.application.error.ProviderTimeoutException},
     * {@link dochooks.application.error.ProviderErrorException},
     * {@link dochooks.application.error.ProviderBadResponseException},
     * {@link dochooks.application.error.ProviderAddressBlockedException}) and leaves the connection as it was.
     */
    Future<ConnectionToken> refreshAfterRefusal(Caller caller, Integration integration, AccessToken refused);
}
