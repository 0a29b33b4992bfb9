package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.ChangeIntegrationStatusUseCase.ChangeIntegrationStatusCommand;
import dochooks.application.integration.port.in.DeleteIntegrationUseCase.DeleteIntegrationCommand;
import dochooks.application.integration.port.in.IfMatch;
import dochooks.application.integration.port.in.ListIntegrationsUseCase.IntegrationPage;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.in.RegisterIntegrationUseCase.RegisterIntegrationCommand;
import dochooks.application.integration.port.in.ReplaceIntegrationUseCase.ReplaceIntegrationCommand;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The registry's routes (api.md 3.2), each parse -> use case -> render. Token, role and body checks ran
 * before (see {@link Admission}); a failure goes to the failure handler, which writes the problem.
 */
final class IntegrationHandlers {
    static final String COLLECTION = "/api/v1/integrations";

    private final IntegrationUseCases useCases;
    private final IntegrationJson json;

    IntegrationHandlers(IntegrationUseCases useCases, IntegrationJson json) {
        this.useCases = useCases;
        this.json = json;
    }

    void register(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationInput input = IntegrationInput.from(JsonBody.of(ctx));
        useCases.register()
                .register(caller, new RegisterIntegrationCommand(input.form(), input.readOnlyEchoes(), input.violations()))
                .onSuccess(created -> {
                    ctx.response().putHeader(HttpHeaders.LOCATION, COLLECTION + "/" + created.id());
                    respond(ctx, 201, created, caller);
                })
                .onFailure(ctx::fail);
    }

    void list(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        useCases.list().list(caller, ListQuery.parse(ctx.queryParams()))
                .onSuccess(page -> ctx.json(pageJson(page, caller)))
                .onFailure(ctx::fail);
    }

    void get(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = pathId(ctx);
        useCases.get().get(caller, id)
                .onSuccess(found -> respond(ctx, 200, found, caller))
                .onFailure(ctx::fail);
    }

    void replace(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationInput input = IntegrationInput.from(JsonBody.of(ctx));
        IfMatch ifMatch = ifMatch(ctx);
        IntegrationId id = pathId(ctx);
        useCases.replace()
                .replace(caller, new ReplaceIntegrationCommand(id, ifMatch, input.form(), input.readOnlyEchoes(),
                        input.violations()))
                .onSuccess(replaced -> respond(ctx, 200, replaced, caller))
                .onFailure(ctx::fail);
    }

    void enable(RoutingContext ctx) {
        changeStatus(ctx, IntegrationStatus.ENABLED);
    }

    void disable(RoutingContext ctx) {
        changeStatus(ctx, IntegrationStatus.DISABLED);
    }

    private void changeStatus(RoutingContext ctx, IntegrationStatus status) {
        Caller caller = Admission.caller(ctx);
        IfMatch ifMatch = ifMatch(ctx);
        IntegrationId id = pathId(ctx);
        useCases.changeStatus().changeStatus(caller, new ChangeIntegrationStatusCommand(id, status, ifMatch))
                .onSuccess(changed -> respond(ctx, 200, changed, caller))
                .onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IfMatch ifMatch = ifMatch(ctx);
        IntegrationId id = pathId(ctx);
        useCases.delete().delete(caller, new DeleteIntegrationCommand(id, ifMatch))
                .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void respond(RoutingContext ctx, int status, Integration integration, Caller caller) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.ETAG, IntegrationJson.etag(integration));
        ctx.json(json.render(integration, caller));
    }

    private JsonObject pageJson(IntegrationPage page, Caller caller) {
        JsonArray items = new JsonArray();
        page.items().forEach(integration -> items.add(json.render(integration, caller)));
        return new JsonObject()
                .put("items", items)
                .put("nextCursor", page.next().map(PageCursor::encode).orElse(null));
    }

    /** A malformed If-Match is a malformed request: it answers before the integration is looked up. */
    private static IfMatch ifMatch(RoutingContext ctx) {
        return IfMatchHeader.parse(ctx.request().headers().getAll(IfMatchHeader.NAME));
    }

    /** A path id that is no UUID names no integration: the same 404 as a missing one. */
    static IntegrationId pathId(RoutingContext ctx) {
        return IntegrationId.parse(ctx.pathParam("id"))
                .orElseThrow(() -> Problem.of(ProblemType.INTEGRATION_NOT_FOUND).asException());
    }
}
