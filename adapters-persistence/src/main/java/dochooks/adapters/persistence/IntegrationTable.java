package dochooks.adapters.persistence;

import dochooks.adapters.persistence.SecretCipher.AssociatedData;
import dochooks.adapters.persistence.SecretCipher.Sealed;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.AuthStrategy;
import dochooks.domain.integration.ClientId;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationName;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.ProviderUrl;
import dochooks.domain.integration.RequestParameters;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * All SQL of the {@code integrations} table, and the mapping between its rows and {@link Integration}.
 * The secret is sealed on the way in and opened on the way out; nothing else here knows about encryption.
 */
final class IntegrationTable {
    /** The name of the unique constraint on (tenant_id, name_key); a violation of it means "name taken". */
    static final String NAME_CONSTRAINT = "integrations_name_unique";

    private static final String COLUMNS = "id, tenant_id, name, name_key, name_order, base_api_url, request_parameters,"
            + " auth_type, authentication_url, token_endpoint_url, client_id, secret_key_id, secret_ciphertext,"
            + " secret_hint, status, version, created_at, updated_at";

    static final String INSERT = "INSERT INTO integrations (" + COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

    /** Same parameter numbers as {@link #INSERT}, plus $19 = the expected version. */
    static final String UPDATE = "UPDATE integrations SET name = $3, name_key = $4, name_order = $5,"
            + " base_api_url = $6, request_parameters = $7, auth_type = $8, authentication_url = $9,"
            + " token_endpoint_url = $10, client_id = $11, secret_key_id = $12, secret_ciphertext = $13,"
            + " secret_hint = $14, status = $15, version = $16, created_at = $17, updated_at = $18"
            + " WHERE id = $1 AND tenant_id = $2 AND version = $19";

    static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM integrations WHERE tenant_id = $1 AND id = $2";

    static final String SELECT_VERSION = "SELECT version FROM integrations WHERE tenant_id = $1 AND id = $2";

    static final String DELETE = "DELETE FROM integrations WHERE tenant_id = $1 AND id = $2";

    /** Every key id under which the integrations table holds a secret (all tenants: a startup check). */
    static final String SECRET_KEY_IDS = "SELECT DISTINCT secret_key_id AS key_id FROM integrations";

    private final SecretCipher cipher;

    IntegrationTable(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The listing query: the tenant's integrations in (name_order, id) order, optionally of one status and
     * strictly after a cursor, at most {@code limit}. Parameters: $1 tenant, then status, then the cursor's
     * (name_order, id), then the limit, numbered in that order as present.
     */
    static Query listing(TenantId tenant, Optional<IntegrationStatus> status, Optional<PageCursor> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM integrations WHERE tenant_id = $1");
        Tuple parameters = Tuple.of(tenant.value());
        if (status.isPresent()) {
            parameters.addString(status.get().name());
            sql.append(" AND status = $").append(parameters.size());
        }
        if (after.isPresent()) {
            parameters.addValue(Buffer.buffer(nameOrder(after.get().nameKey())));
            parameters.addUUID(after.get().id());
            sql.append(" AND (name_order, id) > ($").append(parameters.size() - 1)
                    .append(", $").append(parameters.size()).append(")");
        }
        parameters.addInteger(limit);
        sql.append(" ORDER BY name_order, id LIMIT $").append(parameters.size());
        return new Query(sql.toString(), parameters);
    }

    /** A statement with its parameters. */
    record Query(String sql, Tuple parameters) {
    }

    /** The 18 column values of {@link #INSERT}, in order; the secret sealed to this row. */
    Tuple row(Integration integration) {
        IntegrationSettings settings = integration.settings();
        AuthStrategy auth = settings.auth();
        String nameKey = integration.name().comparisonKey();
        Sealed secret = cipher.encrypt(auth.secret().reveal(), secretBinding(integration.tenant(), integration.id()));
        OAuth2Strategy oauth2 = auth instanceof OAuth2Strategy strategy ? strategy : null;
        return Tuple.tuple()
                .addUUID(integration.id().value())
                .addString(integration.tenant().value())
                .addString(integration.name().value())
                .addString(nameKey)
                .addValue(Buffer.buffer(nameOrder(nameKey)))
                .addString(settings.baseApiUrl().value())
                .addString(settings.requestParameters().encoded())
                .addString(auth.type().apiName())
                .addString(oauth2 == null ? null : oauth2.authenticationUrl().value())
                .addString(oauth2 == null ? null : oauth2.tokenEndpointUrl().value())
                .addString(oauth2 == null ? null : oauth2.clientId().value())
                .addString(secret.keyId())
                .addValue(Buffer.buffer(secret.bytes()))
                .addString(auth.secret().hint())
                .addString(settings.status().name())
                .addLong(integration.version())
                .addOffsetDateTime(timestamp(integration.createdAt()))
                .addOffsetDateTime(timestamp(integration.updatedAt()));
    }

    /** Rebuilds the domain value from a row of {@link #COLUMNS}, opening the secret. */
    Integration integration(Row row) {
        IntegrationId id = new IntegrationId(row.getUUID("id"));
        TenantId tenant = new TenantId(row.getString("tenant_id"));
        Sealed sealed = new Sealed(row.getString("secret_key_id"), row.getBuffer("secret_ciphertext").getBytes());
        Secret secret = Secret.of(cipher.decrypt(sealed, secretBinding(tenant, id)));
        IntegrationSettings settings = new IntegrationSettings(
                new IntegrationName(row.getString("name")),
                new ProviderUrl(row.getString("base_api_url")), // stored values are already normalized
                RequestParameters.parse(row.getString("request_parameters")),
                auth(row, secret),
                IntegrationStatus.valueOf(row.getString("status")));
        return new Integration(id, tenant, settings, row.getLong("version"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")));
    }

    private static AuthStrategy auth(Row row, Secret secret) {
        String type = row.getString("auth_type");
        return switch (type) {
            case "OAuth2" -> new OAuth2Strategy(
                    new ProviderUrl(row.getString("authentication_url")),
                    new ProviderUrl(row.getString("token_endpoint_url")),
                    new ClientId(row.getString("client_id")),
                    secret);
            case "ApiKey" -> new ApiKeyStrategy(secret);
            default -> throw new IllegalStateException("integrations.auth_type holds an unknown value: " + type);
        };
    }

    /** Binds a secret's ciphertext to its row: copied to another integration or tenant, it no longer opens. */
    static AssociatedData secretBinding(TenantId tenant, IntegrationId id) {
        return AssociatedData.of("integrations", "secret", tenant.value(), id.value().toString());
    }

    /**
     * The sort key of a comparison key: its UTF-16BE bytes. Byte order of these equals Java's
     * {@link String#compareTo} order (UTF-16 code units), the listing order the ports define; PostgreSQL's
     * "C" order on text is code point order, which differs for characters beyond U+FFFF.
     */
    static byte[] nameOrder(String nameKey) {
        // by hand rather than getBytes(UTF_16BE), which would turn an unpaired surrogate (possible in a
        // cursor made by a client) into '?' and so sort it elsewhere than String.compareTo does
        byte[] bytes = new byte[nameKey.length() * 2];
        for (int i = 0; i < nameKey.length(); i++) {
            char unit = nameKey.charAt(i);
            bytes[2 * i] = (byte) (unit >>> 8);
            bytes[2 * i + 1] = (byte) unit;
        }
        return bytes;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** To the millisecond, the precision of the domain and the API. */
    static Instant instant(OffsetDateTime timestamp) {
        return timestamp.toInstant().truncatedTo(ChronoUnit.MILLIS);
    }
}
