package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.application.document.port.in.CreateFolderUseCase.CreateFolderCommand;
import dochooks.application.document.port.in.DeleteItemUseCase.DeleteItemCommand;
import dochooks.application.document.port.in.DownloadDocumentUseCase.DownloadQuery;
import dochooks.application.document.port.in.GetItemMetadataUseCase.ItemMetadataQuery;
import dochooks.application.document.port.in.GetServiceInfoUseCase.ServiceInfoQuery;
import dochooks.application.document.port.in.GetThumbnailUseCase.ThumbnailQuery;
import dochooks.application.document.port.in.ListFolderUseCase.ListFolderQuery;
import dochooks.application.document.port.in.RenameItemUseCase.RenameItemCommand;
import dochooks.application.document.port.in.RunCustomActionUseCase.CustomActionCommand;
import dochooks.application.document.port.in.SearchItemsUseCase.SearchItemsQuery;
import dochooks.application.document.port.in.TestIntegrationConnectionUseCase.TestIntegrationConnectionCommand;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The document routes (api.md 5) and the connection test (3.4), each parse -> use case -> render. Token and
 * role were checked before ({@link Admission}); failures go to the failure handler, which writes the problem.
 *
 * <p>The query records validate when they are built, before any use case runs; api.md answers "integration
 * not found" before "validation failed", so a query that does not validate is answered only once the
 * integration is known to exist for the caller.
 */
final class DocumentHandlers {
    static final String PATH = IntegrationHandlers.COLLECTION + "/{id}/documents/";

    private final DocumentUseCases useCases;
    private final ExistenceFirst inputs;
    private final MessageCatalog catalog;

    DocumentHandlers(DocumentUseCases useCases, ExistenceFirst inputs, MessageCatalog catalog) {
        this.useCases = useCases;
        this.inputs = inputs;
        this.catalog = catalog;
    }

    void files(RoutingContext ctx) {
        run(ctx, (id, params) -> new ListFolderQuery(id, params.text("parentId"), params.nonNegative("max"),
                        params.nonNegative("offset")),
                (caller, query) -> useCases.listFolder().listFolder(caller, query)
                        .onSuccess(items -> ctx.json(DocumentJson.items(items))));
    }

    void metadata(RoutingContext ctx) {
        run(ctx, (id, params) -> new ItemMetadataQuery(id, params.text("id")),
                (caller, query) -> useCases.metadata().metadata(caller, query)
                        .onSuccess(item -> ctx.json(DocumentJson.item(item))));
    }

    void search(RoutingContext ctx) {
        run(ctx, (id, params) -> new SearchItemsQuery(id, params.text("query"), params.text("parentId"),
                        params.nonNegative("max"), params.nonNegative("offset")),
                (caller, query) -> useCases.search().search(caller, query)
                        .onSuccess(items -> ctx.json(DocumentJson.items(items))));
    }

    void download(RoutingContext ctx) {
        run(ctx, (id, params) -> new DownloadQuery(id, params.text("id")),
                (caller, query) -> useCases.download().download(caller, query)
                        .onSuccess(bytes -> BytesRelay.download(ctx, bytes)));
    }

    void thumbnail(RoutingContext ctx) {
        run(ctx, (id, params) -> new ThumbnailQuery(id, params.text("id"), params.positive("size")),
                (caller, query) -> useCases.thumbnail().thumbnail(caller, query)
                        .onSuccess(bytes -> BytesRelay.thumbnail(ctx, bytes)));
    }

    void createFolder(RoutingContext ctx) {
        run(ctx, (id, params) -> new CreateFolderCommand(id, params.text("parentId"), params.text("name")),
                (caller, command) -> useCases.createFolder().createFolder(caller, command).onSuccess(item -> {
                    ctx.response().setStatusCode(201);
                    ctx.json(DocumentJson.item(item));
                }));
    }

    void rename(RoutingContext ctx) {
        run(ctx, (id, params) -> new RenameItemCommand(id, params.text("id"), params.text("name")),
                (caller, command) -> useCases.rename().rename(caller, command)
                        .onSuccess(renamed -> ctx.json(DocumentJson.success())));
    }

    void delete(RoutingContext ctx) {
        run(ctx, (id, params) -> new DeleteItemCommand(id, params.text("documentId"), params.text("folderId")),
                (caller, command) -> useCases.delete().delete(caller, command)
                        .onSuccess(deleted -> ctx.response().setStatusCode(204).end()));
    }

    void serviceInfo(RoutingContext ctx) {
        run(ctx, (id, params) -> new ServiceInfoQuery(id),
                (caller, query) -> useCases.serviceInfo().serviceInfo(caller, query)
                        .onSuccess(info -> ctx.json(DocumentJson.serviceInfo(info))));
    }

    void customAction(RoutingContext ctx) {
        run(ctx, (id, params) -> new CustomActionCommand(id, params.text("name"), params.text("documentId"),
                        params.text("documentVersionId")),
                (caller, command) -> useCases.customAction().customAction(caller, command)
                        .onSuccess(done -> ctx.json(DocumentJson.success())));
    }

    /**
     * {@code POST /api/v1/integrations/{id}/test} (admins; the role was checked at admission). Each check's detail
     * is in the caller's language.
     */
    void test(RoutingContext ctx) {
        Language language = Language.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        run(ctx, (id, params) -> new TestIntegrationConnectionCommand(id),
                (caller, command) -> useCases.testConnection().test(caller, command)
                        .onSuccess(report -> {
                            ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                                    .putHeader(HttpHeaders.VARY, "Accept-Language");
                            ctx.json(DocumentJson.report(report, detail -> catalog.check(detail, language)));
                        }));
    }

    /**
     * Parses the path and query into the use case's input, runs it and renders its result; any failure goes to
     * the failure handler.
     */
    private <Q> void run(RoutingContext ctx, Parser<Q> parser, Operation<Q> operation) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = IntegrationHandlers.pathId(ctx);
        QueryParameters params = new QueryParameters(ctx.queryParams());
        inputs.build(caller, id, () -> params.build(() -> parser.parse(id, params)))
                .compose(input -> operation.run(caller, input))
                .onFailure(ctx::fail);
    }

    /** Reads a route's input from its integration id and query parameters. */
    @FunctionalInterface
    interface Parser<Q> {
        Q parse(IntegrationId id, QueryParameters params);
    }

    /** Runs the use case and renders its success. */
    @FunctionalInterface
    private interface Operation<Q> {
        Future<?> run(Caller caller, Q input);
    }
}
