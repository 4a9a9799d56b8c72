-- intake: the victim's own words for the professional (optional, encrypted with the request's data
-- key), and opt-in e-mail notifications of replies. The address is encrypted with the request's
-- data key and goes with the request (cascade); the outbox holds at most one waiting notification
-- per request and never any content: the e-mail only says that there is a new message.
ALTER TABLE intake.help_request ADD COLUMN own_words_encrypted bytea;

CREATE TABLE intake.notification_address (
    help_request_id    uuid PRIMARY KEY REFERENCES intake.help_request (id) ON DELETE CASCADE,
    address_encrypted  bytea       NOT NULL,
    language           text        NOT NULL,
    created_at         timestamptz NOT NULL,
    CONSTRAINT intake_notification_address_language CHECK (language IN ('nl', 'en'))
);

-- Written in the same transaction as the professional's message; deleted once the mail server took
-- the e-mail, when the address is removed, or with the request.
CREATE TABLE intake.notification_outbox (
    id               uuid PRIMARY KEY,
    help_request_id  uuid        NOT NULL REFERENCES intake.help_request (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_failure     text,
    CONSTRAINT intake_notification_outbox_one_per_request UNIQUE (help_request_id)
);

CREATE INDEX intake_notification_outbox_due ON intake.notification_outbox (next_attempt_at);
