package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static JsonObject claims() {
        return new JsonObject().put("sub", "alice").put("tenant", "acme");
    }

    @Test
    void theCallerIsTheTenantTheUserTheirLoginAndRoles() {
        Caller caller = TokenClaims.caller(claims().put("username", "alice@acme.example")
                .put("roles", new JsonArray().add("admin").add("viewer"))).orElseThrow();

        assertEquals("acme", caller.tenant().value());
        assertEquals("alice", caller.user().value());
        assertEquals("alice@acme.example", caller.username());
        assertEquals(Set.of("admin", "viewer"), caller.roles());
        assertTrue(caller.isAdmin());
    }

    @Test
    void theLoginDefaultsToTheSubjectAndRolesToNone() {
        Caller caller = TokenClaims.caller(claims()).orElseThrow();

        assertEquals("alice", caller.username());
        assertFalse(caller.isAdmin());
    }

    @Test
    void brokenClaimsGiveNoCaller() {
        assertTrue(TokenClaims.caller(claims().put("sub", "")).isEmpty());
        assertTrue(TokenClaims.caller(claims().put("tenant", "\u0000")).isEmpty());
        assertTrue(TokenClaims.caller(claims().put("roles", new JsonObject())).isEmpty());
        assertTrue(TokenClaims.caller(claims().put("username", "x".repeat(256))).isEmpty());
        assertTrue(TokenClaims.caller(claims().put("exp", "tomorrow")).isEmpty());
        assertTrue(TokenClaims.caller(claims().putNull("sub")).isEmpty());
    }
}
