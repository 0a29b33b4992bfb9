package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.integration.port.in.DeleteIntegrationUseCase;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import io.vertx.core.Future;

public final class DeleteIntegrationService implements DeleteIntegrationUseCase {
    private final IntegrationAccess access;
    private final DeleteIntegrationPort delete;

    public DeleteIntegrationService(LoadIntegrationPort load, DeleteIntegrationPort delete) {
        this.access = new IntegrationAccess(load);
        this.delete = delete;
    }

    @Override
    public Future<Void> delete(Caller caller, DeleteIntegrationCommand command) {
        return IntegrationAccess.requireAdmin(caller)
                .compose(allowed -> access.loadVisible(caller, command.id()))
                .compose(current -> IntegrationAccess.checkPrecondition(current, command.ifMatch()))
                .compose(current -> delete.delete(caller.tenant(), current.id()))
                .compose(deleted -> deleted
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture(new IntegrationNotFoundException("no integration " + command.id())));
    }
}
