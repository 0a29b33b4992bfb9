package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Any user lists the company's integrations; non-admins see only enabled ones. */
public interface ListIntegrationsUseCase {
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    record ListIntegrationsQuery(Optional<IntegrationStatus> status, int limit, Optional<PageCursor> after) {
        public ListIntegrationsQuery {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ValidationException.of("limit", Rule.INTEGER_RANGE, 1, MAX_LIMIT);
            }
        }
    }

    /** One page; {@code next} is present when more may follow. */
    record IntegrationPage(List<Integration> items, Optional<PageCursor> next) {
        public IntegrationPage {
            items = List.copyOf(items);
        }
    }

    Future<IntegrationPage> list(Caller caller, ListIntegrationsQuery query);
}
