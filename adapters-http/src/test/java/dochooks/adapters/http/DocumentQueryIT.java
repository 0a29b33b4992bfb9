package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.DocumentsApi.param;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query parameters of the document routes (api.md 1 and 5): required, malformed, out of range or repeated
 * parameters are {@code validation-failed} naming each at fault, answered only after the integration's
 * existence (404 first) and before anything is sent to the provider; provider ids of any script and up to 255
 * characters travel intact.
 */
class DocumentQueryIT {
    /** 255 Hangul syllables: 765 bytes of UTF-8, 2295 characters percent-encoded. */
    private static final String KOREAN_ID = "문서".repeat(127) + "끝";
    private static DocumentsApi docs;
    private String tenant;
    private String id;
    private String user;

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
        user = Tokens.user(tenant, "alice");
    }

    private List<String> fields(Answer answer) {
        assertProblem(answer, 400, "validation-failed");
        return answer.json().getJsonArray("errors").stream().map(error -> ((JsonObject) error).getString("field")).toList();
    }

    private void assertNothingSent() {
        assertEquals(List.of(), docs.provider.requests(), "nothing reached the provider");
    }

    @Test
    void aRequiredParameterThatIsMissingOrEmptyIsNamed() {
        assertEquals(List.of("id"), fields(docs.get(documents(id, "metadata"), user)));
        assertEquals(List.of("id"), fields(docs.get(documents(id, "metadata") + "?id=", user)));
        assertEquals(List.of("id"), fields(docs.get(documents(id, "download"), user)));
        assertEquals(List.of("id"), fields(docs.get(documents(id, "thumbnail"), user)));
        assertEquals(List.of("query"), fields(docs.get(documents(id, "search"), user)));
        assertEquals(List.of("parentId", "name"), fields(docs.post(documents(id, "createFolder"), user)));
        assertEquals(List.of("id", "name"), fields(docs.post(documents(id, "rename"), user)));
        assertEquals(List.of("name"), fields(docs.post(documents(id, "customAction"), user)));
        assertEquals(List.of("filename"), fields(docs.post(documents(id, "upload"), user)));
        assertNothingSent();
    }

    @Test
    void theMessageSaysWhatIsWrongInTheCallersLanguage() {
        Answer answer = docs.api.send(docs.api.request(documents(id, "metadata"), user).header("Accept-Language", "ko")
                .GET().build());

        assertProblem(answer, 400, "validation-failed");
        assertEquals("필수 항목입니다", answer.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void maxAndOffsetAreNonNegativeIntegers() {
        for (String bad : List.of("-1", "abc", "1.5", "1e3", "+3", " 3", "99999999999999999999", "")) {
            String value = param("max", bad).substring("max=".length());
            assertEquals(List.of("max"), fields(docs.get(documents(id, "files") + "?max=" + value, user)), bad);
            assertEquals(List.of("offset"), fields(docs.get(documents(id, "search") + "?query=a&offset=" + value, user)), bad);
        }
        assertEquals(List.of("max", "offset"), fields(docs.get(documents(id, "files") + "?max=-1&offset=x", user)));
        assertNothingSent();

        Answer zero = docs.get(documents(id, "files") + "?max=0&offset=0", user);
        assertEquals(200, zero.status(), zero::toString);
    }

    @Test
    void aThumbnailSizeIsAPositiveInteger() {
        assertEquals(List.of("size"), fields(docs.get(documents(id, "thumbnail") + "?id=x&size=0", user)));
        assertEquals(List.of("size"), fields(docs.get(documents(id, "thumbnail") + "?id=x&size=-5", user)));
        assertEquals(List.of("id", "size"), fields(docs.get(documents(id, "thumbnail") + "?size=big", user)));
        assertNothingSent();
    }

    @Test
    void anIdOrParentLongerThan255CharactersIsRefused() {
        String tooLong = KOREAN_ID + "x";

        assertEquals(List.of("parentId"), fields(docs.get(documents(id, "files") + "?" + param("parentId", tooLong), user)));
        assertEquals(List.of("id"), fields(docs.get(documents(id, "metadata") + "?" + param("id", tooLong), user)));
        assertNothingSent();
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertEquals(List.of("id"), fields(docs.get(documents(id, "metadata") + "?id=a&id=b", user)));
        assertEquals(List.of("max"), fields(docs.get(documents(id, "files") + "?max=1&max=2", user)));
        assertNothingSent();
    }

    @Test
    void deleteTakesExactlyOneOfDocumentIdAndFolderId() {
        assertEquals(List.of("documentId"), fields(docs.post(documents(id, "delete"), user)));
        assertEquals(List.of("documentId"), fields(docs.post(documents(id, "delete") + "?documentId=a&folderId=b", user)));
        assertNothingSent();
    }

    @Test
    void nameAndTextRulesAreChecked() {
        assertEquals(List.of("name"), fields(docs.post(documents(id, "createFolder") + "?parentId=/&"
                + param("name", "bad\u0007name"), user)));
        assertEquals(List.of("query"), fields(docs.get(documents(id, "search") + "?" + param("query", "q".repeat(1025)), user)));
        assertNothingSent();
    }

    @Test
    void aQueryThatDoesNotPercentDecodeIsMalformed() throws Exception {
        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("GET", documents(id, "metadata") + "?id=%zz", "Authorization: Bearer " + user);
            RawConnection.Head head = connection.readHead();

            assertEquals(400, head.status());
            assertEquals("application/problem+json", head.header("Content-Type"));
        }
        assertNothingSent();
    }

    @Test
    void unknownParametersAreIgnored() {
        Answer answer = docs.get(documents(id, "files") + "?color=blue&limit=x", user);

        assertEquals(200, answer.status(), answer::toString);
    }

    @Test
    void anUnknownIntegrationAnswersBeforeABadQuery() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(docs.get(documents(unknown, "metadata"), user), 404, "integration-not-found");
        assertProblem(docs.get(documents(unknown, "files") + "?max=-1", user), 404, "integration-not-found");
        assertProblem(docs.get(documents("not-a-uuid", "metadata"), user), 404, "integration-not-found");
        assertProblem(docs.get(documents(id, "metadata"), Tokens.user(TestApi.newTenant(), "mallory")), 404,
                "integration-not-found");
    }

    @Test
    void onADisabledIntegrationABadQueryIs404ForUsersAnd400ForAdmins() {
        docs.disable(tenant, id);

        assertProblem(docs.get(documents(id, "metadata"), user), 404, "integration-not-found");
        assertEquals(List.of("id"), fields(docs.get(documents(id, "metadata"), Tokens.admin(tenant, "root"))));
        assertProblem(docs.get(documents(id, "metadata") + "?id=x", Tokens.admin(tenant, "root")), 409,
                "integration-disabled");
    }

    @Test
    void aKoreanIdOf255CharactersTravelsIntactBothWays() {
        byte[] content = "내용".getBytes(StandardCharsets.UTF_8);
        docs.provider.addFile("/", KOREAN_ID, "보고서.txt", "text/plain", content);
        String query = "?" + param("id", KOREAN_ID);
        assertTrue(query.length() > 2000, "the request line carries a long percent-encoded id");

        Answer metadata = docs.get(documents(id, "metadata") + query, user);
        HttpResponse<byte[]> download = docs.bytes(docs.api.request(documents(id, "download") + query, user).GET().build());

        assertEquals(200, metadata.status(), metadata::toString);
        assertEquals(KOREAN_ID, metadata.json().getString("id"));
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body());
        for (RecordedRequest request : docs.provider.requests()) {
            assertEquals(KOREAN_ID, request.param("id"));
        }
    }

    @Test
    void idsWithSlashesPlusesEqualsAndSpacesTravelIntact() {
        String opaque = "a/b+c==d e?f&g%h#i";
        docs.provider.addFile("/", opaque, "x.txt", "text/plain", new byte[] {1});

        Answer answer = docs.get(documents(id, "metadata") + "?" + param("id", opaque), user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(opaque, answer.json().getString("id"));
        assertEquals(opaque, docs.provider.requestsTo(ProviderEndpoint.METADATA).get(0).param("id"));
    }

    @Test
    void anUploadWithABadQueryIsRefusedWithoutReadingTheBody() {
        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?filename=", user)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000])).build());

        assertEquals(List.of("filename"), fields(answer));
        assertEquals("close", answer.header("Connection"));
        assertNothingSent();
    }
}
