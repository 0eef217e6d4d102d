-- What the last pull of each feed's source saw: validators for conditional requests, the content hash of the
-- last extract landed (an unchanged body is not landed twice), and how long the source has been failing.
CREATE TABLE pull_state (
    feed TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    landing_path TEXT,
    landed_at TEXT,
    checked_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since TEXT,
    last_error TEXT
);
