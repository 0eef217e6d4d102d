-- One row that /health writes on every call: a health check that only reads says "healthy" while the disk is
-- full or the database file cannot be written.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    checked_at TEXT NOT NULL,
    checked_by TEXT NOT NULL
);
