package dochooks.domain.validation;

import java.util.List;

/** Fills {0}, {1}... in a message template; no MessageFormat, so quotes and braces in values stay as they are. */
public final class Messages {
    private Messages() {
    }

    public static String format(String template, List<String> args) {
        String result = template;
        for (int i = 0; i < args.size(); i++) {
            result = result.replace("{" + i + "}", args.get(i));
        }
        return result;
    }
}
