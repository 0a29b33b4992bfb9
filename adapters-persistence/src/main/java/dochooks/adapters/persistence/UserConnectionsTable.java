package dochooks.adapters.persistence;

/**
 * The SQL of the {@code user_connections} table that the integrations registry needs. The table holds each
 * user's OAuth2 tokens for an integration, sealed like secrets, and goes with its integration (ON DELETE CASCADE).
 */
final class UserConnectionsTable {
    /** Parameters: $1 tenant, $2 integration id. */
    static final String DELETE_OF_INTEGRATION =
            "DELETE FROM user_connections WHERE tenant_id = $1 AND integration_id = $2";

    /** Every key id under which the table holds a token (all tenants: a startup check). */
    static final String TOKEN_KEY_IDS = "SELECT DISTINCT token_key_id AS key_id FROM user_connections";

    private UserConnectionsTable() {
    }
}
