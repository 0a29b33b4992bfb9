package dochooks.domain.integration;

import static dochooks.domain.validation.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderUrlTest {
    private static final UrlPolicy HTTPS_ONLY = UrlPolicy.HTTPS_ONLY;
    private static final UrlPolicy HTTP_ALLOWED = new UrlPolicy(true);

    @Test
    void acceptsAnAbsoluteHttpsBaseUrl() {
        assertEquals("https://dms.acme.example/api/v1",
                ProviderUrl.baseApiUrl("https://dms.acme.example/api/v1", HTTPS_ONLY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dms.acme.example/api/v1/", "https://dms.acme.example/api/v1//"})
    void removesTrailingSlashesFromTheBaseUrl(String raw) {
        assertEquals("https://dms.acme.example/api/v1", ProviderUrl.baseApiUrl(raw, HTTPS_ONLY).value());
    }

    @Test
    void removesTheSlashOfABareHostBaseUrl() {
        assertEquals("https://dms.acme.example", ProviderUrl.baseApiUrl("https://dms.acme.example/", HTTPS_ONLY).value());
    }

    @Test
    void keepsTheTrailingSlashOfAnEndpointUrl() {
        assertEquals("https://dms.acme.example/oauth/token/",
                ProviderUrl.endpoint("https://dms.acme.example/oauth/token/", HTTPS_ONLY).value());
    }

    @Test
    void refusesHttpUnlessAllowed() {
        InvalidValueException refused = assertRefused(Rule.URL_SCHEME,
                () -> ProviderUrl.baseApiUrl("http://dms.acme.example/api", HTTPS_ONLY));
        assertEquals("must use https", refused.getMessage());
        assertRefused(Rule.URL_SCHEME, () -> ProviderUrl.endpoint("http://dms.acme.example/token", HTTPS_ONLY));

        assertEquals("http://dms.acme.example/api",
                ProviderUrl.baseApiUrl("http://dms.acme.example/api", HTTP_ALLOWED).value());
        assertEquals("http://dms.acme.example/token",
                ProviderUrl.endpoint("http://dms.acme.example/token", HTTP_ALLOWED).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://dms.acme.example/api", "ws://dms.acme.example/api", "file://host/etc/passwd"})
    void refusesOtherSchemesEvenWhenHttpIsAllowed(String raw) {
        InvalidValueException refused = assertRefused(Rule.URL_SCHEME, () -> ProviderUrl.baseApiUrl(raw, HTTP_ALLOWED));
        assertEquals("must use http or https", refused.getMessage());
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertEquals("HTTPS://dms.acme.example/api", ProviderUrl.baseApiUrl("HTTPS://dms.acme.example/api", HTTPS_ONLY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1", "dms.acme.example/api", "https:/dms.acme.example", "https:dms.acme.example",
            "mailto:admin@acme.example", "https://", "https:// dms.acme.example", "not a url", "https://dms.acme.example:99999/api",
            "https://dms.acme.example:0/api", "https://dms.acme.example:-1/api"})
    void refusesWhatIsNotAnAbsoluteUrlWithAHostAndAUsablePort(String raw) {
        assertRefused(Rule.URL_NOT_ABSOLUTE, () -> ProviderUrl.baseApiUrl(raw, HTTPS_ONLY));
        assertRefused(Rule.URL_NOT_ABSOLUTE, () -> ProviderUrl.endpoint(raw, HTTPS_ONLY));
    }

    @Test
    void acceptsTheHighestPort() {
        assertEquals("https://dms.acme.example:65535",
                ProviderUrl.baseApiUrl("https://dms.acme.example:65535", HTTPS_ONLY).origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://admin:pw@dms.acme.example/api", "https://admin@dms.acme.example/api",
            "https://@dms.acme.example/api"})
    void refusesUserInformation(String raw) {
        assertRefused(Rule.URL_USER_INFO, () -> ProviderUrl.baseApiUrl(raw, HTTPS_ONLY));
        assertRefused(Rule.URL_USER_INFO, () -> ProviderUrl.endpoint(raw, HTTPS_ONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dms.acme.example/api?tenant=1", "https://dms.acme.example/api?"})
    void refusesAQueryOnTheBaseUrl(String raw) {
        assertRefused(Rule.URL_QUERY, () -> ProviderUrl.baseApiUrl(raw, HTTPS_ONLY));
    }

    @Test
    void keepsTheQueryOfAnEndpointUrl() {
        String raw = "https://login.acme.example/oauth/authorize?prompt=consent&audience=dms";

        ProviderUrl url = ProviderUrl.endpoint(raw, HTTPS_ONLY);

        assertEquals(raw, url.value());
        assertEquals("prompt=consent&audience=dms", url.uri().getRawQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dms.acme.example/api#top", "https://dms.acme.example/api#"})
    void refusesAFragment(String raw) {
        assertRefused(Rule.URL_FRAGMENT, () -> ProviderUrl.baseApiUrl(raw, HTTPS_ONLY));
        assertRefused(Rule.URL_FRAGMENT, () -> ProviderUrl.endpoint(raw, HTTPS_ONLY));
    }

    @Test
    void acceptsTwoThousandFortyEightCharactersAndRefusesOneMore() {
        String prefix = "https://dms.acme.example/";
        String longest = prefix + "a".repeat(ProviderUrl.MAX_LENGTH - prefix.length());

        assertEquals(2048, ProviderUrl.baseApiUrl(longest, HTTPS_ONLY).value().length());
        assertEquals(2048, ProviderUrl.endpoint(longest, HTTPS_ONLY).value().length());
        InvalidValueException refused = assertRefused(Rule.MAX_LENGTH,
                () -> ProviderUrl.baseApiUrl(longest + "b", HTTPS_ONLY));
        assertEquals("must be at most 2048 characters long", refused.getMessage());
        assertRefused(Rule.MAX_LENGTH, () -> ProviderUrl.endpoint(longest + "b", HTTPS_ONLY));
    }

    @Test
    void countsTheLengthInCodePoints() {
        String prefix = "https://dms.acme.example/";
        String longest = prefix + "\uD83D\uDCC4".repeat(ProviderUrl.MAX_LENGTH - prefix.length());

        assertEquals(longest, ProviderUrl.endpoint(longest, HTTPS_ONLY).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void refusesAnAbsentOrEmptyUrl(String empty) {
        assertRefused(Rule.REQUIRED, () -> ProviderUrl.baseApiUrl(empty, HTTPS_ONLY));
        assertRefused(Rule.REQUIRED, () -> ProviderUrl.baseApiUrl(null, HTTPS_ONLY));
        assertRefused(Rule.REQUIRED, () -> ProviderUrl.endpoint(empty, HTTPS_ONLY));
        assertRefused(Rule.REQUIRED, () -> ProviderUrl.endpoint(null, HTTPS_ONLY));
    }

    @Test
    void originSpellsOutTheDefaultPort() {
        assertEquals("https://dms.acme.example:443",
                ProviderUrl.baseApiUrl("https://dms.acme.example/api", HTTPS_ONLY).origin());
        assertEquals("http://dms.acme.example:80",
                ProviderUrl.baseApiUrl("http://dms.acme.example/api", HTTP_ALLOWED).origin());
        assertEquals("https://dms.acme.example:8443",
                ProviderUrl.baseApiUrl("https://dms.acme.example:8443/api", HTTPS_ONLY).origin());
    }

    @Test
    void originIgnoresCaseDefaultPortsPathAndQuery() {
        String origin = ProviderUrl.baseApiUrl("https://dms.acme.example/api", HTTPS_ONLY).origin();

        assertEquals(origin, ProviderUrl.baseApiUrl("HTTPS://DMS.Acme.Example:443/other", HTTPS_ONLY).origin());
        assertEquals(origin, ProviderUrl.endpoint("https://dms.acme.example/oauth/token?x=1", HTTPS_ONLY).origin());
    }

    @Test
    void originDiffersBySchemeHostAndPort() {
        String origin = ProviderUrl.baseApiUrl("https://dms.acme.example/api", HTTP_ALLOWED).origin();

        assertNotEquals(origin, ProviderUrl.baseApiUrl("http://dms.acme.example/api", HTTP_ALLOWED).origin());
        assertNotEquals(origin, ProviderUrl.baseApiUrl("https://files.acme.example/api", HTTP_ALLOWED).origin());
        assertNotEquals(origin, ProviderUrl.baseApiUrl("https://dms.acme.example:8443/api", HTTP_ALLOWED).origin());
        assertNotEquals(origin, ProviderUrl.baseApiUrl("https://dms.acme.example:80/api", HTTP_ALLOWED).origin());
    }

    @Test
    void originOfAnIpv6Host() {
        assertEquals("https://[::1]:8443", ProviderUrl.baseApiUrl("https://[::1]:8443/api", HTTPS_ONLY).origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dms.acme.example/api\uD800\u251C", "https://dms.acme.example/\uDC00"})
    void refusesHalfASurrogatePair(String raw) {
        assertRefused(Rule.UNPAIRED_SURROGATE, () -> ProviderUrl.baseApiUrl(raw, HTTPS_ONLY));
        assertRefused(Rule.UNPAIRED_SURROGATE, () -> ProviderUrl.endpoint(raw, HTTPS_ONLY));
    }
}
