package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The claim rules of api.md section 2, applied to a verified token's payload: {@code sub} and
 * {@code tenant} required, 1–255 characters without control characters; {@code roles} an array of
 * strings when present; {@code username} like {@code sub} when present, else {@code sub}; {@code exp} a
 * number when present. An optional claim set to JSON {@code null} counts as absent.
 */
final class TokenClaims {
    private static final int MAX_LENGTH = 255;

    private TokenClaims() {
    }

    /** The caller the claims describe, or empty when any rule is broken. */
    static Optional<Caller> caller(JsonObject claims) {
        Optional<String> sub = plainText(claims.getValue("sub"));
        Optional<String> tenant = plainText(claims.getValue("tenant"));
        Object username = claims.getValue("username");
        Optional<String> login = username == null ? sub : plainText(username);
        Optional<Set<String>> roles = roles(claims.getValue("roles"));
        Object exp = claims.getValue("exp");
        boolean expWellTyped = exp == null || exp instanceof Number;
        if (sub.isEmpty() || tenant.isEmpty() || login.isEmpty() || roles.isEmpty() || !expWellTyped) {
            return Optional.empty();
        }
        return Optional.of(new Caller(new TenantId(tenant.get()), new UserId(sub.get()), login.get(), roles.get()));
    }

    private static Optional<String> plainText(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Text.requirePlainText(text, MAX_LENGTH));
        } catch (InvalidValueException brokenRule) {
            return Optional.empty();
        }
    }

    private static Optional<Set<String>> roles(Object value) {
        if (value == null) {
            return Optional.of(Set.of());
        }
        if (!(value instanceof JsonArray array)) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        for (Object role : array) {
            if (!(role instanceof String name)) {
                return Optional.empty();
            }
            roles.add(name);
        }
        return Optional.of(roles);
    }
}
