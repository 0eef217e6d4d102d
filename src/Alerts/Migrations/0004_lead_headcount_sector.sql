-- The lead list's headcount and ISIC class as columns, so the division's pages filter and sort by them in SQL
-- (employees_evidence holds the same figure as text, e.g. gdt:35 (2026-09)). Runs stored before this
-- migration have NULL here: their leads show, but a headcount or sector filter leaves them out.
-- The check log gains an index for an officer's recent checks.
ALTER TABLE lead_snapshots ADD COLUMN workers BIGINT;
ALTER TABLE lead_snapshots ADD COLUMN isic_code TEXT;
CREATE INDEX ix_licence_checks_by ON licence_checks (requested_by, check_id);
