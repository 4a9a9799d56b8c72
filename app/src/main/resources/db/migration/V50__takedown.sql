-- takedown: requests per URL, host identification, notices, re-checks. URLs, staff notes and notice
-- texts are encrypted with a data key per case (wrapped by the master key; see FieldEncryption);
-- host names, codes, statuses and timestamps are in clear because deadlines, grouping and figures
-- need them. No foreign keys to other modules: case_ref and help_request_ref are opaque.
CREATE SCHEMA IF NOT EXISTS takedown;

CREATE TABLE takedown.case_key (
    case_ref    uuid PRIMARY KEY,
    data_key    bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The directory of known platform reporting channels, kept by staff.
CREATE TABLE takedown.platform (
    id                     uuid PRIMARY KEY,
    name                   text        NOT NULL,
    domains                text[]      NOT NULL,
    country                text,
    language               text        NOT NULL,
    trusted_flagger_email  text,
    abuse_email            text,
    web_form_url           text,
    note                   text,
    active                 boolean     NOT NULL,
    updated_at             timestamptz NOT NULL,
    updated_by             text        NOT NULL,
    CONSTRAINT platform_language CHECK (language IN ('nl', 'en')),
    CONSTRAINT platform_has_channel CHECK (trusted_flagger_email IS NOT NULL OR abuse_email IS NOT NULL
                                           OR web_form_url IS NOT NULL)
);
CREATE UNIQUE INDEX platform_name_unique ON takedown.platform (lower(name));

-- RDAP bootstrap files downloaded from IANA (the shipped subset is used until the first refresh).
CREATE TABLE takedown.rdap_bootstrap (
    kind         text PRIMARY KEY,
    document     text        NOT NULL,
    publication  text,
    source_url   text        NOT NULL,
    fetched_at   timestamptz NOT NULL,
    CONSTRAINT rdap_bootstrap_kind CHECK (kind IN ('dns', 'ipv4', 'ipv6'))
);

CREATE TABLE takedown.rdap_cache (
    lookup_key   text PRIMARY KEY,
    outcome      text        NOT NULL,
    provider     text,
    abuse_email  text,
    country      text,
    server       text,
    fetched_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE TABLE takedown.request (
    id                    uuid PRIMARY KEY,
    case_ref              uuid        NOT NULL,
    help_request_ref      uuid,
    organisation_id       uuid        NOT NULL,
    url_ct                bytea       NOT NULL,
    url_key               text        NOT NULL,
    host                  text        NOT NULL,
    host_display          text        NOT NULL,
    form_code             text        NOT NULL,
    taxonomy_version      text        NOT NULL,
    minor                 boolean     NOT NULL,
    explanation_ct        bytea,
    platform_id           uuid REFERENCES takedown.platform (id),
    provider              text,
    contact_channel       text        NOT NULL,
    contact_address       text,
    country               text,
    language              text        NOT NULL,
    contact_source        text        NOT NULL,
    contact_problem       text,
    status                text        NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    queued_at             timestamptz,
    sent_at               timestamptz,
    deadline_at           timestamptz,
    receipt_confirmed_at  timestamptz,
    removed_at            timestamptz,
    removal_detected_by   text,
    refused_at            timestamptz,
    refusal_reason        text,
    no_response_at        timestamptz,
    escalated_at          timestamptz,
    escalation_route      text,
    last_checked_at       timestamptz,
    last_check_outcome    text,
    last_check_status     integer,
    next_check_at         timestamptz NOT NULL,
    CONSTRAINT request_url_once_per_case UNIQUE (case_ref, url_key),
    CONSTRAINT request_language CHECK (language IN ('nl', 'en')),
    CONSTRAINT request_status CHECK (status IN ('DRAFT', 'QUEUED', 'SENT', 'RECEIPT_CONFIRMED', 'REMOVED',
                                                'REFUSED', 'NO_RESPONSE', 'ESCALATED')),
    CONSTRAINT request_removed_has_time CHECK (status <> 'REMOVED' OR removed_at IS NOT NULL),
    CONSTRAINT request_sent_has_deadline CHECK (sent_at IS NULL OR deadline_at IS NOT NULL)
);
CREATE INDEX request_case ON takedown.request (case_ref);
CREATE INDEX request_help_request ON takedown.request (help_request_ref) WHERE help_request_ref IS NOT NULL;
CREATE INDEX request_due_check ON takedown.request (next_check_at) WHERE status <> 'REMOVED';
CREATE INDEX request_deadline ON takedown.request (deadline_at) WHERE status IN ('SENT', 'RECEIPT_CONFIRMED',
                                                                                  'NO_RESPONSE');
CREATE INDEX request_organisation ON takedown.request (organisation_id, created_at DESC);

-- Every status change, with who made it (a staff username or "system").
CREATE TABLE takedown.status_change (
    id          bigserial PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES takedown.request (id) ON DELETE CASCADE,
    status      text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    reason      text
);
CREATE INDEX status_change_request ON takedown.status_change (request_id, at);

-- Staff notes on a request (encrypted); never shown to victims.
CREATE TABLE takedown.note (
    id          bigserial PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES takedown.request (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    author      text        NOT NULL,
    text_ct     bytea       NOT NULL
);

-- Notices exactly as sent (encrypted body). The outbox: QUEUED e-mails are retried with backoff.
CREATE TABLE takedown.notice (
    id               uuid PRIMARY KEY,
    case_ref         uuid        NOT NULL,
    host             text        NOT NULL,
    kind             text        NOT NULL,
    channel          text        NOT NULL,
    recipient        text,
    recipient_name   text,
    language         text        NOT NULL,
    reference        text        NOT NULL,
    subject          text        NOT NULL,
    body_ct          bytea       NOT NULL,
    anonymous        boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    delivery         text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_failure     text,
    sent_at          timestamptz,
    message_id       text,
    reminders        integer     NOT NULL DEFAULT 0,
    reminder_of      uuid REFERENCES takedown.notice (id),
    CONSTRAINT notice_kind CHECK (kind IN ('NOTICE', 'REMINDER', 'ESCALATION')),
    CONSTRAINT notice_channel CHECK (channel IN ('EMAIL', 'WEB_FORM')),
    CONSTRAINT notice_delivery CHECK (delivery IN ('QUEUED', 'SENT', 'EXPORTED', 'SUBMITTED')),
    CONSTRAINT notice_reference_unique UNIQUE (reference)
);
CREATE INDEX notice_outbox ON takedown.notice (next_attempt_at) WHERE delivery = 'QUEUED';
CREATE INDEX notice_case ON takedown.notice (case_ref, created_at);

CREATE TABLE takedown.notice_request (
    notice_id   uuid NOT NULL REFERENCES takedown.notice (id) ON DELETE CASCADE,
    request_id  uuid NOT NULL REFERENCES takedown.request (id) ON DELETE CASCADE,
    PRIMARY KEY (notice_id, request_id)
);
CREATE INDEX notice_request_request ON takedown.notice_request (request_id);

-- Staff-edited notice templates; a missing row means the default from the application resources.
CREATE TABLE takedown.notice_template (
    kind        text        NOT NULL,
    language    text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    PRIMARY KEY (kind, language)
);

-- Re-check results: what the URL answered, never what it served.
CREATE TABLE takedown.check_result (
    id            bigserial PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES takedown.request (id) ON DELETE CASCADE,
    checked_at    timestamptz NOT NULL,
    outcome       text        NOT NULL,
    http_status   integer,
    redirects     integer     NOT NULL,
    pdq_distance  integer
);
CREATE INDEX check_result_request ON takedown.check_result (request_id, checked_at DESC);

-- PDQ hashes of a case's images (hex), for comparing served images in memory during re-checks.
CREATE TABLE takedown.case_hash (
    case_ref   uuid        NOT NULL,
    hash       text        NOT NULL,
    added_at   timestamptz NOT NULL,
    added_by   text        NOT NULL,
    PRIMARY KEY (case_ref, hash),
    CONSTRAINT case_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$')
);
