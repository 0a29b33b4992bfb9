package dochooks.application.connection.port.out;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Users' connections to OAuth2 integrations, tokens encrypted at rest, every call scoped to the key's tenant.
 * Futures fail with {@link dochooks.application.error.DatabaseUnavailableException} when storage does not
 * answer. Refreshing stored tokens goes through {@link RefreshLeasePort}.
 */
public interface ConnectionStorePort {

    /** The stored connection, or empty when the user has none to that integration. */
    Future<Optional<UserConnection>> find(ConnectionKey key);

    /**
     * Stores {@code connection} in place of any earlier one of the same key (a user connecting again heals a
     * connection that needed reauthorization), and frees a refresh lease held on the earlier one. Fails with
     * {@link dochooks.application.error.IntegrationNotFoundException} when the integration is gone.
     */
    Future<Void> save(UserConnection connection);

    /** Deletes the connection and its tokens; true when there was one. */
    Future<Boolean> delete(ConnectionKey key);
}
