package dochooks.domain.integration;

import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A custom integration: one company's registration of one document provider. Immutable; every change
 * that changes something yields a copy whose {@code version} is one higher.
 */
public record Integration(IntegrationId id, TenantId tenant, IntegrationSettings settings, long version,
        Instant createdAt, Instant updatedAt) {

    public Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    /** A new integration at version 1. Times are kept to the millisecond, the precision the API shows. */
    public static Integration register(TenantId tenant, IntegrationSettings settings, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new Integration(IntegrationId.random(), tenant, settings, 1, created, created);
    }

    /** This integration with {@code next} settings: itself when nothing changes, else the next version. */
    public Integration replacedBy(IntegrationSettings next, Instant now) {
        if (next.equals(settings)) {
            return this;
        }
        return new Integration(id, tenant, next, version + 1, createdAt, now.truncatedTo(ChronoUnit.MILLIS));
    }

    public Integration withStatus(IntegrationStatus status, Instant now) {
        return replacedBy(settings.withStatus(status), now);
    }

    /**
     * Whether users' connections stay valid under {@code next}: not when the auth type, the client id or
     * the origin of any URL changes, since tokens belong to one client at one provider.
     */
    public boolean keepsConnectionsUnder(IntegrationSettings next) {
        if (!settings.baseApiUrl().origin().equals(next.baseApiUrl().origin())) {
            return false;
        }
        if (settings.auth() instanceof OAuth2Strategy before && next.auth() instanceof OAuth2Strategy after) {
            return before.clientId().equals(after.clientId())
                    && before.authenticationUrl().origin().equals(after.authenticationUrl().origin())
                    && before.tokenEndpointUrl().origin().equals(after.tokenEndpointUrl().origin());
        }
        return settings.auth().type() == next.auth().type();
    }

    public IntegrationName name() {
        return settings.name();
    }

    public IntegrationStatus status() {
        return settings.status();
    }

    public boolean isEnabled() {
        return settings.status() == IntegrationStatus.ENABLED;
    }

    public AuthType authType() {
        return settings.auth().type();
    }
}
