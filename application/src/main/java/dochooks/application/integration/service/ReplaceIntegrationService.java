package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.ReplaceIntegrationUseCase;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.validation.FieldViolation;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

public final class ReplaceIntegrationService implements ReplaceIntegrationUseCase {
    private final IntegrationAccess access;
    private final SaveIntegrationPort save;
    private final UrlPolicy urlPolicy;
    private final RedirectUri redirectUri;
    private final Clock clock;

    public ReplaceIntegrationService(LoadIntegrationPort load, SaveIntegrationPort save, UrlPolicy urlPolicy,
            RedirectUri redirectUri, Clock clock) {
        this.access = new IntegrationAccess(load);
        this.save = save;
        this.urlPolicy = urlPolicy;
        this.redirectUri = redirectUri;
        this.clock = clock;
    }

    @Override
    public Future<Integration> replace(Caller caller, ReplaceIntegrationCommand command) {
        return IntegrationAccess.requireAdmin(caller)
                .compose(allowed -> ConflictRetry.run(command.ifMatch(), () -> attempt(caller, command)));
    }

    private Future<Integration> attempt(Caller caller, ReplaceIntegrationCommand command) {
        return access.loadVisible(caller, command.id())
                .compose(current -> IntegrationAccess.checkPrecondition(current, command.ifMatch()))
                .compose(current -> {
                    List<FieldViolation> earlier = new ArrayList<>(command.earlierViolations());
                    earlier.addAll(ReadOnlyFields.violations(command.readOnlyEchoes(), current, redirectUri));
                    IntegrationSettings next = IntegrationSettings.from(command.form(), urlPolicy, current, earlier);
                    Integration replaced = current.replacedBy(next, clock.instant());
                    if (replaced == current) {
                        return Future.succeededFuture(current);
                    }
                    boolean dropConnections = !current.keepsConnectionsUnder(next);
                    return save.update(replaced, current.version(), dropConnections).map(replaced);
                });
    }
}
