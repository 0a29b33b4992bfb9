package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.DocumentsApi.param;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestDocumentProvider.Style;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of the eleven document operations and the connection test, end to end, as a user sees them (api.md 5, 3.4). */
class DocumentRoutesIT {
    private static final Set<String> ITEM_MEMBERS = Set.of("id", "title", "kind", "viewLink", "downloadLink", "mimeType",
            "dateModified", "size", "readOnly");
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
        docs.provider.addFolder("/", "folder-1", "Contrats");
        docs.provider.addFile("folder-1", "file-1", "Offre.pdf", "application/pdf", "PDF bytes".getBytes(StandardCharsets.UTF_8));
        docs.provider.addFile("/", "file-2", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filesListsTheRootByDefaultAsNormalizedItems() {
        Answer answer = docs.get(documents(id, "files"), user);

        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/json"));
        JsonArray items = answer.items();
        assertEquals(2, items.size());
        JsonObject folder = items.getJsonObject(0);
        assertEquals(ITEM_MEMBERS, folder.fieldNames());
        assertEquals("folder-1", folder.getString("id"));
        assertEquals("folder", folder.getString("kind"));
        assertNull(folder.getValue("size"));
        JsonObject file = items.getJsonObject(1);
        assertEquals("file", file.getString("kind"));
        assertEquals(5L, file.getLong("size"));
        assertEquals("2014-06-05T17:39:45.251Z", file.getString("dateModified"));
        RecordedRequest sent = docs.provider.lastRequest();
        assertEquals("/", sent.param("parentId"));
        assertEquals("alice", sent.header("username"));
    }

    @Test
    void filesPassesParentMaxAndOffset() {
        Answer answer = docs.get(documents(id, "files") + "?parentId=folder-1&max=10&offset=0", user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("file-1", answer.items().getJsonObject(0).getString("id"));
        RecordedRequest sent = docs.provider.lastRequest();
        assertEquals("10", sent.param("max"));
        assertEquals("0", sent.param("offset"));
    }

    @Test
    void metadataNormalizesWhatOldProvidersSend() {
        docs.provider.style(Style.OLD_STYLE);

        Answer file = docs.get(documents(id, "metadata") + "?id=file-1", user);
        Answer folder = docs.get(documents(id, "metadata") + "?id=folder-1", user);

        assertEquals(200, file.status(), file::toString);
        JsonObject item = file.json();
        assertEquals(ITEM_MEMBERS, item.fieldNames());
        assertEquals(9L, item.getLong("size"), "a size sent as a string is a number");
        assertEquals("2014-06-05T17:39:45.251Z", item.getString("dateModified"), "the basic date form is RFC 3339");
        assertNull(item.getValue("readOnly"));
        JsonObject folderItem = folder.json();
        assertNull(folderItem.getValue("size"), "an empty size is null");
        assertNull(folderItem.getValue("viewLink"), "an empty link is null");
        assertNull(folderItem.getValue("mimeType"));
    }

    @Test
    void searchPassesTheQueryAndItsOptions() {
        Answer answer = docs.get(documents(id, "search") + "?" + param("query", "offre") + "&parentId=folder-1&max=5", user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(List.of("file-1"), answer.items().stream().map(o -> ((JsonObject) o).getString("id")).toList());
        RecordedRequest sent = docs.provider.lastRequest();
        assertEquals("offre", sent.param("query"));
        assertEquals("folder-1", sent.param("parentId"));
        assertEquals("5", sent.param("max"));
    }

    @Test
    void downloadRelaysTheBytesWithSafeHeaders() {
        HttpResponse<byte[]> answer = docs.bytes(docs.api.request(documents(id, "download") + "?id=file-1", user).GET().build());

        assertEquals(200, answer.statusCode());
        assertArrayEquals("PDF bytes".getBytes(StandardCharsets.UTF_8), answer.body());
        assertEquals("application/pdf", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("9", answer.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("sandbox", answer.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("attachment; filename=\"Offre.pdf\"; filename*=UTF-8''Offre.pdf",
                answer.headers().firstValue("Content-Disposition").orElseThrow());
    }

    @Test
    void thumbnailRelaysARasterImage() {
        HttpResponse<byte[]> answer = docs.bytes(docs.api.request(documents(id, "thumbnail") + "?id=file-1&size=64", user)
                .GET().build());

        assertEquals(200, answer.statusCode());
        assertArrayEquals(TestDocumentProvider.THUMBNAIL, answer.body());
        assertEquals("image/png", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("sandbox", answer.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("64", docs.provider.lastRequest().param("size"));
    }

    @Test
    void uploadStreamsTheBodyAfterUploadInitAndAnswersTheNewItem() {
        byte[] content = "the uploaded content".getBytes(StandardCharsets.UTF_8);
        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?" + param("filename", "rapport.txt")
                        + "&parentId=folder-1&documentId=wf-1&documentVersionId=wf-1-v2", user)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());

        assertEquals(201, answer.status(), answer::toString);
        JsonObject item = answer.json();
        assertEquals(ITEM_MEMBERS, item.fieldNames());
        assertEquals("rapport.txt", item.getString("title"));
        RecordedRequest init = docs.provider.requestsTo(ProviderEndpoint.UPLOAD_INIT).get(0);
        assertEquals("folder-1", init.param("parentId"));
        assertEquals("wf-1", init.param("documentId"));
        assertEquals("wf-1-v2", init.param("documentVersionId"));
        TestDocumentProvider.Upload upload = docs.provider.upload(item.getString("id")).orElseThrow();
        assertTrue(upload.complete());
        assertEquals("the uploaded content", upload.text());
        assertEquals(Integer.toString(content.length),
                docs.provider.requestsTo(ProviderEndpoint.UPLOAD).get(0).header("Content-Length"));
    }

    @Test
    void createFolderAnswers201WithTheFolder() {
        Answer answer = docs.post(documents(id, "createFolder") + "?parentId=folder-1&" + param("name", "Année 2026"), user);

        assertEquals(201, answer.status(), answer::toString);
        assertEquals("folder", answer.json().getString("kind"));
        assertEquals("Année 2026", answer.json().getString("title"));
        assertTrue(docs.provider.childrenOf("folder-1").contains(answer.json().getString("id")));
    }

    @Test
    void renameAnswersSuccess() {
        Answer answer = docs.post(documents(id, "rename") + "?id=file-2&" + param("name", "notes 2.txt"), user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(new JsonObject().put("status", "success"), answer.json());
        assertEquals("notes 2.txt", docs.provider.titleOf("file-2").orElseThrow());
    }

    @Test
    void deleteAnswers204ForAFileAndForAFolder() {
        Answer file = docs.post(documents(id, "delete") + "?documentId=file-2", user);
        Answer folder = docs.post(documents(id, "delete") + "?folderId=folder-1", user);

        assertEquals(204, file.status(), file::toString);
        assertEquals("", file.body());
        assertEquals(204, folder.status(), folder::toString);
        assertFalse(docs.provider.exists("file-2"));
        assertFalse(docs.provider.exists("file-1"), "a folder goes with its content");
        assertEquals("folder-1", docs.provider.lastRequest().param("folderId"));
    }

    @Test
    void serviceInfoIsReadWithoutCredentials() {
        Answer answer = docs.get(documents(id, "serviceInfo"), user);

        assertEquals(200, answer.status(), answer::toString);
        JsonObject info = answer.json();
        assertEquals("1.2", info.getString("webhookVersion"));
        assertEquals("1.0", info.getString("version"));
        assertEquals("dochooks tests", info.getString("publisher"));
        assertTrue(info.getJsonArray("availableEndpoints").contains("files"));
        assertEquals(new JsonArray().add(new JsonObject().put("name", "archive").put("displayName", "Archive")),
                info.getJsonArray("customActions"));
        RecordedRequest sent = docs.provider.lastRequest();
        assertNull(sent.header("apiKey"));
        assertNull(sent.header("username"));
    }

    @Test
    void customActionAnswersSuccess() {
        Answer answer = docs.post(documents(id, "customAction") + "?name=archive&documentId=wf-1", user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(new JsonObject().put("status", "success"), answer.json());
        RecordedRequest sent = docs.provider.lastRequest();
        assertEquals("GET", sent.method());
        assertEquals("archive", sent.param("name"));
        assertEquals("wf-1", sent.param("documentId"));
    }

    @Test
    void theConnectionTestReportsEachStep() {
        Answer answer = docs.post("/api/v1/integrations/" + id + "/test", Tokens.admin(tenant, "root"));

        assertEquals(200, answer.status(), answer::toString);
        JsonObject report = answer.json();
        assertTrue(report.getBoolean("ok"), answer::toString);
        JsonArray checks = report.getJsonArray("checks");
        assertEquals(List.of("serviceInfo", "files", "metadata"),
                checks.stream().map(c -> ((JsonObject) c).getString("name")).toList());
        JsonObject files = checks.getJsonObject(1);
        assertEquals(Set.of("name", "ok", "status", "millis", "detail"), files.fieldNames());
        assertEquals(200, files.getInteger("status"));
        assertTrue(files.getLong("millis") >= 0);
        assertEquals("file-2", docs.provider.requestsTo(ProviderEndpoint.METADATA).get(0).param("id"),
                "metadata of the first file listed");
    }

    @Test
    void aFailingConnectionTestIsStillA200Report() {
        docs.provider.fault(ProviderEndpoint.FILES, dochooks.adapters.provider.testing.Fault.answer(500,
                "{\"status\":\"error\",\"error\":\"index offline\"}"));

        Answer answer = docs.post("/api/v1/integrations/" + id + "/test", Tokens.admin(tenant, "root"));

        assertEquals(200, answer.status(), answer::toString);
        assertFalse(answer.json().getBoolean("ok"));
        JsonObject files = answer.json().getJsonArray("checks").getJsonObject(1);
        assertFalse(files.getBoolean("ok"));
        assertEquals(500, files.getInteger("status"));
    }

    @Test
    void theConnectionTestSpeaksTheAdminsLanguageAndKeepsTheProvidersOwnWords() {
        docs.provider.fault(ProviderEndpoint.FILES, dochooks.adapters.provider.testing.Fault.answer(500,
                "{\"status\":\"error\",\"error\":\"index offline\"}"));

        Answer answer = docs.api.send(docs.api.request("/api/v1/integrations/" + id + "/test", Tokens.admin(tenant, "root"))
                .header("Accept-Language", "fr").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("fr", answer.header("Content-Language"));
        assertEquals("Accept-Language", answer.header("Vary"));
        JsonObject files = answer.json().getJsonArray("checks").getJsonObject(1);
        assertEquals("le fournisseur a répondu 500 : index offline", files.getString("detail"), answer::toString);
    }
}
