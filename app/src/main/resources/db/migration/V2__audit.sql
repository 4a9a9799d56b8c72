-- audit: an append-only, hash-chained trail. Each entry's hash covers the previous entry's hash,
-- so changing or removing any entry breaks every hash after it.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.entry (
    seq           bigint      PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    subject_type  text,
    subject_id    text,
    reason        text,
    detail        text        NOT NULL DEFAULT '',
    prev_hash     text        NOT NULL,
    hash          text        NOT NULL
);

CREATE INDEX entry_subject ON audit.entry (subject_type, subject_id);

CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$;

CREATE TRIGGER entry_append_only
    BEFORE UPDATE OR DELETE ON audit.entry
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TRIGGER entry_no_truncate
    BEFORE TRUNCATE ON audit.entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
