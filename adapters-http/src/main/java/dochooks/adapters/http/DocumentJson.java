package dochooks.adapters.http;

import dochooks.application.document.port.in.CheckDetail;
import dochooks.application.document.port.in.ConnectionTestReport;
import dochooks.domain.document.Item;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of the document routes (api.md 5 and 3.4): an Item with every member present (null when the
 * provider gave no usable value), a list of items, a ServiceInfo, a connection test report.
 */
final class DocumentJson {
    private DocumentJson() {
    }

    static JsonObject item(Item item) {
        return new JsonObject()
                .put("id", item.id().value())
                .put("title", item.title())
                .put("kind", item.kind().wireName())
                .put("viewLink", item.viewLink())
                .put("downloadLink", item.downloadLink())
                .put("mimeType", item.mimeType())
                .put("dateModified", item.dateModified() == null ? null : IntegrationJson.time(item.dateModified()))
                .put("size", item.size())
                .put("readOnly", item.readOnly());
    }

    /** {@code {"items": [...]}}. */
    static JsonObject items(List<Item> items) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(item(item)));
        return new JsonObject().put("items", array);
    }

    static JsonObject serviceInfo(ServiceInfo info) {
        JsonArray actions = new JsonArray();
        info.customActions().forEach(action -> actions.add(new JsonObject()
                .put("name", action.name())
                .put("displayName", action.displayName())));
        return new JsonObject()
                .put("webhookVersion", info.webhookVersion())
                .put("version", info.version())
                .put("publisher", info.publisher())
                .put("availableEndpoints", new JsonArray(List.copyOf(info.availableEndpoints())))
                .put("customActions", actions);
    }

    /** The connection test's report, each check's detail put into words by {@code words}. */
    static JsonObject report(ConnectionTestReport report, Function<CheckDetail, String> words) {
        JsonArray checks = new JsonArray();
        report.checks().forEach(check -> checks.add(new JsonObject()
                .put("name", check.name())
                .put("ok", check.ok())
                .put("status", check.status())
                .put("millis", check.millis())
                .put("detail", words.apply(check.detail()))));
        return new JsonObject().put("ok", report.ok()).put("checks", checks);
    }

    /** {@code {"status": "success"}}, the answer of rename and customAction. */
    static JsonObject success() {
        return new JsonObject().put("status", "success");
    }
}
