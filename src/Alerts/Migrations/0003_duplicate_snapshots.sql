-- The NSSF registrations to clean up (employers that matching found registered more than once), stored with
-- each alerts run like its lead and target lists. Runs that store them are marked snapshots = 2; a run marked 1
-- has lead and target lists only.

CREATE TABLE duplicate_snapshots (
    alert_run_id TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    nssf_id TEXT NOT NULL,
    list_no BIGINT NOT NULL,            -- position in the run's list: by enterprise, the registration to keep first
    action TEXT NOT NULL,               -- KEEP, MERGE, CLOSE, SUPERSEDED, CONFIRM_MATCH
    keep_nssf_id TEXT NOT NULL,
    status TEXT,
    registered_on TEXT,
    insured_workers BIGINT,
    paid_through TEXT,
    months_declared BIGINT NOT NULL,
    link_method TEXT NOT NULL,
    link_confidence DOUBLE PRECISION NOT NULL,
    certainly_joined INTEGER NOT NULL,
    match_probability DOUBLE PRECISION,  -- matching's pair of this registration and the kept one (registration_duplicates)
    match_evidence TEXT,
    name_en TEXT,
    name_km TEXT,
    province TEXT,
    district TEXT,
    province_code TEXT,
    district_code TEXT,
    address TEXT,
    phone TEXT,
    moc_registration_no TEXT,
    tin TEXT,
    reason TEXT NOT NULL,
    PRIMARY KEY (alert_run_id, enterprise_id, nssf_id)
);
CREATE INDEX ix_duplicate_snapshots_list ON duplicate_snapshots (alert_run_id, list_no);

ALTER TABLE alert_runs ADD COLUMN duplicates BIGINT NOT NULL DEFAULT 0;
