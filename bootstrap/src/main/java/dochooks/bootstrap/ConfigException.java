package dochooks.bootstrap;

import java.util.List;

/** One or more configuration values are malformed; each line names the variable and the rule. */
public final class ConfigException extends RuntimeException {
    private final List<String> lines;

    public ConfigException(List<String> lines) {
        super(String.join(System.lineSeparator(), lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
