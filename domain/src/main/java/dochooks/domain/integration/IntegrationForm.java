package dochooks.domain.integration;

/**
 * The editable fields of an integration exactly as a user sent them: any of them may be null (absent)
 * or invalid. {@link IntegrationSettings#from} turns it into valid settings or lists every fault.
 */
public record IntegrationForm(
        String name,
        String baseApiUrl,
        String requestParameters,
        String authType,
        String authenticationUrl,
        String tokenEndpointUrl,
        String clientId,
        String clientSecret,
        String apiKey,
        String status) {

    /** The form's field names, in the order violations are reported. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "name", "baseApiUrl", "requestParameters", "authType", "authenticationUrl", "tokenEndpointUrl",
            "clientId", "clientSecret", "apiKey", "status");

    @Override
    public String toString() {
        return "IntegrationForm[name=" + name + ", baseApiUrl=" + baseApiUrl + ", authType=" + authType
                + ", clientSecret=" + (clientSecret == null ? "absent" : "****")
                + ", apiKey=" + (apiKey == null ? "absent" : "****") + "]";
    }
}
