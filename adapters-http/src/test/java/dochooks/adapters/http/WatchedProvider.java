package dochooks.adapters.http;

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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real provider client, unchanged, with a window on the {@code /upload} transfers it started: a test can
 * check that each one came to an end (succeeded or failed) instead of waiting forever on a source that is gone.
 */
final class WatchedProvider implements DocumentProviderPort {
    private final DocumentProviderPort real;
    private final List<Future<Void>> uploads = new CopyOnWriteArrayList<>();

    WatchedProvider(DocumentProviderPort real) {
        this.real = real;
    }

    /** The transfers started so far, in order. */
    List<Future<Void>> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length) {
        Future<Void> upload = real.upload(call, id, content, length);
        uploads.add(upload);
        return upload;
    }

    @Override
    public Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page) {
        return real.files(call, parentId, page);
    }

    @Override
    public Future<Item> metadata(ProviderCall call, ProviderItemId id) {
        return real.metadata(call, id);
    }

    @Override
    public Future<List<Item>> search(ProviderCall call, SearchQuery query) {
        return real.search(call, query);
    }

    @Override
    public Future<ProviderBytes> download(ProviderCall call, ProviderItemId id) {
        return real.download(call, id);
    }

    @Override
    public Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size) {
        return real.thumbnail(call, id, size);
    }

    @Override
    public Future<Item> uploadInit(ProviderCall call, UploadTarget target) {
        return real.uploadInit(call, target);
    }

    @Override
    public Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name) {
        return real.createFolder(call, parentId, name);
    }

    @Override
    public Future<Void> rename(ProviderCall call, ProviderItemId id, String name) {
        return real.rename(call, id, name);
    }

    @Override
    public Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind) {
        return real.delete(call, id, kind);
    }

    @Override
    public Future<ServiceInfo> serviceInfo(ProviderCall call) {
        return real.serviceInfo(call);
    }

    @Override
    public Future<Void> customAction(ProviderCall call, CustomActionRequest request) {
        return real.customAction(call, request);
    }
}
