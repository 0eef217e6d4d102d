-- Alerts schema: the log of every licence check, the NSSF division's lead statuses (kept across
-- runs), and one snapshot of the lead list per alerts run so that "new since the previous run" is
-- answerable. Reads enterprises, entity_links and the feed tables; writes only these tables.

-- One row per alerts run (the batch job): which match run and as-of date it rested on.
CREATE TABLE alert_runs (
    run_id TEXT PRIMARY KEY,            -- alerts-20261121T054001Z-3f2a
    match_run_id TEXT NOT NULL,         -- match run the links came from
    as_of TEXT NOT NULL,                -- check date D used for the policy
    started_at TEXT NOT NULL,
    finished_at TEXT,
    trigger TEXT NOT NULL,
    outcome TEXT NOT NULL,              -- RUNNING, SUCCEEDED, FAILED
    checks BIGINT NOT NULL DEFAULT 0,
    leads BIGINT NOT NULL DEFAULT 0,
    targets BIGINT NOT NULL DEFAULT 0
);

-- Every licence check answered, on demand or in batch: who asked, when, the answer and the data it
-- rested on (evidence: JSON with link run ids, source keys, file ids and lines of the records used).
CREATE TABLE licence_checks (
    check_id {{identity}},
    checked_at TEXT NOT NULL,           -- ISO timestamp (UTC) of the question
    requested_by TEXT NOT NULL,
    channel TEXT NOT NULL,              -- http, cli, batch
    registration_no TEXT NOT NULL,
    as_of TEXT NOT NULL,
    decision TEXT NOT NULL,             -- ALLOW, BLOCK, REVIEW, NOT_FOUND
    reasons TEXT NOT NULL,              -- '|'-separated codes
    enterprise_id TEXT,
    nssf_id TEXT,
    paid_through TEXT,
    unpaid_periods BIGINT NOT NULL DEFAULT 0,
    arrears_khr BIGINT NOT NULL DEFAULT 0,
    run_id TEXT,                        -- match run of the links used
    alert_run_id TEXT,                  -- set for batch checks
    evidence TEXT NOT NULL
);
CREATE INDEX ix_licence_checks_reg ON licence_checks (registration_no);
CREATE INDEX ix_licence_checks_run ON licence_checks (alert_run_id);

-- The division's status of a lead. Keyed by the stable enterprise id, so it survives later runs.
CREATE TABLE lead_status (
    enterprise_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,               -- NEW, CONTACTED, REGISTERED, NOT_LIABLE, DUPLICATE
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    note TEXT
);

-- Every status change, for audit.
CREATE TABLE lead_status_history (
    id {{identity}},
    enterprise_id TEXT NOT NULL,
    status TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX ix_lead_status_history_ent ON lead_status_history (enterprise_id);

-- The lead list of each alerts run (is_new is computed against the previous run's list).
CREATE TABLE lead_snapshots (
    alert_run_id TEXT NOT NULL,
    enterprise_id TEXT NOT NULL,
    employees_evidence TEXT NOT NULL,
    first_seen_on TEXT,
    is_new INTEGER NOT NULL,
    PRIMARY KEY (alert_run_id, enterprise_id)
);
