package dochooks.adapters.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The languages problems are written in; English unless {@code Accept-Language} prefers another. */
enum Language {
    ENGLISH("en"),
    FRENCH("fr"),
    KOREAN("ko");

    private static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, also sent as {@code Content-Language}. */
    String tag() {
        return tag;
    }

    /**
     * The best supported language for an {@code Accept-Language} value, by RFC 4647 lookup: q-values
     * order the ranges, {@code fr-CA} falls back to {@code fr}, {@code q=0} excludes. A missing or
     * malformed header means English.
     */
    static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
            return best == null ? ENGLISH : fromTag(best);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    private static Language fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst().orElse(ENGLISH);
    }
}
