package dochooks.application.document.port.in;

import dochooks.domain.document.ProviderItemId;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;
import dochooks.domain.validation.Violations;

/**
 * The checks the document queries share, each recording a violation under the query parameter's name so
 * that every parameter at fault is reported at once. Numbers arrive already parsed (the HTTP adapter reports
 * text that is no integer); here only their range is checked.
 */
final class QueryRules {
    /** File and folder names: the common file-system limit, in code points. */
    static final int MAX_NAME_LENGTH = 255;
    /** Search text: generous, and far below the 16 KiB request line. */
    static final int MAX_SEARCH_TEXT_LENGTH = 1024;
    /** dochooks' own document and document-version ids, sent to the provider as they are. */
    static final int MAX_DOCUMENT_ID_LENGTH = 255;

    private QueryRules() {
    }

    /** A required provider item id: present, 1–255 characters. */
    static void itemId(Violations violations, String field, String raw) {
        violations.attempt(field, () -> new ProviderItemId(raw));
    }

    /** An optional provider item id: when present, 1–255 characters. */
    static void optionalItemId(Violations violations, String field, String raw) {
        if (raw != null) {
            itemId(violations, field, raw);
        }
    }

    /** Required text that becomes a query parameter: present, 1–{@code max} code points, no control characters. */
    static void text(Violations violations, String field, String raw, int max) {
        if (raw == null || raw.isEmpty()) {
            violations.add(field, Rule.REQUIRED);
            return;
        }
        violations.attempt(field, () -> Text.requirePlainText(raw, max));
    }

    /** Optional text: when present, as {@link #text}. */
    static void optionalText(Violations violations, String field, String raw, int max) {
        if (raw != null) {
            violations.attempt(field, () -> Text.requirePlainText(raw, max));
        }
    }

    static void nonNegative(Violations violations, String field, Long value) {
        if (value != null && value < 0) {
            violations.add(field, Rule.NON_NEGATIVE_INTEGER);
        }
    }

    static void positive(Violations violations, String field, Long value) {
        if (value != null && value < 1) {
            violations.add(field, Rule.POSITIVE_INTEGER);
        }
    }

    /** The given parent folder, or the root folder {@code /} when none was given. */
    static String parentOrRoot(String raw) {
        return raw == null ? ProviderItemId.ROOT.value() : raw;
    }

    static ProviderItemId optionalId(String raw) {
        return raw == null ? null : new ProviderItemId(raw);
    }
}
