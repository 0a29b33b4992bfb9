package dochooks.domain.connection;

/**
 * Where a user's connection to an OAuth2 integration stands (api.md section 4). ApiKey integrations need no
 * connection of their own and always count as {@link #CONNECTED}.
 */
public enum ConnectionState {
    /** The user authorized dochooks and holds tokens that may be used (and refreshed). */
    CONNECTED,
    /** The user never connected, or disconnected: there are no tokens. */
    NOT_CONNECTED,
    /** The provider refused to refresh the tokens: they are kept but unusable until the user connects again. */
    REAUTHORIZATION_REQUIRED
}
