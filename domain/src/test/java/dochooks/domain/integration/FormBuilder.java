package dochooks.domain.integration;

/** Builds {@link IntegrationForm}s for tests: a valid OAuth2 or ApiKey form, then one field changed at a time. */
final class FormBuilder {
    static final String CLIENT_SECRET = "s3cr3t-value-c0de";
    static final String API_KEY = "key-0123456789-abcd";

    private String name = "Acme DMS";
    private String baseApiUrl = "https://dms.acme.example/api/v1";
    private String requestParameters;
    private String authType;
    private String authenticationUrl;
    private String tokenEndpointUrl;
    private String clientId;
    private String clientSecret;
    private String apiKey;
    private String status;

    private FormBuilder() {
    }

    static FormBuilder oauth2() {
        FormBuilder form = new FormBuilder();
        form.authType = "OAuth2";
        form.authenticationUrl = "https://dms.acme.example/oauth/authorize";
        form.tokenEndpointUrl = "https://dms.acme.example/oauth/token";
        form.clientId = "wf-123";
        form.clientSecret = CLIENT_SECRET;
        return form;
    }

    static FormBuilder apiKey() {
        FormBuilder form = new FormBuilder();
        form.authType = "ApiKey";
        form.apiKey = API_KEY;
        return form;
    }

    FormBuilder name(String value) {
        name = value;
        return this;
    }

    FormBuilder baseApiUrl(String value) {
        baseApiUrl = value;
        return this;
    }

    FormBuilder requestParameters(String value) {
        requestParameters = value;
        return this;
    }

    FormBuilder authType(String value) {
        authType = value;
        return this;
    }

    FormBuilder authenticationUrl(String value) {
        authenticationUrl = value;
        return this;
    }

    FormBuilder tokenEndpointUrl(String value) {
        tokenEndpointUrl = value;
        return this;
    }

    FormBuilder clientId(String value) {
        clientId = value;
        return this;
    }

    FormBuilder clientSecret(String value) {
        clientSecret = value;
        return this;
    }

    FormBuilder apiKey(String value) {
        apiKey = value;
        return this;
    }

    FormBuilder status(String value) {
        status = value;
        return this;
    }

    IntegrationForm build() {
        return new IntegrationForm(name, baseApiUrl, requestParameters, authType, authenticationUrl,
                tokenEndpointUrl, clientId, clientSecret, apiKey, status);
    }
}
