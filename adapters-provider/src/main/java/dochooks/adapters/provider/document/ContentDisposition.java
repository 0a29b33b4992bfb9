package dochooks.adapters.provider.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The file name of a {@code Content-Disposition} header (RFC 6266): {@code filename*} (RFC 8187,
 * {@code UTF-8''%E2%82%AC.txt}) preferred over {@code filename} (a token or a quoted string). Control
 * characters are removed; anything malformed gives null.
 */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String fileName(String header) {
        if (header == null) {
            return null;
        }
        String plain = null;
        String extended = null;
        int at = header.indexOf(';');
        while (at >= 0 && at < header.length()) {
            int nameStart = skipSpaces(header, at + 1);
            int equals = header.indexOf('=', nameStart);
            if (equals < 0) {
                break;
            }
            String name = header.substring(nameStart, equals).strip().toLowerCase(Locale.ROOT);
            int valueStart = skipSpaces(header, equals + 1);
            String value;
            int next;
            if (valueStart < header.length() && header.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int i = valueStart + 1;
                while (i < header.length() && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < header.length()) {
                        i++;
                    }
                    quoted.append(header.charAt(i));
                    i++;
                }
                value = quoted.toString();
                next = header.indexOf(';', i);
            } else {
                next = header.indexOf(';', valueStart);
                value = (next < 0 ? header.substring(valueStart) : header.substring(valueStart, next)).strip();
            }
            if (name.equals("filename*")) {
                extended = decodeExtended(value);
            } else if (name.equals("filename")) {
                plain = value;
            }
            at = next;
        }
        return clean(extended != null ? extended : plain);
    }

    /** {@code charset'language'percent-encoded}, charsets UTF-8 and ISO-8859-1. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        String charsetName = value.substring(0, first).strip().toUpperCase(Locale.ROOT);
        if (charsetName.equals("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (charsetName.equals("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return null;
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else if (c < 128) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }

    private static String clean(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(cp -> Character.getType(cp) != Character.CONTROL).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        return result.isEmpty() ? null : result;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
