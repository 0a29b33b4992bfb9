package dochooks.adapters.persistence;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import java.time.Instant;

/** Connections for tests: tokens with distinctive values, so that their bytes can be looked for in raw rows. */
final class Connections {
    static final Instant CONNECTED = Instant.parse("2026-11-23T14:10:00.456Z");

    private Connections() {
    }

    static ConnectionKey key(TenantId tenant, String user, Integration integration) {
        return new ConnectionKey(tenant, new UserId(user), integration.id());
    }

    static TokenSet tokens(String access, String refresh, Instant issuedAt, Long expiresIn) {
        return new TokenSet(Secret.of(access), refresh == null ? null : Secret.of(refresh),
                TokenLifetime.of(issuedAt, expiresIn));
    }

    static UserConnection connection(ConnectionKey key, String access, String refresh) {
        return UserConnection.connected(key, tokens(access, refresh, CONNECTED, 3600L), CONNECTED);
    }
}
