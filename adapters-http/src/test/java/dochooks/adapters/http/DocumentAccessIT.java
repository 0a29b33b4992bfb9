package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.TestIntegrations;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may use which document route (api.md 2, 3.2, 5), on every route: another company's integration does not
 * exist, a disabled one does not exist for users and is in state "disabled" for admins, the connection test is
 * for admins (and works on disabled integrations), no token is no access. A refused call never reaches the
 * provider.
 */
class DocumentAccessIT {
    /** Every document route with a valid query: method and path after {@code documents/}. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "files"},
            new String[] {"GET", "metadata?id=file-1"},
            new String[] {"GET", "search?query=a"},
            new String[] {"GET", "download?id=file-1"},
            new String[] {"GET", "thumbnail?id=file-1"},
            new String[] {"POST", "upload?filename=new.txt"},
            new String[] {"POST", "createFolder?parentId=/&name=New"},
            new String[] {"POST", "rename?id=file-1&name=b.txt"},
            new String[] {"POST", "delete?documentId=file-1"},
            new String[] {"GET", "serviceInfo"},
            new String[] {"POST", "customAction?name=archive"});

    private static DocumentsApi docs;
    private String tenant;
    private String id;

    @BeforeAll
    static void start() throws Exception {
        docs = DocumentsApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        docs.close();
    }

    @BeforeEach
    void integration() {
        docs.provider.reset();
        tenant = TestApi.newTenant();
        id = docs.registerApiKey(tenant);
        docs.provider.addFile("/", "file-1", "a.txt", "text/plain", new byte[] {42});
    }

    private Answer call(String[] route, String token) {
        String method = route[0];
        HttpRequest.BodyPublisher body = method.equals("POST") && route[1].startsWith("upload")
                ? HttpRequest.BodyPublishers.ofString("content") : HttpRequest.BodyPublishers.noBody();
        return docs.api.send(docs.api.request(documents(id, route[1]), token).method(method, body).build());
    }

    private void assertNothingSent() {
        assertEquals(List.of(), docs.provider.requests(), "nothing reached the provider");
    }

    @Test
    void everyRouteWorksForAnyUserOfTheCompany() {
        for (String[] route : ROUTES) {
            docs.provider.reset();
            docs.provider.addFile("/", "file-1", "a.txt", "text/plain", new byte[] {42});
            docs.provider.requireApiKey(TestIntegrations.API_KEY);
            Answer answer = call(route, Tokens.user(tenant, "bob"));
            assertTrue(answer.status() >= 200 && answer.status() < 300, route[1] + ": " + answer);
        }
    }

    @Test
    void anotherCompanysIntegrationDoesNotExistOnAnyRoute() {
        String otherAdmin = Tokens.admin(TestApi.newTenant(), "root");

        for (String[] route : ROUTES) {
            assertProblem(call(route, otherAdmin), 404, "integration-not-found");
        }
        assertProblem(docs.post("/api/v1/integrations/" + id + "/test", otherAdmin), 404, "integration-not-found");
        assertNothingSent();
    }

    @Test
    void aDisabledIntegrationDoesNotExistForUsersAndIsDisabledForAdmins() {
        docs.disable(tenant, id);

        for (String[] route : ROUTES) {
            assertProblem(call(route, Tokens.user(tenant, "bob")), 404, "integration-not-found");
            assertProblem(call(route, Tokens.admin(tenant, "root")), 409, "integration-disabled");
        }
        assertNothingSent();
    }

    @Test
    void withoutAValidTokenNoRouteAnswersAndNothingIsSent() {
        for (String[] route : ROUTES) {
            Answer answer = call(route, null);
            assertProblem(answer, 401, "unauthenticated");
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
            assertProblem(call(route, "not.a.token"), 401, "unauthenticated");
        }
        assertProblem(docs.post("/api/v1/integrations/" + id + "/test", null), 401, "unauthenticated");
        assertNothingSent();
    }

    @Test
    void theConnectionTestIsForAdminsAndWorksOnADisabledIntegration() {
        assertProblem(docs.post("/api/v1/integrations/" + id + "/test", Tokens.user(tenant, "bob")), 403, "forbidden");
        assertNothingSent();

        docs.disable(tenant, id);
        Answer report = docs.post("/api/v1/integrations/" + id + "/test", Tokens.admin(tenant, "root"));

        assertEquals(200, report.status(), report::toString);
        assertTrue(report.json().getBoolean("ok"), report::toString);
    }

    @Test
    void aRouteCalledWithAnotherMethodSaysWhichItTakes() {
        for (String[] route : ROUTES) {
            String other = route[0].equals("GET") ? "POST" : "GET";
            Answer answer = docs.api.send(docs.api.request(documents(id, route[1]), Tokens.user(tenant, "bob"))
                    .method(other, HttpRequest.BodyPublishers.noBody()).build());
            assertProblem(answer, 405, "method-not-allowed");
            assertEquals(Set.of(route[0]), Set.of(answer.header("Allow").split(", ")));
        }
        assertNothingSent();
    }
}
