-- OAuth2 connections (api.md section 4): the lifetime of each access token, the lease that lets one request at a
-- time (across every dochooks process) refresh a connection, and the pending authorizations between start, callback
-- and confirm. As in V1, every secret is an AES-256-GCM ciphertext (nonce || ciphertext || tag) beside the id of
-- the key that sealed it, bound to its row and column; states and confirmations are stored only as SHA-256 digests.

-- No code wrote user_connections before this version. The default only fills rows written without the column
-- (none by the application, which always sets it): such a token's lifetime then counts from the migration.
ALTER TABLE user_connections
    ADD COLUMN access_token_issued_at timestamptz NOT NULL DEFAULT now(),
    -- who holds the refresh lease and until when (the database's clock: every process agrees on it)
    ADD COLUMN refresh_lease_holder   text,
    ADD COLUMN refresh_lease_until    timestamptz,
    ADD CONSTRAINT user_connections_state_check CHECK (state IN ('CONNECTED', 'REAUTHORIZATION_REQUIRED')),
    ADD CONSTRAINT user_connections_lease_check
        CHECK ((refresh_lease_holder IS NULL) = (refresh_lease_until IS NULL)),
    ADD CONSTRAINT user_connections_access_token_ciphertext_check CHECK (octet_length(access_token_ciphertext) >= 29),
    ADD CONSTRAINT user_connections_refresh_token_ciphertext_check
        CHECK (refresh_token_ciphertext IS NULL OR octet_length(refresh_token_ciphertext) >= 29),
    ADD CONSTRAINT user_connections_expiry_check
        CHECK (access_token_expires_at IS NULL OR access_token_expires_at >= access_token_issued_at);

CREATE TABLE pending_authorizations (
    id                        uuid        NOT NULL,
    tenant_id                 text        NOT NULL,
    integration_id            uuid        NOT NULL,
    user_id                   text        NOT NULL,
    -- SHA-256 of the state; set when the state is used up (whatever the outcome of that callback)
    state_hash                bytea       NOT NULL,
    state_used_at             timestamptz,
    verifier_key_id           text        NOT NULL,
    code_verifier_ciphertext  bytea       NOT NULL,
    -- the authorization code and the SHA-256 of the confirmation, once the callback brought a code
    code_key_id               text,
    code_ciphertext           bytea,
    confirmation_hash         bytea,
    -- the state's expiry until the callback, then the confirmation's
    expires_at                timestamptz NOT NULL,
    created_at                timestamptz NOT NULL,
    CONSTRAINT pending_authorizations_pk PRIMARY KEY (id),
    CONSTRAINT pending_authorizations_state_unique UNIQUE (state_hash),
    CONSTRAINT pending_authorizations_confirmation_unique UNIQUE (confirmation_hash),
    CONSTRAINT pending_authorizations_integration_fk FOREIGN KEY (tenant_id, integration_id)
        REFERENCES integrations (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT pending_authorizations_state_hash_check CHECK (octet_length(state_hash) = 32),
    CONSTRAINT pending_authorizations_confirmation_hash_check
        CHECK (confirmation_hash IS NULL OR octet_length(confirmation_hash) = 32),
    CONSTRAINT pending_authorizations_verifier_key_id_check CHECK (verifier_key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    CONSTRAINT pending_authorizations_code_key_id_check
        CHECK (code_key_id IS NULL OR code_key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    CONSTRAINT pending_authorizations_verifier_ciphertext_check CHECK (octet_length(code_verifier_ciphertext) >= 29),
    -- a code comes with its key id and a confirmation, and only after the state was used
    CONSTRAINT pending_authorizations_code_shape_check CHECK (
        (code_ciphertext IS NULL AND code_key_id IS NULL AND confirmation_hash IS NULL)
        OR (code_ciphertext IS NOT NULL AND octet_length(code_ciphertext) >= 29 AND code_key_id IS NOT NULL
            AND confirmation_hash IS NOT NULL AND state_used_at IS NOT NULL))
);

-- Serves the opportunistic removal of expired rows.
CREATE INDEX pending_authorizations_expiry_idx ON pending_authorizations (expires_at);
-- Serves the removal of an integration's pending authorizations when its connections are dropped.
CREATE INDEX pending_authorizations_integration_idx ON pending_authorizations (tenant_id, integration_id);
