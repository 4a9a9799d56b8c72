-- Survey answer retention: every campaign keeps its answers until a date chosen when it was
-- created (between the closing date and ten years after it). A daily sweep deletes the responses
-- of campaigns past that date and records the day it did so; the campaign row itself stays.
ALTER TABLE survey.campaign ADD COLUMN answers_kept_until date;
ALTER TABLE survey.campaign ADD COLUMN answers_deleted_on date;

-- Existing campaigns get the default period: five years after their closing date.
UPDATE survey.campaign SET answers_kept_until = (closes_on + INTERVAL '5 years')::date;

ALTER TABLE survey.campaign ALTER COLUMN answers_kept_until SET NOT NULL;
ALTER TABLE survey.campaign ADD CONSTRAINT campaign_answers_kept_after_closing
    CHECK (answers_kept_until >= closes_on AND answers_kept_until <= (closes_on + INTERVAL '10 years')::date);

CREATE INDEX campaign_answers_kept_until ON survey.campaign (answers_kept_until) WHERE answers_deleted_on IS NULL;
