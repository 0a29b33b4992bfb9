package dochooks.domain.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The endpoints of the document webhooks protocol, each with its name (appended to the base API URL as
 * {@code /name}) and the HTTP method dochooks calls it with. Only {@link #SERVICE_INFO} is called without
 * credentials.
 */
public enum ProviderEndpoint {
    FILES("files", "GET"),
    METADATA("metadata", "GET"),
    SEARCH("search", "GET"),
    DOWNLOAD("download", "GET"),
    THUMBNAIL("thumbnail", "GET"),
    UPLOAD_INIT("uploadInit", "POST"),
    UPLOAD("upload", "PUT"),
    CREATE_FOLDER("createFolder", "POST"),
    RENAME("rename", "PUT"),
    DELETE("delete", "PUT"),
    SERVICE_INFO("serviceInfo", "GET"),
    CUSTOM_ACTION("customAction", "GET");

    private final String wireName;
    private final String method;

    ProviderEndpoint(String wireName, String method) {
        this.wireName = wireName;
        this.method = method;
    }

    /** The endpoint's name in the protocol, e.g. {@code uploadInit}. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP method, upper case: {@code GET}, {@code POST} or {@code PUT}. */
    public String method() {
        return method;
    }

    /** False only for {@code serviceInfo}, which must work without authentication. */
    public boolean sendsCredentials() {
        return this != SERVICE_INFO;
    }

    /** The endpoint with that exact name, a leading {@code /} ignored; empty when there is none. */
    public static Optional<ProviderEndpoint> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.startsWith("/") ? name.substring(1) : name;
        return Arrays.stream(values()).filter(e -> e.wireName.equals(bare)).findFirst();
    }
}
