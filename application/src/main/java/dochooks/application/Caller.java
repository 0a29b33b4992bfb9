package dochooks.application;

import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: a user of a tenant, with the login sent to ApiKey providers and their roles. Every use
 * case takes it explicitly, so tenant scoping is visible in every signature.
 */
public record Caller(TenantId tenant, UserId user, String username, Set<String> roles) {
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
