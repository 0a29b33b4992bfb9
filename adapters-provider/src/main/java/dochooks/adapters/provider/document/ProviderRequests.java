package dochooks.adapters.provider.document;

import dochooks.adapters.provider.OutboundRequest;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.ProviderCredential;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the request for one endpoint: base API URL + {@code /} + endpoint name, the query with the
 * integration's request parameters, and the credential headers ({@code apiKey} + {@code username}, or
 * {@code Authorization: Bearer}), never for {@code serviceInfo}. Credentials only ever go to the
 * integration's own base URL, which is the only URL built here.
 */
final class ProviderRequests {
    static final String JSON = "application/json";

    private ProviderRequests() {
    }

    /**
     * A header value whose non-ASCII characters (a Korean username, say) travel as their UTF-8 bytes, as
     * providers expect: Netty writes each char of a header as one byte, so the value is handed over as the
     * ISO-8859-1 reading of its UTF-8 bytes. ASCII values are unchanged.
     */
    static String utf8HeaderValue(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static OutboundRequest request(ProviderCall call, ProviderEndpoint endpoint, ProviderQuery query, String accept) {
        String queryString = query.withAll(call.integration().settings().requestParameters()).encoded();
        String url = call.integration().settings().baseApiUrl().value() + "/" + endpoint.wireName()
                + (queryString.isEmpty() ? "" : "?" + queryString);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set(HttpHeaders.ACCEPT, accept);
        if (endpoint.sendsCredentials()) {
            if (call.credential() instanceof ProviderCredential.ApiKey apiKey) {
                headers.set("apiKey", utf8HeaderValue(apiKey.apiKey().reveal()));
                headers.set("username", utf8HeaderValue(apiKey.username()));
            } else if (call.credential() instanceof ProviderCredential.Bearer bearer) {
                headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + utf8HeaderValue(bearer.accessToken().reveal()));
            }
        }
        try {
            return new OutboundRequest(HttpMethod.valueOf(endpoint.method()), new URI(url), headers);
        } catch (URISyntaxException impossible) {
            // the base URL is a validated ProviderUrl and everything appended is percent-encoded
            throw new IllegalStateException("cannot build the URL of " + endpoint.wireName(), impossible);
        }
    }
}
