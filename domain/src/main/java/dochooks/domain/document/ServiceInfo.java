package dochooks.domain.document;

import java.util.List;

/**
 * What a provider says about itself ({@code /serviceInfo}): the protocol version it implements, its own
 * version and publisher (each null when not given), the endpoints it implements (names without a leading
 * {@code /}, empty when not given) and its custom actions (empty when none).
 */
public record ServiceInfo(String webhookVersion, String version, String publisher, List<String> availableEndpoints,
        List<CustomAction> customActions) {

    /** A provider-defined operation: {@code name} is sent to {@code /customAction}, {@code displayName} shown to users. */
    public record CustomAction(String name, String displayName) {
        public CustomAction {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a custom action needs a name");
            }
            if (displayName != null && displayName.isBlank()) {
                displayName = null;
            }
        }
    }

    public ServiceInfo {
        webhookVersion = blankToNull(webhookVersion);
        version = blankToNull(version);
        publisher = blankToNull(publisher);
        availableEndpoints = availableEndpoints == null ? List.of() : availableEndpoints.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(name -> name.startsWith("/") ? name.substring(1) : name)
                .toList();
        customActions = customActions == null ? List.of() : List.copyOf(customActions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
