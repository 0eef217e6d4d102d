-- Scheduler state shared by every host on one database.

-- One row per job while some host holds it. A host may take a lease that is free, expired, or its own;
-- the holder renews it while the job runs, so a host that dies loses it after lease_seconds.
CREATE TABLE job_leases (
    job TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- One row per scheduled occurrence of a job (or per manual/Functions invocation). The unique
-- (job, scheduled_for) claim makes each occurrence run once across all hosts.
CREATE TABLE job_runs (
    id {{identity}},
    job TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,
    triggered_by TEXT NOT NULL,
    host TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT NOT NULL,           -- running | succeeded | failed | cancelled
    summary TEXT,
    error TEXT,
    UNIQUE (job, scheduled_for)
);

CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at);
