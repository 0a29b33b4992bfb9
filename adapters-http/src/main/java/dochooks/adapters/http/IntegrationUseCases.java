package dochooks.adapters.http;

import dochooks.application.integration.port.in.ChangeIntegrationStatusUseCase;
import dochooks.application.integration.port.in.DeleteIntegrationUseCase;
import dochooks.application.integration.port.in.GetIntegrationUseCase;
import dochooks.application.integration.port.in.ListIntegrationsUseCase;
import dochooks.application.integration.port.in.RegisterIntegrationUseCase;
import dochooks.application.integration.port.in.ReplaceIntegrationUseCase;
import java.util.Objects;

/** The registry's use cases, as the HTTP API calls them. */
public record IntegrationUseCases(RegisterIntegrationUseCase register, ListIntegrationsUseCase list,
        GetIntegrationUseCase get, ReplaceIntegrationUseCase replace, ChangeIntegrationStatusUseCase changeStatus,
        DeleteIntegrationUseCase delete) {

    public IntegrationUseCases {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(replace, "replace");
        Objects.requireNonNull(changeStatus, "changeStatus");
        Objects.requireNonNull(delete, "delete");
    }
}
