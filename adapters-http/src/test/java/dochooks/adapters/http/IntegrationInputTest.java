package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationInputTest {

    @Test
    void sortsEditableReadOnlyAndUnknownFieldsInBodyOrder() {
        JsonObject body = new JsonObject("""
                {"zeta": 1, "name": "Acme", "version": 3, "clientSecret": true, "createdAt": "2026-01-01T00:00:00.000Z",
                 "status": null, "id": null, "Name": "case matters"}""");

        IntegrationInput input = IntegrationInput.from(body);

        assertEquals("Acme", input.form().name());
        assertNull(input.form().status());
        assertNull(input.form().clientSecret());
        assertEquals(Map.of("version", "3", "createdAt", "2026-01-01T00:00:00.000Z"), input.readOnlyEchoes());
        assertEquals(List.of(
                FieldViolation.of("zeta", Rule.UNKNOWN_FIELD),
                FieldViolation.of("clientSecret", Rule.NOT_A_STRING),
                FieldViolation.of("Name", Rule.UNKNOWN_FIELD)), input.violations());
    }

    @Test
    void readOnlyNumbersAndObjectsAreEchoedAsTheirJsonText() {
        IntegrationInput input = IntegrationInput.from(new JsonObject().put("version", 2.5)
                .put("id", new JsonObject().put("a", 1)));

        assertEquals("2.5", input.readOnlyEchoes().get("version"));
        assertEquals("{\"a\":1}", input.readOnlyEchoes().get("id"));
    }
}
