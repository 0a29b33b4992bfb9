package dochooks.application.connection.port.out;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;

/**
 * An OAuth2 integration's token endpoint ({@code tokenEndpointUrl}). Every call is a {@code POST} of an
 * {@code application/x-www-form-urlencoded} body with the client credentials in the body (never a Basic
 * header), through the egress policy, redirects never followed; the integration's request parameters never go
 * there.
 *
 * <p>Both methods answer {@link TokenGrant.Issued} or, for a 400 or 401 answer (or a 2xx one carrying an OAuth2
 * {@code error} and no token), {@link TokenGrant.Refused}. Anything else fails the Future with a provider
 * exception: {@link dochooks.application.error.ProviderUnreachableException},
 * {@link dochooks.application.error.ProviderTimeoutException},
 * {@link dochooks.application.error.ProviderAddressBlockedException},
 * {@link dochooks.application.error.ProviderErrorException} (another status, a redirect included) or
 * {@link dochooks.application.error.ProviderBadResponseException} (a 2xx answer without a usable access token).
 */
public interface TokenEndpointPort {

    /**
     * {@code grant_type=authorization_code} with {@code code}, {@code redirect_uri}, {@code client_id},
     * {@code client_secret} and {@code code_verifier}.
     *
     * @throws IllegalArgumentException (as a failed Future) when {@code integration} is no OAuth2 integration
     */
    Future<TokenGrant> redeem(Integration integration, AuthorizationCode code);

    /** {@code grant_type=refresh_token} with {@code refresh_token}, {@code client_id} and {@code client_secret} only. */
    Future<TokenGrant> refresh(Integration integration, Secret refreshToken);
}
