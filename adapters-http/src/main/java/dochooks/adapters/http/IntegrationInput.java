package dochooks.adapters.http;

import dochooks.domain.integration.IntegrationForm;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A create or replace body, sorted into what the use cases take: the editable fields (strings;
 * {@code null} = absent), the read-only fields the client echoed (as text), and the faults of shape
 * found here, one per field in body order (a non-string editable field, an unknown field).
 */
record IntegrationInput(IntegrationForm form, Map<String, String> readOnlyEchoes, List<FieldViolation> violations) {

    /** The representation's fields a client may send back but not change (api.md 3.3). */
    static final Set<String> READ_ONLY_FIELDS = Set.of(
            "id", "redirectUri", "version", "clientSecretHint", "apiKeyHint", "createdAt", "updatedAt");

    static IntegrationInput from(JsonObject body) {
        Map<String, String> editable = new HashMap<>();
        Map<String, String> echoes = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (Map.Entry<String, Object> field : body) {
            String name = field.getKey();
            Object value = field.getValue();
            if (IntegrationForm.FIELDS.contains(name)) {
                if (value instanceof String text) {
                    editable.put(name, text);
                } else if (value != null) {
                    violations.add(FieldViolation.of(name, Rule.NOT_A_STRING));
                }
            } else if (READ_ONLY_FIELDS.contains(name)) {
                if (value != null) {
                    echoes.put(name, value instanceof String text ? text : Json.encode(value));
                }
            } else {
                violations.add(FieldViolation.of(name, Rule.UNKNOWN_FIELD));
            }
        }
        IntegrationForm form = new IntegrationForm(editable.get("name"), editable.get("baseApiUrl"),
                editable.get("requestParameters"), editable.get("authType"), editable.get("authenticationUrl"),
                editable.get("tokenEndpointUrl"), editable.get("clientId"), editable.get("clientSecret"),
                editable.get("apiKey"), editable.get("status"));
        return new IntegrationInput(form, echoes, violations);
    }
}
