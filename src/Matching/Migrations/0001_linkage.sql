-- Linkage schema: the resolved enterprises, one link per source record, the review band and the
-- clerks' decisions. Alerts read enterprises and entity_links; nothing else is their contract.

CREATE TABLE match_runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    as_of TEXT NOT NULL,                -- latest extract date among the records matched
    model_version TEXT NOT NULL,
    parameters TEXT,                    -- JSON: estimated weights, thresholds, blocking keys
    summary TEXT,                       -- JSON: counts per method, review size, merges, splits
    outcome TEXT NOT NULL               -- RUNNING, SUCCEEDED, FAILED
);

-- One row per enterprise ever issued. A retired id (merged into another) keeps its row with
-- retired_into set, so an id seen in an old export can still be followed.
CREATE TABLE enterprises (
    enterprise_id TEXT PRIMARY KEY,     -- e.g. E00012345, never reused
    name_en TEXT,
    name_km TEXT,
    province TEXT,                      -- display name
    district TEXT,
    province_code TEXT,                 -- gazetteer PP
    district_code TEXT,                 -- gazetteer PPDD
    commune_code TEXT,                  -- gazetteer PPDDCC
    moc_registration_nos TEXT,          -- '|'-separated linked keys
    tins TEXT,
    nssf_ids TEXT,
    feeds TEXT,                         -- e.g. moc|gdt|nssf
    created_run_id TEXT NOT NULL,
    updated_run_id TEXT NOT NULL,
    retired_run_id TEXT,
    retired_into TEXT
);

-- Every current record of moc_licences, gdt_taxpayers and nssf_employers appears exactly once.
CREATE TABLE entity_links (
    feed TEXT NOT NULL,                 -- moc-licences, gdt-taxpayers, nssf-employers
    source_key TEXT NOT NULL,           -- registration_no, tin or nssf_id
    enterprise_id TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    method TEXT NOT NULL,               -- id, fuzzy, review, single, clerk
    evidence TEXT NOT NULL,
    run_id TEXT NOT NULL,
    PRIMARY KEY (feed, source_key)
);
CREATE INDEX ix_entity_links_enterprise ON entity_links (enterprise_id);

-- Scored pairs of the latest run that were linked or fell in the review band, with per-field evidence.
CREATE TABLE match_pairs (
    feed_a TEXT NOT NULL,
    key_a TEXT NOT NULL,
    feed_b TEXT NOT NULL,
    key_b TEXT NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    match_weight DOUBLE PRECISION NOT NULL,
    band TEXT NOT NULL,                 -- LINK, REVIEW, CLERK_ACCEPT, CLERK_REJECT
    evidence TEXT NOT NULL,             -- JSON per field: comparison level, similarity, weight
    run_id TEXT NOT NULL,
    PRIMARY KEY (feed_a, key_a, feed_b, key_b)
);

-- A clerk's accept/reject of a pair; wins over the matcher in every later run.
CREATE TABLE clerk_decisions (
    feed_a TEXT NOT NULL,
    key_a TEXT NOT NULL,
    feed_b TEXT NOT NULL,
    key_b TEXT NOT NULL,
    decision TEXT NOT NULL,             -- ACCEPT, REJECT
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (feed_a, key_a, feed_b, key_b)
);

-- NEW, MERGE, SPLIT, RETIRE events of enterprise ids, per run.
CREATE TABLE enterprise_events (
    id {{identity}},
    run_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    related_ids TEXT,
    detail TEXT
);
CREATE INDEX ix_enterprise_events_run ON enterprise_events (run_id);
