-- Survey module: campaigns, anonymous links, responses and interview contacts (schema survey).
-- Privacy by structure: responses hold no IP address, no link token and only the day they were
-- submitted; interview contacts share no column, key or timestamp with responses.
CREATE SCHEMA IF NOT EXISTS survey;

CREATE TABLE survey.campaign (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    instrument_id       text NOT NULL,
    instrument_version  text NOT NULL,
    target_group        text NOT NULL,
    parental_consent    text NOT NULL,
    interview_opt_in    boolean NOT NULL,
    organiser           text NOT NULL,
    contact             text NOT NULL,
    purpose_nl          text NOT NULL,
    purpose_en          text NOT NULL,
    opens_on            date NOT NULL,
    closes_on           date NOT NULL,
    closed_on           date,
    created_by          text NOT NULL,
    created_on          date NOT NULL,
    CHECK (closes_on >= opens_on)
);

-- Only the SHA-256 of a link token is stored; the token itself is shown once when generated.
CREATE TABLE survey.link (
    id          uuid PRIMARY KEY,
    campaign_id uuid NOT NULL REFERENCES survey.campaign (id),
    label       text NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    single_use  boolean NOT NULL,
    used        boolean NOT NULL DEFAULT false,
    revoked     boolean NOT NULL DEFAULT false,
    position    integer NOT NULL
);
CREATE INDEX link_campaign ON survey.link (campaign_id, position);

-- One row per submitted questionnaire. submission_hash makes a repeated submit of the same
-- filled-in questionnaire a no-op; it is a hash of a random value that lives only in the
-- respondent's sealed page state.
CREATE TABLE survey.response (
    id                uuid PRIMARY KEY,
    campaign_id       uuid NOT NULL REFERENCES survey.campaign (id),
    link_id           uuid NOT NULL REFERENCES survey.link (id),
    submission_hash   bytea NOT NULL UNIQUE,
    language          text NOT NULL,
    age_group         smallint NOT NULL,
    submitted_on      date NOT NULL,
    duration_seconds  integer NOT NULL,
    answers           jsonb NOT NULL,
    free_text         bytea,
    too_fast          boolean NOT NULL,
    straight_lining   boolean NOT NULL,
    inconsistent      boolean NOT NULL
);
CREATE INDEX response_campaign_link ON survey.response (campaign_id, link_id);

-- Contact details for an interview invitation, encrypted, deleted when the campaign closes.
-- Deliberately no timestamp, no link and nothing from the response: only the campaign they
-- belong to and a hash of the one-time ticket that stops the same form being sent twice.
CREATE TABLE survey.interview_contact (
    id           uuid PRIMARY KEY,
    campaign_id  uuid NOT NULL REFERENCES survey.campaign (id),
    ticket_hash  bytea NOT NULL UNIQUE,
    sealed       bytea NOT NULL
);
CREATE INDEX interview_contact_campaign ON survey.interview_contact (campaign_id);
