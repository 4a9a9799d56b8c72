-- matching: hash banks, their hashes (PDQ + optional SHA-256, never images), the change feed that
-- platforms and matcher replicas follow, matches and platform feedback.
CREATE SCHEMA IF NOT EXISTS matching;

CREATE TABLE matching.bank (
    id          text PRIMARY KEY,
    kind        text        NOT NULL,
    threshold   smallint    NOT NULL DEFAULT 31,
    created_at  timestamptz NOT NULL,
    CONSTRAINT bank_kind_known CHECK (kind IN ('VICTIM_MINOR', 'VICTIM_ADULT', 'STAFF')),
    CONSTRAINT bank_threshold_range CHECK (threshold BETWEEN 0 AND 31)
);

-- Images made under 18 and images of adults are kept in separate banks: platforms and the law
-- treat them differently (child-abuse-material rules apply to the first).
INSERT INTO matching.bank (id, kind, threshold, created_at) VALUES
    ('victims-under-18', 'VICTIM_MINOR', 31, now()),
    ('victims-adult', 'VICTIM_ADULT', 31, now()),
    ('takedown', 'STAFF', 31, now());

CREATE TABLE matching.hash (
    seq                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference           uuid        NOT NULL,
    bank_id             text        NOT NULL REFERENCES matching.bank (id),
    pdq                 bytea       NOT NULL,
    quality             smallint    NOT NULL,
    sha256              bytea,
    source_type         text        NOT NULL,
    source_id           uuid,
    consent_id          uuid,
    owner_organisation  uuid,
    added_at            timestamptz NOT NULL,
    added_by            text        NOT NULL,
    withdrawn_at        timestamptz,
    withdrawn_by        text,
    CONSTRAINT hash_reference_unique UNIQUE (reference),
    CONSTRAINT hash_pdq_length CHECK (length(pdq) = 32),
    CONSTRAINT hash_sha256_length CHECK (sha256 IS NULL OR length(sha256) = 32),
    CONSTRAINT hash_quality_range CHECK (quality BETWEEN 0 AND 100),
    CONSTRAINT hash_source_known CHECK (source_type IN ('HELP_REQUEST', 'CASE', 'STAFF')),
    -- A victim's hash only ever enters a bank under a recorded consent.
    CONSTRAINT hash_victim_consent CHECK (source_type = 'STAFF' OR consent_id IS NOT NULL)
);

CREATE INDEX hash_source ON matching.hash (source_type, source_id);
CREATE INDEX hash_sha256 ON matching.hash (sha256) WHERE sha256 IS NOT NULL;

-- Append-only change log: the cursor of the delta feed. Writers serialise on an advisory lock,
-- so cursor order equals commit order and a reader never skips a change committed late.
CREATE TABLE matching.change (
    cursor    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash_seq  bigint      NOT NULL REFERENCES matching.hash (seq),
    kind      text        NOT NULL,
    at        timestamptz NOT NULL,
    CONSTRAINT change_kind_known CHECK (kind IN ('ADDED', 'WITHDRAWN'))
);

CREATE TABLE matching.match_record (
    id             uuid PRIMARY KEY,
    hash_seq       bigint      NOT NULL REFERENCES matching.hash (seq),
    api_client_id  uuid        NOT NULL,
    distance       smallint    NOT NULL,
    matched_at     timestamptz NOT NULL
);

CREATE INDEX match_record_hash ON matching.match_record (hash_seq);

CREATE TABLE matching.feedback (
    id             uuid PRIMARY KEY,
    hash_seq       bigint      NOT NULL REFERENCES matching.hash (seq),
    api_client_id  uuid        NOT NULL,
    verdict        text        NOT NULL,
    at             timestamptz NOT NULL,
    CONSTRAINT feedback_verdict_known CHECK (verdict IN ('TRUE_POSITIVE', 'FALSE_POSITIVE'))
);

CREATE INDEX feedback_hash ON matching.feedback (hash_seq);
