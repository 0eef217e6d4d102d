-- What an alerts run stored is enough to answer the lead and target lists: GET /api/leads, GET /api/targets
-- and the CLI read the latest run's rows (filtered in SQL) instead of recomputing every enterprise's facts
-- on each request. The division's statuses stay in lead_status and are joined when read, so a change
-- shows at once. Runs recorded before this migration have no such rows (snapshots = 0) and are recomputed.

ALTER TABLE alert_runs ADD COLUMN snapshots INTEGER NOT NULL DEFAULT 0;  -- 1: lead and target lists stored in full

-- The lead list of the run, every column of leads.csv but the live status.
ALTER TABLE lead_snapshots ADD COLUMN list_no BIGINT;                 -- position in the run's list (newest first)
ALTER TABLE lead_snapshots ADD COLUMN moc_registration_no TEXT;
ALTER TABLE lead_snapshots ADD COLUMN tin TEXT;
ALTER TABLE lead_snapshots ADD COLUMN name_en TEXT;
ALTER TABLE lead_snapshots ADD COLUMN name_km TEXT;
ALTER TABLE lead_snapshots ADD COLUMN province TEXT;
ALTER TABLE lead_snapshots ADD COLUMN district TEXT;
ALTER TABLE lead_snapshots ADD COLUMN province_code TEXT;
ALTER TABLE lead_snapshots ADD COLUMN district_code TEXT;
ALTER TABLE lead_snapshots ADD COLUMN address TEXT;
ALTER TABLE lead_snapshots ADD COLUMN phone TEXT;
ALTER TABLE lead_snapshots ADD COLUMN activity TEXT;
ALTER TABLE lead_snapshots ADD COLUMN evidence_feed TEXT;             -- record whose headcount makes the firm liable
ALTER TABLE lead_snapshots ADD COLUMN evidence_key TEXT;
CREATE INDEX ix_lead_snapshots_list ON lead_snapshots (alert_run_id, list_no);

-- The full target list of the run (no capacity cut), ranked; reasons holds every factor with its points.
CREATE TABLE target_snapshots (
    alert_run_id TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    list_no BIGINT NOT NULL,            -- rank in the run's full list
    nssf_id TEXT,
    moc_registration_no TEXT,
    tin TEXT,
    name_en TEXT,
    name_km TEXT,
    province TEXT,
    district TEXT,
    province_code TEXT,
    district_code TEXT,
    address TEXT,
    phone TEXT,
    risk_score BIGINT NOT NULL,
    reasons TEXT NOT NULL,              -- e.g. NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20
    employees_gdt BIGINT,
    insured_workers_nssf BIGINT,
    unpaid_periods BIGINT NOT NULL,
    arrears_khr BIGINT NOT NULL,
    last_inspected_on TEXT,
    workers BIGINT NOT NULL,            -- tie-breaker after the score
    PRIMARY KEY (alert_run_id, enterprise_id)
);
CREATE INDEX ix_target_snapshots_list ON target_snapshots (alert_run_id, list_no);
