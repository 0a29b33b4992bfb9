package dochooks.adapters.http;

import dochooks.application.document.port.in.CheckDetail;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Messages;
import dochooks.domain.validation.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The texts of problems in every {@link Language}, from {@code messages_<tag>.properties} (UTF-8) beside
 * this class. Keys: {@code problem.<slug>.title}, {@code problem.<slug>.detail}, {@code detail.<cause>}
 * for a more precise detail, {@code rule.<Rule name>} for validation messages, and {@code value.<text>}
 * for argument values that are words rather than literals (e.g. {@code http or https}), and
 * {@code page.<name>.<part>} for the texts of the few pages the server shows a browser.
 */
final class MessageCatalog {
    private final Map<Language, Properties> texts;

    private MessageCatalog(Map<Language, Properties> texts) {
        this.texts = texts;
    }

    static MessageCatalog load() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, read("messages_" + language.tag() + ".properties"));
        }
        return new MessageCatalog(texts);
    }

    private static Properties read(String name) {
        try (InputStream in = MessageCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message catalog " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String titleKey(ProblemType type) {
        return "problem." + type.slug() + ".title";
    }

    static String detailKey(ProblemType type) {
        return "problem." + type.slug() + ".detail";
    }

    static String ruleKey(Rule rule) {
        return "rule." + rule.name();
    }

    String title(ProblemType type, Language language) {
        return text(titleKey(type), language);
    }

    String detail(Problem problem, Language language) {
        return Messages.format(text(problem.detailKey(), language), problem.detailArgs());
    }

    static String checkKey(CheckDetail.Kind kind) {
        return "check." + kind.name();
    }

    /** A connection test's finding, its arguments (numbers, the provider's own words) as they are. */
    String check(CheckDetail detail, Language language) {
        return Messages.format(text(checkKey(detail.kind()), language), detail.args());
    }

    /** A text of a page shown to a browser, e.g. {@code page.connected.title}. */
    String page(String key, Language language) {
        return text(key, language);
    }

    /** The violation's message, its arguments translated where they are words. */
    String message(FieldViolation violation, Language language) {
        List<String> args = violation.args().stream().map(arg -> valueText(arg, language)).toList();
        return Messages.format(text(ruleKey(violation.rule()), language), args);
    }

    private String valueText(String value, Language language) {
        return texts.get(language).getProperty("value." + value, value);
    }

    /** The entry in {@code language}, else in English (the catalog test keeps them complete). */
    private String text(String key, Language language) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            text = texts.get(Language.ENGLISH).getProperty(key);
        }
        if (text == null) {
            throw new IllegalStateException("no message for " + key);
        }
        return text;
    }

    /** Every key the language defines (for the completeness test). */
    Set<String> keys(Language language) {
        return texts.get(language).stringPropertyNames();
    }

    /** The raw entry, or null (for the completeness test). */
    String raw(String key, Language language) {
        return texts.get(language).getProperty(key);
    }
}
