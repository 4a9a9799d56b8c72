-- referral: a case referred to an organisation from the help directory with the victim's consent,
-- a hand-over note (encrypted with the referral's own data key) and closed-loop tracking: sent,
-- accepted, first contact made, done or not reached. Case and organisation IDs refer to other
-- modules by value only.
CREATE SCHEMA IF NOT EXISTS referral;

CREATE TABLE referral.referral (
    id                  uuid PRIMARY KEY,
    case_id             uuid        NOT NULL,
    case_reference      text        NOT NULL,
    from_organisation   uuid        NOT NULL,
    -- the receiving Vangnet organisation; null when the directory entry has no staff in Vangnet
    -- (the sender then tracks the steps on its behalf)
    to_organisation     uuid,
    directory_slug      text        NOT NULL,
    consent_id          uuid,
    status              text        NOT NULL,
    data_key            bytea,
    handover_encrypted  bytea,
    sent_by             text        NOT NULL,
    sent_at             timestamptz NOT NULL,
    accepted_at         timestamptz,
    contact_made_at     timestamptz,
    closed_at           timestamptz,
    -- when the current step is overdue; null once the referral is closed
    step_due_at         timestamptz,
    reminded_at         timestamptz,
    reminders           integer     NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 0,
    CONSTRAINT referral_status CHECK (status IN ('SENT', 'ACCEPTED', 'DECLINED', 'CONTACT_MADE', 'DONE',
                                                 'NOT_REACHED', 'CANCELLED'))
);

CREATE INDEX referral_case ON referral.referral (case_id);
CREATE INDEX referral_from ON referral.referral (from_organisation, sent_at DESC);
CREATE INDEX referral_to ON referral.referral (to_organisation, sent_at DESC);
CREATE INDEX referral_due ON referral.referral (step_due_at) WHERE step_due_at IS NOT NULL AND reminded_at IS NULL;

CREATE TABLE referral.step (
    id           bigserial   PRIMARY KEY,
    referral_id  uuid        NOT NULL REFERENCES referral.referral (id) ON DELETE CASCADE,
    status       text        NOT NULL,
    actor        text        NOT NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX referral_step_referral ON referral.step (referral_id, at);
