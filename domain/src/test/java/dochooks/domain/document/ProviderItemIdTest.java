package dochooks.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import org.junit.jupiter.api.Test;

class ProviderItemIdTest {

    @Test
    void acceptsUpTo255CodePointsOfAnyScript() {
        String korean = "문".repeat(255);
        assertEquals(korean, new ProviderItemId(korean).value());
        String astral = "\uD83D\uDCC4".repeat(255); // 255 code points, 510 chars
        assertEquals(astral, new ProviderItemId(astral).value());
    }

    @Test
    void refusesEmptyAndTooLong() {
        assertEquals(Rule.REQUIRED, assertThrows(InvalidValueException.class, () -> new ProviderItemId("")).rule());
        assertEquals(Rule.REQUIRED, assertThrows(InvalidValueException.class, () -> new ProviderItemId(null)).rule());
        assertEquals(Rule.LENGTH,
                assertThrows(InvalidValueException.class, () -> new ProviderItemId("x".repeat(256))).rule());
    }

    @Test
    void knowsTheRoot() {
        assertTrue(new ProviderItemId("/").isRoot());
        assertFalse(new ProviderItemId("/a").isRoot());
    }
}
