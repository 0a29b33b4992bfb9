package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * An admin checks that an integration's provider answers the way users will need it to
 * ({@code POST /api/v1/integrations/{id}/test}, api.md 3.4). Works on disabled integrations too. The test
 * only reads: it never changes provider data and never sends a grant to the token endpoint (an OAuth2 call
 * that is refused is reported, not refreshed).
 *
 * <p>ApiKey: {@code serviceInfo} without credentials (a 404 passes: the endpoint is optional), {@code files} of
 * {@code /} with the key and the admin's username, {@code metadata} of the first file listed (skipped, passing,
 * when there is none). OAuth2: {@code serviceInfo}; a plain {@code GET} of the authentication URL and of the
 * token endpoint URL (any HTTP answer passes); then {@code files} and {@code metadata} with the admin's own
 * connection, or, without one, a failed {@code connection} check saying so. A step after a failed
 * {@code files} is not run.
 */
public interface TestIntegrationConnectionUseCase {

    record TestIntegrationConnectionCommand(IntegrationId integrationId) {
        public TestIntegrationConnectionCommand {
            Objects.requireNonNull(integrationId, "integrationId");
        }
    }

    /**
     * The report. Fails only with ForbiddenException (not an admin), IntegrationNotFoundException or
     * DatabaseUnavailableException; provider failures are failed checks.
     */
    Future<ConnectionTestReport> test(Caller caller, TestIntegrationConnectionCommand command);
}
