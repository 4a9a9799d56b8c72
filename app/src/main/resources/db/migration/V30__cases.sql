-- cases: one case file per victim situation, its incidents coded with the taxonomy, notes, tasks,
-- the victim's recorded consents to share, and the status history. Free text (narrative, contact
-- details, notes, task titles, incident descriptions) is encrypted with the case's own data key,
-- which is stored here wrapped by the master key (never in the database). Deleting the key row's
-- value makes every encrypted field of the case unreadable at once. Organisation and staff IDs
-- refer to the identity module by value only: no cross-module foreign keys.
CREATE SCHEMA IF NOT EXISTS cases;

CREATE SEQUENCE cases.reference_number;

CREATE TABLE cases.case_file (
    id                     uuid PRIMARY KEY,
    -- readable reference for staff, e.g. VN-2026-000042; carries nothing about the victim
    reference              text        NOT NULL,
    -- the owning organisation (identity); null while a portal request waits for routing
    organisation_id        uuid,
    assigned_to            uuid,
    assigned_name          text,
    origin                 text        NOT NULL,
    channel                text        NOT NULL,
    help_request_id        uuid,
    legacy_reference       text,
    status                 text        NOT NULL,
    closing_reason         text,
    ongoing_threat         boolean     NOT NULL DEFAULT false,
    minor                  boolean     NOT NULL DEFAULT false,
    imagery_spreading      boolean     NOT NULL DEFAULT false,
    -- ongoing threat 4 + minor 2 + imagery spreading 2: the triage order before waiting time
    urgency                smallint    NOT NULL DEFAULT 0,
    age_band               text,
    needs                  text[]      NOT NULL DEFAULT '{}',
    opened_at              timestamptz NOT NULL,
    triaged_at             timestamptz,
    closed_at              timestamptz,
    updated_at             timestamptz NOT NULL,
    victim_replied_at      timestamptz,
    reply_unread           boolean     NOT NULL DEFAULT false,
    data_key               bytea,
    narrative_encrypted    bytea,
    contact_encrypted      bytea,
    contact_erased_at      timestamptz,
    free_text_erased_at    timestamptz,
    victim_data_erased_at  timestamptz,
    version                integer     NOT NULL DEFAULT 0,
    CONSTRAINT cases_case_file_reference_unique UNIQUE (reference),
    CONSTRAINT cases_case_file_help_request_unique UNIQUE (help_request_id),
    CONSTRAINT cases_case_file_legacy_unique UNIQUE (organisation_id, legacy_reference),
    CONSTRAINT cases_case_file_origin CHECK (origin IN ('HELP_REQUEST', 'STAFF', 'IMPORT')),
    CONSTRAINT cases_case_file_channel CHECK (channel IN ('PORTAL', 'PHONE', 'CHAT', 'WALK_IN', 'EMAIL', 'OTHER', 'IMPORT')),
    CONSTRAINT cases_case_file_status CHECK (status IN ('NEW', 'TRIAGED', 'IN_PROGRESS', 'REFERRED', 'CLOSED')),
    CONSTRAINT cases_case_file_closing CHECK ((status = 'CLOSED') = (closing_reason IS NOT NULL))
);

-- The triage queue: open cases of one organisation by urgency, then waiting time.
CREATE INDEX cases_case_file_queue ON cases.case_file (organisation_id, status, urgency DESC, opened_at);
-- Search and lists: newest first within one organisation.
CREATE INDEX cases_case_file_organisation_opened ON cases.case_file (organisation_id, opened_at DESC);
-- Retention: closed cases by closing time.
CREATE INDEX cases_case_file_closed ON cases.case_file (closed_at) WHERE status = 'CLOSED';

CREATE TABLE cases.incident (
    id                     uuid PRIMARY KEY,
    case_id                uuid        NOT NULL REFERENCES cases.case_file (id) ON DELETE CASCADE,
    seq                    integer     NOT NULL,
    -- first day of the month it happened, when known: incidents are shown in time order
    occurred_month         date,
    taxonomy_version       text        NOT NULL,
    code                   text        NOT NULL,
    dimensions             text        NOT NULL DEFAULT '{}',
    -- false for imported legacy registrations whose mandatory dimensions are still to be filled in
    complete               boolean     NOT NULL DEFAULT true,
    -- what the portal suggested, kept next to the final coding to measure agreement
    suggested_code         text,
    suggested_dimensions   text,
    confirmed_at           timestamptz,
    confirmed_by           text,
    description_encrypted  bytea,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                integer     NOT NULL DEFAULT 0,
    CONSTRAINT cases_incident_seq_unique UNIQUE (case_id, seq)
);

CREATE INDEX cases_incident_code ON cases.incident (code, case_id);

-- Every share of a case with another organisation is a recorded consent of the victim: who
-- receives it, which parts, how the consent was given, and when it was withdrawn.
CREATE TABLE cases.consent (
    id               uuid PRIMARY KEY,
    case_id          uuid        NOT NULL REFERENCES cases.case_file (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL,
    parts            text[]      NOT NULL,
    basis            text        NOT NULL,
    how              text        NOT NULL,
    directory_slug   text,
    recorded_by      text        NOT NULL,
    granted_at       timestamptz NOT NULL,
    withdrawn_at     timestamptz,
    withdrawn_by     text,
    CONSTRAINT cases_consent_basis CHECK (basis IN ('PORTAL', 'RECORDED')),
    CONSTRAINT cases_consent_how CHECK (how IN ('PORTAL', 'PHONE', 'CHAT', 'MESSAGE', 'IN_PERSON', 'WRITTEN')),
    CONSTRAINT cases_consent_summary CHECK ('SUMMARY' = ANY (parts))
);

CREATE INDEX cases_consent_case ON cases.consent (case_id);
CREATE INDEX cases_consent_organisation_active ON cases.consent (organisation_id, case_id) WHERE withdrawn_at IS NULL;

-- Internal notes belong to the organisation that wrote them; other organisations never see them.
CREATE TABLE cases.note (
    id               uuid PRIMARY KEY,
    case_id          uuid        NOT NULL REFERENCES cases.case_file (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL,
    author           text        NOT NULL,
    author_name      text        NOT NULL,
    body_encrypted   bytea       NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX cases_note_case ON cases.note (case_id, created_at);

CREATE TABLE cases.task (
    id               uuid PRIMARY KEY,
    case_id          uuid        NOT NULL REFERENCES cases.case_file (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL,
    title_encrypted  bytea       NOT NULL,
    due_on           date        NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    done_at          timestamptz,
    done_by          text
);

CREATE INDEX cases_task_case ON cases.task (case_id, due_on);
CREATE INDEX cases_task_open ON cases.task (organisation_id, due_on) WHERE done_at IS NULL;

CREATE TABLE cases.status_change (
    id              bigserial   PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES cases.case_file (id) ON DELETE CASCADE,
    from_status     text,
    to_status       text        NOT NULL,
    closing_reason  text,
    changed_by      text        NOT NULL,
    changed_at      timestamptz NOT NULL
);

CREATE INDEX cases_status_change_case ON cases.status_change (case_id, changed_at);

-- Which directory entry a staff organisation is (so a victim's consent for "politie" reaches
-- the police organisation's staff), and which organisation receives portal requests.
CREATE TABLE cases.organisation_link (
    organisation_id           uuid    PRIMARY KEY,
    directory_slug            text,
    receives_portal_requests  boolean NOT NULL DEFAULT false,
    CONSTRAINT cases_organisation_link_slug_unique UNIQUE (directory_slug)
);

CREATE UNIQUE INDEX cases_organisation_link_one_portal_receiver
    ON cases.organisation_link (receives_portal_requests) WHERE receives_portal_requests;

-- Staff who have worked in the case workspace, per organisation: the people a case can be
-- assigned to (the identity module keeps the accounts themselves).
CREATE TABLE cases.case_worker (
    account_id       uuid        PRIMARY KEY,
    organisation_id  uuid        NOT NULL,
    username         text        NOT NULL,
    display_name     text        NOT NULL,
    last_seen_at     timestamptz NOT NULL
);

CREATE INDEX cases_case_worker_organisation ON cases.case_worker (organisation_id);

-- What each retention run did (or, in a dry run, would do): counts only.
CREATE TABLE cases.retention_run (
    id           uuid PRIMARY KEY,
    ran_at       timestamptz NOT NULL,
    dry_run      boolean     NOT NULL,
    triggered_by text        NOT NULL,
    report       text        NOT NULL
);
