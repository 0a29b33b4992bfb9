package dochooks.adapters.provider.document;

import dochooks.application.error.ProviderBadResponseException;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.validation.InvalidValueException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the protocol's metadata object leniently: unknown keys ignored, {@code size} as a number or a string
 * of digits, {@code dateModified} in any of {@link WireDates}' forms, {@code kind} in any case, links kept
 * only when they are web links. Only an item without a usable {@code id} or {@code kind} is a bad response.
 */
final class WireItems {
    private WireItems() {
    }

    static Item item(Object json, int status) {
        if (!(json instanceof JsonObject object)) {
            throw new ProviderBadResponseException(status, "the provider sent an item that is not a JSON object");
        }
        String id = WireJson.text(object.getValue("id"));
        if (id == null || id.isEmpty()) {
            throw new ProviderBadResponseException(status, "the provider sent an item without an id");
        }
        ProviderItemId itemId;
        try {
            itemId = new ProviderItemId(id);
        } catch (InvalidValueException tooLong) {
            throw new ProviderBadResponseException(status, "the provider sent an item id longer than "
                    + ProviderItemId.MAX_LENGTH + " characters");
        }
        Object kindValue = object.getValue("kind");
        ItemKind kind = ItemKind.fromWireName(kindValue instanceof String text ? text : null)
                .orElseThrow(() -> new ProviderBadResponseException(status,
                        "the provider sent an item whose kind is neither file nor folder"));
        return new Item(itemId,
                WireJson.text(object.getValue("title")),
                kind,
                stringOrNull(object.getValue("viewLink")),
                stringOrNull(object.getValue("downloadLink")),
                stringOrNull(object.getValue("mimeType")),
                WireDates.read(object.getValue("dateModified")),
                WireJson.size(object.getValue("size")),
                WireJson.bool(object.getValue("readOnly")));
    }

    static List<Item> items(Object json, int status) {
        if (!(json instanceof JsonArray array)) {
            throw new ProviderBadResponseException(status, "the provider did not answer a JSON array of items");
        }
        List<Item> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(item(array.getValue(i), status));
        }
        return items;
    }

    /** True when {@code json} looks like a metadata object rather than a bare status answer. */
    static boolean looksLikeItem(JsonObject json) {
        return json.containsKey("id") || json.containsKey("kind");
    }

    private static String stringOrNull(Object value) {
        return value instanceof String text ? text : null;
    }
}
