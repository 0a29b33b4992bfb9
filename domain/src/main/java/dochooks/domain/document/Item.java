package dochooks.domain.document;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A provider's file or folder, as the protocol's metadata object describes it, normalized: an item always
 * has an id and a kind; every other value is either meaningful or null. The constructor normalizes what
 * it is given, so no item can carry an empty title, a {@code javascript:} link or a negative size:
 * <ul>
 *   <li>{@code title} and {@code mimeType}: empty or blank becomes null;</li>
 *   <li>{@code viewLink} and {@code downloadLink}: anything but an absolute {@code http}/{@code https} URL
 *       with a host becomes null;</li>
 *   <li>{@code size}: a negative value becomes null.</li>
 * </ul>
 */
public record Item(ProviderItemId id, String title, ItemKind kind, String viewLink, String downloadLink,
        String mimeType, Instant dateModified, Long size, Boolean readOnly) {

    /** Longer links are dropped: no browser or user needs them, and they would only bloat answers. */
    public static final int MAX_LINK_LENGTH = 8192;

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = blankToNull(title);
        mimeType = blankToNull(mimeType);
        viewLink = webLinkOrNull(viewLink);
        downloadLink = webLinkOrNull(downloadLink);
        if (size != null && size < 0) {
            size = null;
        }
    }

    public boolean isFolder() {
        return kind == ItemKind.FOLDER;
    }

    public boolean isFile() {
        return kind == ItemKind.FILE;
    }

    /** {@code raw} when it is an absolute http or https URL with a host, else null. */
    public static String webLinkOrNull(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LINK_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.isOpaque()) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return "http".equals(lower) || "https".equals(lower) ? raw : null;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
