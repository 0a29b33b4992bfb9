package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.ListIntegrationsUseCase;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.out.ListIntegrationsPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

public final class ListIntegrationsService implements ListIntegrationsUseCase {
    private final ListIntegrationsPort list;

    public ListIntegrationsService(ListIntegrationsPort list) {
        this.list = list;
    }

    @Override
    public Future<IntegrationPage> list(Caller caller, ListIntegrationsQuery query) {
        Optional<IntegrationStatus> status = query.status();
        if (!caller.isAdmin()) {
            if (status.isPresent() && status.get() != IntegrationStatus.ENABLED) {
                return Future.succeededFuture(new IntegrationPage(List.of(), Optional.empty()));
            }
            status = Optional.of(IntegrationStatus.ENABLED); // disabled ones do not exist for users
        }
        // one more than asked tells whether a next page exists without a count query
        return list.list(caller.tenant(), status, query.after(), query.limit() + 1).map(found -> {
            if (found.size() <= query.limit()) {
                return new IntegrationPage(found, Optional.empty());
            }
            List<Integration> page = found.subList(0, query.limit());
            return new IntegrationPage(page, Optional.of(PageCursor.after(page.get(page.size() - 1))));
        });
    }
}
