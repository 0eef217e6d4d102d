-- Ingest schema: delivered files, runs, quarantine, and one table per feed holding the current
-- state of every source record with the canonical column names of shared/spec/extracts.md.
-- Dates are ISO text (yyyy-MM-dd), months yyyy-MM, money whole riel (BIGINT), booleans 0/1.
-- Every source row carries the file and line it was last loaded from, and when it was first and
-- last seen (as-of dates of the extracts), so every decision can be traced back to a file and line.

CREATE TABLE ingest_runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trigger TEXT NOT NULL,              -- cli, schedule, function, test
    landing TEXT NOT NULL,              -- description of the landing zone (no secrets)
    outcome TEXT NOT NULL,              -- RUNNING, SUCCEEDED, FAILED, NOTHING_NEW
    files_seen BIGINT NOT NULL DEFAULT 0,
    files_loaded BIGINT NOT NULL DEFAULT 0,
    files_rejected BIGINT NOT NULL DEFAULT 0,
    files_skipped BIGINT NOT NULL DEFAULT 0,
    rows_read BIGINT NOT NULL DEFAULT 0,
    rows_loaded BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    error TEXT
);

CREATE TABLE source_files (
    file_id {{identity}},
    feed TEXT NOT NULL,
    landing_path TEXT NOT NULL,         -- where it was delivered, e.g. moc-licences/2026-10-01.csv
    sha256 TEXT NOT NULL,               -- content hash: the same bytes under any name are the same delivery
    size_bytes BIGINT NOT NULL,
    raw_path TEXT NOT NULL,             -- untouched copy in the raw zone
    as_of TEXT NOT NULL,                -- extract date: from the file name, else its arrival time
    as_of_source TEXT NOT NULL,         -- NAME or ARRIVAL
    received_at TEXT NOT NULL,
    run_id TEXT NOT NULL,
    status TEXT NOT NULL,               -- LOADED, REJECTED
    rows_read BIGINT NOT NULL DEFAULT 0,
    rows_loaded BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    unknown_columns TEXT,               -- '|'-separated columns ignored
    error TEXT                          -- why the whole file was rejected
);
CREATE UNIQUE INDEX ux_source_files_feed_sha ON source_files (feed, sha256);

-- Later deliveries of content already seen (any name): recorded for audit, never applied again.
CREATE TABLE duplicate_deliveries (
    id {{identity}},
    feed TEXT NOT NULL,
    landing_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original_file_id BIGINT NOT NULL,
    run_id TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_duplicate_deliveries ON duplicate_deliveries (feed, landing_path, sha256);

CREATE TABLE quarantine (
    id {{identity}},
    file_id BIGINT NOT NULL,
    feed TEXT NOT NULL,
    line BIGINT NOT NULL,               -- 1-based physical line in the file (header is line 1 for CSV)
    field TEXT,                         -- canonical column at fault, if one
    reason TEXT NOT NULL,               -- code, e.g. BAD_DATE, MISSING_KEY, DUPLICATE_KEY
    message TEXT NOT NULL,              -- sentence for people
    raw TEXT                            -- the raw line as read
);
CREATE INDEX ix_quarantine_file ON quarantine (file_id);

-- What changed in a source record between extracts (NEW, CHANGED, REMOVED, REAPPEARED, CORRECTED).
CREATE TABLE record_history (
    id {{identity}},
    feed TEXT NOT NULL,
    source_key TEXT NOT NULL,
    as_of TEXT NOT NULL,
    change TEXT NOT NULL,
    changed_fields TEXT,                -- '|'-separated canonical columns
    file_id BIGINT NOT NULL,
    line BIGINT
);
CREATE INDEX ix_record_history_key ON record_history (feed, source_key);

CREATE TABLE moc_licences (
    registration_no TEXT PRIMARY KEY,
    licence_no TEXT,
    name_km TEXT,
    name_en TEXT,
    entity_type TEXT,
    tin TEXT,
    registered_on TEXT,
    licence_expires_on TEXT,
    renewal_applied_on TEXT,
    status TEXT,
    declared_employees BIGINT,
    director_name TEXT,
    activity TEXT,
    isic_code TEXT,
    house_no TEXT,
    street TEXT,
    village TEXT,
    commune TEXT,
    district TEXT,
    province TEXT,
    address TEXT,
    phone TEXT,
    email TEXT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    row_hash TEXT NOT NULL,
    first_seen_on TEXT NOT NULL,
    last_seen_on TEXT NOT NULL,
    is_current INTEGER NOT NULL
);

CREATE TABLE gdt_taxpayers (
    tin TEXT PRIMARY KEY,
    name_km TEXT,
    name_en TEXT,
    moc_registration_no TEXT,
    taxpayer_class TEXT,
    registered_on TEXT,
    status TEXT,
    employees BIGINT,
    employees_period TEXT,
    activity TEXT,
    isic_code TEXT,
    house_no TEXT,
    street TEXT,
    village TEXT,
    commune TEXT,
    district TEXT,
    province TEXT,
    address TEXT,
    phone TEXT,
    email TEXT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    row_hash TEXT NOT NULL,
    first_seen_on TEXT NOT NULL,
    last_seen_on TEXT NOT NULL,
    is_current INTEGER NOT NULL
);

CREATE TABLE nssf_employers (
    nssf_id TEXT PRIMARY KEY,
    name_km TEXT,
    name_en TEXT,
    tin TEXT,
    moc_registration_no TEXT,
    registered_on TEXT,
    status TEXT,
    insured_workers BIGINT,
    activity TEXT,
    isic_code TEXT,
    house_no TEXT,
    street TEXT,
    village TEXT,
    commune TEXT,
    district TEXT,
    province TEXT,
    address TEXT,
    phone TEXT,
    email TEXT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    row_hash TEXT NOT NULL,
    first_seen_on TEXT NOT NULL,
    last_seen_on TEXT NOT NULL,
    is_current INTEGER NOT NULL
);

CREATE TABLE nssf_contributions (
    nssf_id TEXT NOT NULL,
    period TEXT NOT NULL,
    insured_workers BIGINT,
    wages_khr BIGINT,
    due_khr BIGINT,
    paid_khr BIGINT,
    paid_on TEXT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    row_hash TEXT NOT NULL,
    first_seen_on TEXT NOT NULL,
    last_seen_on TEXT NOT NULL,
    PRIMARY KEY (nssf_id, period)
);

CREATE TABLE nssf_inspections (
    inspection_key TEXT PRIMARY KEY,    -- nssf_id|registration_no|inspected_on
    nssf_id TEXT,
    registration_no TEXT,
    inspected_on TEXT NOT NULL,
    outcome TEXT,
    inspector TEXT,
    notes TEXT,
    file_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    row_hash TEXT NOT NULL,
    first_seen_on TEXT NOT NULL,
    last_seen_on TEXT NOT NULL
);
CREATE INDEX ix_inspections_nssf ON nssf_inspections (nssf_id);
CREATE INDEX ix_inspections_reg ON nssf_inspections (registration_no);
