package dochooks.application.document.port.out;

import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.Optional;

/**
 * The document webhooks protocol, one method per provider endpoint. Each call goes to the integration's base
 * API URL with the integration's request parameters and the call's credential ({@code serviceInfo} excepted,
 * which never sends one).
 *
 * <p>Every returned Future fails only with these {@link dochooks.application.error.ApplicationException}s:
 * <ul>
 *   <li>{@link dochooks.application.error.ProviderForbiddenException}: the provider answered 401 or 403;</li>
 *   <li>{@link dochooks.application.error.ProviderNotFoundException}: it answered 404;</li>
 *   <li>{@link dochooks.application.error.ProviderErrorException}: another status, or a failure body
 *       ({@code {"status":"error"|"failure"}}, {@code {"result":"fail"}}) with any status;</li>
 *   <li>{@link dochooks.application.error.ProviderBadResponseException}: an answer that does not parse or
 *       breaks the protocol's shapes, a JSON answer over the size cap (16 MiB by default), a wrong status for
 *       bytes;</li>
 *   <li>{@link dochooks.application.error.ProviderTimeoutException}: no complete JSON answer within the
 *       deadline; for bytes, no connection or silence that long;</li>
 *   <li>{@link dochooks.application.error.ProviderUnreachableException}: DNS, refused connection, TLS;</li>
 *   <li>{@link dochooks.application.error.ProviderAddressBlockedException}: the egress policy refused the
 *       provider's address; nothing was sent;</li>
 *   <li>{@link dochooks.application.error.ProviderBusyException}: too many calls to the integration (or
 *       streams, or connections to its host) are in flight; nothing was sent;</li>
 *   <li>{@link dochooks.application.error.ProviderCircuitOpenException}: the integration's provider failed
 *       repeatedly and is not called for a while; nothing was sent.</li>
 * </ul>
 *
 * <p>Reads ({@code files}, {@code metadata}, {@code search}, {@code serviceInfo}, and the opening of
 * {@code download}/{@code thumbnail}) may be retried by the implementation on connection failures and
 * 502/503/504; writes are sent at most once.
 */
public interface DocumentProviderPort {

    /** {@code GET /files}: the direct children of a folder ({@code max}/{@code offset} passed when given). */
    Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page);

    /** {@code GET /metadata}: one file or folder. */
    Future<Item> metadata(ProviderCall call, ProviderItemId id);

    /** {@code GET /search}: files and folders matching the query, as the provider defines matching. */
    Future<List<Item>> search(ProviderCall call, SearchQuery query);

    /** {@code GET /download}: a document's bytes (a 200 or 201 answer), streamed. */
    Future<ProviderBytes> download(ProviderCall call, ProviderItemId id);

    /** {@code GET /thumbnail}: a thumbnail's bytes, {@code size} (a width) sent when not null. */
    Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size);

    /**
     * {@code POST /uploadInit}, the first step of an upload: creates the file record and answers its item,
     * whose id then goes to {@link #upload}. Pause the content stream before this call if it is already flowing.
     */
    Future<Item> uploadInit(ProviderCall call, UploadTarget target);

    /**
     * {@code PUT /upload?id=}, the second step: streams {@code content} as the request body
     * ({@code Content-Type: application/octet-stream}, {@code Content-Length} when {@code length} is given),
     * with back-pressure. Succeeds only when the provider answers {@code {"result":"success"}}. If the content
     * stream fails, the provider request is reset (never ended cleanly, so a partial file cannot pass for a
     * whole one) and the Future fails with the content stream's own failure.
     */
    Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length);

    /**
     * {@code POST /createFolder}: the new folder's item, or empty when the provider answered only
     * {@code {"status":"success"}} or an empty 2xx, which the protocol also allows.
     */
    Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name);

    /** {@code PUT /rename}: succeeds on {@code {"status":"success"}} or an empty 2xx. */
    Future<Void> rename(ProviderCall call, ProviderItemId id, String name);

    /**
     * {@code PUT /delete}: sends {@code documentId} for a file, {@code folderId} for a folder (which the provider
     * deletes with its content); succeeds on {@code {"status":"success"}} or an empty 2xx.
     */
    Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind);

    /** {@code GET /serviceInfo}, always without credentials, whatever {@code call} carries. */
    Future<ServiceInfo> serviceInfo(ProviderCall call);

    /** {@code GET /customAction}: succeeds on {@code {"status":"success"}} or an empty 2xx. */
    Future<Void> customAction(ProviderCall call, CustomActionRequest request);
}
