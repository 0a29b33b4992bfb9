package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void englishWhenNothingIsAskedOrNothingMatches() {
        assertEquals(Language.ENGLISH, Language.negotiate(null));
        assertEquals(Language.ENGLISH, Language.negotiate(""));
        assertEquals(Language.ENGLISH, Language.negotiate("de-DE, ja;q=0.8"));
        assertEquals(Language.ENGLISH, Language.negotiate("*"));
    }

    @Test
    void aRegionalTagFallsBackToItsLanguage() {
        assertEquals(Language.FRENCH, Language.negotiate("fr-CA"));
        assertEquals(Language.KOREAN, Language.negotiate("ko-KR"));
        assertEquals(Language.FRENCH, Language.negotiate("FR"));
    }

    @Test
    void qValuesDecideAndZeroExcludes() {
        assertEquals(Language.KOREAN, Language.negotiate("fr;q=0.4, ko;q=0.9, en;q=0.1"));
        assertEquals(Language.FRENCH, Language.negotiate("en;q=0, fr"));
        assertEquals(Language.FRENCH, Language.negotiate("de, fr;q=0.5"));
        assertEquals(Language.ENGLISH, Language.negotiate("en, fr"));
    }

    @Test
    void aMalformedHeaderMeansEnglish() {
        assertEquals(Language.ENGLISH, Language.negotiate("fr;q=abc"));
        assertEquals(Language.ENGLISH, Language.negotiate(";;;"));
    }
}
