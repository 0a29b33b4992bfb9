package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.integration.IntegrationId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReturnUrlTest {
    private static final IntegrationId ID = new IntegrationId(UUID.fromString("0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10"));

    @Test
    void theParametersStartTheQueryOfAUrlWithoutOne() {
        assertEquals("/oauth2/connected?integrationId=0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10&result=authorized"
                + "&confirmation=abc", ReturnUrl.authorized("/oauth2/connected", ID, "abc"));
    }

    @Test
    void theParametersFollowAnExistingQueryAfterAnAmpersand() {
        assertEquals("https://app.example/done?tab=oauth&integrationId=0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10"
                + "&result=authorized&confirmation=abc", ReturnUrl.authorized("https://app.example/done?tab=oauth", ID, "abc"));
        assertEquals("https://app.example/done?integrationId=0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10"
                + "&result=authorized&confirmation=abc", ReturnUrl.authorized("https://app.example/done?", ID, "abc"));
    }

    @Test
    void theConfirmationIsPercentEncoded() {
        assertTrue(ReturnUrl.authorized("/p", ID, "a+b/c=&d").endsWith("&confirmation=a%2Bb%2Fc%3D%26d"));
    }

    @Test
    void onlyAbsoluteHttpUrlsAndPathsOfThisServerAreAccepted() {
        assertTrue(ReturnUrl.isAcceptable("/oauth2/connected"));
        assertTrue(ReturnUrl.isAcceptable("https://app.example/done?tab=1"));
        assertTrue(ReturnUrl.isAcceptable("http://localhost:3000/"));
        assertFalse(ReturnUrl.isAcceptable("//evil.example/steal"), "another host, without a scheme");
        assertFalse(ReturnUrl.isAcceptable("javascript:alert(1)"));
        assertFalse(ReturnUrl.isAcceptable("ftp://files.example/x"));
        assertFalse(ReturnUrl.isAcceptable("https://app.example/done#fragment"));
        assertFalse(ReturnUrl.isAcceptable("relative/page"));
        assertFalse(ReturnUrl.isAcceptable("https://app.example/a b"));
    }

    @Test
    void theApiSettingsRefuseAReturnUrlThatIsNeither() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpApiSettings(Tokens.SECRET_BYTES, TestApi.REDIRECT_URI, "//evil.example/steal"));
        assertEquals(HttpApiSettings.DEFAULT_OAUTH_RETURN_URL,
                new HttpApiSettings(Tokens.SECRET_BYTES, TestApi.REDIRECT_URI).oauthReturnUrl());
    }
}
