package dochooks.application.document.testing;

import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.ProviderCredential;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A hand-written provider that records every call (endpoint, call context, arguments) and answers with
 * completed futures: by default a plausible success, or what a test scripted per endpoint.
 */
public final class FakeDocumentProvider implements DocumentProviderPort {

    /** One recorded call; {@code arguments} are the port method's arguments after the call context. */
    public record Call(ProviderEndpoint endpoint, ProviderCall call, List<Object> arguments) {

        /** The bearer token sent, or null. */
        public String bearerToken() {
            return call.credential() instanceof ProviderCredential.Bearer bearer ? bearer.accessToken().reveal() : null;
        }

        /** The username sent with an API key, or null. */
        public String apiKeyUsername() {
            return call.credential() instanceof ProviderCredential.ApiKey key ? key.username() : null;
        }

        public boolean anonymous() {
            return call.credential() instanceof ProviderCredential.None;
        }

        public Object argument(int index) {
            return arguments.get(index);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<ProviderEndpoint, Function<Call, Future<?>>> responders = new EnumMap<>(ProviderEndpoint.class);
    private final List<Buffer> uploaded = new ArrayList<>();

    /** Answers calls to {@code endpoint} with what {@code responder} returns for each. */
    public FakeDocumentProvider answer(ProviderEndpoint endpoint, Function<Call, Future<?>> responder) {
        responders.put(endpoint, responder);
        return this;
    }

    /** Answers every call to {@code endpoint} with {@code value}. */
    public FakeDocumentProvider succeedWith(ProviderEndpoint endpoint, Object value) {
        return answer(endpoint, call -> Future.succeededFuture(value));
    }

    /** Fails every call to {@code endpoint} with {@code failure}. */
    public FakeDocumentProvider failWith(ProviderEndpoint endpoint, Throwable failure) {
        return answer(endpoint, call -> Future.failedFuture(failure));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(ProviderEndpoint endpoint) {
        return calls.stream().filter(c -> c.endpoint() == endpoint).toList();
    }

    /** The endpoints called, in order. */
    public List<ProviderEndpoint> endpointsCalled() {
        return calls.stream().map(Call::endpoint).toList();
    }

    /** The bytes the default {@code /upload} answer read from the content stream. */
    public String uploadedText() {
        Buffer all = Buffer.buffer();
        uploaded.forEach(all::appendBuffer);
        return all.toString();
    }

    /** What the provider answers when the test scripted nothing for the endpoint: a plausible success. */
    public Future<?> byDefault(Call call) {
        List<Object> args = call.arguments();
        return switch (call.endpoint()) {
            case FILES, SEARCH -> Future.succeededFuture(List.of());
            case METADATA -> Future.succeededFuture(Items.file(((ProviderItemId) args.get(0)).value(), "doc"));
            case DOWNLOAD -> Future.succeededFuture(bytes("content"));
            case THUMBNAIL -> Future.succeededFuture(bytes("png"));
            case UPLOAD_INIT -> Future.succeededFuture(Items.file("new-file", ((UploadTarget) args.get(0)).filename()));
            case UPLOAD -> drain(uncheckedStream(args.get(1)));
            case CREATE_FOLDER -> Future.succeededFuture(Optional.of(Items.folder("new-folder", (String) args.get(1))));
            case SERVICE_INFO -> Future.succeededFuture(
                    new ServiceInfo("1.2", "1.0", "Acme", List.of("files"), List.of()));
            case RENAME, DELETE, CUSTOM_ACTION -> Future.succeededFuture();
        };
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> record(ProviderEndpoint endpoint, ProviderCall call, Object... arguments) {
        Call recorded = new Call(endpoint, call, Arrays.asList(arguments));
        calls.add(recorded);
        return (Future<T>) responders.getOrDefault(endpoint, this::byDefault).apply(recorded);
    }

    @SuppressWarnings("unchecked")
    private static ReadStream<Buffer> uncheckedStream(Object argument) {
        return (ReadStream<Buffer>) argument;
    }

    @Override
    public Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page) {
        return record(ProviderEndpoint.FILES, call, parentId, page);
    }

    @Override
    public Future<Item> metadata(ProviderCall call, ProviderItemId id) {
        return record(ProviderEndpoint.METADATA, call, id);
    }

    @Override
    public Future<List<Item>> search(ProviderCall call, SearchQuery query) {
        return record(ProviderEndpoint.SEARCH, call, query);
    }

    @Override
    public Future<ProviderBytes> download(ProviderCall call, ProviderItemId id) {
        return record(ProviderEndpoint.DOWNLOAD, call, id);
    }

    @Override
    public Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size) {
        return record(ProviderEndpoint.THUMBNAIL, call, id, size);
    }

    @Override
    public Future<Item> uploadInit(ProviderCall call, UploadTarget target) {
        return record(ProviderEndpoint.UPLOAD_INIT, call, target);
    }

    @Override
    public Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length) {
        return record(ProviderEndpoint.UPLOAD, call, id, content, length);
    }

    @Override
    public Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name) {
        return record(ProviderEndpoint.CREATE_FOLDER, call, parentId, name);
    }

    @Override
    public Future<Void> rename(ProviderCall call, ProviderItemId id, String name) {
        return record(ProviderEndpoint.RENAME, call, id, name);
    }

    @Override
    public Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind) {
        return record(ProviderEndpoint.DELETE, call, id, kind);
    }

    @Override
    public Future<ServiceInfo> serviceInfo(ProviderCall call) {
        return record(ProviderEndpoint.SERVICE_INFO, call);
    }

    @Override
    public Future<Void> customAction(ProviderCall call, CustomActionRequest request) {
        return record(ProviderEndpoint.CUSTOM_ACTION, call, request);
    }

    /** Reads the whole stream, as a provider receiving the bytes would. */
    private Future<Void> drain(ReadStream<Buffer> content) {
        Promise<Void> received = Promise.promise();
        content.exceptionHandler(received::tryFail);
        content.endHandler(v -> received.tryComplete());
        content.handler(uploaded::add);
        content.resume();
        return received.future();
    }

    private static ProviderBytes bytes(String text) {
        return new ProviderBytes("application/octet-stream", (long) text.length(), null,
                new MemoryReadStream(text), () -> { });
    }
}
