package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationForm;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.FieldViolation;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * An admin replaces the editable fields of an integration (PUT): an omitted secret is kept unless the
 * auth type or a URL's origin changes; connections are dropped when they would no longer be valid.
 */
public interface ReplaceIntegrationUseCase {

    record ReplaceIntegrationCommand(IntegrationId id, IfMatch ifMatch, IntegrationForm form,
            Map<String, String> readOnlyEchoes, List<FieldViolation> earlierViolations) {
        public ReplaceIntegrationCommand {
            readOnlyEchoes = Map.copyOf(readOnlyEchoes);
            earlierViolations = List.copyOf(earlierViolations);
        }
    }

    /**
     * The integration after the change (the same version when nothing changed). Fails, in this order of
     * checks, with ForbiddenException, IntegrationNotFoundException, PreconditionFailedException,
     * ValidationException, NameTakenException.
     */
    Future<Integration> replace(Caller caller, ReplaceIntegrationCommand command);
}
