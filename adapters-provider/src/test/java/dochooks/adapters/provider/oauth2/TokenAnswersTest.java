package dochooks.adapters.provider.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.BufferedAnswer;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.domain.integration.Secret;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading token endpoint answers: strict outcomes, lenient shapes. */
class TokenAnswersTest {
    private static final Secret CLIENT_SECRET = Secret.of("client-secret-0123456789");
    private static final List<Secret> SECRETS = List.of(CLIENT_SECRET);

    private static BufferedAnswer json(int status, String body) {
        return new BufferedAnswer(status, MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
                Buffer.buffer(body));
    }

    private static TokenGrant read(BufferedAnswer answer) {
        return TokenAnswers.read(answer, SECRETS);
    }

    private static TokenGrant.Issued issued(String body) {
        return assertInstanceOf(TokenGrant.Issued.class, read(json(200, body)));
    }

    @Test
    void readsTheThreeFieldsOfAStandardAnswer() {
        TokenGrant.Issued issued = issued("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt\",\"scope\":\"read\"}");

        assertEquals("at", issued.accessToken().reveal());
        assertEquals("rt", issued.refreshToken().reveal());
        assertEquals(3600L, issued.expiresInSeconds());
    }

    @Test
    void acceptsAccessTokensLongerThanATypedSecret() {
        String longJwt = "eyJ" + "a".repeat(6000);
        TokenGrant.Issued issued = issued("{\"access_token\":\"" + longJwt + "\",\"refresh_token\":\"rt\"}");

        assertEquals(longJwt, issued.accessToken().reveal());
    }

    @Test
    void readsExpiryAsANumberANumericStringOrTheMisspelling() {
        assertEquals(3600L, issued("{\"access_token\":\"at\",\"expires_in\":\"3600\"}").expiresInSeconds());
        assertEquals(3600L, issued("{\"access_token\":\"at\",\"expires_id\":\"3600\"}").expiresInSeconds());
        assertEquals(3600L, issued("{\"access_token\":\"at\",\"expires_id\":3600}").expiresInSeconds());
        assertEquals(59L, issued("{\"access_token\":\"at\",\"expires_in\":59.9}").expiresInSeconds());
        assertEquals(60L, issued("{\"access_token\":\"at\",\"expires_in\":\" 60 \"}").expiresInSeconds());
        assertEquals(10L, issued("{\"access_token\":\"at\",\"expires_in\":10,\"expires_id\":99}").expiresInSeconds(),
                "the correct spelling wins");
    }

    @Test
    void anExpiryThatIsNoNumberOfSecondsIsUnknown() {
        assertNull(issued("{\"access_token\":\"at\"}").expiresInSeconds());
        assertNull(issued("{\"access_token\":\"at\",\"expires_in\":-5}").expiresInSeconds());
        assertNull(issued("{\"access_token\":\"at\",\"expires_in\":\"soon\"}").expiresInSeconds());
        assertNull(issued("{\"access_token\":\"at\",\"expires_in\":null}").expiresInSeconds());
        assertNull(issued("{\"access_token\":\"at\",\"expires_in\":\"-5\"}").expiresInSeconds());
        assertNull(TokenAnswers.seconds(BigInteger.TWO.pow(80)));
    }

    @Test
    void anEmptyOrAbsentRefreshTokenIsNone() {
        assertNull(issued("{\"access_token\":\"at\",\"refresh_token\":\"\"}").refreshToken());
        assertNull(issued("{\"access_token\":\"at\"}").refreshToken());
    }

    @Test
    void aFormEncodedAnswerIsReadToo() {
        BufferedAnswer answer = new BufferedAnswer(200, MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                Buffer.buffer("access_token=a%2Bt&expires_in=120&refresh_token=r+t"));

        TokenGrant.Issued issued = assertInstanceOf(TokenGrant.Issued.class, read(answer));

        assertEquals("a+t", issued.accessToken().reveal());
        assertEquals("r t", issued.refreshToken().reveal());
        assertEquals(120L, issued.expiresInSeconds());
    }

    @Test
    void anOAuth2ErrorAt400Or401IsARefusal() {
        TokenGrant.Refused refused = assertInstanceOf(TokenGrant.Refused.class,
                read(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"token revoked\"}")));
        assertEquals(new TokenGrant.Refused(400, "invalid_grant", "token revoked"), refused);

        assertEquals(new TokenGrant.Refused(401, null, null), read(new BufferedAnswer(401,
                MultiMap.caseInsensitiveMultiMap(), Buffer.buffer())));
    }

    @Test
    void aSuccessStatusWithAnErrorAndNoTokenIsARefusal() {
        assertEquals(new TokenGrant.Refused(200, "bad_verification_code", null),
                read(json(200, "{\"error\":\"bad_verification_code\"}")));
    }

    @Test
    void aSuccessWithoutAnAccessTokenIsABadResponse() {
        assertEquals(200, assertThrows(ProviderBadResponseException.class,
                () -> read(json(200, "{\"token_type\":\"Bearer\"}"))).providerStatus());
        assertThrows(ProviderBadResponseException.class, () -> read(json(200, "<html>hello</html>")));
        assertThrows(ProviderBadResponseException.class, () -> read(json(200, "[\"access_token\"]")));
    }

    @Test
    void anUnusableTokenIsABadResponseThatNeverQuotesIt() {
        String huge = "x".repeat(Secret.MAX_ISSUED_LENGTH + 1);
        ProviderBadResponseException tooLong = assertThrows(ProviderBadResponseException.class,
                () -> read(json(200, "{\"access_token\":\"" + huge + "\"}")));
        assertFalse(tooLong.getMessage().contains("xxxx"));
        assertThrows(ProviderBadResponseException.class,
                () -> read(json(200, "{\"access_token\":\"at\",\"refresh_token\":\"r\\nt\"}")));
    }

    @Test
    void anotherStatusIsAProviderErrorWithItsTextMasked() {
        ProviderErrorException error = assertThrows(ProviderErrorException.class, () -> read(json(503,
                "{\"error\":\"temporarily_unavailable\",\"error_description\":\"client client-secret-0123456789"
                        + " \\u0007 later\"}")));

        assertEquals(503, error.providerStatus());
        assertEquals("temporarily_unavailable: client ****  later", error.providerText());
    }

    @Test
    void aPlainTextFailureIsRelayedAndAnHtmlOneIsNot() {
        ProviderErrorException plain = assertThrows(ProviderErrorException.class, () -> read(new BufferedAnswer(502,
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain"), Buffer.buffer("gateway down"))));
        ProviderErrorException html = assertThrows(ProviderErrorException.class, () -> read(new BufferedAnswer(502,
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/html"), Buffer.buffer("<h1>down</h1>"))));

        assertEquals("gateway down", plain.providerText());
        assertNull(html.providerText());
    }

    @Test
    void aRedirectIsAnError() {
        ProviderErrorException redirect = assertThrows(ProviderErrorException.class, () -> read(new BufferedAnswer(302,
                MultiMap.caseInsensitiveMultiMap().add("Location", "https://elsewhere.example/token"), Buffer.buffer())));

        assertEquals(302, redirect.providerStatus());
    }

    @Test
    void refusalTextsAreMaskedToo() {
        TokenGrant.Refused refused = assertInstanceOf(TokenGrant.Refused.class, read(json(400,
                "{\"error\":\"invalid_client\",\"error_description\":\"secret client-secret-0123456789 is wrong\"}")));

        assertEquals("secret **** is wrong", refused.description());
        assertTrue(refused.toString().contains("****"));
    }
}
