-- When a victim's data is erased from a case (they deleted their request, or retention removed the
-- case), every takedown request of the case goes with its data key. What the time-to-removal
-- figures need of the requests that were sent stays here, without any link to the case, the
-- victim or the URL: the host, the provider and country found for it, the code, and the times.
-- A request still open at erasure counts as observed until then (censored), not as removed.
CREATE TABLE takedown.erased_outcome (
    id          bigserial PRIMARY KEY,
    host        text        NOT NULL,
    provider    text,
    country     text,
    form_code   text        NOT NULL,
    sent_at     timestamptz NOT NULL,
    removed_at  timestamptz,
    erased_at   timestamptz NOT NULL
);
