package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.ChangeIntegrationStatusUseCase;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.time.Clock;

public final class ChangeIntegrationStatusService implements ChangeIntegrationStatusUseCase {
    private final IntegrationAccess access;
    private final SaveIntegrationPort save;
    private final Clock clock;

    public ChangeIntegrationStatusService(LoadIntegrationPort load, SaveIntegrationPort save, Clock clock) {
        this.access = new IntegrationAccess(load);
        this.save = save;
        this.clock = clock;
    }

    @Override
    public Future<Integration> changeStatus(Caller caller, ChangeIntegrationStatusCommand command) {
        return IntegrationAccess.requireAdmin(caller)
                .compose(allowed -> ConflictRetry.run(command.ifMatch(), () -> attempt(caller, command)));
    }

    private Future<Integration> attempt(Caller caller, ChangeIntegrationStatusCommand command) {
        return access.loadVisible(caller, command.id())
                .compose(current -> IntegrationAccess.checkPrecondition(current, command.ifMatch()))
                .compose(current -> {
                    Integration changed = current.withStatus(command.status(), clock.instant());
                    if (changed == current) {
                        return Future.succeededFuture(current); // idempotent: no change, no new version
                    }
                    return save.update(changed, current.version(), false).map(changed);
                });
    }
}
