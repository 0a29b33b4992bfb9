package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestIntegrations;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The egress policy seen from the API (api.md 6): a provider URL naming an address the policy refuses answers
 * 502 {@code provider-address-blocked} (or cannot even be registered), and no connection is made. Loopback forms
 * point at a listener on 127.0.0.1 that counts connections: it must see none. Names resolve only through a fixed
 * table, so no lookup leaves the machine.
 */
class EgressIT {
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static DocumentsApi strict;
    private static DocumentsApi loopbackOnly;
    private static NetServer listener;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Map<String, List<InetAddress>> names = Map.of(
                "localhost", List.of(address("127.0.0.1")),
                "metadata.attacker.test", List.of(address("169.254.169.254")),
                "internal.attacker.test", List.of(address("10.0.0.7")),
                "rebind.attacker.test", List.of(address("127.0.0.1"), address("10.0.0.7")));
        strict = DocumentsApi.start("", names);
        loopbackOnly = DocumentsApi.start(DocumentsApi.LOOPBACK, names);
        listener = strict.vertx.createNetServer().connectHandler(socket -> {
            CONNECTIONS.incrementAndGet();
            socket.close();
        });
        port = Await.result(listener.listen(0, "127.0.0.1")).actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        strict.close();
        loopbackOnly.close();
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: parsed, never looked up
    }

    @Test
    void everyHostileAddressIsRefusedWithoutAConnection() {
        List<String> hosts = List.of(
                // loopback and "this host", in every spelling (all pointing at the counting listener)
                "127.0.0.1", "127.0.0.2", "127.255.255.254", "2130706433", "0x7f000001", "0177.0.0.1", "0.0.0.0",
                "[::1]", "[::]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]",
                "[2002:7f00:1::]", "localhost",
                // the cloud metadata service and private, shared, link-local, benchmarking, multicast, broadcast
                "169.254.169.254", "[::ffff:169.254.169.254]", "metadata.attacker.test", "168.63.129.16", "10.0.0.1",
                "internal.attacker.test", "172.16.0.1", "192.168.1.1", "100.64.0.1", "198.18.0.1", "192.0.2.1",
                "224.0.0.1", "255.255.255.255", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[ff02::1]", "[2001:db8::1]");
        String tenant = TestApi.newTenant();
        String user = Tokens.user(tenant, "alice");
        List<String> notRefused = new ArrayList<>();

        for (String host : hosts) {
            Answer registered = strict.api.sendJson("POST", "/api/v1/integrations", Tokens.admin(tenant, "root"),
                    integration("http://" + host + ":" + port + "/api").encode());
            if (registered.status() == 400) {
                continue; // not even a URL dochooks would keep: refused just the same
            }
            Answer answer = strict.get(documents(registered.json().getString("id"), "files"), user);
            if (answer.status() != 502 || !"urn:dochooks:problem:provider-address-blocked".equals(answer.problemType())) {
                notRefused.add(host + " -> " + answer);
            }
        }

        assertEquals(List.of(), notRefused);
        assertEquals(0, CONNECTIONS.get(), "no connection reached the loopback listener");
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsEvenIfAnotherIsAllowed() {
        String tenant = TestApi.newTenant();
        String id = loopbackOnly.register(tenant, integration("http://rebind.attacker.test:" + port + "/api"));

        assertProblem(loopbackOnly.get(documents(id, "files"), Tokens.user(tenant, "alice")), 502, "provider-address-blocked");
        assertEquals(0, CONNECTIONS.get());
    }

    @Test
    void allowingLoopbackDoesNotLetAnEmbeddedPrivateAddressThrough() {
        String tenant = TestApi.newTenant();
        String id = loopbackOnly.register(tenant, integration("http://[::ffff:10.0.0.1]:" + port + "/api"));

        assertProblem(loopbackOnly.get(documents(id, "download") + "?id=x", Tokens.user(tenant, "alice")), 502,
                "provider-address-blocked");
    }

    @Test
    void theConnectionTestReportsABlockedProviderAsAFailedCheck() {
        String tenant = TestApi.newTenant();
        String id = strict.register(tenant, integration("http://169.254.169.254/latest/meta-data"));

        Answer report = strict.post("/api/v1/integrations/" + id + "/test", Tokens.admin(tenant, "root"));

        assertEquals(200, report.status(), report::toString);
        assertFalse(report.json().getBoolean("ok"));
        JsonObject serviceInfo = report.json().getJsonArray("checks").getJsonObject(0);
        assertFalse(serviceInfo.getBoolean("ok"));
        assertTrue(serviceInfo.getValue("status") == null, report::toString);
    }

    private static JsonObject integration(String baseUrl) {
        return new JsonObject().put("name", "Hostile " + System.nanoTime()).put("baseApiUrl", baseUrl)
                .put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY);
    }
}
