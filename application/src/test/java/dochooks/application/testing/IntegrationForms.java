package dochooks.application.testing;

import dochooks.domain.integration.IntegrationForm;

/**
 * Builds {@link IntegrationForm}s for tests: start from a valid OAuth2 or ApiKey form and change one
 * field at a time. Mutable; each call returns this builder.
 */
public final class IntegrationForms {
    public static final String CLIENT_SECRET = "s3cr3t-value-c0de";
    public static final String API_KEY = "key-0123456789-abcd";

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

    private IntegrationForms() {
    }

    /** A valid OAuth2 form; every URL on https://dms.acme.example. */
    public static IntegrationForms oauth2() {
        IntegrationForms form = new IntegrationForms();
        form.authType = "OAuth2";
        form.authenticationUrl = "https://dms.acme.example/oauth/authorize";
        form.tokenEndpointUrl = "https://dms.acme.example/oauth/token";
        form.clientId = "wf-123";
        form.clientSecret = CLIENT_SECRET;
        return form;
    }

    /** A valid ApiKey form on https://dms.acme.example. */
    public static IntegrationForms apiKey() {
        IntegrationForms form = new IntegrationForms();
        form.authType = "ApiKey";
        form.apiKey = API_KEY;
        return form;
    }

    public IntegrationForms name(String value) {
        name = value;
        return this;
    }

    public IntegrationForms baseApiUrl(String value) {
        baseApiUrl = value;
        return this;
    }

    public IntegrationForms requestParameters(String value) {
        requestParameters = value;
        return this;
    }

    public IntegrationForms authType(String value) {
        authType = value;
        return this;
    }

    public IntegrationForms authenticationUrl(String value) {
        authenticationUrl = value;
        return this;
    }

    public IntegrationForms tokenEndpointUrl(String value) {
        tokenEndpointUrl = value;
        return this;
    }

    public IntegrationForms clientId(String value) {
        clientId = value;
        return this;
    }

    public IntegrationForms clientSecret(String value) {
        clientSecret = value;
        return this;
    }

    public IntegrationForms apiKey(String value) {
        apiKey = value;
        return this;
    }

    public IntegrationForms status(String value) {
        status = value;
        return this;
    }

    public IntegrationForm build() {
        return new IntegrationForm(name, baseApiUrl, requestParameters, authType, authenticationUrl,
                tokenEndpointUrl, clientId, clientSecret, apiKey, status);
    }
}
