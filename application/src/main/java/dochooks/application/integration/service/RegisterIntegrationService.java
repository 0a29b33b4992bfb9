package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.RegisterIntegrationUseCase;
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

public final class RegisterIntegrationService implements RegisterIntegrationUseCase {
    private final SaveIntegrationPort save;
    private final UrlPolicy urlPolicy;
    private final RedirectUri redirectUri;
    private final Clock clock;

    public RegisterIntegrationService(SaveIntegrationPort save, UrlPolicy urlPolicy, RedirectUri redirectUri,
            Clock clock) {
        this.save = save;
        this.urlPolicy = urlPolicy;
        this.redirectUri = redirectUri;
        this.clock = clock;
    }

    @Override
    public Future<Integration> register(Caller caller, RegisterIntegrationCommand command) {
        return IntegrationAccess.requireAdmin(caller).compose(allowed -> {
            List<FieldViolation> earlier = new ArrayList<>(command.earlierViolations());
            earlier.addAll(ReadOnlyFields.violations(command.readOnlyEchoes(), null, redirectUri));
            IntegrationSettings settings = IntegrationSettings.from(command.form(), urlPolicy, null, earlier);
            Integration integration = Integration.register(caller.tenant(), settings, clock.instant());
            return save.insert(integration).map(integration);
        });
    }
}
