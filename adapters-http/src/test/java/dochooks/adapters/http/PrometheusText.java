package dochooks.adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of {@code /metrics} read back: its series (name, labels, value), comments skipped. */
record PrometheusText(List<Series> series) {
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a metric name, its labels (sorted by name) and its value. */
    record Series(String name, Map<String, String> labels, double value) {
    }

    static PrometheusText parse(String text) {
        List<Series> all = new ArrayList<>();
        for (String row : text.split("\n")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            Matcher matcher = SERIES.matcher(row);
            if (!matcher.matches()) {
                throw new AssertionError("not a Prometheus series line: " + row);
            }
            Map<String, String> labels = new TreeMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            all.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
        return new PrometheusText(List.copyOf(all));
    }

    /** The value of the series {@code name} with exactly {@code labels}, or 0 when it is absent. */
    double value(String name, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(name) && s.labels().equals(new TreeMap<>(labels)))
                .mapToDouble(Series::value).findFirst().orElse(0);
    }

    boolean has(String name, Map<String, String> labels) {
        return series.stream().anyMatch(s -> s.name().equals(name) && s.labels().equals(new TreeMap<>(labels)));
    }
}
