package dochooks.application.connection.service;

import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.RequestParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the authorization URL of api.md section 4. The admin's authentication URL keeps its own query
 * parameters as typed, except dochooks' six ({@code response_type}, {@code client_id}, {@code redirect_uri},
 * {@code state}, {@code code_challenge}, {@code code_challenge_method}), which are dropped there and added with
 * dochooks' values; then each request parameter whose name is not in the URL yet. Names compare exactly (after
 * percent-decoding), as OAuth2 servers read them.
 */
final class AuthorizationUrl {
    static final String S256 = "S256";

    private AuthorizationUrl() {
    }

    static String build(OAuth2Strategy oauth2, RequestParameters requestParameters, RedirectUri redirectUri,
            String state, String codeChallenge) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put("response_type", "code");
        own.put("client_id", oauth2.clientId().value());
        own.put("redirect_uri", redirectUri.value());
        own.put("state", state);
        own.put("code_challenge", codeChallenge);
        own.put("code_challenge_method", S256);

        String url = oauth2.authenticationUrl().value(); // a ProviderUrl has no fragment
        int queryStart = url.indexOf('?');
        String base = queryStart < 0 ? url : url.substring(0, queryStart);
        List<String> pieces = new ArrayList<>();
        Set<String> present = new HashSet<>();
        if (queryStart >= 0) {
            for (String piece : url.substring(queryStart + 1).split("&")) {
                if (piece.isEmpty()) {
                    continue;
                }
                int equals = piece.indexOf('=');
                String name = decodeLeniently(equals < 0 ? piece : piece.substring(0, equals));
                if (!own.containsKey(name)) {
                    pieces.add(piece);
                    present.add(name);
                }
            }
        }
        own.forEach((name, value) -> pieces.add(name + "=" + RequestParameters.encode(value)));
        for (RequestParameters.Parameter parameter : requestParameters.parameters()) {
            if (present.add(parameter.name())) {
                pieces.add(RequestParameters.encode(parameter.name()) + "=" + RequestParameters.encode(parameter.value()));
            }
        }
        return base + "?" + String.join("&", pieces);
    }

    /** Percent-decodes a name as UTF-8; a malformed escape is kept as typed (it then matches nothing of ours). */
    static String decodeLeniently(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int low = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    return raw;
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else {
                bytes.write(in[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
