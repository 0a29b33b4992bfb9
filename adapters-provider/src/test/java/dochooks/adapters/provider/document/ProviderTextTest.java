package dochooks.adapters.provider.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dochooks.domain.integration.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderTextTest {

    @Test
    void masksEverySecretAsIsAndPercentEncoded() {
        List<Secret> secrets = List.of(Secret.of("s3cr3t key"), Secret.of("tok"));
        assertEquals("**** or **** and ****", ProviderText.sanitize("s3cr3t key or s3cr3t%20key and tok", secrets));
    }

    @Test
    void masksTheLongestSecretFirst() {
        assertEquals("****", ProviderText.sanitize("abcdef", List.of(Secret.of("abc"), Secret.of("abcdef"))));
    }

    @Test
    void controlCharactersCannotHideASecret() {
        assertEquals("leak ****!", ProviderText.sanitize("leak sec\u0000r\u001Bet\u202E!\r\n", List.of(Secret.of("secret"))));
    }

    @Test
    void cutsTo500CodePoints() {
        String emoji = "\uD83D\uDCC4".repeat(600);
        String cut = ProviderText.sanitize(emoji, List.of());
        assertEquals(500, cut.codePointCount(0, cut.length()));
        assertEquals(1000, cut.length());
    }

    @Test
    void masksBeforeCuttingSoNoSecretIsHalfShown() {
        String secret = "0123456789abcdef";
        String text = "x".repeat(490) + secret;
        assertEquals("x".repeat(490) + "****", ProviderText.sanitize(text, List.of(Secret.of(secret))));
    }

    @Test
    void blankIsNull() {
        assertNull(ProviderText.sanitize(" \u0007 ", List.of()));
        assertNull(ProviderText.sanitize(null, List.of()));
    }
}
