-- What an incremental match run needs from the last full one, saved by every run in parts of a few MB:
-- 'model' (the Fellegi-Sunter parameters the last full run estimated, JSON) and 'records' (each current record's
-- row hash and its standardised form). Read through Integration.Matching.Incremental.MatchStateStore.
CREATE TABLE match_state (
    name TEXT NOT NULL,
    part INTEGER NOT NULL,
    data {{blob}} NOT NULL,
    run_id TEXT NOT NULL,
    PRIMARY KEY (name, part)
);
