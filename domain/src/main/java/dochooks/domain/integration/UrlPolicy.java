package dochooks.domain.integration;

/** Which URL schemes provider URLs may use: https always, plain http only when the operator allows it. */
public record UrlPolicy(boolean allowHttp) {
    public static final UrlPolicy HTTPS_ONLY = new UrlPolicy(false);

    public boolean allowsScheme(String scheme) {
        return "https".equals(scheme) || (allowHttp && "http".equals(scheme));
    }

    public String allowedSchemes() {
        return allowHttp ? "http or https" : "https";
    }
}
