-- Field-level repairs: a row that loaded although one optional field could not be used as delivered (a name_km in
-- a legacy Khmer font, a Latin name typed into the Khmer column). The row is in its feed table; this says which
-- field was changed, why, how, and keeps the value as delivered. Written in the file's transaction, like quarantine.
CREATE TABLE field_warnings (
    id {{identity}},
    file_id BIGINT NOT NULL,
    feed TEXT NOT NULL,
    line BIGINT NOT NULL,               -- 1-based physical line in the file, as in quarantine
    source_key TEXT NOT NULL,           -- the loaded row's key
    field TEXT NOT NULL,                -- canonical column that was repaired
    reason TEXT NOT NULL,               -- code, e.g. LEGACY_KHMER_FONT, LATIN_IN_KHMER_NAME
    action TEXT NOT NULL,               -- BLANKED, MOVED_TO_NAME_EN, SWAPPED_WITH_NAME_EN
    message TEXT NOT NULL,              -- sentence for people (file, line, field, reason)
    original TEXT                       -- the field's value as delivered
);
CREATE INDEX ix_field_warnings_file ON field_warnings (file_id);
