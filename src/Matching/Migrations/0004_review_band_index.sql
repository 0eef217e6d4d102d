-- The clerks' queue reads the review band best first; the band is a few thousand of the run's pairs, so a
-- partial index over it (on both databases) finds them without reading every linked pair's row and evidence.
CREATE INDEX IF NOT EXISTS ix_match_pairs_review ON match_pairs (probability) WHERE band = 'REVIEW';
