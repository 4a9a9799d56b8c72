-- identity: API clients (platforms, partner systems). Keys are random 256-bit secrets; only their
-- SHA-256 is stored (high-entropy secrets need no memory-hard hash), looked up by a public prefix.
CREATE TABLE identity.api_client (
    id                     uuid PRIMARY KEY,
    name                   text        NOT NULL,
    organisation_id        uuid        NOT NULL REFERENCES identity.organisation (id),
    key_prefix             text        NOT NULL,
    key_hash               text        NOT NULL,
    scopes                 text[]      NOT NULL,
    requests_per_minute    integer     NOT NULL,
    created_at             timestamptz NOT NULL,
    created_by             text        NOT NULL,
    revoked_at             timestamptz,
    CONSTRAINT api_client_prefix_unique UNIQUE (key_prefix),
    CONSTRAINT api_client_rate_positive CHECK (requests_per_minute > 0),
    CONSTRAINT api_client_has_scope CHECK (cardinality(scopes) > 0)
);
