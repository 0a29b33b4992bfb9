package dochooks.adapters.http;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A hand-written Prometheus counter of answered HTTP requests, labelled by route template (never a
 * concrete path, so no id reaches a label), method and status. Unknown methods share one label so that
 * a client cannot grow the label set at will.
 */
final class HttpMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String UNMATCHED = "unmatched";
    private static final String NAME = "dochooks_http_requests_total";
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    private record Key(String route, String method, int status) {
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();

    void countRequest(String routeTemplate, String method, int status) {
        String methodLabel = KNOWN_METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(new Key(routeTemplate, methodLabel, status), key -> new LongAdder()).increment();
    }

    /** The text exposition format, lines sorted so that scrapes are stable. */
    String render() {
        StringBuilder text = new StringBuilder()
                .append("# HELP ").append(NAME).append(" HTTP requests answered, by route template, method and status.\n")
                .append("# TYPE ").append(NAME).append(" counter\n");
        requests.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::route)
                        .thenComparing(Key::method).thenComparingInt(Key::status)))
                .forEach(entry -> text.append(NAME)
                        .append("{route=\"").append(escape(entry.getKey().route()))
                        .append("\",method=\"").append(escape(entry.getKey().method()))
                        .append("\",status=\"").append(entry.getKey().status())
                        .append("\"} ").append(entry.getValue().sum()).append('\n'));
        return text.toString();
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
