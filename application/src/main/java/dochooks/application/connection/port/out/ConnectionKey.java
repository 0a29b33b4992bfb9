package dochooks.application.connection.port.out;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import java.util.Objects;

/** Whose connection to which integration: a user is the pair (tenant, user), and has one per integration. */
public record ConnectionKey(TenantId tenant, UserId user, IntegrationId integration) {

    public ConnectionKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(integration, "integration");
    }

    /** The caller's connection to {@code integration} (of the caller's tenant). */
    public static ConnectionKey of(Caller caller, IntegrationId integration) {
        return new ConnectionKey(caller.tenant(), caller.user(), integration);
    }

    public static ConnectionKey of(Caller caller, Integration integration) {
        return of(caller, integration.id());
    }

    /** Whether {@code caller} is this connection's user. */
    public boolean belongsTo(Caller caller) {
        return tenant.equals(caller.tenant()) && user.equals(caller.user());
    }
}
