-- The alerts read the pairs of one enterprise's records (which of its links are certain, which sit in the
-- review band, which review-band candidates lie outside it): a record is looked up on either side of a pair,
-- and the primary key only serves the first. match_pairs and its bands (LINK, REVIEW, CLERK_ACCEPT,
-- CLERK_REJECT) are part of what matching publishes to the alerts, with enterprises and entity_links.
CREATE INDEX ix_match_pairs_b ON match_pairs (feed_b, key_b);
