package dochooks.domain.integration;

import java.util.Arrays;
import java.util.Optional;

/** Whether users may use an integration. */
public enum IntegrationStatus {
    ENABLED,
    DISABLED;

    public static Optional<IntegrationStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
