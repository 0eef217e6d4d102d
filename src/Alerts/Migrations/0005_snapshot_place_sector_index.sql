-- The pages filter the stored lead and target lists by gazetteer province code (Location.SqlFilter compares a
-- code to the code column alone): an index per run and province finds a province's rows without scanning the run.
CREATE INDEX IF NOT EXISTS ix_lead_snapshots_province ON lead_snapshots (alert_run_id, province_code);
CREATE INDEX IF NOT EXISTS ix_target_snapshots_province ON target_snapshots (alert_run_id, province_code);
-- And by sector: Sectors.SqlFilter compares the ISIC class to a range of codes.
CREATE INDEX IF NOT EXISTS ix_lead_snapshots_isic ON lead_snapshots (alert_run_id, isic_code);
