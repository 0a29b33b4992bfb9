package dochooks.adapters.http;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers of relayed bytes (api.md 5), made safe whatever the provider sent: a {@code Content-Type} that is
 * a well-formed media type (else {@code application/octet-stream}), raster images only for thumbnails, and a
 * {@code Content-Disposition: attachment} whose file name cannot name a path, hide an extension behind bidi
 * controls or break the header.
 */
final class RelayedHeaders {
    static final String OCTET_STREAM = "application/octet-stream";
    /** Images a browser renders without running anything: no SVG, no HTML, nothing scriptable. */
    static final Set<String> RASTER_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** The longest file name kept, in code points (the usual file-system limit). */
    static final int MAX_FILE_NAME = 255;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");
    private static final Pattern HEADER_TEXT = Pattern.compile("[\\x20-\\x7E]{1,255}");
    /** Characters no common file system takes in a name, or that name a path. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[/\\\\:*?\"<>|]");
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private RelayedHeaders() {
    }

    /** A download's type: the provider's when it is a well-formed media type, else {@code application/octet-stream}. */
    static String downloadType(String providerType) {
        return mediaType(providerType) == null ? OCTET_STREAM : providerType.strip();
    }

    /** A thumbnail's type: a raster image type as the provider named it, anything else {@code application/octet-stream}. */
    static String thumbnailType(String providerType) {
        String media = mediaType(providerType);
        return media != null && RASTER_IMAGES.contains(media) ? media : OCTET_STREAM;
    }

    /** The media type without parameters, lower-cased; null when the value is absent or malformed. */
    static String mediaType(String value) {
        if (value == null || !HEADER_TEXT.matcher(value).matches()) {
            return null;
        }
        int parameters = value.indexOf(';');
        String media = (parameters < 0 ? value : value.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(media).matches() ? media : null;
    }

    /**
     * {@code attachment}, with the file name (RFC 6266) when a safe one remains of the provider's: as
     * {@code filename*=UTF-8''...} (RFC 8187) and as an ASCII {@code filename} for older clients.
     */
    static String attachment(String providerFileName) {
        String name = safeFileName(providerFileName);
        if (name == null) {
            return "attachment";
        }
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /**
     * The provider's file name made safe: NFC, without control or format characters (bidi controls included),
     * path and reserved characters replaced by {@code _}, without surrounding spaces and dots (no hidden file, no
     * {@code ..}), at most 255 code points; null when nothing is left.
     */
    static String safeFileName(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(raw, Normalizer.Form.NFC).codePoints()
                .filter(cp -> Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String name = UNSAFE_IN_NAME.matcher(kept).replaceAll("_");
        name = stripEnds(name);
        if (name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
            name = stripEnds(name.substring(0, name.offsetByCodePoints(0, MAX_FILE_NAME)));
        }
        return name.isEmpty() ? null : name;
    }

    private static String stripEnds(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isTrimmed(name.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Printable ASCII stays; anything else, and the quote, backslash and percent, becomes {@code _}. */
    static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%'
                ? (char) cp : '_'));
        return ascii.toString();
    }

    /** RFC 8187 value characters: attr-char as is, every other UTF-8 byte as {@code %XX}. */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
