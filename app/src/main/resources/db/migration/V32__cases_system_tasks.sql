-- Tasks the application adds for the organisation that owns a case (e.g. "a platform stopped an
-- upload of the victim's image"): no typed title, a kind that pages show in the reader's language.
-- At most one open task of a kind per case, so a burst of events adds one task, not hundreds.
ALTER TABLE cases.task ALTER COLUMN title_encrypted DROP NOT NULL;
ALTER TABLE cases.task ADD COLUMN kind text;
ALTER TABLE cases.task ADD CONSTRAINT task_title_or_kind CHECK (title_encrypted IS NOT NULL OR kind IS NOT NULL);
CREATE UNIQUE INDEX cases_task_open_kind ON cases.task (case_id, kind) WHERE kind IS NOT NULL AND done_at IS NULL;
