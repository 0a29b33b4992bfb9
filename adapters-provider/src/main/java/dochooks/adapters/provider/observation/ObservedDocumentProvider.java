package dochooks.adapters.provider.observation;

import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The document protocol with each call logged and observed, outside the protections, so that calls refused
 * as busy or by an open circuit are counted too. The endpoint is the protocol's operation name.
 */
public final class ObservedDocumentProvider implements DocumentProviderPort {
    private final DocumentProviderPort delegate;
    private final CallRecorder recorder;

    public ObservedDocumentProvider(DocumentProviderPort delegate, ProviderCallObserver observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = new CallRecorder(observer);
    }

    private <T> Future<T> observed(ProviderCall call, String endpoint, Supplier<Future<T>> operation) {
        return recorder.record(call.integration().id(), endpoint, operation);
    }

    @Override
    public Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page) {
        return observed(call, "files", () -> delegate.files(call, parentId, page));
    }

    @Override
    public Future<Item> metadata(ProviderCall call, ProviderItemId id) {
        return observed(call, "metadata", () -> delegate.metadata(call, id));
    }

    @Override
    public Future<List<Item>> search(ProviderCall call, SearchQuery query) {
        return observed(call, "search", () -> delegate.search(call, query));
    }

    @Override
    public Future<ProviderBytes> download(ProviderCall call, ProviderItemId id) {
        return observed(call, "download", () -> delegate.download(call, id));
    }

    @Override
    public Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size) {
        return observed(call, "thumbnail", () -> delegate.thumbnail(call, id, size));
    }

    @Override
    public Future<Item> uploadInit(ProviderCall call, UploadTarget target) {
        return observed(call, "upload_init", () -> delegate.uploadInit(call, target));
    }

    @Override
    public Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length) {
        return observed(call, "upload", () -> delegate.upload(call, id, content, length));
    }

    @Override
    public Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name) {
        return observed(call, "create_folder", () -> delegate.createFolder(call, parentId, name));
    }

    @Override
    public Future<Void> rename(ProviderCall call, ProviderItemId id, String name) {
        return observed(call, "rename", () -> delegate.rename(call, id, name));
    }

    @Override
    public Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind) {
        return observed(call, "delete", () -> delegate.delete(call, id, kind));
    }

    @Override
    public Future<ServiceInfo> serviceInfo(ProviderCall call) {
        return observed(call, "service_info", () -> delegate.serviceInfo(call));
    }

    @Override
    public Future<Void> customAction(ProviderCall call, CustomActionRequest request) {
        return observed(call, "custom_action", () -> delegate.customAction(call, request));
    }
}
