-- identity: organisations and staff accounts
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.organisation (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT organisation_name_unique UNIQUE (name),
    CONSTRAINT organisation_kind_known CHECK (kind IN ('ADMINISTRATION', 'HOTLINE', 'CARE', 'POLICE', 'RESEARCH', 'OTHER'))
);

CREATE TABLE identity.staff_account (
    id                    uuid PRIMARY KEY,
    username              text        NOT NULL,
    display_name          text        NOT NULL,
    organisation_id       uuid        NOT NULL REFERENCES identity.organisation (id),
    password_hash         text        NOT NULL,
    roles                 text[]      NOT NULL,
    enabled               boolean     NOT NULL DEFAULT true,
    must_change_password  boolean     NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL,
    password_changed_at   timestamptz NOT NULL,
    version               integer     NOT NULL DEFAULT 0,
    CONSTRAINT staff_account_username_unique UNIQUE (username),
    CONSTRAINT staff_account_username_lowercase CHECK (username = lower(username)),
    CONSTRAINT staff_account_has_role CHECK (cardinality(roles) > 0)
);

CREATE INDEX staff_account_organisation ON identity.staff_account (organisation_id);
