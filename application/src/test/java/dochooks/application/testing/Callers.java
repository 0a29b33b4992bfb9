package dochooks.application.testing;

import dochooks.application.Caller;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import java.util.Set;

/** Callers for tests: an admin and a plain user of a tenant. */
public final class Callers {
    private Callers() {
    }

    public static Caller admin(TenantId tenant) {
        return new Caller(tenant, new UserId("admin-1"), "admin.one", Set.of(Caller.ADMIN_ROLE, "user"));
    }

    public static Caller user(TenantId tenant) {
        return new Caller(tenant, new UserId("user-1"), "user.one", Set.of("user"));
    }
}
