package dochooks.domain.tenancy;

import static dochooks.domain.validation.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dochooks.domain.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @Test
    void acceptsAnyTextUpTo255CodePoints() {
        assertEquals("acme", new TenantId("acme").value());
        assertEquals("회사".repeat(127) + "회", new TenantId("회사".repeat(127) + "회").value());
        assertEquals(255, new TenantId("\uD83C\uDFE2".repeat(255)).value().codePointCount(0, 510));
    }

    @Test
    void refusesMoreThan255CodePointsOrNone() {
        assertRefused(Rule.LENGTH, () -> new TenantId("a".repeat(256)));
        assertRefused(Rule.LENGTH, () -> new TenantId(""));
        assertRefused(Rule.REQUIRED, () -> new TenantId(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme\u0000", "ac\nme", "\tacme", "acme\u007F", "acme\u0085"})
    void refusesControlCharacters(String value) {
        assertRefused(Rule.CONTROL_CHARACTERS, () -> new TenantId(value));
    }

    @Test
    void keepsTheValueExactlyAndComparesItExactly() {
        assertEquals(" Acme ", new TenantId(" Acme ").value());
        assertNotEquals(new TenantId("acme"), new TenantId("Acme"));
        assertEquals("acme", new TenantId("acme").toString());
    }

    @Test
    void userIdsFollowTheSameRule() {
        assertEquals("alice", new UserId("alice").value());
        assertRefused(Rule.LENGTH, () -> new UserId("u".repeat(256)));
        assertRefused(Rule.CONTROL_CHARACTERS, () -> new UserId("ali\u0000ce"));
    }
}
