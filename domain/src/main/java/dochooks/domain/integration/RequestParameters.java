package dochooks.domain.integration;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The extra query parameters an admin configures, appended to every provider call. Kept decoded, in
 * the order given; {@link #encoded()} is the normalized form (RFC 3986 percent-encoding of everything
 * but unreserved characters, so a space is {@code %20} and a literal {@code +} is {@code %2B}).
 */
public record RequestParameters(List<Parameter> parameters) {

    /** Names the protocol or OAuth2 set themselves; an admin may not override them (compared ignoring case). */
    public static final Set<String> RESERVED_NAMES = Set.of(
            "id", "parentid", "query", "max", "offset", "filename", "documentid", "documentversionid", "folderid",
            "name", "size", "state", "code", "client_id", "client_secret", "grant_type", "refresh_token",
            "redirect_uri", "response_type", "code_challenge", "code_challenge_method", "code_verifier");

    public static final RequestParameters NONE = new RequestParameters(List.of());

    public record Parameter(String name, String value) {
    }

    public RequestParameters {
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (parameter.name().isEmpty()) {
                throw new InvalidValueException(Rule.PARAMETERS_EMPTY_NAME);
            }
            if (RESERVED_NAMES.contains(parameter.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException(Rule.PARAMETERS_RESERVED, parameter.name());
            }
            if (!seen.add(parameter.name())) {
                throw new InvalidValueException(Rule.PARAMETERS_DUPLICATE, parameter.name());
            }
        }
    }

    /** Parses {@code a=1&b=two%20words}; null or empty means none. A {@code +} is taken literally. */
    public static RequestParameters parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        if (Text.hasUnpairedSurrogate(raw)) { // it would be percent-encoded as "?", silently another value
            throw new InvalidValueException(Rule.UNPAIRED_SURROGATE);
        }
        List<Parameter> parsed = new java.util.ArrayList<>();
        for (String pair : raw.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new InvalidValueException(Rule.PARAMETERS_SYNTAX);
            }
            parsed.add(new Parameter(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1))));
        }
        return new RequestParameters(parsed);
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** True when a parameter of that exact name is configured. */
    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    /** The normalized query string, {@code ""} when there are none. */
    public String encoded() {
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(parameter.name())).append('=').append(encode(parameter.value()));
        }
        return out.toString();
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes; only unreserved characters stay as they are. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%') {
                if (i + 2 >= raw.length) {
                    throw new InvalidValueException(Rule.PARAMETERS_ENCODING);
                }
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new InvalidValueException(Rule.PARAMETERS_ENCODING);
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidValueException(Rule.PARAMETERS_ENCODING);
        }
    }

    @Override
    public String toString() {
        return encoded();
    }
}
