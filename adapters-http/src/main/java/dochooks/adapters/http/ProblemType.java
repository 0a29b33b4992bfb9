package dochooks.adapters.http;

/**
 * The problem types this adapter answers with (api.md section 1). Each has a stable slug, the status it
 * always comes with, and a title and detail in every language of the {@link MessageCatalog}.
 */
enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request"),
    VALIDATION_FAILED(400, "validation-failed"),
    OAUTH_CALLBACK_REJECTED(400, "oauth-callback-rejected"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN(403, "forbidden"),
    PROVIDER_FORBIDDEN(403, "provider-forbidden"),
    NOT_FOUND(404, "not-found"),
    INTEGRATION_NOT_FOUND(404, "integration-not-found"),
    PROVIDER_NOT_FOUND(404, "provider-not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NAME_TAKEN(409, "name-taken"),
    INTEGRATION_DISABLED(409, "integration-disabled"),
    CONNECTION_REQUIRED(409, "connection-required"),
    REAUTHORIZATION_REQUIRED(409, "reauthorization-required"),
    NOT_OAUTH2(409, "not-oauth2"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    INTERNAL_ERROR(500, "internal-error"),
    PROVIDER_ERROR(502, "provider-error"),
    PROVIDER_BAD_RESPONSE(502, "provider-bad-response"),
    PROVIDER_UNREACHABLE(502, "provider-unreachable"),
    PROVIDER_ADDRESS_BLOCKED(502, "provider-address-blocked"),
    DATABASE_UNAVAILABLE(503, "database-unavailable"),
    PROVIDER_BUSY(503, "provider-busy"),
    PROVIDER_CIRCUIT_OPEN(503, "provider-circuit-open"),
    PROVIDER_TIMEOUT(504, "provider-timeout");

    private static final String URN_PREFIX = "urn:dochooks:problem:";

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    int status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String uri() {
        return URN_PREFIX + slug;
    }

    /** Whether the body carries a {@code detail}: not for a bug, whose cause stays in the log. */
    boolean hasDetail() {
        return this != INTERNAL_ERROR;
    }
}
