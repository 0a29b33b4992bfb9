package dochooks.adapters.provider.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.DigestWriteStream;
import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.adapters.provider.testing.GeneratedReadStream;
import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol client against the test provider, over real HTTP on 127.0.0.1. */
class DocumentProviderClientIT {
    static final String USERNAME = "alice@acme.example";
    static final ProviderItemId ROOT = ProviderItemId.ROOT;

    static Vertx vertx;
    static TestDocumentProvider provider;
    static ProviderAdapter adapter;
    static ProviderAdapter impatientAdapter;
    static DocumentProviderPort documents;
    static DocumentProviderPort impatient;

    ProviderCall call;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        HostLookup noNames = name -> {
            throw new UnknownHostException(name);
        };
        adapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofSeconds(10)), noNames, null);
        impatientAdapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofMillis(1000)), noNames, null); // short, yet far above scheduling hiccups of a loaded machine
        documents = adapter.documents();
        impatient = impatientAdapter.documents();
    }

    @AfterAll
    static void stop() {
        Await.result(adapter.close());
        Await.result(impatientAdapter.close());
        Await.result(provider.close());
        Await.result(vertx.close());
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
        provider.requireApiKey(TestIntegrations.API_KEY);
        provider.addFolder("/", "folder-a", "Folder A");
        provider.addFile("/", "file-1", "My Document.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        provider.addFile("folder-a", "file-2", "Nested report.pdf", "application/pdf", new byte[] {1, 2, 3});
        call = ProviderCall.apiKey(TestIntegrations.apiKey(provider.baseUrl()), USERNAME);
    }

    static <T> Future<T> onContext(Context context, Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(promise));
        return promise.future();
    }

    static Buffer readAll(ProviderBytes bytes) {
        Buffer all = Buffer.buffer();
        Promise<Buffer> done = Promise.promise();
        bytes.content().handler(all::appendBuffer);
        bytes.content().exceptionHandler(done::tryFail);
        bytes.content().endHandler(v -> done.tryComplete(all));
        bytes.content().resume();
        return Await.result(done.future());
    }

    @Nested
    class Endpoints {

        @Test
        void filesListsAFolderWithTheCallsCredentials() {
            List<Item> items = Await.result(documents.files(call, ROOT, Page.ALL));
            assertEquals(List.of("folder-a", "file-1"), items.stream().map(i -> i.id().value()).toList());
            Item folder = items.get(0);
            assertEquals(ItemKind.FOLDER, folder.kind());
            assertNull(folder.viewLink());
            assertNull(folder.size());
            Item file = items.get(1);
            assertEquals(new Item(new ProviderItemId("file-1"), "My Document.txt", ItemKind.FILE,
                    "https://dms.example/view?id=file-1", "https://dms.example/download?id=file-1", "text/plain",
                    TestDocumentProvider.MODIFIED, 5L, false), file);

            RecordedRequest request = provider.lastRequest();
            assertEquals("GET", request.method());
            assertEquals("/api/files", request.path());
            assertEquals("parentId=%2F", request.rawQuery());
            assertEquals(TestIntegrations.API_KEY, request.header("apiKey"));
            assertEquals(USERNAME, request.header("username"));
            assertEquals("application/json", request.header("Accept"));
            assertNull(request.header("Authorization"));
        }

        @Test
        void aNonAsciiUsernameTravelsAsUtf8() {
            ProviderCall korean = ProviderCall.apiKey(TestIntegrations.apiKey(provider.baseUrl()), "김철수@acme.example");
            Await.result(documents.files(korean, ROOT, Page.ALL));
            String onTheWire = provider.lastRequest().header("username"); // the server reads header bytes as ISO-8859-1
            assertEquals("김철수@acme.example",
                    new String(onTheWire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        @Test
        void passesPagingAndAppendsTheIntegrationsRequestParametersOnce() {
            Integration integration = TestIntegrations.apiKey(provider.baseUrl(), "access_type=offline&team=a%20b%2Bc");
            Await.result(documents.files(ProviderCall.apiKey(integration, USERNAME), ROOT, new Page(1L, 1L)));
            assertEquals("parentId=%2F&max=1&offset=1&access_type=offline&team=a%20b%2Bc", provider.lastRequest().rawQuery());
            Await.result(documents.serviceInfo(ProviderCall.apiKey(integration, USERNAME)));
            assertEquals("access_type=offline&team=a%20b%2Bc", provider.lastRequest().rawQuery());
        }

        @Test
        void metadataAndSearch() {
            assertEquals("Nested report.pdf", Await.result(documents.metadata(call, new ProviderItemId("file-2"))).title());
            assertEquals("id=file-2", provider.lastRequest().rawQuery());

            List<Item> found = Await.result(documents.search(call, new SearchQuery("report", null, Page.ALL)));
            assertEquals(List.of("file-2"), found.stream().map(i -> i.id().value()).toList());
            assertEquals("query=report", provider.lastRequest().rawQuery());

            assertEquals(List.of(), Await.result(documents.search(call,
                    new SearchQuery("document", new ProviderItemId("folder-a"), new Page(10L, null)))));
            assertEquals("query=document&parentId=folder-a&max=10", provider.lastRequest().rawQuery());
        }

        @Test
        void downloadStreamsTheBytesWithTheirHeaders() {
            provider.addFile("/", "korean", "보고서 2024.txt", "text/plain; charset=utf-8",
                    "안녕하세요".getBytes(StandardCharsets.UTF_8));
            ProviderBytes bytes = Await.result(documents.download(call, new ProviderItemId("korean")));
            assertEquals("text/plain; charset=utf-8", bytes.contentType());
            assertEquals(15L, bytes.contentLength());
            assertEquals("보고서 2024.txt", bytes.fileName());
            assertEquals("안녕하세요", readAll(bytes).toString(StandardCharsets.UTF_8));
            assertEquals("*/*", provider.lastRequest().header("Accept"));
        }

        @Test
        void thumbnailSendsTheSize() {
            ProviderBytes bytes = Await.result(documents.thumbnail(call, new ProviderItemId("file-1"), 200L));
            assertEquals("image/png", bytes.contentType());
            assertArrayEquals(TestDocumentProvider.THUMBNAIL, readAll(bytes).getBytes());
            assertEquals("id=file-1&size=200", provider.lastRequest().rawQuery());
        }

        @Test
        void uploadIsInitThenStreamedBytes() {
            Item created = Await.result(documents.uploadInit(call,
                    new UploadTarget(new ProviderItemId("folder-a"), "연간 보고서.pdf", "doc-1", "ver-1")));
            assertEquals("연간 보고서.pdf", created.title());
            RecordedRequest init = provider.lastRequest();
            assertEquals("POST", init.method());
            assertEquals("parentId=folder-a&filename=%EC%97%B0%EA%B0%84%20%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf"
                    + "&documentId=doc-1&documentVersionId=ver-1", init.rawQuery());

            Context context = vertx.getOrCreateContext();
            GeneratedContent content = new GeneratedContent(3 * 1024 * 1024 + 7, 42);
            Await.result(onContext(context, () -> documents.upload(call, created.id(),
                    new GeneratedReadStream(context, content, -1), content.size())));
            RecordedRequest upload = provider.lastRequest();
            assertEquals("PUT", upload.method());
            assertEquals("id=" + created.id().value(), upload.rawQuery());
            assertEquals("application/octet-stream", upload.header("Content-Type"));
            assertEquals(Long.toString(content.size()), upload.header("Content-Length"));
            assertEquals(TestIntegrations.API_KEY, upload.header("apiKey"));
            TestDocumentProvider.Upload stored = provider.upload(created.id().value()).orElseThrow();
            assertTrue(stored.complete());
            assertEquals(content.sha256(), stored.sha256());
        }

        @Test
        void createFolderRenameAndDelete() {
            Optional<Item> folder = Await.result(documents.createFolder(call, ROOT, "Neue Ordner"));
            assertEquals(ItemKind.FOLDER, folder.orElseThrow().kind());
            assertEquals("parentId=%2F&name=Neue%20Ordner", provider.lastRequest().rawQuery());
            assertEquals("POST", provider.lastRequest().method());

            Await.result(documents.rename(call, new ProviderItemId("file-1"), "Renamed.txt"));
            assertEquals(Optional.of("Renamed.txt"), provider.titleOf("file-1"));
            assertEquals("PUT", provider.lastRequest().method());

            Await.result(documents.delete(call, new ProviderItemId("file-1"), ItemKind.FILE));
            assertEquals("documentId=file-1", provider.lastRequest().rawQuery());
            Await.result(documents.delete(call, new ProviderItemId("folder-a"), ItemKind.FOLDER));
            assertEquals("folderId=folder-a", provider.lastRequest().rawQuery());
            assertFalse(provider.exists("file-2"), "a folder goes with its content");
            Await.failure(documents.delete(call, new ProviderItemId("file-1"), ItemKind.FILE),
                    ProviderNotFoundException.class);
        }

        @Test
        void serviceInfoGoesWithoutCredentials() {
            ServiceInfo info = Await.result(documents.serviceInfo(
                    ProviderCall.bearer(TestIntegrations.oauth2(provider.baseUrl()), Secret.of("access-token"))));
            assertEquals("1.2", info.webhookVersion());
            assertEquals(List.of(new ServiceInfo.CustomAction("archive", "Archive")), info.customActions());
            assertTrue(info.availableEndpoints().contains("uploadInit"));
            RecordedRequest request = provider.lastRequest();
            assertNull(request.header("Authorization"));
            assertNull(request.header("apiKey"));
            assertNull(request.header("username"));
        }

        @Test
        void customActionSucceedsOrRelaysTheProvidersError() {
            Await.result(documents.customAction(call, new CustomActionRequest("archive", "doc-1", "ver-2")));
            assertEquals("name=archive&documentId=doc-1&documentVersionId=ver-2", provider.lastRequest().rawQuery());
            ProviderErrorException error = Await.failure(documents.customAction(call,
                    new CustomActionRequest("explode", null, null)), ProviderErrorException.class);
            assertEquals(200, error.providerStatus());
            assertEquals("Unknown action", error.providerText());
        }

        @Test
        void oauth2CallsSendTheBearerTokenOnly() {
            provider.requireApiKey(null);
            provider.requireBearer("access-token-1");
            Integration integration = TestIntegrations.oauth2(provider.baseUrl());
            Await.result(documents.files(ProviderCall.bearer(integration, Secret.of("access-token-1")), ROOT, Page.ALL));
            RecordedRequest request = provider.lastRequest();
            assertEquals("Bearer access-token-1", request.header("Authorization"));
            assertNull(request.header("apiKey"));
            assertNull(request.header("username"));
            ProviderForbiddenException refused = Await.failure(documents.files(
                    ProviderCall.bearer(integration, Secret.of("stale-token")), ROOT, Page.ALL), ProviderForbiddenException.class);
            assertEquals(403, refused.providerStatus());
        }
    }

    @Nested
    class HostileIds {

        @ParameterizedTest
        @ValueSource(strings = {
                "a/b+c=d&e?f#g%h i;j,k:l@m!n$o'p(q)r*s[t]u~v",
                "/folder/sub/file+name==",
                "ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/"
                        + "ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/"
                        + "ZGF0YS9mb2xkZXIvZmlsZS5wZGY=+/x",
                "문서/보고서+최종=판"})
        void travelIntactInTheQuery(String id) {
            provider.addFile("/", id, "hostile", "text/plain", new byte[] {1});
            Item item = Await.result(documents.metadata(call, new ProviderItemId(id)));
            assertEquals(id, item.id().value());
            RecordedRequest request = provider.lastRequest();
            assertEquals(id, request.param("id"));
            assertEquals("id=" + rfc3986(id), request.rawQuery());
            assertFalse(request.rawQuery().contains("+"), "a + would be read as a space");
        }

        @Test
        void a255CharacterKoreanIdFitsTheRequestLine() {
            String id = "한".repeat(255);
            provider.addFile("/", id, "long", "text/plain", new byte[] {1});
            assertEquals(id, Await.result(documents.metadata(call, new ProviderItemId(id))).id().value());
            assertEquals("id=" + "%ED%95%9C".repeat(255), provider.lastRequest().rawQuery());
            ProviderBytes bytes = Await.result(documents.download(call, new ProviderItemId(id)));
            assertEquals(1, readAll(bytes).length());
        }

        private static String rfc3986(String value) {
            StringBuilder out = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append(String.format("%%%02X", b & 0xFF));
                }
            }
            return out.toString();
        }
    }

    @Nested
    class LenientReading {

        private Item metadataAnswering(String json) {
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(200, json));
            return Await.result(documents.metadata(call, new ProviderItemId("x")));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "32554694        | 32554694",
                "\"32554694\"    | 32554694",
                "\" 42 \"        | 42",
                "12.0            | 12",
                "\"\"            | ",
                "null            | ",
                "-5              | ",
                "\"12a\"         | ",
                "12.5            | ",
                "\"99999999999999999999\" | ",
                "true            | "})
        void readsSizes(String size, Long expected) {
            assertEquals(expected, metadataAnswering("{\"id\":\"1\",\"kind\":\"file\",\"size\":" + size + "}").size());
        }

        @Test
        void anAbsentSizeIsNull() {
            assertNull(metadataAnswering("{\"id\":\"1\",\"kind\":\"file\"}").size());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "\"2014-06-05T17:39:45.251Z\"      | 2014-06-05T17:39:45.251Z",
                "\"2014-06-05t17:39:45.251z\"      | 2014-06-05T17:39:45.251Z",
                "\"2014-06-05 17:39:45Z\"          | 2014-06-05T17:39:45Z",
                "\"2014-06-05T19:39:45.251+02:00\" | 2014-06-05T17:39:45.251Z",
                "\"2014-06-05T17:39:45.123456789Z\" | 2014-06-05T17:39:45.123456789Z",
                "\"20140605T17:39:45.251Z\"        | 2014-06-05T17:39:45.251Z",
                "\"20140605T173945Z\"              | 2014-06-05T17:39:45Z",
                "1401989985251                     | 2014-06-05T17:39:45.251Z",
                "\"1401989985251\"                 | 2014-06-05T17:39:45.251Z",
                "1.401989985251E12                 | 2014-06-05T17:39:45.251Z",
                "\"2014-06-05T17:39:45\"           | ",
                "\"yesterday\"                     | ",
                "\"\"                              | ",
                "null                              | ",
                "true                              | ",
                "99999999999999999                 | "})
        void readsDates(String date, String expected) {
            Instant read = metadataAnswering("{\"id\":\"1\",\"kind\":\"file\",\"dateModified\":" + date + "}").dateModified();
            assertEquals(expected == null ? null : Instant.parse(expected), read);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"\"FILE\" | FILE", "\"Folder\" | FOLDER", "\" file \" | FILE"})
        void readsKindsInAnyCase(String kind, ItemKind expected) {
            assertEquals(expected, metadataAnswering("{\"id\":\"1\",\"kind\":" + kind + "}").kind());
        }

        @Test
        void readsAnyOtherwiseUsableShape() {
            Item item = metadataAnswering("{\"id\":42,\"kind\":\"file\",\"title\":7,\"viewLink\":\"\",\"downloadLink\":null,"
                    + "\"mimeType\":\"\",\"readOnly\":\"TRUE\",\"iconUrl\":\"https://x\",\"extra\":{\"nested\":[1,{}]}}");
            assertEquals(new Item(new ProviderItemId("42"), "7", ItemKind.FILE, null, null, null, null, null, true), item);
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "ftp://dms.example/x", "/relative", "data:text/html,hi", "https://"})
        void dropsLinksThatAreNotWebLinks(String link) {
            assertNull(metadataAnswering("{\"id\":\"1\",\"kind\":\"file\",\"viewLink\":\"" + link + "\"}").viewLink());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"kind\":\"file\",\"title\":\"no id\"}",
                "{\"id\":\"\",\"kind\":\"file\"}",
                "{\"id\":null,\"kind\":\"file\"}",
                "{\"id\":{},\"kind\":\"file\"}",
                "{\"id\":\"1\"}",
                "{\"id\":\"1\",\"kind\":\"directory\"}",
                "{\"id\":\"1\",\"kind\":7}",
                "[{\"id\":\"1\",\"kind\":\"file\"}]",
                "\"just a string\"",
                "{\"id\":\"1\",\"kind\":\"file\"",
                "<html>oops</html>",
                ""})
        void refusesItemsWithoutIdOrKindAndBodiesThatAreNoItem(String json) {
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(200, json));
            ProviderBadResponseException bad = Await.failure(documents.metadata(call, new ProviderItemId("x")),
                    ProviderBadResponseException.class);
            assertEquals(200, bad.providerStatus());
        }

        @Test
        void refusesAnIdLongerThan255() {
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(200, "{\"id\":\"" + "x".repeat(256) + "\",\"kind\":\"file\"}"));
            Await.failure(documents.metadata(call, new ProviderItemId("x")), ProviderBadResponseException.class);
        }

        @Test
        void refusesListingsThatAreNoArrayOrHoldABadItem() {
            provider.fault(ProviderEndpoint.FILES, Fault.answer(200, "{\"items\":[]}"));
            Await.failure(documents.files(call, ROOT, Page.ALL), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.FILES, Fault.answer(200, "[{\"id\":\"1\",\"kind\":\"file\"},{\"id\":\"2\"}]"));
            Await.failure(documents.files(call, ROOT, Page.ALL), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.FILES, Fault.answer(200, "[]"));
            assertEquals(List.of(), Await.result(documents.files(call, ROOT, Page.ALL)));
        }

        @Test
        void survivesDeeplyNestedJson() {
            provider.fault(ProviderEndpoint.FILES, Fault.answer(200, "[".repeat(200_000)));
            Await.failure(documents.files(call, ROOT, Page.ALL), ProviderBadResponseException.class);
        }

        @Test
        void readsOldStyleAnswers() {
            provider.style(TestDocumentProvider.Style.OLD_STYLE);
            List<Item> items = Await.result(documents.files(call, ROOT, Page.ALL));
            Item folder = items.get(0);
            assertNull(folder.size());
            assertNull(folder.viewLink());
            assertNull(folder.mimeType());
            assertEquals(TestDocumentProvider.MODIFIED, folder.dateModified());
            assertEquals(5L, items.get(1).size());
            assertNull(items.get(1).readOnly());
            assertEquals("hello", readAll(Await.result(documents.download(call, new ProviderItemId("file-1"))))
                    .toString(StandardCharsets.UTF_8), "201 is a success for bytes");
        }

        @Test
        void readsReferenceImplementationAnswers() {
            provider.style(TestDocumentProvider.Style.EPOCH);
            Item file = Await.result(documents.metadata(call, new ProviderItemId("file-1")));
            assertEquals(TestDocumentProvider.MODIFIED, file.dateModified());
            assertEquals(5L, file.size());
            assertEquals(1, readAll(Await.result(documents.thumbnail(call, new ProviderItemId("file-1"), null)))
                    .getBytes()[1] == 'P' ? 1 : 0);
        }

        @Test
        void readsServiceInfoAsTheDocsWriteIt() {
            provider.fault(ProviderEndpoint.SERVICE_INFO, Fault.answer(200, "{\"webhook version\":1.2,\"version\":3,"
                    + "\"availableEndpoints\":\"/files, search,\",\"customActions\":[{\"name\":\"archive\"},{\"displayName\":\"nameless\"},7]}"));
            ServiceInfo info = Await.result(documents.serviceInfo(call));
            assertEquals(new ServiceInfo("1.2", "3", null, List.of("files", "search"),
                    List.of(new ServiceInfo.CustomAction("archive", null))), info);
        }

        @Test
        void statusAnswersMaySayLittle() {
            provider.fault(ProviderEndpoint.RENAME, Fault.status(204));
            Await.result(documents.rename(call, new ProviderItemId("file-1"), "x"));
            provider.fault(ProviderEndpoint.RENAME, Fault.answer(200, "{\"status\":\"SUCCESS\"}"));
            Await.result(documents.rename(call, new ProviderItemId("file-1"), "x"));
            provider.fault(ProviderEndpoint.RENAME, Fault.answer(200, "text/plain", "OK"));
            Await.failure(documents.rename(call, new ProviderItemId("file-1"), "x"), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.DELETE, Fault.answer(200, "{\"status\":\"maybe\"}"));
            Await.failure(documents.delete(call, new ProviderItemId("file-1"), ItemKind.FILE), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.CREATE_FOLDER, Fault.answer(201, "{\"status\":\"success\"}"));
            assertEquals(Optional.empty(), Await.result(documents.createFolder(call, ROOT, "n")));
            provider.fault(ProviderEndpoint.CREATE_FOLDER, Fault.status(200));
            assertEquals(Optional.empty(), Await.result(documents.createFolder(call, ROOT, "n")));
        }

        @Test
        void anUploadSucceedsOnlyOnResultSuccess() {
            Context context = vertx.getOrCreateContext();
            provider.fault(ProviderEndpoint.UPLOAD, Fault.answer(200, "{\"status\":\"success\"}"));
            Await.failure(onContext(context, () -> documents.upload(call, new ProviderItemId("file-1"),
                    new GeneratedReadStream(context, new GeneratedContent(10, 1), -1), 10L)), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.UPLOAD, Fault.answer(200, "{\"result\":\"fail\",\"message\":\"Upload Failed\"}"));
            ProviderErrorException failed = Await.failure(onContext(context, () -> documents.upload(call,
                    new ProviderItemId("file-1"), new GeneratedReadStream(context, new GeneratedContent(10, 1), -1), 10L)),
                    ProviderErrorException.class);
            assertEquals("Upload Failed", failed.providerText());
        }
    }

    @Nested
    class FailureMapping {

        @Test
        void refusedCredentialsAreForbiddenWithTheirStatus() {
            ProviderCall wrongKey = ProviderCall.apiKey(TestIntegrations.apiKey(provider.baseUrl()), USERNAME);
            provider.requireApiKey("another-key");
            assertEquals(403, Await.failure(documents.files(wrongKey, ROOT, Page.ALL),
                    ProviderForbiddenException.class).providerStatus());
            provider.style(TestDocumentProvider.Style.OLD_STYLE);
            assertEquals(401, Await.failure(documents.download(wrongKey, new ProviderItemId("file-1")),
                    ProviderForbiddenException.class).providerStatus());
        }

        @Test
        void missingItemsAreNotFound() {
            Await.failure(documents.metadata(call, new ProviderItemId("nope")), ProviderNotFoundException.class);
            Await.failure(documents.files(call, new ProviderItemId("nope"), Page.ALL), ProviderNotFoundException.class);
            Await.failure(documents.download(call, new ProviderItemId("nope")), ProviderNotFoundException.class);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "500 | {\"status\":\"error\",\"error\":\"Sample error message\"}           | Sample error message",
                "200 | {\"status\":\"failure\",\"error\":\"Folder already exists\"}        | Folder already exists",
                "200 | {\"result\":\"fail\",\"message\":\"Quota exceeded\"}                | Quota exceeded",
                "409 | {\"error\":{\"message\":\"Name clash\"}}                             | Name clash",
                "503 | {\"status\":\"error\"}                                               | ",
                "500 | not json at all                                                    | "})
        void failureBodiesAreProviderErrors(int status, String body, String text) {
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(status, body));
            ProviderErrorException error = Await.failure(documents.metadata(call, new ProviderItemId("file-1")),
                    ProviderErrorException.class);
            assertEquals(status, error.providerStatus());
            assertEquals(text, error.providerText());
        }

        @Test
        void relayedTextIsCutStrippedAndMasked() {
            String leaky = "key " + TestIntegrations.API_KEY + " \u0007bell\u202Ebidi, token "
                    + TestIntegrations.API_KEY.substring(0, 10) + "\u0000" + TestIntegrations.API_KEY.substring(10)
                    + " encoded " + "x".repeat(600);
            provider.fault(ProviderEndpoint.FILES, Fault.answer(500,
                    new io.vertx.core.json.JsonObject().put("status", "error").put("error", leaky).encode()));
            ProviderErrorException error = Await.failure(documents.files(call, ROOT, Page.ALL), ProviderErrorException.class);
            String text = error.providerText();
            assertFalse(text.contains(TestIntegrations.API_KEY), text);
            assertTrue(text.startsWith("key **** bellbidi, token **** encoded xxx"), text);
            assertEquals(500, text.length());
            assertFalse(error.getMessage().contains(TestIntegrations.API_KEY));
        }

        @Test
        void theCallersTokensAreMaskedToo() {
            provider.requireApiKey(null);
            Integration integration = TestIntegrations.oauth2(provider.baseUrl());
            ProviderCall bearer = ProviderCall.bearer(integration, Secret.of("the-access-token"))
                    .masking(Secret.of("the-refresh-token"));
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(400, "{\"error\":\"bad the-access-token, "
                    + "the-refresh-token, " + TestIntegrations.CLIENT_SECRET + ", the%2Daccess-token\"}"));
            ProviderErrorException error = Await.failure(documents.metadata(bearer, new ProviderItemId("1")),
                    ProviderErrorException.class);
            assertEquals("bad ****, ****, ****, the%2Daccess-token", error.providerText());
        }

        @Test
        void aPlainTextErrorIsRelayedButHtmlIsNot() {
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(418, "text/plain", "I'm a teapot"));
            assertEquals("I'm a teapot", Await.failure(documents.metadata(call, new ProviderItemId("1")),
                    ProviderErrorException.class).providerText());
            provider.fault(ProviderEndpoint.METADATA, Fault.answer(502, "text/html", "<h1>Bad gateway</h1>"));
            assertNull(Await.failure(documents.metadata(call, new ProviderItemId("1")),
                    ProviderErrorException.class).providerText());
        }

        @Test
        void aRedirectIsAnErrorAndItsLocationIsNeverFetched() {
            provider.fault(ProviderEndpoint.FILES, Fault.redirect(302, provider.baseUrl() + "/metadata?id=file-1"));
            assertEquals(302, Await.failure(documents.files(call, ROOT, Page.ALL), ProviderErrorException.class)
                    .providerStatus());
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.redirect(307, provider.baseUrl() + "/metadata?id=file-1"));
            assertEquals(307, Await.failure(documents.download(call, new ProviderItemId("file-1")),
                    ProviderErrorException.class).providerStatus());
            assertEquals(List.of(), provider.requestsTo(ProviderEndpoint.METADATA));
        }

        @Test
        void byteAnswersOtherThan200Or201AreFailures() {
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.answer(500, "{\"status\":\"error\",\"error\":\"disk\"}"));
            assertEquals("disk", Await.failure(documents.download(call, new ProviderItemId("file-1")),
                    ProviderErrorException.class).providerText());
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.status(204));
            assertEquals(204, Await.failure(documents.download(call, new ProviderItemId("file-1")),
                    ProviderBadResponseException.class).providerStatus());
            provider.fault(ProviderEndpoint.THUMBNAIL, Fault.answer(404, "text/plain", "x".repeat(200_000)));
            Await.failure(documents.thumbnail(call, new ProviderItemId("file-1"), 64L), ProviderNotFoundException.class);
        }

        @Test
        void aBlockedProviderIsNeverCalled() {
            ProviderAdapter strict = ProviderAdapter.create(vertx,
                    new ProviderSettings(EgressPolicy.strict(), Duration.ofSeconds(5)), name -> List.of(), null);
            try {
                Await.failure(strict.documents().files(call, ROOT, Page.ALL), ProviderAddressBlockedException.class);
                Await.failure(strict.documents().download(call, new ProviderItemId("file-1")),
                        ProviderAddressBlockedException.class);
                assertEquals(List.of(), provider.requests());
            } finally {
                Await.result(strict.close());
            }
        }
    }

    @Nested
    class TimeoutsAndLimits {

        @Test
        void aHangingProviderTimesOut() {
            provider.fault(ProviderEndpoint.METADATA, Fault.hang());
            Await.failure(impatient.metadata(call, new ProviderItemId("file-1")), ProviderTimeoutException.class);
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.hang());
            Await.failure(impatient.download(call, new ProviderItemId("file-1")), ProviderTimeoutException.class);
        }

        @Test
        void aDrippingJsonAnswerCannotHoldACallPastTheDeadline() {
            provider.fault(ProviderEndpoint.FILES, Fault.drip("[{\"id\":\"1\",\"kind\":\"file\"}]", Duration.ofMillis(100)));
            long start = System.nanoTime();
            Await.failure(impatient.files(call, ROOT, Page.ALL), ProviderTimeoutException.class);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "cut at the 1 s deadline, not after the 2.7 s drip");
            provider.fault(ProviderEndpoint.METADATA, Fault.drip("{\"id\":\"1\",\"kind\":\"file\"}"));
            Await.failure(impatient.metadata(call, new ProviderItemId("1")), ProviderTimeoutException.class);
        }

        @Test
        void aSlowButSteadyDownloadIsNotCutByTheDeadline() {
            String body = "twenty bytes, slowly";
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.drip(body, Duration.ofMillis(100)));
            ProviderBytes bytes = Await.result(impatient.download(call, new ProviderItemId("file-1")));
            assertEquals(body, readAll(bytes).toString(StandardCharsets.UTF_8), "2 s in all, never 1 s silent");
        }

        @Test
        void aDownloadThatFallsSilentFails() {
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.silenceAfter(100));
            ProviderBytes bytes = Await.result(impatient.download(call, new ProviderItemId("file-1")));
            Await.failure(bytes.content().pipeTo(new DigestWriteStream(vertx)), ProviderTimeoutException.class);
        }

        @Test
        void aResetMidBodyIsABadResponse() {
            provider.fault(ProviderEndpoint.FILES, Fault.resetMidBody(100));
            Await.failure(documents.files(call, ROOT, Page.ALL), ProviderBadResponseException.class);
            provider.fault(ProviderEndpoint.DOWNLOAD, Fault.resetMidBody(10_000));
            ProviderBytes bytes = Await.result(documents.download(call, new ProviderItemId("file-1")));
            Await.failure(bytes.content().pipeTo(new DigestWriteStream(vertx)), ProviderBadResponseException.class);
        }

        @Test
        void anEndlessJsonAnswerStopsAt16MiB() {
            int closedBefore = provider.closedConnections();
            provider.fault(ProviderEndpoint.FILES, Fault.endlessJson());
            ProviderBadResponseException bad = Await.failure(documents.files(call, ROOT, Page.ALL),
                    ProviderBadResponseException.class);
            assertTrue(bad.getMessage().contains(Integer.toString(16 * 1024 * 1024)), bad.getMessage());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (provider.closedConnections() == closedBefore && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(provider.closedConnections() > closedBefore, "the connection was closed");
            assertTrue(provider.endlessBytesSent() < 48L * 1024 * 1024, provider.endlessBytesSent() + " bytes sent");
        }

        @Test
        void streams200MegabytesWithoutHoldingThem() {
            GeneratedContent content = new GeneratedContent(200L * 1024 * 1024, 2024);
            provider.addGeneratedFile("/", "big", "big.bin", content);
            ProviderBytes bytes = Await.result(documents.download(call, new ProviderItemId("big")));
            assertEquals(content.size(), bytes.contentLength());
            DigestWriteStream sink = new DigestWriteStream(vertx, 16 * 1024 * 1024, 20);
            Await.result(bytes.content().pipeTo(sink), Duration.ofSeconds(60));
            assertEquals(content.size(), sink.bytes());
            assertEquals(content.sha256(), sink.sha256());
        }

        @Test
        void uploads64MegabytesWithoutHoldingThem() {
            Item created = Await.result(documents.uploadInit(call, new UploadTarget(ROOT, "big.bin", null, null)));
            assertEquals("parentId=%2F&filename=big.bin", provider.requestsTo(ProviderEndpoint.UPLOAD_INIT).get(0).rawQuery());
            GeneratedContent content = new GeneratedContent(64L * 1024 * 1024, 77);
            Context context = vertx.getOrCreateContext();
            Await.result(onContext(context, () -> documents.upload(call, created.id(),
                    new GeneratedReadStream(context, content, -1), null)), Duration.ofSeconds(60));
            TestDocumentProvider.Upload stored = provider.upload(created.id().value()).orElseThrow();
            assertEquals(content.size(), stored.size());
            assertEquals(content.sha256(), stored.sha256());
            assertEquals("chunked", provider.lastRequest().header("Transfer-Encoding"));
        }

        @Test
        void anUploadWhoseSourceFailsIsResetNotCompleted() {
            Item created = Await.result(documents.uploadInit(call, new UploadTarget(ROOT, "partial.bin", null, null)));
            Context context = vertx.getOrCreateContext();
            GeneratedContent content = new GeneratedContent(8L * 1024 * 1024, 3);
            Await.failure(onContext(context, () -> documents.upload(call, created.id(),
                    new GeneratedReadStream(context, content, 2L * 1024 * 1024), content.size())), java.io.IOException.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (provider.upload(created.id().value()).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            TestDocumentProvider.Upload stored = provider.upload(created.id().value()).orElseThrow();
            assertFalse(stored.complete(), "the provider saw the connection reset, not an end");
            assertTrue(stored.size() < content.size());
        }
    }
}
