package dochooks.application.integration.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import dochooks.application.testing.IntegrationForms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {
    private static final UUID ID = UUID.fromString("0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10");

    private static String base64Url(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme dms", "문서 관리", "\uD83D\uDCC4 files", "a:b:c", "c1:trap", " ", "x"})
    void decodesWhatItEncodes(String nameKey) {
        PageCursor cursor = new PageCursor(nameKey, ID);

        assertEquals(cursor, PageCursor.decode(cursor.encode()));
    }

    @Test
    void encodesToTextThatNeedsNoEscapingInAQuery() {
        String token = new PageCursor("??>>~~ 문서/+", ID).encode();

        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void pointsAfterAnIntegrationByItsComparisonKeyAndId() {
        Integration integration = Integration.register(new TenantId("acme"), IntegrationSettings.from(
                IntegrationForms.apiKey().name("Caf\u00E9 DMS").build(), UrlPolicy.HTTPS_ONLY, null, List.of()),
                Instant.parse("2026-11-23T14:05:00Z"));

        PageCursor cursor = PageCursor.after(integration);

        assertEquals("caf\u00E9 dms", cursor.nameKey());
        assertEquals(integration.id().value(), cursor.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "abc", "YWJj", "not a cursor", "c1:0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10:x",
            "Yz=E6", "++//"})
    void refusesTokensItDidNotIssue(String token) {
        assertRefusedAsCursor(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c1:", "c1:0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10", "c1:0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10x",
            "c2:0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10:name", "c1:0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7eZZ:name",
            "c1:0b8e7c1e 3f0a-4c7e-9d55-5a3f1c2b7e10:name", "c1:short-1-1-1-1-1-1-1-1-1-1-1-1-1-1:name"})
    void refusesWellEncodedTokensWithTheWrongContent(String plain) {
        assertRefusedAsCursor(base64Url(plain));
    }

    private static void assertRefusedAsCursor(String token) {
        ValidationException failure = assertThrows(ValidationException.class, () -> PageCursor.decode(token));
        assertEquals(List.of(FieldViolation.of("cursor", Rule.INVALID_CURSOR)), failure.violations());
    }
}
