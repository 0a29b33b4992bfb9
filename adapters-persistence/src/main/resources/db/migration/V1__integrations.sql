-- The integrations registry and the users' connections to OAuth2 integrations.
-- Secrets and tokens are stored only as AES-256-GCM ciphertexts (nonce || ciphertext || tag) with the id of the
-- key that sealed them; the application binds each ciphertext to its row and column (associated data).

CREATE TABLE integrations (
    id                  uuid        NOT NULL,
    tenant_id           text        NOT NULL,
    name                text        NOT NULL,
    -- IntegrationName.comparisonKey(): unique per tenant; byte-wise ("C") so no locale can merge two keys.
    name_key            text        COLLATE "C" NOT NULL,
    -- name_key encoded as UTF-16BE: byte order of this column is exactly Java's String.compareTo order of
    -- name_key (UTF-16 code units), which the listing order is defined by. "C" order on name_key is code point
    -- order and differs from it for characters beyond U+FFFF against U+E000..U+FFFF (see docs/adr).
    name_order          bytea       NOT NULL,
    base_api_url        text        NOT NULL,
    request_parameters  text        NOT NULL,
    auth_type           text        NOT NULL,
    authentication_url  text,
    token_endpoint_url  text,
    client_id           text,
    secret_key_id       text        NOT NULL,
    secret_ciphertext   bytea       NOT NULL,
    secret_hint         text        NOT NULL,
    status              text        NOT NULL,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT integrations_pk PRIMARY KEY (id),
    -- lets user_connections reference (tenant, integration) so a connection can never cross tenants
    CONSTRAINT integrations_tenant_id_unique UNIQUE (tenant_id, id),
    CONSTRAINT integrations_name_unique UNIQUE (tenant_id, name_key),
    CONSTRAINT integrations_auth_type_check CHECK (auth_type IN ('OAuth2', 'ApiKey')),
    CONSTRAINT integrations_auth_shape_check CHECK (
        (auth_type = 'OAuth2' AND authentication_url IS NOT NULL AND token_endpoint_url IS NOT NULL
            AND client_id IS NOT NULL)
        OR (auth_type = 'ApiKey' AND authentication_url IS NULL AND token_endpoint_url IS NULL AND client_id IS NULL)),
    CONSTRAINT integrations_status_check CHECK (status IN ('ENABLED', 'DISABLED')),
    CONSTRAINT integrations_version_check CHECK (version >= 1),
    CONSTRAINT integrations_name_check CHECK (name <> '' AND name_key <> '' AND octet_length(name_order) > 0),
    CONSTRAINT integrations_secret_key_id_check CHECK (secret_key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    -- 12-byte nonce + at least one byte + 16-byte tag
    CONSTRAINT integrations_secret_ciphertext_check CHECK (octet_length(secret_ciphertext) >= 29)
);

-- Serves the keyset listing: WHERE tenant_id = ? AND (name_order, id) > (?, ?) ORDER BY name_order, id LIMIT ?
CREATE INDEX integrations_listing_idx ON integrations (tenant_id, name_order, id);

CREATE TABLE user_connections (
    tenant_id                 text        NOT NULL,
    integration_id            uuid        NOT NULL,
    user_id                   text        NOT NULL,
    token_key_id              text        NOT NULL,
    access_token_ciphertext   bytea       NOT NULL,
    refresh_token_ciphertext  bytea,
    access_token_expires_at   timestamptz,
    state                     text        NOT NULL,
    connected_at              timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    CONSTRAINT user_connections_pk PRIMARY KEY (integration_id, user_id),
    CONSTRAINT user_connections_integration_fk FOREIGN KEY (tenant_id, integration_id)
        REFERENCES integrations (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT user_connections_token_key_id_check CHECK (token_key_id ~ '^[A-Za-z0-9._-]{1,64}$')
);
