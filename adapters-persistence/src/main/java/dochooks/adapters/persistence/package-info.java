/**
 * The PostgreSQL adapter: the integrations registry over the Vert.x reactive client, Flyway migrations, and
 * encryption at rest. Bootstrap uses {@link dochooks.adapters.persistence.DatabaseConnection},
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
 * <li><b>Database URLs refuse unknown parameters</b> (e.g. {@code sslmode}) rather than ignore them, since an
 * ignored {@code sslmode=require} would silently downgrade.</li>
 * </ul>
 */
package dochooks.adapters.persistence;
