-- Snapshots held by the removal guard (source_files.status = 'HELD') and the operator's confirmation that
-- lets the next ingest of the feed apply them.
ALTER TABLE source_files ADD COLUMN held_removals BIGINT;   -- how many current records the held snapshot would remove
ALTER TABLE source_files ADD COLUMN confirmed_by TEXT;      -- who confirmed the removals
ALTER TABLE source_files ADD COLUMN confirmed_at TEXT;
ALTER TABLE source_files ADD COLUMN confirm_note TEXT;
