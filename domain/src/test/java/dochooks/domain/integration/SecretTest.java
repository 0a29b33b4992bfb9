package dochooks.domain.integration;

import static dochooks.domain.validation.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {
    private static final String MASK = "\u2022\u2022\u2022\u2022";

    @Test
    void hintIsOnlyTheMaskBelowTwelveCharacters() {
        assertEquals(MASK, Secret.of("a").hint());
        assertEquals(MASK, Secret.of("abcdefghijk").hint());
    }

    @Test
    void hintShowsTheLastFourCharactersFromTwelveOn() {
        assertEquals(MASK + "ijkl", Secret.of("abcdefghijkl").hint());
        assertEquals(MASK + "c0de", Secret.of("a-long-client-secret-c0de").hint());
    }

    @Test
    void hintCountsCodePointsSoAnEmojiIsOneCharacter() {
        String emoji = "\uD83D\uDD11"; // 🔑, two UTF-16 units
        String elevenCodePoints = "abcdefg" + emoji.repeat(4); // 15 UTF-16 units
        String twelveCodePoints = "abcdefgh" + emoji.repeat(4);

        assertEquals(MASK, Secret.of(elevenCodePoints).hint());
        assertEquals(MASK + emoji.repeat(4), Secret.of(twelveCodePoints).hint());
        assertEquals(MASK + "gh" + emoji + emoji, Secret.of("abcdefghijgh" + emoji + emoji).hint());
    }

    @Test
    void hintOfAKoreanSecretShowsFourSyllables() {
        assertEquals(MASK, Secret.of("비밀번호는길고안전합니").hint()); // 11 syllables
        assertEquals(MASK + "전합니다", Secret.of("비밀번호는아주길고안전합니다").hint());
    }

    @Test
    void toStringNeverShowsTheValue() {
        Secret secret = Secret.of("super-secret-value-c0de");

        assertEquals("Secret[****]", secret.toString());
        assertFalse(String.valueOf(secret).contains("super"));
        assertFalse(("failed with " + secret).contains("c0de"));
    }

    @Test
    void revealGivesTheExactValue() {
        assertEquals("  spaced value \u00E9 ", Secret.of("  spaced value \u00E9 ").reveal());
    }

    @Test
    void equalsComparesValues() {
        assertEquals(Secret.of("same-value"), Secret.of("same-value"));
        assertNotEquals(Secret.of("same-value"), Secret.of("other-value"));
        assertNotEquals(Secret.of("same-value"), Secret.of("same-valuf"));
        assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode()); // the hash tells nothing about the value
    }

    @ParameterizedTest
    @ValueSource(strings = {"key\u0000value", "key\nvalue", "key\rvalue", "key\tvalue", "key\u007F", "key\u0085value",
            "\u009Bkey"})
    void refusesControlCharactersWithoutEchoingTheValue(String value) {
        InvalidValueException refused = assertRefused(Rule.CONTROL_CHARACTERS, () -> Secret.of(value));
        assertFalse(refused.getMessage().contains("key"));
        assertFalse(refused.args().stream().anyMatch(arg -> arg.contains("key")));
    }

    @Test
    void acceptsTwoThousandFortyEightCodePointsAndRefusesOneMore() {
        assertEquals(2048, Secret.of("k".repeat(2048)).reveal().length());
        assertEquals(4096, Secret.of("\uD83D\uDD11".repeat(2048)).reveal().length());

        InvalidValueException refused = assertRefused(Rule.LENGTH, () -> Secret.of("k".repeat(2049)));
        assertEquals("must be 1 to 2048 characters long", refused.getMessage());
        assertRefused(Rule.LENGTH, () -> Secret.of("\uD83D\uDD11".repeat(2049)));
    }

    @Test
    void acceptsIssuedTokensUpTo16KiBWhichTypedSecretsMayNotReach() {
        String jwtSizedToken = "t".repeat(5000);
        assertEquals(jwtSizedToken, Secret.issued(jwtSizedToken).reveal());
        assertRefused(Rule.LENGTH, () -> Secret.of(jwtSizedToken));
        assertRefused(Rule.LENGTH, () -> Secret.issued("t".repeat(16 * 1024 + 1)));
        assertRefused(Rule.CONTROL_CHARACTERS, () -> Secret.issued("token\r\nX-Injected: 1"));
    }

    @Test
    void refusesAnEmptyOrAbsentValue() {
        assertRefused(Rule.LENGTH, () -> Secret.of(""));
        assertRefused(Rule.REQUIRED, () -> Secret.of(null));
    }
}
