package dochooks.domain.integration;

import static dochooks.domain.validation.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.integration.RequestParameters.Parameter;
import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParametersTest {

    /** The reserved names exactly as api.md 3.3 spells them. */
    private static final List<String> RESERVED = List.of("id", "parentId", "query", "max", "offset", "filename",
            "documentId", "documentVersionId", "folderId", "name", "size", "state", "code", "client_id",
            "client_secret", "grant_type", "refresh_token", "redirect_uri", "response_type", "code_challenge",
            "code_challenge_method", "code_verifier");

    @Test
    void parsesPairsAndKeepsTheirOrder() {
        RequestParameters parameters = RequestParameters.parse("zeta=1&access_type=offline&alpha=");

        assertEquals(List.of(new Parameter("zeta", "1"), new Parameter("access_type", "offline"),
                new Parameter("alpha", "")), parameters.parameters());
        assertEquals("zeta=1&access_type=offline&alpha=", parameters.encoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void absentOrEmptyMeansNone(String empty) {
        assertTrue(RequestParameters.parse(empty).isEmpty());
        assertTrue(RequestParameters.parse(null).isEmpty());
        assertEquals("", RequestParameters.parse(null).encoded());
    }

    @Test
    void encodesASpaceAsPercentTwenty() {
        assertEquals("scope=read%20write", RequestParameters.parse("scope=read write").encoded());
        assertEquals("scope=read%20write", RequestParameters.parse("scope=read%20write").encoded());
    }

    @Test
    void takesAPlusLiterallyAndEncodesIt() {
        RequestParameters parameters = RequestParameters.parse("tag=c++");

        assertEquals("c++", parameters.parameters().get(0).value());
        assertEquals("tag=c%2B%2B", parameters.encoded());
    }

    @Test
    void reEncodesEverythingButUnreservedCharacters() {
        RequestParameters parameters = RequestParameters.parse("path=/a:b@c!$'()*,;&mark=-._~&sign==&hash=#x");

        assertEquals("path=%2Fa%3Ab%40c%21%24%27%28%29%2A%2C%3B&mark=-._~&sign=%3D&hash=%23x", parameters.encoded());
    }

    @Test
    void encodesUtf8BytesWithUpperCaseHexAndDecodesNeedlessEscapes() {
        RequestParameters parameters = RequestParameters.parse("lang=fran%c3%a7ais&city=서울&tilde=%7E%41");

        assertEquals(List.of(new Parameter("lang", "français"), new Parameter("city", "서울"),
                new Parameter("tilde", "~A")), parameters.parameters());
        assertEquals("lang=fran%C3%A7ais&city=%EC%84%9C%EC%9A%B8&tilde=~A", parameters.encoded());
    }

    @Test
    void encodesNamesAsWellAsValues() {
        assertEquals("x%20y=1", RequestParameters.parse("x y=1").encoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=b%20c&d=%C3%A9", "a=b c&d=é", "tag=c++&e=%7e", "k=%F0%9F%93%84"})
    void normalizationIsStable(String raw) {
        String once = RequestParameters.parse(raw).encoded();

        assertEquals(once, RequestParameters.parse(once).encoded());
        assertEquals(RequestParameters.parse(raw), RequestParameters.parse(once));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%G1", "a=1%", "%=1", "a=%%41"})
    void refusesAnInvalidPercentEncoding(String raw) {
        assertRefused(Rule.PARAMETERS_ENCODING, () -> RequestParameters.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%C3", "a=%FF", "a=%C0%80", "a=%ED%A0%80", "a=%E2%82", "%80=1"})
    void refusesPercentEncodedBytesThatAreNotUtf8(String raw) {
        assertRefused(Rule.PARAMETERS_ENCODING, () -> RequestParameters.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a=1&b", "a=1&&b=2", "a=1&", "&a=1", "&"})
    void refusesWhatIsNotNameValuePairs(String raw) {
        assertRefused(Rule.PARAMETERS_SYNTAX, () -> RequestParameters.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1", "a=1&=2", "="})
    void refusesEmptyNames(String raw) {
        assertRefused(Rule.PARAMETERS_EMPTY_NAME, () -> RequestParameters.parse(raw));
    }

    @Test
    void refusesDuplicateNames() {
        InvalidValueException refused = assertRefused(Rule.PARAMETERS_DUPLICATE,
                () -> RequestParameters.parse("access_type=offline&prompt=x&access_type=online"));
        assertEquals(List.of("access_type"), refused.args());
    }

    @Test
    void comparesNamesForDuplicatesAfterDecoding() {
        assertRefused(Rule.PARAMETERS_DUPLICATE, () -> RequestParameters.parse("a%20b=1&a b=2"));
        assertRefused(Rule.PARAMETERS_DUPLICATE, () -> RequestParameters.parse("%61=1&a=2"));
    }

    @Test
    void treatsNamesDifferingInCaseAsDifferentParameters() {
        assertEquals("prompt=1&Prompt=2", RequestParameters.parse("prompt=1&Prompt=2").encoded());
    }

    static Stream<String> reservedNamesInEveryCase() {
        return RESERVED.stream().flatMap(name -> Stream.of(name, name.toUpperCase(), name.toLowerCase(),
                alternatingCase(name)));
    }

    private static String alternatingCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("reservedNamesInEveryCase")
    void refusesNamesReservedByTheProtocolOrOAuth2IgnoringCase(String name) {
        InvalidValueException refused = assertRefused(Rule.PARAMETERS_RESERVED,
                () -> RequestParameters.parse("access_type=offline&" + name + "=x"));
        assertEquals(List.of(name), refused.args());
    }

    @Test
    void refusesAReservedNameHiddenByPercentEncoding() {
        assertRefused(Rule.PARAMETERS_RESERVED, () -> RequestParameters.parse("%73tate=x"));
        assertRefused(Rule.PARAMETERS_RESERVED, () -> RequestParameters.parse("client%5Fid=x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ids", "state_", "xcode", "scope", "access_type", "prompt", "audience", "client", "token",
            "parent_id", "document_id", "maximum"})
    void acceptsNamesThatOnlyResembleReservedOnes(String name) {
        assertTrue(RequestParameters.parse(name + "=1").has(name));
    }

    @Test
    void hasMatchesTheExactName() {
        RequestParameters parameters = RequestParameters.parse("prompt=consent");

        assertTrue(parameters.has("prompt"));
        assertFalse(parameters.has("Prompt"));
        assertFalse(parameters.has("consent"));
    }

    @Test
    void encodesAValueOnItsOwnForCallersThatBuildQueries() {
        assertEquals("a%20b%2Bc%26d%3De%C3%A9~", RequestParameters.encode("a b+c&d=eé~"));
    }

    @Test
    void refusesHalfASurrogatePairRatherThanStoreAQuestionMark() {
        assertRefused(Rule.UNPAIRED_SURROGATE, () -> RequestParameters.parse("scope=read\uD800\u1FA4"));
        assertRefused(Rule.UNPAIRED_SURROGATE, () -> RequestParameters.parse("\uDC00=1"));
    }
}
