package dochooks.domain.integration;

import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Violations;
import java.util.List;
import java.util.Objects;

/** Everything an admin edits on an integration, valid by construction. */
public record IntegrationSettings(IntegrationName name, ProviderUrl baseApiUrl, RequestParameters requestParameters,
        AuthStrategy auth, IntegrationStatus status) {

    public IntegrationSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseApiUrl, "baseApiUrl");
        Objects.requireNonNull(requestParameters, "requestParameters");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Validates a form against the rules of every field at once.
     *
     * @param current the integration being replaced, or null on create. It supplies the status when the
     *                form has none, and the stored secret when the form omits it and neither the auth type
     *                nor the origin of any URL changed (so a stored secret can never be redirected).
     * @param earlier violations already found by the caller (unknown fields, wrong JSON types...): they
     *                are reported first, in their order, and their fields are not checked again. The form's
     *                own violations follow in {@link IntegrationForm#FIELDS} order.
     * @throws dochooks.domain.validation.ValidationException listing every violation
     */
    public static IntegrationSettings from(IntegrationForm form, UrlPolicy policy, Integration current,
            List<FieldViolation> earlier) {
        Violations violations = new Violations();
        violations.addAll(earlier);
        int earlierCount = earlier.size();
        IntegrationName name = violations.attempt("name", () -> new IntegrationName(form.name()));
        ProviderUrl baseApiUrl = violations.attempt("baseApiUrl", () -> ProviderUrl.baseApiUrl(form.baseApiUrl(), policy));
        RequestParameters parameters = violations.attempt("requestParameters",
                () -> RequestParameters.parse(form.requestParameters()));
        AuthType authType = authType(form, violations);
        IntegrationStatus status = status(form, current, violations);
        AuthStrategy auth = null;
        if (authType == AuthType.OAUTH2) {
            auth = oauth2(form, policy, baseApiUrl, current, violations);
        } else if (authType == AuthType.API_KEY) {
            auth = apiKey(form, baseApiUrl, current, violations);
        } else {
            checkFormatsOfAuthFields(form, policy, violations);
        }
        violations.sortAfter(earlierCount, IntegrationForm.FIELDS);
        violations.throwIfAny();
        return new IntegrationSettings(name, baseApiUrl, parameters, auth, status);
    }

    /**
     * Without a valid auth type nobody can say which auth fields are required or refused, but the ones
     * sent can still break their own rules: report those too, so that every failing field is listed at once.
     */
    private static void checkFormatsOfAuthFields(IntegrationForm form, UrlPolicy policy, Violations violations) {
        if (form.authenticationUrl() != null) {
            violations.attempt("authenticationUrl", () -> ProviderUrl.endpoint(form.authenticationUrl(), policy));
        }
        if (form.tokenEndpointUrl() != null) {
            violations.attempt("tokenEndpointUrl", () -> ProviderUrl.endpoint(form.tokenEndpointUrl(), policy));
        }
        if (form.clientId() != null) {
            violations.attempt("clientId", () -> new ClientId(form.clientId()));
        }
        if (form.clientSecret() != null) {
            violations.attempt("clientSecret", () -> Secret.of(form.clientSecret()));
        }
        if (form.apiKey() != null) {
            violations.attempt("apiKey", () -> Secret.of(form.apiKey()));
        }
    }

    private static AuthType authType(IntegrationForm form, Violations violations) {
        if (violations.hasViolationOn("authType")) {
            return null;
        }
        if (form.authType() == null) {
            violations.add("authType", Rule.REQUIRED);
            return null;
        }
        return AuthType.fromApiName(form.authType()).orElseGet(() -> {
            violations.add("authType", Rule.ONE_OF, "OAuth2, ApiKey");
            return null;
        });
    }

    private static IntegrationStatus status(IntegrationForm form, Integration current, Violations violations) {
        if (form.status() == null) {
            return current == null ? IntegrationStatus.ENABLED : current.status();
        }
        return IntegrationStatus.fromApiName(form.status()).orElseGet(() -> {
            violations.add("status", Rule.ONE_OF, "ENABLED, DISABLED");
            return null;
        });
    }

    private static AuthStrategy oauth2(IntegrationForm form, UrlPolicy policy, ProviderUrl baseApiUrl,
            Integration current, Violations violations) {
        refuse("apiKey", form.apiKey(), AuthType.OAUTH2, violations);
        ProviderUrl authenticationUrl = violations.attempt("authenticationUrl",
                () -> ProviderUrl.endpoint(form.authenticationUrl(), policy));
        ProviderUrl tokenEndpointUrl = violations.attempt("tokenEndpointUrl",
                () -> ProviderUrl.endpoint(form.tokenEndpointUrl(), policy));
        ClientId clientId = violations.attempt("clientId", () -> new ClientId(form.clientId()));
        Secret secret = secret("clientSecret", form.clientSecret(), violations, () -> {
            if (current == null || !(current.settings().auth() instanceof OAuth2Strategy stored)) {
                return null;
            }
            if (baseApiUrl == null || authenticationUrl == null || tokenEndpointUrl == null) {
                return Secret.of("unknown"); // another field is already at fault; do not add a second cause
            }
            boolean sameOrigins = stored.authenticationUrl().origin().equals(authenticationUrl.origin())
                    && stored.tokenEndpointUrl().origin().equals(tokenEndpointUrl.origin())
                    && current.settings().baseApiUrl().origin().equals(baseApiUrl.origin());
            return sameOrigins ? stored.clientSecret() : null;
        }, current != null);
        if (authenticationUrl == null || tokenEndpointUrl == null || clientId == null || secret == null) {
            return null;
        }
        return new OAuth2Strategy(authenticationUrl, tokenEndpointUrl, clientId, secret);
    }

    private static AuthStrategy apiKey(IntegrationForm form, ProviderUrl baseApiUrl, Integration current,
            Violations violations) {
        refuse("authenticationUrl", form.authenticationUrl(), AuthType.API_KEY, violations);
        refuse("tokenEndpointUrl", form.tokenEndpointUrl(), AuthType.API_KEY, violations);
        refuse("clientId", form.clientId(), AuthType.API_KEY, violations);
        refuse("clientSecret", form.clientSecret(), AuthType.API_KEY, violations);
        Secret secret = secret("apiKey", form.apiKey(), violations, () -> {
            if (current == null || !(current.settings().auth() instanceof ApiKeyStrategy stored)) {
                return null;
            }
            if (baseApiUrl == null) {
                return Secret.of("unknown"); // baseApiUrl is already at fault
            }
            return current.settings().baseApiUrl().origin().equals(baseApiUrl.origin()) ? stored.apiKey() : null;
        }, current != null);
        return secret == null ? null : new ApiKeyStrategy(secret);
    }

    /** The typed secret, else the stored one when it may be kept, else a violation. */
    private static Secret secret(String field, String typed, Violations violations,
            java.util.function.Supplier<Secret> keptSecret, boolean isReplacement) {
        if (typed != null) {
            return violations.attempt(field, () -> Secret.of(typed));
        }
        Secret kept = keptSecret.get();
        if (kept == null) {
            violations.add(field, isReplacement ? Rule.SECRET_REQUIRED_AGAIN : Rule.REQUIRED);
        }
        return kept;
    }

    private static void refuse(String field, String value, AuthType authType, Violations violations) {
        if (value != null) {
            violations.add(field, Rule.NOT_ALLOWED_FOR_AUTH_TYPE, authType.apiName());
        }
    }

    /** The same settings with another status. */
    public IntegrationSettings withStatus(IntegrationStatus newStatus) {
        return new IntegrationSettings(name, baseApiUrl, requestParameters, auth, newStatus);
    }
}
