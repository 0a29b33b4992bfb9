package dochooks.adapters.provider.oauth2;

import dochooks.adapters.provider.OutboundHttpClient;
import dochooks.adapters.provider.OutboundRequest;
import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Objects;

/**
 * {@link TokenEndpointPort} through the {@link OutboundHttpClient} (egress-checked, redirects never followed,
 * the provider timeout as total deadline, answers capped at 16 MiB). Client credentials travel in the form body,
 * never in a Basic header; the integration's request parameters never go here. See
 * {@code docs/adr/004-oauth2-token-endpoint.md} for why this is not vertx-auth-oauth2.
 */
public final class OAuth2TokenClient implements TokenEndpointPort {
    private final OutboundHttpClient http;

    public OAuth2TokenClient(OutboundHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Future<TokenGrant> redeem(Integration integration, AuthorizationCode code) {
        return oauth2(integration).compose(oauth2 -> post(oauth2, new FormBody()
                        .add("grant_type", "authorization_code")
                        .add("code", code.code().reveal())
                        .add("redirect_uri", code.redirectUri().value())
                        .add("client_id", oauth2.clientId().value())
                        .add("client_secret", oauth2.clientSecret().reveal())
                        .add("code_verifier", code.codeVerifier().reveal()),
                List.of(oauth2.clientSecret(), code.code(), code.codeVerifier())));
    }

    @Override
    public Future<TokenGrant> refresh(Integration integration, Secret refreshToken) {
        return oauth2(integration).compose(oauth2 -> post(oauth2, new FormBody()
                        .add("grant_type", "refresh_token")
                        .add("refresh_token", refreshToken.reveal())
                        .add("client_id", oauth2.clientId().value())
                        .add("client_secret", oauth2.clientSecret().reveal()),
                List.of(oauth2.clientSecret(), refreshToken)));
    }

    private Future<TokenGrant> post(OAuth2Strategy oauth2, FormBody form, List<Secret> secrets) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.CONTENT_TYPE, FormBody.MEDIA_TYPE)
                .set(HttpHeaders.ACCEPT, "application/json");
        OutboundRequest request;
        try {
            request = new OutboundRequest(HttpMethod.POST, oauth2.tokenEndpointUrl().uri(), headers);
        } catch (IllegalArgumentException unusable) {
            return Future.failedFuture(unusable);
        }
        return http.exchange(request, form.toBuffer()).map(answer -> TokenAnswers.read(answer, secrets));
    }

    private static Future<OAuth2Strategy> oauth2(Integration integration) {
        if (integration.settings().auth() instanceof OAuth2Strategy oauth2) {
            return Future.succeededFuture(oauth2);
        }
        return Future.failedFuture(new IllegalArgumentException("integration " + integration.id()
                + " does not use OAuth2"));
    }
}
