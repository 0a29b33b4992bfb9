package dochooks.application.integration.port.out;

import dochooks.domain.integration.Integration;
import io.vertx.core.Future;

/** Writes integrations; the storage enforces name uniqueness and versions, so races end cleanly. */
public interface SaveIntegrationPort {

    /** Stores a new integration. Fails with {@link dochooks.application.error.NameTakenException} on a name clash. */
    Future<Void> insert(Integration integration);

    /**
     * Replaces the stored integration by {@code next} if its stored version is still {@code expectedVersion},
     * and deletes every user connection to it, and every authorization under way to it, in the same transaction
     * when {@code dropConnections} (they were made with the old client or provider).
     * Fails with {@link dochooks.application.error.VersionConflictException} when the version moved,
     * {@link dochooks.application.error.IntegrationNotFoundException} when it is gone, and
     * {@link dochooks.application.error.NameTakenException} on a name clash.
     */
    Future<Void> update(Integration next, long expectedVersion, boolean dropConnections);
}
