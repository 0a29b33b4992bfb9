package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.DocumentsApi.param;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.adapters.provider.testing.TestDocumentProvider.Upload;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads (api.md 5): the request body, of any type, streamed to the provider after {@code /uploadInit}, with
 * or without a declared length; 201 only after the provider confirmed; a caller that leaves aborts the provider
 * request; a refused upload is answered without reading its body, and the connection closed.
 */
class UploadIT {
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

    /** The upload the provider recorded for the {@code /upload} call it received, waiting (bounded) for it. */
    private Upload awaitUpload() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<RecordedRequest> uploads = docs.provider.requestsTo(ProviderEndpoint.UPLOAD);
            Optional<Upload> upload = uploads.isEmpty() ? Optional.empty() : docs.provider.upload(uploads.get(0).param("id"));
            if (upload.isPresent()) {
                return upload.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the provider recorded no upload");
    }

    @Test
    void aChunkedBodyOfAnyTypeIsStreamedWhole() throws Exception {
        GeneratedContent content = new GeneratedContent(5L * 1024 * 1024 + 7, 11);
        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?" + param("filename", "보고서 2026.bin"), user)
                .header("Content-Type", "application/x-anything")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream(content))).build());

        assertEquals(201, answer.status(), answer::toString);
        assertEquals("보고서 2026.bin", answer.json().getString("title"));
        assertEquals("보고서 2026.bin", docs.provider.requestsTo(ProviderEndpoint.UPLOAD_INIT).get(0).param("filename"));
        Upload upload = awaitUpload();
        assertTrue(upload.complete());
        assertEquals(content.size(), upload.size());
        assertEquals(content.sha256(), upload.sha256());
        RecordedRequest sent = docs.provider.requestsTo(ProviderEndpoint.UPLOAD).get(0);
        assertNull(sent.header("Content-Length"), "no length was declared, none is invented");
        assertEquals("application/octet-stream", sent.header("Content-Type"));
    }

    @Test
    void aClientWaitingFor100ContinueIsToldToSendOnceTheProviderIsReady() {
        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?filename=a.txt", user)
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString("continued")).build());

        assertEquals(201, answer.status(), answer::toString);
        assertEquals("continued", docs.provider.upload(answer.json().getString("id")).orElseThrow().text());
    }

    @Test
    void aRefusedUploadWaitingFor100ContinueIsAnsweredAndClosedWithoutItsBody() throws Exception {
        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("POST", documents(id, "upload") + "?filename=", "Authorization: Bearer " + user,
                    "Content-Length: 1000000000", "Expect: 100-continue");
            RawConnection.Head head = connection.readHead();

            assertEquals(400, head.status(), "a final answer, no 100 Continue");
            assertEquals("close", head.header("Connection"));
            connection.readBody(head.contentLength());
            assertTrue(connection.closedByServer());
        }
        assertTrue(docs.provider.requests().isEmpty());
    }

    @Test
    void aProviderRefusingUploadInitIsAnsweredAndTheConnectionClosed() throws Exception {
        docs.provider.fault(ProviderEndpoint.UPLOAD_INIT, Fault.answer(500, "{\"status\":\"error\",\"error\":\"no room\"}"));

        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("POST", documents(id, "upload") + "?filename=a.bin", "Authorization: Bearer " + user,
                    "Content-Length: 300000");
            connection.sendBody(300_000);
            RawConnection.Head head = connection.readHead();

            assertEquals(502, head.status());
            assertEquals("close", head.header("Connection"));
            connection.readBody(head.contentLength());
            assertTrue(connection.closedByServer());
        }
        assertTrue(docs.provider.requestsTo(ProviderEndpoint.UPLOAD).isEmpty(), "no byte went to /upload");
    }

    @Test
    void aRefusedLargeUploadIsNotReadToItsEnd() throws Exception {
        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("POST", documents(id, "upload") + "?filename=a.bin", "Authorization: Bearer not-a-token",
                    "Content-Length: 10000000000");
            connection.sendBody(64 * 1024);
            RawConnection.Head head = connection.readHead();
            assertEquals(401, head.status());
            assertEquals("close", head.header("Connection"));
            connection.readBody(head.contentLength());

            long started = System.nanoTime();
            boolean refused = false;
            try {
                connection.sendBody(64L * 1024 * 1024); // far more than the server drops before it closes
            } catch (IOException closed) {
                refused = true;
            }
            assertTrue(refused || connection.closedByServer(), "the server closed the connection");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(8)) < 0);
        }
    }

    @Test
    void aClientLeavingMidUploadAbortsTheProviderRequest() throws Exception {
        long declared = 64L * 1024 * 1024;
        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("POST", documents(id, "upload") + "?filename=partial.bin", "Authorization: Bearer " + user,
                    "Content-Length: " + declared);
            connection.sendBody(2 * 1024 * 1024);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (docs.provider.requestsTo(ProviderEndpoint.UPLOAD).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } // the client goes away with most of the body unsent

        Upload upload = awaitUpload();
        assertFalse(upload.complete(), "the provider request was reset, never ended");
        assertTrue(upload.size() < declared);
        assertEquals(Long.toString(declared), docs.provider.requestsTo(ProviderEndpoint.UPLOAD).get(0).header("Content-Length"));
    }

    @Test
    void aClientLeavingWhileUploadInitRunsLeavesNoProviderRequestHanging() throws Exception {
        // /uploadInit answers slowly (but within the deadline), long after the client has gone
        docs.provider.fault(ProviderEndpoint.UPLOAD_INIT,
                Fault.drip("{\"id\":\"late-1\",\"kind\":\"file\"}", Duration.ofMillis(30)), 1);
        int transfersBefore = docs.providerClient.uploads().size();
        try (RawConnection connection = new RawConnection(docs.api.port())) {
            connection.sendHead("POST", documents(id, "upload") + "?filename=late.bin", "Authorization: Bearer " + user,
                    "Content-Length: 1000000");
            connection.sendBody(100_000);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (docs.provider.requestsTo(ProviderEndpoint.UPLOAD_INIT).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        // /uploadInit answers about a second later; the transfer that follows must end at once, its source gone
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (docs.providerClient.uploads().size() == transfersBefore && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(transfersBefore + 1, docs.providerClient.uploads().size(), "/uploadInit succeeded: a transfer started");
        Future<Void> transfer = docs.providerClient.uploads().get(transfersBefore);
        // fails (promptly) instead of waiting forever for a client that is gone; a wait that times out is an error
        Await.failure(transfer, Exception.class, Duration.ofSeconds(5));
        List<RecordedRequest> uploads = docs.provider.requestsTo(ProviderEndpoint.UPLOAD);
        if (!uploads.isEmpty()) {
            assertFalse(awaitUpload().complete(), "a started /upload was reset, never ended");
        }
    }

    @Test
    void anEmptyFileIsUploaded() {
        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?filename=empty.txt", user)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(201, answer.status(), answer::toString);
        assertEquals(0, docs.provider.upload(answer.json().getString("id")).orElseThrow().size());
    }

    @Test
    void aProviderFailingMidUploadIsAProblem() {
        docs.provider.fault(ProviderEndpoint.UPLOAD, Fault.answer(507, "{\"result\":\"fail\",\"message\":\"disk full\"}"));

        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?filename=a.bin", user)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build());

        assertProblem(answer, 502, "provider-error");
        assertEquals(507, answer.json().getInteger("providerStatus"));
        assertEquals("disk full", answer.json().getString("detail"));
    }

    private static InputStream stream(GeneratedContent content) {
        return new InputStream() {
            private long offset;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (offset >= content.size()) {
                    return -1;
                }
                int n = (int) Math.min(len, content.size() - offset);
                System.arraycopy(content.chunk(offset, n).getBytes(), 0, buffer, off, n);
                offset += n;
                return n;
            }
        };
    }
}
