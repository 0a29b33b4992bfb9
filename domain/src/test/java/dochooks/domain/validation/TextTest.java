package dochooks.domain.validation;

import static dochooks.domain.validation.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uD800\u251C", "a\uDC00b", "\uDE00\uD83D", "\uD83D\uDE00\uD83D", "x\uDBFF"})
    void halfASurrogatePairIsNotText(String value) {
        assertTrue(Text.hasUnpairedSurrogate(value));
        assertRefused(Rule.UNPAIRED_SURROGATE, () -> Text.requirePlainText(value, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\uD83D\uDE00", "a\uD83D\uDE00b\uD83D\uDC69\u200D\uD83D\uDC67", "한국어", "\uFFFD"})
    void wholePairsAndOrdinaryCharactersAreText(String value) {
        assertFalse(Text.hasUnpairedSurrogate(value));
    }

    @Test
    void plainTextKeepsItsValue() {
        assertEquals("a\uD83D\uDE00", Text.requirePlainText("a\uD83D\uDE00", 2));
    }
}
