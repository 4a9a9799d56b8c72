-- intake: anonymous help requests from the portal. Coded answers are stored in clear (research,
-- statistics); everything the victim typed is encrypted with the request's own data key, which is
-- wrapped by the master key (never in the database). No IP addresses, no images. Deleting a
-- request deletes its messages and consents with it (hard delete).
CREATE SCHEMA IF NOT EXISTS intake;

CREATE TABLE intake.help_request (
    id                    uuid PRIMARY KEY,
    -- the non-secret first 8 digits of the receipt; the secret 12 digits exist only as a hash
    lookup_id             text        NOT NULL,
    receipt_salt          bytea       NOT NULL,
    receipt_hash          bytea       NOT NULL,
    hash_parameters       text        NOT NULL,
    passphrase_salt       bytea,
    passphrase_hash       bytea,
    data_key              bytea       NOT NULL,
    status                text        NOT NULL,
    language              text        NOT NULL,
    source                text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    happening_now         text,
    happened              text[]      NOT NULL DEFAULT '{}',
    demand                text[]      NOT NULL DEFAULT '{}',
    images_online         text,
    platforms             text[]      NOT NULL DEFAULT '{}',
    age_band              text,
    other_person          text,
    needs                 text[]      NOT NULL DEFAULT '{}',
    barriers              text[]      NOT NULL DEFAULT '{}',
    barrier_categories    text[]      NOT NULL DEFAULT '{}',
    told                  text[]      NOT NULL DEFAULT '{}',
    urgent                boolean     NOT NULL,
    taxonomy_version      text        NOT NULL,
    suggested_code        text        NOT NULL,
    suggested_dimensions  text        NOT NULL,
    secondary_codes       text[]      NOT NULL DEFAULT '{}',
    url_count             integer     NOT NULL DEFAULT 0,
    urls_encrypted        bytea,
    contact_encrypted     bytea,
    CONSTRAINT intake_help_request_lookup_unique UNIQUE (lookup_id),
    CONSTRAINT intake_help_request_lookup_format CHECK (lookup_id ~ '^[0-9]{8}$'),
    CONSTRAINT intake_help_request_status CHECK (status IN ('SAVED', 'WAITING', 'ANSWERED', 'CLOSED')),
    CONSTRAINT intake_help_request_language CHECK (language IN ('nl', 'en')),
    CONSTRAINT intake_help_request_source CHECK (source IN ('WEB', 'API'))
);

CREATE INDEX intake_help_request_status_created ON intake.help_request (status, created_at);

CREATE TABLE intake.message (
    id               uuid PRIMARY KEY,
    help_request_id  uuid        NOT NULL REFERENCES intake.help_request (id) ON DELETE CASCADE,
    author           text        NOT NULL,
    -- for professionals: the name shown to the victim (e.g. "Helpwanted"); never the victim's
    author_label     text,
    body_encrypted   bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT intake_message_author CHECK (author IN ('VICTIM', 'PROFESSIONAL'))
);

CREATE INDEX intake_message_request ON intake.message (help_request_id, created_at);

-- Every share is an explicit, revocable consent: what, with whom, when given, when withdrawn.
CREATE TABLE intake.consent (
    id               uuid PRIMARY KEY,
    help_request_id  uuid        NOT NULL REFERENCES intake.help_request (id) ON DELETE CASCADE,
    scope            text        NOT NULL,
    organisation     text,
    granted_at       timestamptz NOT NULL,
    withdrawn_at     timestamptz,
    CONSTRAINT intake_consent_scope CHECK (scope IN ('PROFESSIONAL_HELP', 'CONTACT_DETAILS', 'SHARE_WITH_ORGANISATION')),
    CONSTRAINT intake_consent_organisation CHECK ((scope = 'SHARE_WITH_ORGANISATION') = (organisation IS NOT NULL))
);

CREATE INDEX intake_consent_request ON intake.consent (help_request_id);
