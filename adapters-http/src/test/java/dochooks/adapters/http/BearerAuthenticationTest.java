package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JOSE header check that runs before any signature is looked at, the parsing of the {@code Authorization}
 * value, and the cache of verified tokens as authentication uses it.
 */
class BearerAuthenticationTest {
    private static final String PAYLOAD_AND_SIGNATURE = ".e30.c2ln";
    /** What {@link BearerAuthentication#bearerToken} was before it was written out by hand: the oracle. */
    private static final Pattern BEARER =
            Pattern.compile("(?i)Bearer +([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+) *");

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String withHeader(String json) {
        return Tokens.encode(json) + PAYLOAD_AND_SIGNATURE;
    }

    @Test
    void onlyAnHs256HeaderPasses() {
        assertTrue(BearerAuthentication.signedWithHs256(withHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")));
        for (String alg : List.of("none", "None", "RS256", "HS384", "HS512", "hs256", "HS256 ", "")) {
            assertFalse(BearerAuthentication.signedWithHs256(withHeader(new JsonObject().put("alg", alg).encode())), alg);
        }
    }

    @Test
    void aHeaderWithoutAStringAlgOrNotAJsonObjectFails() {
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("{\"typ\":\"JWT\"}")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("{\"alg\":[\"HS256\"]}")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("[\"HS256\"]")));
        assertFalse(BearerAuthentication.signedWithHs256(withHeader("not json")));
        assertFalse(BearerAuthentication.signedWithHs256("!!!" + PAYLOAD_AND_SIGNATURE));
    }

    @Test
    void theTokenIsReadFromTheAuthorizationValueAsTheRegularExpressionDid() {
        List<String> samples = new ArrayList<>(List.of("Bearer a.b.c", "bearer a.b.c", "BEARER   a.b.c   ", "Bearer a.b.c\t",
                "Bearer a.b", "Bearer a.b.c.d", "Bearer .b.c", "Bearer a..c", "Bearer a.b.", "Bearera.b.c", "Bearer",
                "Bearer ", "Basic a.b.c", " Bearer a.b.c", "Bearer a.b.c x", "Bearer a_-9.B-_0.c=", "Bearer\ta.b.c",
                "Beare\u0280 a.b.c", "\u212Aearer a.b.c", "B\u0435arer a.b.c", "Bearer a.b.c\u00a0", "", "Bearer a.\u00e9.c"));
        Random random = new Random(42);
        String alphabet = "Bbearer .-_=aZ09\t\u0131\u017f";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(value.toString());
        }
        for (String value : samples) {
            Matcher matcher = BEARER.matcher(value);
            assertEquals(matcher.matches() ? matcher.group(1) : null, BearerAuthentication.bearerToken(value), value);
        }
    }

    @Test
    void aVerifiedTokenIsAnsweredFromTheCacheUntilItsExp() {
        long now = System.currentTimeMillis() / 1000;
        AtomicLong clock = new AtomicLong(now);
        VerifiedTokens cache = new VerifiedTokens(clock::get, 100);
        BearerAuthentication authentication = new BearerAuthentication(vertx, Tokens.SECRET_BYTES, cache);
        // iat pinned to the test clock's second, which the real clock may have left since
        String token = Tokens.sign(Tokens.claims("acme", "alice").put("iat", now).put("exp", now + 60));

        Caller first = await(authentication.authenticate(List.of("Bearer " + token)));
        assertEquals("alice", first.user().value());
        assertSame(first, cache.get(token), "cached after a full verification");
        assertSame(first, await(authentication.authenticate(List.of("bearer  " + token + " "))));

        clock.set(now + 60);
        assertNull(cache.get(token), "never returned from the second of its exp on");
    }

    @Test
    void onlyTokensThatPassEveryCheckAreCached() {
        long now = System.currentTimeMillis() / 1000;
        VerifiedTokens cache = new VerifiedTokens(() -> System.currentTimeMillis() / 1000, 100);
        BearerAuthentication authentication = new BearerAuthentication(vertx, Tokens.SECRET_BYTES, cache);
        JsonObject claims = Tokens.claims("acme", "alice").put("exp", now + 60);
        byte[] otherSecret = "another-secret-of-at-least-32-bytes-000".getBytes(StandardCharsets.UTF_8);
        JsonObject hs256 = new JsonObject().put("alg", "HS256").put("typ", "JWT");
        List<String> refused = List.of(
                Tokens.sign(hs256, claims, otherSecret), // bad signature
                Tokens.sign(new JsonObject().put("alg", "HS512"), claims, Tokens.SECRET_BYTES), // wrong alg
                Tokens.sign(claims.copy().put("exp", now - 1)), // expired
                Tokens.sign(claims.copy().put("nbf", now + 60)), // not yet valid
                Tokens.sign(claims.copy().put("sub", "")), // claim rules broken
                Tokens.sign(claims.copy().put("exp", String.valueOf(now + 60)))); // badly typed exp

        for (String token : refused) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Future<Caller> answer = authentication.authenticate(List.of("Bearer " + token));
                assertTrue(answer.failed(), token);
                assertTrue(answer.cause() instanceof ProblemException, token);
            }
            assertNull(cache.get(token), token);
        }
        assertEquals(0, cache.size());
        String good = Tokens.sign(claims);
        assertTrue(authentication.authenticate(List.of("Bearer " + good, "Bearer " + good)).failed(),
                "two Authorization values are refused, cached token or not");
        await(authentication.authenticate(List.of("Bearer " + good)));
        assertTrue(authentication.authenticate(List.of("Bearer " + good, "Bearer " + good)).failed());
        assertEquals(1, cache.size());
    }

    private static Caller await(Future<Caller> answer) {
        assertTrue(answer.succeeded(), () -> "refused: " + answer.cause());
        return answer.result();
    }
}
