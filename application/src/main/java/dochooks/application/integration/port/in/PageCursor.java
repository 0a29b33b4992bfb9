package dochooks.application.integration.port.in;

import dochooks.domain.integration.Integration;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a page of integrations ended: the last item's name comparison key and id. Travels as an
 * opaque base64url token; a token that does not decode is a validation failure on {@code cursor}.
 */
public record PageCursor(String nameKey, UUID id) {
    private static final String PREFIX = "c1:";

    public PageCursor {
        Objects.requireNonNull(nameKey, "nameKey");
        Objects.requireNonNull(id, "id");
    }

    public static PageCursor after(Integration last) {
        return new PageCursor(last.name().comparisonKey(), last.id().value());
    }

    public String encode() {
        String plain = PREFIX + id + ":" + nameKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX) || plain.length() < PREFIX.length() + 37
                    || plain.charAt(PREFIX.length() + 36) != ':') {
                throw invalid();
            }
            UUID id = UUID.fromString(plain.substring(PREFIX.length(), PREFIX.length() + 36));
            return new PageCursor(plain.substring(PREFIX.length() + 37), id);
        } catch (IllegalArgumentException notBase64OrUuid) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of("cursor", Rule.INVALID_CURSOR);
    }
}
