package dochooks.adapters.provider.testing;

import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.integration.RequestParameters;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A document provider for tests: a real Vert.x HTTP server on 127.0.0.1 (random port) speaking the document
 * webhooks protocol under {@code /api}, over an in-memory tree of folders and files. It records every request it
 * receives, can require credentials, answer in the styles real providers use ({@link Style}), and misbehave on
 * any endpoint ({@link Fault}). Files may be generated content of any size, streamed with back-pressure; uploads
 * are kept as a digest (and their bytes when small).
 */
public final class TestDocumentProvider {
    public static final String BASE_PATH = "/api";
    /** Uploads up to this size are kept whole, bigger ones only as size and digest. */
    public static final int KEPT_UPLOAD_BYTES = 8 * 1024 * 1024;
    public static final Instant MODIFIED = Instant.parse("2014-06-05T17:39:45.251Z");
    /** The bytes of every thumbnail: a PNG signature and a little more. */
    public static final byte[] THUMBNAIL = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** How answers look. */
    public enum Style {
        /** As the protocol's tables say: numbers, RFC 3339 dates, booleans, null links for folders, 200 bytes, 403. */
        MODERN,
        /** As the protocol's examples: sizes as strings ("" for folders), basic dates, "" links, 201 bytes, 401. */
        OLD_STYLE,
        /** As Workfront's reference implementation: epoch-millisecond dates, no readOnly, 201 bytes. */
        EPOCH
    }

    /** What an upload left: its size, SHA-256, whether it ended cleanly, and its bytes when small. */
    public record Upload(String id, long size, String sha256, boolean complete, byte[] bytes) {
        public String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final class Node {
        final String id;
        volatile String title;
        final boolean folder;
        volatile String parentId;
        final String mimeType;
        final Object content; // byte[] or GeneratedContent, null for folders

        Node(String id, String title, boolean folder, String parentId, String mimeType, Object content) {
            this.id = id;
            this.title = title;
            this.folder = folder;
            this.parentId = parentId;
            this.mimeType = mimeType;
            this.content = content;
        }

        long size() {
            return content instanceof byte[] bytes ? bytes.length : content instanceof GeneratedContent g ? g.size() : 0;
        }
    }

    private record ScheduledFault(Fault fault, AtomicInteger remaining) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ScheduledFault> faults = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong endlessBytesSent = new AtomicLong();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private volatile Style style = Style.MODERN;
    private volatile String requiredApiKey;
    private volatile String requiredBearer;
    private volatile java.util.function.Predicate<String> acceptedBearer;

    private TestDocumentProvider(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setMaxInitialLineLength(20 * 1024));
        server.requestHandler(this::handle);
        server.connectionHandler(connection -> connection.closeHandler(v -> closedConnections.incrementAndGet()));
        reset();
    }

    /** Starts a provider on 127.0.0.1 with an empty root folder. */
    public static TestDocumentProvider start(Vertx vertx) {
        TestDocumentProvider provider = new TestDocumentProvider(vertx);
        Await.result(provider.server.listen());
        return provider;
    }

    public int port() {
        return server.actualPort();
    }

    /** The base API URL to register: {@code http://127.0.0.1:<port>/api}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + BASE_PATH;
    }

    public Future<Void> close() {
        return server.close();
    }

    /** Back to an empty root, modern style, no credentials required, no faults, nothing recorded. */
    public void reset() {
        nodes.clear();
        nodes.put("/", new Node("/", "Root", true, null, null, null));
        requests.clear();
        faults.clear();
        uploads.clear();
        endlessBytesSent.set(0);
        style = Style.MODERN;
        requiredApiKey = null;
        requiredBearer = null;
        acceptedBearer = null;
    }

    // ---- the tree

    public void addFolder(String parentId, String id, String title) {
        requireFolder(parentId);
        nodes.put(id, new Node(id, title, true, parentId, null, null));
    }

    public void addFile(String parentId, String id, String title, String mimeType, byte[] content) {
        requireFolder(parentId);
        nodes.put(id, new Node(id, title, false, parentId, mimeType, content.clone()));
    }

    /** A file of generated content, produced on the fly when downloaded: any size, never held. */
    public void addGeneratedFile(String parentId, String id, String title, GeneratedContent content) {
        requireFolder(parentId);
        nodes.put(id, new Node(id, title, false, parentId, "application/octet-stream", content));
    }

    public boolean exists(String id) {
        return nodes.containsKey(id);
    }

    public Optional<String> titleOf(String id) {
        return Optional.ofNullable(nodes.get(id)).map(node -> node.title);
    }

    /** The ids of a folder's direct children, in insertion-independent (title) order. */
    public List<String> childrenOf(String parentId) {
        return children(parentId).stream().map(node -> node.id).toList();
    }

    private void requireFolder(String id) {
        Node parent = nodes.get(id);
        if (parent == null || !parent.folder) {
            throw new IllegalArgumentException("no folder " + id);
        }
    }

    // ---- behaviour

    public void style(Style newStyle) {
        style = newStyle;
    }

    /** From now on every call but serviceInfo needs {@code apiKey: key} and a {@code username}. */
    public void requireApiKey(String key) {
        requiredApiKey = key;
    }

    /** From now on every call but serviceInfo needs {@code Authorization: Bearer token}. */
    public void requireBearer(String token) {
        requiredBearer = token;
    }

    /**
     * From now on every call but serviceInfo needs {@code Authorization: Bearer <token>} with a token
     * {@code accepted} says yes to: e.g. {@code TestOAuth2Server::acceptsAccessToken}, so that the tokens an
     * authorization server issued (and only while they live) open the provider.
     */
    public void requireBearer(java.util.function.Predicate<String> accepted) {
        acceptedBearer = accepted;
    }

    /** {@code endpoint} misbehaves on every call until {@link #clearFaults()}. */
    public void fault(ProviderEndpoint endpoint, Fault fault) {
        faults.put(endpoint.wireName(), new ScheduledFault(fault, new AtomicInteger(Integer.MAX_VALUE)));
    }

    /** {@code endpoint} misbehaves on its next {@code times} calls only. */
    public void fault(ProviderEndpoint endpoint, Fault fault, int times) {
        faults.put(endpoint.wireName(), new ScheduledFault(fault, new AtomicInteger(times)));
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- what happened

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requestsTo(ProviderEndpoint endpoint) {
        return requests.stream().filter(r -> r.endpoint().equals(endpoint.wireName())).toList();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the provider received no request");
        }
        return requests.get(requests.size() - 1);
    }

    public Optional<Upload> upload(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    /** How many bytes the endless JSON fault has sent so far (the client must stop it). */
    public long endlessBytesSent() {
        return endlessBytesSent.get();
    }

    /** How many client connections have closed so far. */
    public int closedConnections() {
        return closedConnections.get();
    }

    // ---- serving

    private void handle(HttpServerRequest request) {
        requests.add(new RecordedRequest(request.method().name(), request.path(), request.query(),
                MultiMap.caseInsensitiveMultiMap().addAll(request.params()),
                MultiMap.caseInsensitiveMultiMap().addAll(request.headers())));
        String path = request.path();
        if (!path.startsWith(BASE_PATH + "/")) {
            request.response().setStatusCode(404).end();
            return;
        }
        Optional<ProviderEndpoint> endpoint = ProviderEndpoint.fromWireName(path.substring(BASE_PATH.length() + 1));
        if (endpoint.isEmpty()) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (!endpoint.get().method().equals(request.method().name())) {
            request.response().setStatusCode(405).end();
            return;
        }
        ScheduledFault scheduled = faults.get(endpoint.get().wireName());
        if (scheduled != null && scheduled.remaining().getAndDecrement() > 0) {
            misbehave(request, scheduled.fault(), endpoint.get());
            return;
        }
        if (endpoint.get().sendsCredentials() && !credentialsAccepted(request)) {
            json(request.response(), style == Style.OLD_STYLE ? 401 : 403,
                    new JsonObject().put("status", "error").put("error", "invalid credentials"));
            return;
        }
        switch (endpoint.get()) {
            case FILES -> files(request);
            case METADATA -> metadata(request);
            case SEARCH -> search(request);
            case DOWNLOAD -> download(request);
            case THUMBNAIL -> thumbnail(request);
            case UPLOAD_INIT -> uploadInit(request);
            case UPLOAD -> upload(request);
            case CREATE_FOLDER -> createFolder(request);
            case RENAME -> rename(request);
            case DELETE -> delete(request);
            case SERVICE_INFO -> serviceInfo(request);
            case CUSTOM_ACTION -> customAction(request);
        }
    }

    private boolean credentialsAccepted(HttpServerRequest request) {
        String key = requiredApiKey;
        if (key != null) {
            String username = request.getHeader("username");
            if (!key.equals(request.getHeader("apiKey")) || username == null || username.isBlank()) {
                return false;
            }
        }
        String token = requiredBearer;
        if (token != null && !("Bearer " + token).equals(request.getHeader("Authorization"))) {
            return false;
        }
        java.util.function.Predicate<String> accepted = acceptedBearer;
        if (accepted == null) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.startsWith("Bearer ")
                && accepted.test(authorization.substring("Bearer ".length()));
    }

    private void files(HttpServerRequest request) {
        String parentId = Optional.ofNullable(request.getParam("parentId")).orElse("/");
        Node parent = nodes.get(parentId);
        if (parent == null || !parent.folder) {
            notFound(request.response(), "Folder not found");
            return;
        }
        json(request.response(), 200, page(children(parentId), request));
    }

    private void metadata(HttpServerRequest request) {
        Node node = nodes.get(String.valueOf(request.getParam("id")));
        if (node == null) {
            notFound(request.response(), "File not found");
            return;
        }
        json(request.response(), 200, item(node));
    }

    private void search(HttpServerRequest request) {
        String query = Optional.ofNullable(request.getParam("query")).orElse("").toLowerCase(Locale.ROOT);
        String under = request.getParam("parentId");
        List<Node> found = nodes.values().stream()
                .filter(node -> !node.id.equals("/"))
                .filter(node -> node.title.toLowerCase(Locale.ROOT).contains(query))
                .filter(node -> under == null || isUnder(node, under))
                .sorted((a, b) -> a.title.compareTo(b.title))
                .toList();
        json(request.response(), 200, page(found, request));
    }

    private void download(HttpServerRequest request) {
        Node node = nodes.get(String.valueOf(request.getParam("id")));
        if (node == null || node.folder) {
            notFound(request.response(), "File not found");
            return;
        }
        HttpServerResponse response = request.response();
        response.setStatusCode(style == Style.MODERN ? 200 : 201);
        response.putHeader("Content-Type", node.mimeType == null ? "application/octet-stream" : node.mimeType);
        response.putHeader("Content-Disposition", "attachment; filename=\"" + asciiFallback(node.title)
                + "\"; filename*=UTF-8''" + RequestParameters.encode(node.title));
        response.putHeader("Content-Length", Long.toString(node.size()));
        if (node.content instanceof GeneratedContent generated) {
            stream(response, generated, generated.size());
        } else {
            response.end(Buffer.buffer((byte[]) node.content));
        }
    }

    private void thumbnail(HttpServerRequest request) {
        Node node = nodes.get(String.valueOf(request.getParam("id")));
        if (node == null || node.folder) {
            notFound(request.response(), "No thumbnail");
            return;
        }
        request.response().setStatusCode(style == Style.MODERN ? 200 : 201)
                .putHeader("Content-Type", "image/png")
                .end(Buffer.buffer(THUMBNAIL));
    }

    private void uploadInit(HttpServerRequest request) {
        String parentId = Optional.ofNullable(request.getParam("parentId")).orElse("/");
        String filename = request.getParam("filename");
        Node parent = nodes.get(parentId);
        if (parent == null || !parent.folder) {
            notFound(request.response(), "Folder not found");
            return;
        }
        if (filename == null || filename.isEmpty()) {
            json(request.response(), 400, new JsonObject().put("status", "error").put("error", "filename is required"));
            return;
        }
        Node created = new Node("u-" + ids.incrementAndGet(), filename, false, parentId,
                "application/octet-stream", new byte[0]);
        nodes.put(created.id, created);
        json(request.response(), 200, item(created));
    }

    private void upload(HttpServerRequest request) {
        String id = String.valueOf(request.getParam("id"));
        if (!nodes.containsKey(id)) {
            notFound(request.response(), "File not found");
            return;
        }
        MessageDigest digest = GeneratedContent.newDigest();
        Buffer kept = Buffer.buffer();
        long[] size = {0};
        boolean[] ended = {false};
        request.handler(chunk -> {
            digest.update(chunk.getBytes());
            size[0] += chunk.length();
            if (kept.length() + chunk.length() <= KEPT_UPLOAD_BYTES) {
                kept.appendBuffer(chunk);
            }
        });
        request.connection().closeHandler(v -> {
            if (!ended[0]) {
                uploads.put(id, new Upload(id, size[0], HexFormat.of().formatHex(digest.digest()), false, null));
            }
        });
        request.endHandler(v -> {
            ended[0] = true;
            byte[] bytes = size[0] <= KEPT_UPLOAD_BYTES ? kept.getBytes() : null;
            uploads.put(id, new Upload(id, size[0], HexFormat.of().formatHex(digest.digest()), true, bytes));
            json(request.response(), 200, new JsonObject().put("result", "success"));
        });
    }

    private void createFolder(HttpServerRequest request) {
        String parentId = Optional.ofNullable(request.getParam("parentId")).orElse("/");
        String name = request.getParam("name");
        Node parent = nodes.get(parentId);
        if (parent == null || !parent.folder) {
            notFound(request.response(), "Folder not found");
            return;
        }
        Node created = new Node("f-" + ids.incrementAndGet(), name, true, parentId, null, null);
        nodes.put(created.id, created);
        json(request.response(), 200, item(created));
    }

    private void rename(HttpServerRequest request) {
        Node node = nodes.get(String.valueOf(request.getParam("id")));
        if (node == null) {
            json(request.response(), 404, new JsonObject().put("status", "failure").put("error", "File not found"));
            return;
        }
        node.title = request.getParam("name");
        json(request.response(), 200, new JsonObject().put("status", "success"));
    }

    private void delete(HttpServerRequest request) {
        String id = request.getParam("documentId") != null ? request.getParam("documentId")
                : request.getParam("folderId") != null ? request.getParam("folderId") : request.getParam("id");
        Node node = id == null ? null : nodes.get(id);
        if (node == null || node.id.equals("/")) {
            json(request.response(), 404, new JsonObject().put("status", "failure").put("error", "File not found"));
            return;
        }
        removeWithContent(node);
        json(request.response(), 200, new JsonObject().put("status", "success"));
    }

    private void serviceInfo(HttpServerRequest request) {
        json(request.response(), 200, new JsonObject()
                .put("webhookVersion", "1.2")
                .put("version", "1.0")
                .put("publisher", "dochooks tests")
                .put("availableEndpoints", new JsonArray(List.of("files", "metadata", "search", "download", "thumbnail",
                        "uploadInit", "upload", "createFolder", "rename", "delete", "customAction")))
                .put("customActions", new JsonArray()
                        .add(new JsonObject().put("name", "archive").put("displayName", "Archive"))));
    }

    private void customAction(HttpServerRequest request) {
        if ("archive".equals(request.getParam("name"))) {
            json(request.response(), 200, new JsonObject().put("status", "success"));
        } else {
            json(request.response(), 200, new JsonObject().put("status", "failure").put("error", "Unknown action"));
        }
    }

    // ---- faults

    private void misbehave(HttpServerRequest request, Fault fault, ProviderEndpoint endpoint) {
        HttpServerResponse response = request.response();
        if (fault instanceof Fault.Answer answer) {
            response.setStatusCode(answer.status());
            answer.headers().forEach(response::putHeader);
            response.end(answer.body());
        } else if (fault instanceof Fault.Hang) {
            request.pause(); // and never answer
        } else if (fault instanceof Fault.Drip drip) {
            drip(response, drip);
        } else if (fault instanceof Fault.ResetMidBody reset) {
            byte[] whole = sampleAnswer(endpoint, reset.bytes() * 2 + 16);
            response.setStatusCode(200).putHeader("Content-Length", Integer.toString(whole.length));
            response.write(Buffer.buffer(whole).getBuffer(0, Math.min(reset.bytes(), whole.length)))
                    .onComplete(v -> vertx.setTimer(50, id -> response.reset()));
        } else if (fault instanceof Fault.SilenceAfter silence) {
            byte[] whole = sampleAnswer(endpoint, silence.bytes() * 2 + 16);
            response.setStatusCode(200).putHeader("Content-Length", Integer.toString(whole.length));
            response.write(Buffer.buffer(whole).getBuffer(0, Math.min(silence.bytes(), whole.length)));
        } else if (fault instanceof Fault.EndlessJson) {
            endlessJson(response);
        }
    }

    /** The kind of bytes the endpoint would send: JSON for JSON endpoints, filler for byte endpoints. */
    private byte[] sampleAnswer(ProviderEndpoint endpoint, int minimum) {
        if (endpoint == ProviderEndpoint.DOWNLOAD || endpoint == ProviderEndpoint.THUMBNAIL) {
            return new GeneratedContent(minimum, 7).chunk(0, minimum).getBytes();
        }
        StringBuilder json = new StringBuilder("[");
        while (json.length() < minimum) {
            json.append("{\"id\":\"x\",\"kind\":\"file\",\"title\":\"padding\"},");
        }
        json.append("{\"id\":\"y\",\"kind\":\"file\"}]");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void drip(HttpServerResponse response, Fault.Drip drip) {
        byte[] body = drip.body().getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(body.length));
        int[] next = {0};
        long timer = vertx.setPeriodic(drip.interval().toMillis(), id -> {
            if (response.closed() || next[0] >= body.length) {
                vertx.cancelTimer(id);
                if (!response.closed() && !response.ended()) {
                    response.end();
                }
                return;
            }
            response.write(Buffer.buffer(new byte[] {body[next[0]++]}));
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    private void endlessJson(HttpServerResponse response) {
        response.setStatusCode(200).putHeader("Content-Type", "application/json").setChunked(true);
        StringBuilder block = new StringBuilder();
        while (block.length() < 64 * 1024) {
            block.append("{\"id\":\"").append(block.length()).append("\",\"kind\":\"file\",\"title\":\"again\"},");
        }
        Buffer chunk = Buffer.buffer(block.toString());
        response.write(Buffer.buffer("["));
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (!response.closed() && !response.writeQueueFull()) {
                response.write(chunk);
                endlessBytesSent.addAndGet(chunk.length());
            }
            if (!response.closed()) {
                response.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    /** Writes {@code length} bytes of {@code content} with back-pressure, stopping when the client goes. */
    private void stream(HttpServerResponse response, GeneratedContent content, long length) {
        long[] offset = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (offset[0] < length && !response.closed() && !response.writeQueueFull()) {
                int size = (int) Math.min(64 * 1024, length - offset[0]);
                response.write(content.chunk(offset[0], size));
                offset[0] += size;
            }
            if (response.closed()) {
                return;
            }
            if (offset[0] >= length) {
                response.end();
            } else {
                response.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    // ---- rendering

    private List<Node> children(String parentId) {
        return nodes.values().stream()
                .filter(node -> parentId.equals(node.parentId))
                .sorted((a, b) -> a.title.compareTo(b.title))
                .toList();
    }

    private boolean isUnder(Node node, String folderId) {
        for (String parent = node.parentId; parent != null; parent = nodes.get(parent) == null ? null : nodes.get(parent).parentId) {
            if (parent.equals(folderId)) {
                return true;
            }
        }
        return false;
    }

    private void removeWithContent(Node node) {
        for (Node child : children(node.id)) {
            removeWithContent(child);
        }
        nodes.remove(node.id);
    }

    private JsonArray page(List<Node> found, HttpServerRequest request) {
        int offset = intParam(request, "offset", 0);
        int max = intParam(request, "max", Integer.MAX_VALUE);
        JsonArray items = new JsonArray();
        found.stream().skip(offset).limit(max).forEach(node -> items.add(item(node)));
        return items;
    }

    private static int intParam(HttpServerRequest request, String name, int otherwise) {
        try {
            return request.getParam(name) == null ? otherwise : Integer.parseInt(request.getParam(name));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private JsonObject item(Node node) {
        String encodedId = RequestParameters.encode(node.id);
        String viewLink = "https://dms.example/view?id=" + encodedId;
        String downloadLink = "https://dms.example/download?id=" + encodedId;
        JsonObject item = new JsonObject().put("id", node.id).put("title", node.title)
                .put("kind", node.folder ? "folder" : "file");
        switch (style) {
            case MODERN -> item
                    .put("viewLink", node.folder ? null : viewLink)
                    .put("downloadLink", node.folder ? null : downloadLink)
                    .put("mimeType", node.mimeType)
                    .put("dateModified", DateTimeFormatter.ISO_INSTANT.format(MODIFIED))
                    .put("size", node.folder ? null : node.size())
                    .put("readOnly", false);
            case OLD_STYLE -> item
                    .put("viewLink", node.folder ? "" : viewLink)
                    .put("downloadLink", node.folder ? "" : downloadLink)
                    .put("mimeType", node.folder ? "" : node.mimeType)
                    .put("dateModified", DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss.SSS'Z'")
                            .withZone(ZoneOffset.UTC).format(MODIFIED))
                    .put("size", node.folder ? "" : Long.toString(node.size()));
            case EPOCH -> item
                    .put("viewLink", node.folder ? null : viewLink)
                    .put("downloadLink", node.folder ? null : downloadLink)
                    .put("mimeType", node.mimeType)
                    .put("dateModified", MODIFIED.toEpochMilli())
                    .put("size", node.size());
        }
        return item;
    }

    private static void json(HttpServerResponse response, int status, Object body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject object ? object.encode() : ((JsonArray) body).encode());
    }

    private static void notFound(HttpServerResponse response, String message) {
        json(response, 404, new JsonObject().put("status", "error").put("error", message));
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return ascii.toString();
    }
}
