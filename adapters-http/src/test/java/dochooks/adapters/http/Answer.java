package dochooks.adapters.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP answer as a test reads it: status, headers (names case-insensitive), body. */
record Answer(int status, Map<String, List<String>> headers, String body) {

    Answer {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    JsonObject json() {
        return new JsonObject(body);
    }

    JsonArray items() {
        return json().getJsonArray("items");
    }

    String problemType() {
        return json().getString("type");
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
