-- directory: help organisations, their channels and weekly opening hours (public facts only)
CREATE SCHEMA IF NOT EXISTS directory;

CREATE TABLE directory.organisation (
    id               uuid PRIMARY KEY,
    slug             text        NOT NULL,
    name             text        NOT NULL,
    description_nl   text        NOT NULL,
    description_en   text        NOT NULL,
    audience         text        NOT NULL DEFAULT 'VICTIMS',
    forms            text[]      NOT NULL DEFAULT '{}',
    needs            text[]      NOT NULL DEFAULT '{}',
    relations        text[]      NOT NULL DEFAULT '{}',
    min_age          integer,
    max_age          integer,
    languages        text[]      NOT NULL DEFAULT '{nl}',
    anonymous        boolean,
    website          text,
    active           boolean     NOT NULL DEFAULT true,
    position         integer     NOT NULL DEFAULT 100,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT directory_organisation_slug_unique UNIQUE (slug),
    CONSTRAINT directory_organisation_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    CONSTRAINT directory_organisation_audience CHECK (audience IN ('VICTIMS', 'OWN_BEHAVIOUR')),
    CONSTRAINT directory_organisation_ages CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);

CREATE TABLE directory.channel (
    id               uuid PRIMARY KEY,
    organisation_id  uuid    NOT NULL REFERENCES directory.organisation (id) ON DELETE CASCADE,
    type             text    NOT NULL,
    contact          text    NOT NULL,
    verified         boolean NOT NULL,
    -- ALWAYS (24/7), WEEKLY (see opening_period) or UNKNOWN (nobody checked: never shown as open)
    hours_kind       text    NOT NULL DEFAULT 'UNKNOWN',
    position         integer NOT NULL DEFAULT 100,
    CONSTRAINT directory_channel_type CHECK (type IN ('PHONE', 'CHAT', 'FORM', 'WALK_IN')),
    CONSTRAINT directory_channel_hours_kind CHECK (hours_kind IN ('ALWAYS', 'WEEKLY', 'UNKNOWN'))
);

CREATE INDEX directory_channel_organisation ON directory.channel (organisation_id);

-- One opening period per row, in minutes since midnight, Europe/Amsterdam local time.
CREATE TABLE directory.opening_period (
    channel_id     uuid     NOT NULL REFERENCES directory.channel (id) ON DELETE CASCADE,
    day_of_week    smallint NOT NULL,
    opens_minute   smallint NOT NULL,
    closes_minute  smallint NOT NULL,
    CONSTRAINT directory_opening_period_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT directory_opening_period_range CHECK (opens_minute >= 0 AND closes_minute <= 1440
                                                      AND opens_minute < closes_minute)
);

CREATE INDEX directory_opening_period_channel ON directory.opening_period (channel_id);
