package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.Caller;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens on its own, with a clock the test moves. */
class VerifiedTokensTest {
    private static final long NOW = 1_800_000_000L;
    private static final Caller ALICE = new Caller(new TenantId("acme"), new UserId("alice"), "alice", Set.of());

    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock::get, 3);

    @Test
    void aStoredTokenIsFoundUntilTheSecondOfItsExp() {
        tokens.put("t", new JsonObject().put("exp", NOW + 10), ALICE);

        assertSame(ALICE, tokens.get("t"));
        clock.set(NOW + 9);
        assertSame(ALICE, tokens.get("t"));
        clock.set(NOW + 10); // Vert.x: expired when now >= exp, no leeway
        assertNull(tokens.get("t"));
        assertEquals(0, tokens.size(), "an expired entry is dropped when found");
        clock.set(NOW);
        assertNull(tokens.get("t"), "and stays dropped");
    }

    @Test
    void anEntryNeverOutlivesItsMaximumAgeEvenWithoutExp() {
        tokens.put("no-exp", new JsonObject(), ALICE);
        tokens.put("far-exp", new JsonObject().put("exp", NOW + 10 * VerifiedTokens.MAX_AGE_SECONDS), ALICE);

        clock.set(NOW + VerifiedTokens.MAX_AGE_SECONDS - 1);
        assertSame(ALICE, tokens.get("no-exp"));
        assertSame(ALICE, tokens.get("far-exp"));
        clock.set(NOW + VerifiedTokens.MAX_AGE_SECONDS);
        assertNull(tokens.get("no-exp"));
        assertNull(tokens.get("far-exp"));
    }

    @Test
    void expIsComparedInWholeSecondsAsVertxDoes() {
        tokens.put("t", new JsonObject().put("exp", NOW + 1.9), ALICE); // Vert.x reads 1.9 as 1

        assertSame(ALICE, tokens.get("t"));
        clock.set(NOW + 1);
        assertNull(tokens.get("t"));
    }

    @Test
    void aClockGoingBackBeforeIatOrNbfHidesTheEntry() {
        tokens.put("iat", new JsonObject().put("iat", NOW), ALICE);
        tokens.put("nbf", new JsonObject().put("nbf", NOW - 5), ALICE);

        clock.set(NOW - 1);
        assertNull(tokens.get("iat"));
        assertSame(ALICE, tokens.get("nbf"));
    }

    @Test
    void tokensThatCouldNotHavePassedAreNotStored() {
        tokens.put("expired", new JsonObject().put("exp", NOW), ALICE);
        tokens.put("future-iat", new JsonObject().put("iat", NOW + 1), ALICE);
        tokens.put("future-nbf", new JsonObject().put("nbf", NOW + 1), ALICE);
        tokens.put("text-exp", new JsonObject().put("exp", String.valueOf(NOW + 60)), ALICE);
        tokens.put("null-exp", new JsonObject().putNull("exp"), ALICE);
        tokens.put("text-iat", new JsonObject().put("iat", "yesterday"), ALICE);

        assertEquals(0, tokens.size());
    }

    @Test
    void theSizeIsBoundedByEvictingAnEntry() {
        for (int i = 0; i < 100; i++) {
            tokens.put("t" + i, new JsonObject().put("exp", NOW + 60), ALICE);
            assertTrue(tokens.size() <= 3, "size " + tokens.size());
        }
        assertSame(ALICE, tokens.get("t99"), "the newest entry is kept");
        tokens.put("t99", new JsonObject().put("exp", NOW + 60), ALICE);
        assertEquals(3, tokens.size(), "storing a present token again evicts nothing");
    }

    @Test
    void theBoundMustAllowOneEntry() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(clock::get, 0));
    }
}
