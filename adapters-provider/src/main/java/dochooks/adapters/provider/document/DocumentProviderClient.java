package dochooks.adapters.provider.document;

import dochooks.adapters.provider.BufferedAnswer;
import dochooks.adapters.provider.OutboundHttpClient;
import dochooks.adapters.provider.OutboundRequest;
import dochooks.adapters.provider.StreamedAnswer;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The document webhooks protocol over the {@link OutboundHttpClient}, as dochooks speaks it (protocol
 * section 11): strict in what it sends, lenient in what it reads. See {@link DocumentProviderPort} for
 * the outcomes.
 */
public final class DocumentProviderClient implements DocumentProviderPort {
    /** How much of a failed byte answer is read for its error text. */
    static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final OutboundHttpClient http;

    public DocumentProviderClient(OutboundHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page) {
        Page paging = page == null ? Page.ALL : page;
        ProviderQuery query = new ProviderQuery().with("parentId", parentId.value())
                .with("max", paging.max()).with("offset", paging.offset());
        return json(call, ProviderEndpoint.FILES, query, WireItems::items);
    }

    @Override
    public Future<Item> metadata(ProviderCall call, ProviderItemId id) {
        return json(call, ProviderEndpoint.METADATA, new ProviderQuery().with("id", id.value()), WireItems::item);
    }

    @Override
    public Future<List<Item>> search(ProviderCall call, SearchQuery search) {
        ProviderQuery query = new ProviderQuery().with("query", search.text())
                .with("parentId", search.parentId() == null ? null : search.parentId().value())
                .with("max", search.page().max()).with("offset", search.page().offset());
        return json(call, ProviderEndpoint.SEARCH, query, WireItems::items);
    }

    @Override
    public Future<ProviderBytes> download(ProviderCall call, ProviderItemId id) {
        return bytes(call, ProviderEndpoint.DOWNLOAD, new ProviderQuery().with("id", id.value()));
    }

    @Override
    public Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size) {
        return bytes(call, ProviderEndpoint.THUMBNAIL, new ProviderQuery().with("id", id.value()).with("size", size));
    }

    @Override
    public Future<Item> uploadInit(ProviderCall call, UploadTarget target) {
        ProviderQuery query = new ProviderQuery().with("parentId", target.parentId().value())
                .with("filename", target.filename()).with("documentId", target.documentId())
                .with("documentVersionId", target.documentVersionId());
        return json(call, ProviderEndpoint.UPLOAD_INIT, query, WireItems::item);
    }

    @Override
    public Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length) {
        OutboundRequest request = ProviderRequests.request(call, ProviderEndpoint.UPLOAD,
                new ProviderQuery().with("id", id.value()), ProviderRequests.JSON)
                .withHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/octet-stream");
        return http.send(request, content, length).map(answer -> {
            Object json = WireAnswers.json(answer.status(), answer.headers(), answer.body(), call.secretsToMask());
            if (json instanceof JsonObject object && WireAnswers.isSuccess(object, "result")) {
                return null;
            }
            throw new ProviderBadResponseException(answer.status(), "the provider did not confirm the upload");
        });
    }

    @Override
    public Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name) {
        ProviderQuery query = new ProviderQuery().with("parentId", parentId.value()).with("name", name);
        return json(call, ProviderEndpoint.CREATE_FOLDER, query, (json, status) -> {
            if (json instanceof JsonObject object && WireItems.looksLikeItem(object)) {
                return Optional.of(WireItems.item(object, status));
            }
            requireStatusSuccess(json, status);
            return Optional.empty();
        });
    }

    @Override
    public Future<Void> rename(ProviderCall call, ProviderItemId id, String name) {
        return json(call, ProviderEndpoint.RENAME, new ProviderQuery().with("id", id.value()).with("name", name),
                DocumentProviderClient::requireStatusSuccess);
    }

    @Override
    public Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind) {
        String parameter = kind == ItemKind.FOLDER ? "folderId" : "documentId";
        return json(call, ProviderEndpoint.DELETE, new ProviderQuery().with(parameter, id.value()),
                DocumentProviderClient::requireStatusSuccess);
    }

    @Override
    public Future<ServiceInfo> serviceInfo(ProviderCall call) {
        return json(call, ProviderEndpoint.SERVICE_INFO, new ProviderQuery(), WireServiceInfo::read);
    }

    @Override
    public Future<Void> customAction(ProviderCall call, CustomActionRequest request) {
        ProviderQuery query = new ProviderQuery().with("name", request.name())
                .with("documentId", request.documentId()).with("documentVersionId", request.documentVersionId());
        return json(call, ProviderEndpoint.CUSTOM_ACTION, query, DocumentProviderClient::requireStatusSuccess);
    }

    /** A JSON call: the answer mapped by {@link WireAnswers}, then read by {@code reader}. */
    private <T> Future<T> json(ProviderCall call, ProviderEndpoint endpoint, ProviderQuery query, WireReader<T> reader) {
        OutboundRequest request = ProviderRequests.request(call, endpoint, query, ProviderRequests.JSON);
        return http.exchange(request).map(answer -> reader.read(
                WireAnswers.json(answer.status(), answer.headers(), answer.body(), call.secretsToMask()),
                answer.status()));
    }

    /** Bytes: 200 or 201 streams; anything else is read (a little) for its error and mapped. */
    private Future<ProviderBytes> bytes(ProviderCall call, ProviderEndpoint endpoint, ProviderQuery query) {
        OutboundRequest request = ProviderRequests.request(call, endpoint, query, "*/*");
        return http.open(request).compose(answer -> {
            if (answer.status() == 200 || answer.status() == 201) {
                return Future.succeededFuture(toBytes(answer));
            }
            return answer.readAtMost(MAX_ERROR_BODY_BYTES).map(errorBody -> {
                BufferedAnswer failed = new BufferedAnswer(answer.status(), answer.headers(), errorBody);
                WireAnswers.rejectFailures(failed.status(), failed.headers(), WireJson.parse(errorBody), errorBody,
                        call.secretsToMask());
                throw new ProviderBadResponseException(failed.status(),
                        "the provider answered " + failed.status() + " instead of the bytes");
            });
        });
    }

    private static ProviderBytes toBytes(StreamedAnswer answer) {
        String length = answer.headers().get(HttpHeaders.CONTENT_LENGTH);
        Long contentLength = null;
        if (length != null && !length.isEmpty() && length.length() < 19 && length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            contentLength = Long.parseLong(length);
        }
        return new ProviderBytes(answer.headers().get(HttpHeaders.CONTENT_TYPE), contentLength,
                ContentDisposition.fileName(answer.headers().get("Content-Disposition")), answer.body(), answer::abort);
    }

    /** {@code {"status":"success"}} (or {@code "result"}) or an empty body; anything else is a bad response. */
    private static Void requireStatusSuccess(Object json, int status) {
        if (json == WireJson.EMPTY) {
            return null;
        }
        if (json instanceof JsonObject object && (WireAnswers.isSuccess(object, "status") || WireAnswers.isSuccess(object, "result"))) {
            return null;
        }
        throw new ProviderBadResponseException(status, "the provider's answer is neither a success nor a failure");
    }

    /** Reads a parsed 2xx JSON answer into the endpoint's result, or throws a provider failure. */
    @FunctionalInterface
    private interface WireReader<T> {
        T read(Object json, int status);
    }
}
