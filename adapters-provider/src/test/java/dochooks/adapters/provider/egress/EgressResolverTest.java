package dochooks.adapters.provider.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Await;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderUnreachableException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resolver against a fixed name table: no DNS query and no connection is ever made. */
class EgressResolverTest {
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    /** A lookup that must never be used: literals are parsed, not looked up. */
    private static final HostLookup NO_LOOKUP = name -> {
        throw new AssertionError("looked up " + name);
    };

    private static HostLookup table(Map<String, List<String>> names, List<String> asked) {
        return name -> {
            asked.add(name);
            List<String> literals = names.get(name);
            if (literals == null) {
                throw new UnknownHostException(name);
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String literal : literals) {
                addresses.add(((HostForm.Literal) HostForm.of(literal)).address());
            }
            return addresses;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.1", "2130706433", "0x7f000001", "017700000001", "0177.0.0.1",
            "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "169.254.169.254",
            "168.63.129.16", "[fd00::1]", "[fe80::1]", "100.64.0.1", "198.18.0.1", "224.0.0.1", "127.0.0.1.",
            "[::1]", "[::]", "10.0.0.1", "192.168.0.1", "172.16.0.1", "[fe80::1%25eth0]", "255.255.255.255"})
    void refusesHostileLiteralsWithoutLookingThemUp(String host) {
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(), NO_LOOKUP);
        Await.failure(resolver.resolve(host), ProviderAddressBlockedException.class);
    }

    @Test
    void parsesLiteralsToTheAddressToConnectTo() {
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.allowing("127.0.0.0/8"), NO_LOOKUP);
        assertEquals("127.0.0.1", Await.result(resolver.resolve("127.1")).getHostAddress());
        assertEquals("127.0.0.1", Await.result(resolver.resolve("[::ffff:127.0.0.1]")).getHostAddress());
        assertEquals("8.8.8.8", Await.result(resolver.resolve("8.8.8.8")).getHostAddress());
        Await.failure(resolver.resolve("0x7f000001"), ProviderAddressBlockedException.class);
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsRefused() {
        List<String> asked = new CopyOnWriteArrayList<>();
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(),
                table(Map.of("sneaky.example", List.of("93.184.215.14", "169.254.169.254")), asked));
        Await.failure(resolver.resolve("sneaky.example"), ProviderAddressBlockedException.class);
        assertEquals(List.of("sneaky.example"), asked);
    }

    @Test
    void answersTheFirstAddressOfANameWhoseAddressesAreAllPermitted() {
        List<String> asked = new CopyOnWriteArrayList<>();
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(),
                table(Map.of("dms.acme.example", List.of("93.184.215.14", "[2606:4700::1111]")), asked));
        assertEquals("93.184.215.14", Await.result(resolver.resolve("DMS.acme.example.")).getHostAddress());
        assertEquals(List.of("dms.acme.example"), asked, "one lookup, of the normalized name");
    }

    @Test
    void aNameIsLookedUpOnceInALifetimeAndItsAddressesCheckedAtEveryUse() {
        List<String> asked = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong();
        HostLookup names = table(Map.of("dms.acme.example", List.of("93.184.215.14"),
                "sneaky.example", List.of("169.254.169.254")), asked);
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(), names, new RecentLookups(now::get));

        assertEquals("93.184.215.14", Await.result(resolver.resolve("dms.acme.example")).getHostAddress());
        assertEquals("93.184.215.14", Await.result(resolver.resolve("dms.acme.example")).getHostAddress());
        Await.failure(resolver.resolve("sneaky.example"), ProviderAddressBlockedException.class);
        Await.failure(resolver.resolve("sneaky.example"), ProviderAddressBlockedException.class);
        assertEquals(List.of("dms.acme.example", "sneaky.example"), asked, "one lookup each, every use checked");

        now.addAndGet(RecentLookups.LIFETIME.toNanos());
        Await.result(resolver.resolve("dms.acme.example"));
        assertEquals(List.of("dms.acme.example", "sneaky.example", "dms.acme.example"), asked, "looked up again");
    }

    @Test
    void aFailedLookupIsAskedAgainNextTime() {
        List<String> asked = new CopyOnWriteArrayList<>();
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(), table(Map.of(), asked));

        Await.failure(resolver.resolve("nowhere.example"), ProviderUnreachableException.class);
        Await.failure(resolver.resolve("nowhere.example"), ProviderUnreachableException.class);

        assertEquals(List.of("nowhere.example", "nowhere.example"), asked);
    }

    @Test
    void anUnknownNameIsUnreachable() {
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(), table(Map.of(), new ArrayList<>()));
        Await.failure(resolver.resolve("nowhere.example"), ProviderUnreachableException.class);
        EgressResolver empty = new EgressResolver(vertx, EgressPolicy.strict(), name -> List.of());
        Await.failure(empty.resolve("nowhere.example"), ProviderUnreachableException.class);
    }

    @Test
    void looksUpOffTheEventLoop() {
        AtomicBoolean onEventLoop = new AtomicBoolean(true);
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.strict(), name -> {
            onEventLoop.set(Context.isOnEventLoopThread());
            return List.of(InetAddress.getByAddress(name, new byte[] {93, (byte) 184, (byte) 215, 14}));
        });
        Context context = vertx.getOrCreateContext();
        var resolved = new java.util.concurrent.CompletableFuture<InetAddress>();
        context.runOnContext(v -> resolver.resolve("dms.acme.example").onComplete(ar -> {
            if (ar.succeeded()) {
                resolved.complete(ar.result());
            } else {
                resolved.completeExceptionally(ar.cause());
            }
        }));
        assertEquals("93.184.215.14", Await.result(io.vertx.core.Future.fromCompletionStage(resolved)).getHostAddress());
        assertTrue(!onEventLoop.get(), "the blocking lookup ran on an event loop thread");
    }
}
