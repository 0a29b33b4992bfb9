package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.application.document.port.in.UploadDocumentUseCase;
import dochooks.application.document.port.in.UploadDocumentUseCase.UploadDocumentCommand;
import dochooks.domain.integration.IntegrationId;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST .../documents/upload}: the request body, raw bytes of any type, is streamed into the use case
 * (never buffered: no body handler), with its {@code Content-Length} when the client declared one. The answer,
 * 201 with the new item, comes only after the provider confirmed the whole file.
 *
 * <p>When the upload fails before the body was read to its end (refused query, unknown integration, a
 * provider that refused {@code /uploadInit} or failed midway), the problem is answered and the connection
 * closed, with a short bounded drain of what the client still sends ({@link UnreadBody}), rather than reading
 * a possibly huge body for nothing. A client that goes away mid-upload fails the body stream, which resets the
 * provider request; there is nobody left to answer.
 */
final class UploadHandler {
    private final UploadDocumentUseCase upload;
    private final ExistenceFirst inputs;

    UploadHandler(UploadDocumentUseCase upload, ExistenceFirst inputs) {
        this.upload = upload;
        this.inputs = inputs;
    }

    void upload(RoutingContext ctx) {
        UploadBody body = new UploadBody(ctx.request());
        try {
            Caller caller = Admission.caller(ctx);
            IntegrationId id = IntegrationHandlers.pathId(ctx);
            QueryParameters params = new QueryParameters(ctx.queryParams());
            inputs.build(caller, id, () -> params.build(() -> new UploadDocumentCommand(id, params.text("filename"),
                            params.text("parentId"), params.text("documentId"), params.text("documentVersionId"), body,
                            body.declaredLength())))
                    .compose(command -> upload.upload(caller, command))
                    .onSuccess(item -> {
                        ctx.response().setStatusCode(201);
                        ctx.json(DocumentJson.item(item));
                    })
                    .onFailure(failure -> fail(ctx, body, failure));
        } catch (RuntimeException refused) {
            fail(ctx, body, refused);
        }
    }

    private static void fail(RoutingContext ctx, UploadBody body, Throwable failure) {
        if (ctx.response().closed()) {
            return; // the client went away mid-upload: the provider request was reset, nobody is left to answer
        }
        UnreadBody.discardThenClose(ctx, body.awaitingContinue());
        ctx.fail(failure);
    }
}
