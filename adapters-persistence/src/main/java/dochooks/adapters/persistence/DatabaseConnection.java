package dochooks.adapters.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the PostgreSQL database is and who we are there. The password is never shown by {@link #toString()},
 * and no error message of this class ever contains it.
 *
 * @param password empty when the server asks for none (trust authentication)
 */
public record DatabaseConnection(String host, int port, String database, String user, String password) {
    private static final int DEFAULT_PORT = 5432;

    public DatabaseConnection {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("database URL: the host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database URL: the port must be 1..65535, was " + port);
        }
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("database URL: the database name is missing");
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("database URL: the user is missing");
        }
        password = Objects.requireNonNullElse(password, "");
    }

    /**
     * Parses {@code postgresql://user:pass@host:port/db}, {@code postgres://...} and
     * {@code jdbc:postgresql://host:port/db?user=..&password=..}. User and password are percent-decoded; in
     * the first two forms they may also come as {@code user}/{@code password} query parameters. The port
     * defaults to 5432; an IPv6 host is written in brackets. Other query parameters are refused rather than
     * silently ignored (an ignored {@code sslmode=require} would be a silent downgrade).
     *
     * @throws IllegalArgumentException saying what is wrong; the message never contains the password
     */
    public static DatabaseConnection fromUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"postgresql://", "postgres://", "jdbc:postgresql://"}) {
            if (lower.startsWith(scheme)) {
                return new UrlParser(trimmed.substring(scheme.length()), !scheme.startsWith("jdbc:")).parse();
            }
        }
        throw new IllegalArgumentException(
                "database URL must start with postgresql://, postgres:// or jdbc:postgresql://");
    }

    /**
     * The JDBC URL (for Flyway or a JDBC driver), without credentials: pass {@link #user()} and
     * {@link #password()} separately, so the URL can be logged.
     */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + PercentCoding.encode(database);
    }

    @Override
    public String toString() {
        return "DatabaseConnection[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + "]";
    }

    /** Reads the part after the scheme; never puts any part of the input into an error message. */
    private static final class UrlParser {
        private final String rest;
        private final boolean userInfoAllowed;
        private String user;
        private String password;

        UrlParser(String rest, boolean userInfoAllowed) {
            this.rest = rest;
            this.userInfoAllowed = userInfoAllowed;
        }

        DatabaseConnection parse() {
            if (rest.indexOf('#') >= 0) {
                throw new IllegalArgumentException("database URL must not have a fragment ('#'); "
                        + "percent-encode '#' in the user or password as %23");
            }
            int queryStart = rest.indexOf('?');
            String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
            // The last '@' ends the user info, so a raw '@' or '/' in a password still parses.
            int at = beforeQuery.lastIndexOf('@');
            String address = beforeQuery;
            if (at >= 0) {
                if (!userInfoAllowed) {
                    throw new IllegalArgumentException(
                            "database URL: a jdbc:postgresql URL takes user and password as ?user=..&password=.. parameters");
                }
                readUserInfo(beforeQuery.substring(0, at));
                address = beforeQuery.substring(at + 1);
            }
            if (queryStart >= 0) {
                readQuery(rest.substring(queryStart + 1));
            }
            int slash = address.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("database URL: the database name is missing (…/database)");
            }
            String database = PercentCoding.decode(address.substring(slash + 1), "database name");
            HostAndPort hostAndPort = HostAndPort.parse(address.substring(0, slash));
            return new DatabaseConnection(hostAndPort.host, hostAndPort.port, database, user, password);
        }

        private void readUserInfo(String userInfo) {
            int colon = userInfo.indexOf(':');
            user = PercentCoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
            password = colon < 0 ? null : PercentCoding.decode(userInfo.substring(colon + 1), "password");
        }

        private void readQuery(String query) {
            for (String pair : query.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                if ("user".equals(name)) {
                    requireUnset(user, "user");
                    user = PercentCoding.decode(value, "user");
                } else if ("password".equals(name)) {
                    requireUnset(password, "password");
                    password = PercentCoding.decode(value, "password");
                } else {
                    throw new IllegalArgumentException("database URL: unsupported parameter '"
                            + printableName(name) + "' (only user and password are understood)");
                }
            }
        }

        private static void requireUnset(String current, String what) {
            if (current != null) {
                throw new IllegalArgumentException("database URL gives the " + what + " twice");
            }
        }

        /** A parameter name is no secret, but keep the message one short printable line. */
        private static String printableName(String name) {
            String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            return cut.replaceAll("\\p{Cntrl}", "?");
        }
    }

    private record HostAndPort(String host, int port) {
        static HostAndPort parse(String address) {
            if (address.isEmpty()) {
                throw new IllegalArgumentException("database URL: the host is missing");
            }
            if (address.indexOf(',') >= 0) {
                throw new IllegalArgumentException("database URL: only one host is supported");
            }
            String host;
            String portText = null;
            if (address.startsWith("[")) {
                int close = address.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("database URL: unclosed '[' in an IPv6 host");
                }
                host = address.substring(1, close);
                String after = address.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw new IllegalArgumentException("database URL: unexpected text after the IPv6 host");
                    }
                    portText = after.substring(1);
                }
            } else {
                int colon = address.indexOf(':');
                host = colon < 0 ? address : address.substring(0, colon);
                portText = colon < 0 ? null : address.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("database URL: the host is missing");
            }
            return new HostAndPort(host, portText == null || portText.isEmpty() ? DEFAULT_PORT : port(portText));
        }

        private static int port(String text) {
            if (!text.matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("database URL: the port must be a number 1..65535");
            }
            return Integer.parseInt(text);
        }
    }

    /** RFC 3986 percent-coding of UTF-8; '+' stays a plus (this is a URL, not a form). */
    static final class PercentCoding {
        private PercentCoding() {
        }

        static String decode(String value, String what) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
            byte[] raw = value.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] != '%') {
                    bytes.write(raw[i]);
                    continue;
                }
                int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
                int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("database URL: malformed percent-encoding in the " + what);
                }
                bytes.write((high << 4) | low);
                i += 2;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException notUtf8) {
                throw new IllegalArgumentException("database URL: the " + what + " is not UTF-8 once decoded");
            }
        }

        static String encode(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~') {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
            return out.toString();
        }
    }
}
