package dochooks.domain.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationIdTest {

    @Test
    void parsesACanonicalUuidInEitherCase() {
        UUID uuid = UUID.fromString("0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10");

        assertEquals(Optional.of(new IntegrationId(uuid)), IntegrationId.parse("0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10"));
        assertEquals(Optional.of(new IntegrationId(uuid)), IntegrationId.parse("0B8E7C1E-3F0A-4C7E-9D55-5A3F1C2B7E10"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"integrations", "1-1-1-1-1", "0b8e7c1e3f0a4c7e9d555a3f1c2b7e10",
            "{0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10}", " 0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10",
            "0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e1g", "0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e100",
            "0b8e7c1e+3f0a-4c7e-9d55-5a3f1c2b7e10", "00000000-0000-0000-0000-00000000000x"})
    void findsNothingInWhatIsNotACanonicalUuid(String raw) {
        assertTrue(IntegrationId.parse(raw).isEmpty(), () -> "parsed: " + raw);
    }

    @Test
    void printsTheCanonicalLowerCaseForm() {
        assertEquals("0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10",
                IntegrationId.parse("0B8E7C1E-3F0A-4C7E-9D55-5A3F1C2B7E10").orElseThrow().toString());
    }

    @Test
    void randomIdsDifferAndRoundTrip() {
        IntegrationId first = IntegrationId.random();

        assertNotEquals(first, IntegrationId.random());
        assertEquals(Optional.of(first), IntegrationId.parse(first.toString()));
    }

    @Test
    void refusesANullUuid() {
        assertThrows(NullPointerException.class, () -> new IntegrationId(null));
    }
}
