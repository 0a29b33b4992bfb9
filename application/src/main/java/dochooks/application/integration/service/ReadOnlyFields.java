package dochooks.application.integration.service;

import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Read-only fields a client sent back: ignored when equal to the current value (a client that GETs,
 * edits and PUTs), a violation each when different, and on create always a violation.
 */
final class ReadOnlyFields {
    static final List<String> NAMES = List.of(
            "id", "redirectUri", "version", "clientSecretHint", "apiKeyHint", "createdAt", "updatedAt");

    private ReadOnlyFields() {
    }

    static List<FieldViolation> violations(Map<String, String> echoes, Integration current, RedirectUri redirectUri) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : NAMES) {
            String sent = echoes.get(field);
            if (sent != null && (current == null || !matches(field, sent, current, redirectUri))) {
                violations.add(FieldViolation.of(field, Rule.READ_ONLY));
            }
        }
        return violations;
    }

    private static boolean matches(String field, String sent, Integration current, RedirectUri redirectUri) {
        return switch (field) {
            case "id" -> sent.equalsIgnoreCase(current.id().toString());
            case "version" -> sent.equals(Long.toString(current.version()));
            case "createdAt" -> sameInstant(sent, current.createdAt());
            case "updatedAt" -> sameInstant(sent, current.updatedAt());
            case "redirectUri" -> current.settings().auth() instanceof OAuth2Strategy && sent.equals(redirectUri.value());
            case "clientSecretHint" -> hintMatches(sent, current, OAuth2Strategy.class, OAuth2Strategy::clientSecret);
            case "apiKeyHint" -> hintMatches(sent, current, ApiKeyStrategy.class, ApiKeyStrategy::apiKey);
            default -> false;
        };
    }

    private static <T> boolean hintMatches(String sent, Integration current, Class<T> strategy,
            Function<T, dochooks.domain.integration.Secret> secret) {
        Object auth = current.settings().auth();
        return strategy.isInstance(auth) && Objects.equals(sent, secret.apply(strategy.cast(auth)).hint());
    }

    private static boolean sameInstant(String sent, Instant current) {
        try {
            return Instant.parse(sent).equals(current);
        } catch (DateTimeParseException notATime) {
            return false;
        }
    }
}
