-- cases: what the victim told through the portal reaches the case file. Barriers and whom they
-- told are codes (like needs); the victim's own words are free text, encrypted with the case's data
-- key like the narrative (and erased with it). The inbox of cases with unread victim messages reads
-- a small partial index per organisation.
ALTER TABLE cases.case_file
    ADD COLUMN barriers text[] NOT NULL DEFAULT '{}',
    ADD COLUMN told text[] NOT NULL DEFAULT '{}',
    ADD COLUMN victim_words_encrypted bytea;

CREATE INDEX cases_case_file_unread ON cases.case_file (organisation_id, victim_replied_at) WHERE reply_unread;
