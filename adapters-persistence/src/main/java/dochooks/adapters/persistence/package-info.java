/**
 * The PostgreSQL adapter: the integrations registry (with a per-process cache kept in step by LISTEN/NOTIFY), users'
 * OAuth2 connections and pending authorizations over the Vert.x reactive client, Flyway migrations, and encryption
 * at rest. Bootstrap uses {@link dochooks.adapters.persistence.DatabaseConnection},
 * {@link dochooks.adapters.persistence.EncryptionKeys}, {@link dochooks.adapters.persistence.DatabaseMigrations}
 * and {@link dochooks.adapters.persistence.PersistenceAdapter}; everything else is package-private.
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li><b>Listing order is a bytea column.</b> The ports define the order as Java's {@code String.compareTo} of
 * the comparison key (UTF-16 code units), then the id's text. PostgreSQL's {@code COLLATE "C"} orders text by
 * code point, which differs when a character beyond U+FFFF (emoji, 𝔘) meets one in U+E000..U+FFFF (fullwidth
 * forms, private use). So {@code integrations.name_order} holds the key's UTF-16BE bytes, whose byte order is
 * exactly Java's, and the keyset listing runs on {@code (name_order, id)}; {@code name_key} (text, "C") keeps the
 * per-tenant unique constraint. A cursor is converted the same way, so any cursor text (even NUL, which a text
 * parameter would reject) compares like the in-memory store. UUIDs order alike in both (lower-case hex text vs.
 * bytes).</li>
 * <li><b>Sealed values.</b> AES-256-GCM, a random 96-bit nonce per value, stored as nonce || ciphertext || tag
 * with the key id in its own column. The associated data is a length-prefixed list (table, row key parts,
 * column), so no tenant id, however spelled, can make two bindings collide; a value copied to another row,
 * tenant or column does not open.</li>
 * <li><b>Connections belong to their integration's tenant.</b> {@code user_connections} references
 * {@code integrations (tenant_id, id)}, not only {@code id}, with ON DELETE CASCADE.</li>
 * <li><b>Fail fast when the database is away.</b> 1 s TCP connect timeout, 1 s pool acquisition timeout, a
 * bounded wait queue, no reconnect attempts; refused/closed connections, pool timeouts, SQLSTATE class 08,
 * 57P01..57P03 and 53300 (too many connections) become {@code DatabaseUnavailableException}.</li>
 * <li><b>The refresh lease is two columns, taken by one UPDATE.</b> {@code user_connections.refresh_lease_holder}
 * and {@code refresh_lease_until}: the lease is taken with a single conditional {@code UPDATE ... RETURNING}
 * (free or run out, by the database's {@code clock_timestamp()}, so that processes with skewed clocks agree),
 * and every later write ({@code storeRefreshed}, {@code markReauthorizationRequired}, {@code release}) is
 * conditional on the holder. No statement spans the token call, so no pooled connection, transaction or row lock
 * is held while the provider answers; a row lock (SELECT FOR UPDATE) would have held a connection for as long as
 * the token endpoint takes. Access and refresh token change in the same UPDATE. Storing a connection again
 * (the user reconnects) frees the lease, so a refresh that raced it cannot overwrite the new tokens.</li>
 * <li><b>One key id per connection row.</b> Access and refresh token are always sealed together under the
 * primary key (a refresh re-seals the refresh token it keeps), so {@code token_key_id} covers both.</li>
 * <li><b>Pending authorizations are found by digests.</b> {@code state_hash} and {@code confirmation_hash} are
 * SHA-256 digests (unique); the verifier and the code are sealed, bound to (tenant, row id, integration, user)
 * and column. Using up a state is {@code UPDATE ... WHERE state_used_at IS NULL RETURNING}, a confirmation
 * {@code DELETE ... RETURNING}: of concurrent callers exactly one gets the row. These two lookups are the only
 * statements not scoped to a tenant: the browser's callback carries no identity, and a confirmation presented by
 * the wrong user must be discarded whoever that user is. Expired rows (of any tenant, at most 100) are removed by
 * the statement that inserts a new one; rows go with their integration (ON DELETE CASCADE) and with its
 * connections when an update drops those.</li>
 * <li><b>Database URLs refuse unknown parameters</b> (e.g. {@code sslmode}) rather than ignore them, since an
 * ignored {@code sslmode=require} would silently downgrade.</li>
 * <li><b>Integrations are cached per process, invalidated through LISTEN/NOTIFY</b> (issue 6, several instances).
 * {@link dochooks.adapters.persistence.PersistenceAdapter#cachedIntegrations()} serves the request paths that load
 * an integration on every call (documents, the connection test) from memory; the registry's own reads
 * ({@code load} of the adapter itself: GET, PUT with {@code If-Match}, enable/disable, delete) stay on the database,
 * because an ETag read a few milliseconds stale on another instance would turn a correct {@code If-Match} into a
 * 412. Rules:
 * <ul>
 * <li>A <b>trigger</b> (V3) rather than a {@code pg_notify} beside each statement: it also catches writes by other
 * tools (psql, scripts, restores) and code paths added later, and fires inside the writing transaction (delivered
 * at commit, never on rollback). It notifies {@code dochooks_integrations} with the row's old
 * {@code tenant:id} on UPDATE and DELETE, {@code *} on TRUNCATE; not on INSERT, since only integrations that exist
 * are kept (never "no such id", which also keeps random-id probing from flushing the cache).</li>
 * <li>Keys are (tenant, id); entries hold decrypted secrets in this process's memory only; at most 10 000 entries,
 * least recently used out first; none served more than 30 s after its query was sent (monotonic clock).</li>
 * <li><b>While the listener is not listening, the cache is bypassed</b> (every load reads the database, nothing is
 * kept), rather than served under its 30 s TTL: a disable on another instance must be refused everywhere within a
 * second, and during a database outage a load fails anyway. Every (re)subscription clears the cache, since
 * notifications sent while nobody listened are lost.</li>
 * <li>This process's own writes evict their key when they finish (whatever the outcome), so it never serves what it
 * just replaced; a load under way when its key is evicted or the cache cleared answers its callers but is not kept
 * (it may have read the row before the change).</li>
 * <li>The listener ({@code PgSubscriber}, application name {@code dochooks-listener}) reconnects for ever, after 100
 * ms doubling up to 5 s; a first connection that fails is retried the same way with a new subscriber (a
 * {@code PgSubscriber}'s policy only covers connections lost after they worked). A {@code SELECT 1} every 10 s
 * (3 s timeout) on the listening connection replaces one that went silent without being closed (a NAT or firewall
 * dropping an idle connection), which notifications alone could never reveal; it also keeps such devices from
 * dropping it.</li>
 * </ul></li>
 * </ul>
 */
package dochooks.adapters.persistence;
