package dochooks.domain.document;

import java.util.Locale;
import java.util.Optional;

/** What a provider item is: a file or a folder. The wire names are the protocol's ({@code file}, {@code folder}). */
public enum ItemKind {
    FILE("file"),
    FOLDER("folder");

    private final String wireName;

    ItemKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind named {@code raw}, compared ignoring case ({@code "File"} is a file); empty for anything else. */
    public static Optional<ItemKind> fromWireName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        for (ItemKind kind : values()) {
            if (kind.wireName.equals(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
