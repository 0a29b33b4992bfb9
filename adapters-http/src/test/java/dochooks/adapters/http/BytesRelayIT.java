package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.domain.document.ProviderEndpoint;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relayed bytes (api.md 5): streamed whole and intact, with safe headers whatever the provider sent, never ended
 * cleanly when the provider fails after the first byte, and never read on after the caller went away.
 */
class BytesRelayIT {
    private static DocumentsApi docs;
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
        String tenant = TestApi.newTenant();
        id = docs.registerApiKey(tenant);
        user = Tokens.user(tenant, "alice");
    }

    private HttpResponse<byte[]> download(String fileId) {
        return docs.bytes(docs.api.request(documents(id, "download") + "?" + DocumentsApi.param("id", fileId), user)
                .GET().build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aLargeFileIsStreamedWholeAndIntact() throws Exception {
        GeneratedContent content = new GeneratedContent(48L * 1024 * 1024 + 13, 3);
        docs.provider.addGeneratedFile("/", "big", "big.bin", content);

        HttpResponse<InputStream> answer = docs.stream(docs.api.request(documents(id, "download") + "?id=big", user)
                .GET().build());

        assertEquals(200, answer.statusCode());
        assertEquals(Long.toString(content.size()), header(answer, "Content-Length"));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[256 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertEquals(content.size(), received);
        assertEquals(content.sha256(), HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void aNonAsciiFileNameArrivesAsUtf8WithAnAsciiFallback() {
        String title = "Résumé — 보고서 2026.pdf";
        docs.provider.addFile("/", "cv", title, "application/pdf", new byte[] {1, 2, 3});

        String disposition = header(download("cv"), "Content-Disposition");

        assertTrue(disposition.startsWith("attachment; filename=\""), disposition);
        String fallback = disposition.substring("attachment; filename=\"".length(), disposition.indexOf("\";"));
        assertTrue(fallback.chars().allMatch(c -> c >= 0x20 && c < 0x7F), fallback);
        assertTrue(fallback.endsWith(" 2026.pdf"), fallback);
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertTrue(encoded.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '"' && c != ';'), encoded);
        assertEquals(title, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void aHostileFileNameIsMadeSafe() {
        docs.provider.addFile("/", "evil", "..\\..\\evil\u202Egpj.exe\u0000", "application/octet-stream", new byte[] {1});

        String disposition = header(download("evil"), "Content-Disposition");
        String name = URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);

        assertEquals("_.._evilgpj.exe", name);
    }

    @Test
    void anyTypeTheProviderNamesIsSentSandboxedAsAnAttachment() {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.answer(200, "text/html; charset=utf-8", "<script>alert(1)</script>"));

        HttpResponse<byte[]> answer = download("page");

        assertEquals(200, answer.statusCode());
        assertEquals("text/html; charset=utf-8", header(answer, "Content-Type"));
        assertEquals("nosniff", header(answer, "X-Content-Type-Options"));
        assertEquals("sandbox", header(answer, "Content-Security-Policy"));
        assertEquals("attachment", header(answer, "Content-Disposition"));
    }

    @Test
    void aDownloadWithoutOrWithAMalformedTypeIsOctetStream() {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, new Fault.Answer(200, Map.of(), "raw"), 1);
        assertEquals("application/octet-stream", header(download("x"), "Content-Type"));

        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.answer(200, "not a type", "raw"), 1);
        assertEquals("application/octet-stream", header(download("x"), "Content-Type"));
    }

    @Test
    void aThumbnailThatIsNotARasterImageIsOctetStream() {
        docs.provider.fault(ProviderEndpoint.THUMBNAIL, Fault.answer(200, "image/svg+xml", "<svg onload=\"alert(1)\"/>"), 1);
        HttpResponse<byte[]> svg = docs.bytes(docs.api.request(documents(id, "thumbnail") + "?id=x", user).GET().build());
        assertEquals("application/octet-stream", header(svg, "Content-Type"));
        assertEquals("nosniff", header(svg, "X-Content-Type-Options"));
        assertEquals("sandbox", header(svg, "Content-Security-Policy"));

        docs.provider.fault(ProviderEndpoint.THUMBNAIL, Fault.answer(201, "IMAGE/JPEG; q=1", "jpeg"), 1);
        HttpResponse<byte[]> jpeg = docs.bytes(docs.api.request(documents(id, "thumbnail") + "?id=x", user).GET().build());
        assertEquals(200, jpeg.statusCode(), "a 201 for bytes is success");
        assertEquals("image/jpeg", header(jpeg, "Content-Type"));
    }

    @Test
    void aProviderResetAfterTheFirstByteResetsTheCallersConnection() throws Exception {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.resetMidBody(256 * 1024));

        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("GET", documents(id, "download") + "?id=x", "Authorization: Bearer " + user);
            RawConnection.Head head = connection.readHead();
            RawConnection.BodyEnd end = connection.readToEnd();

            assertEquals(200, head.status());
            assertTrue(head.contentLength() > 256 * 1024);
            assertTrue(end.bytes() < head.contentLength(), "the partial file cannot pass for a whole one: " + end);
        }
    }

    @Test
    void aProviderFallingSilentAfterTheFirstByteResetsTheCallersConnection() throws Exception {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.silenceAfter(100_000));

        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("GET", documents(id, "download") + "?id=x", "Authorization: Bearer " + user);
            RawConnection.Head head = connection.readHead();
            RawConnection.BodyEnd end = connection.readToEnd();

            assertEquals(200, head.status());
            assertTrue(end.bytes() < head.contentLength(), end::toString);
        }
    }

    @Test
    void aProviderFallingSilentBeforeTheFirstByteIsStillAProblem() {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.silenceAfter(0));

        Answer answer = docs.get(documents(id, "download") + "?id=x", user);

        assertProblem(answer, 504, "provider-timeout");
        assertEquals(null, answer.header("Content-Disposition"));
        assertEquals(null, answer.header("Content-Security-Policy"));
    }

    @Test
    void aCallerLeavingMidDownloadStopsTheProviderTransfer() throws Exception {
        docs.provider.addGeneratedFile("/", "huge", "huge.bin", new GeneratedContent(1024L * 1024 * 1024, 5));
        int closedBefore = docs.provider.closedConnections();

        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("GET", documents(id, "download") + "?id=huge", "Authorization: Bearer " + user);
            assertEquals(200, connection.readHead().status());
            assertEquals(1024 * 1024, connection.readBody(1024 * 1024));
        } // the caller goes away with 1 GiB still to come

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (docs.provider.closedConnections() == closedBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(docs.provider.closedConnections() > closedBefore,
                "the provider connection was closed instead of being held or read to the end");
    }

    @Test
    void theConnectionStaysUsableAfterACompleteDownload() throws Exception {
        docs.provider.addFile("/", "small", "s.txt", "text/plain", "0123456789".getBytes(StandardCharsets.UTF_8));

        try (RawConnection connection = new RawConnection(docs.api.port())) {
            for (int i = 0; i < 2; i++) {
                connection.sendHead("GET", documents(id, "download") + "?id=small", "Authorization: Bearer " + user);
                RawConnection.Head head = connection.readHead();
                assertEquals(200, head.status());
                assertEquals(10, connection.readBody(head.contentLength()));
            }
        }
        assertFalse(docs.provider.requestsTo(ProviderEndpoint.DOWNLOAD).isEmpty());
    }
}
