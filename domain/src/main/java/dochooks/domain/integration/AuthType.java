package dochooks.domain.integration;

import java.util.Arrays;
import java.util.Optional;

/** How dochooks authenticates to a provider; the names are the API's ({@code OAuth2}, {@code ApiKey}). */
public enum AuthType {
    OAUTH2("OAuth2"),
    API_KEY("ApiKey");

    private final String apiName;

    AuthType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<AuthType> fromApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }
}
