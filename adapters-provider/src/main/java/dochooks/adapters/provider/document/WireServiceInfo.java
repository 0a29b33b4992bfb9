package dochooks.adapters.provider.document;

import dochooks.application.error.ProviderBadResponseException;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code /serviceInfo} leniently: {@code webhookVersion} also under the docs' {@code "webhook version"},
 * versions given as numbers, {@code availableEndpoints} as an array or a comma-separated string, custom actions
 * without a name skipped.
 */
final class WireServiceInfo {
    private WireServiceInfo() {
    }

    static ServiceInfo read(Object json, int status) {
        if (!(json instanceof JsonObject object)) {
            throw new ProviderBadResponseException(status, "the provider's service info is not a JSON object");
        }
        return new ServiceInfo(
                WireJson.text(WireJson.first(object, "webhookVersion", "webhook version")),
                WireJson.text(object.getValue("version")),
                WireJson.text(object.getValue("publisher")),
                endpoints(object.getValue("availableEndpoints")),
                customActions(object.getValue("customActions")));
    }

    private static List<String> endpoints(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object entry : array) {
                if (entry instanceof String name) {
                    names.add(name.strip());
                }
            }
        } else if (value instanceof String list) {
            Arrays.stream(list.split(",")).map(String::strip).forEach(names::add);
        }
        return names;
    }

    private static List<ServiceInfo.CustomAction> customActions(Object value) {
        List<ServiceInfo.CustomAction> actions = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object entry : array) {
                if (entry instanceof JsonObject action) {
                    String name = WireJson.text(action.getValue("name"));
                    if (name != null && !name.isBlank()) {
                        actions.add(new ServiceInfo.CustomAction(name, WireJson.text(action.getValue("displayName"))));
                    }
                }
            }
        }
        return actions;
    }
}
