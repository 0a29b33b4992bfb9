package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The representation of an integration (api.md 3.1): every field for admins, only id, name, authType
 * and status for other users. Secrets appear only as their hint.
 */
final class IntegrationJson {
    /** RFC 3339 in UTC with exactly three fraction digits. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final RedirectUri redirectUri;

    IntegrationJson(RedirectUri redirectUri) {
        this.redirectUri = redirectUri;
    }

    JsonObject render(Integration integration, Caller caller) {
        return caller.isAdmin() ? adminView(integration) : userView(integration);
    }

    private static JsonObject userView(Integration integration) {
        return new JsonObject()
                .put("id", integration.id().toString())
                .put("name", integration.name().value())
                .put("authType", integration.authType().apiName())
                .put("status", integration.status().name());
    }

    private JsonObject adminView(Integration integration) {
        IntegrationSettings settings = integration.settings();
        JsonObject json = new JsonObject()
                .put("id", integration.id().toString())
                .put("name", settings.name().value())
                .put("baseApiUrl", settings.baseApiUrl().value())
                .put("requestParameters", settings.requestParameters().encoded())
                .put("authType", settings.auth().type().apiName());
        if (settings.auth() instanceof OAuth2Strategy oauth2) {
            json.put("authenticationUrl", oauth2.authenticationUrl().value())
                    .put("tokenEndpointUrl", oauth2.tokenEndpointUrl().value())
                    .put("clientId", oauth2.clientId().value())
                    .put("clientSecretHint", oauth2.clientSecret().hint())
                    .put("redirectUri", redirectUri.value());
        } else if (settings.auth() instanceof ApiKeyStrategy apiKey) {
            json.put("apiKeyHint", apiKey.apiKey().hint());
        }
        return json.put("status", settings.status().name())
                .put("version", integration.version())
                .put("createdAt", time(integration.createdAt()))
                .put("updatedAt", time(integration.updatedAt()));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String etag(Integration integration) {
        return "\"" + integration.version() + "\"";
    }
}
