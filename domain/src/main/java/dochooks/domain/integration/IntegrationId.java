package dochooks.domain.integration;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The id dochooks gives an integration: a UUID. */
public record IntegrationId(UUID value) {
    public IntegrationId {
        Objects.requireNonNull(value, "value");
    }

    public static IntegrationId random() {
        return new IntegrationId(UUID.randomUUID());
    }

    /** The id in {@code raw}, or empty when it is not a UUID in its canonical 36-character form. */
    public static Optional<IntegrationId> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(raw);
            return uuid.toString().equalsIgnoreCase(raw) ? Optional.of(new IntegrationId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
