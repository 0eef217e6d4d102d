-- Records of one registry that belong to one enterprise: a firm registered twice with NSSF (a CLOSED and an
-- ACTIVE registration, a re-registration), two TINs, two MoC head-office records. One row per pair of such
-- records in the latest run, for the registries to clean up (MoC branch licences are not duplicates).
-- Read through Integration.Matching.Persistence.DuplicateRegistrations.
CREATE TABLE registration_duplicates (
    enterprise_id TEXT NOT NULL,
    feed TEXT NOT NULL,                 -- moc-licences, gdt-taxpayers, nssf-employers
    key_a TEXT NOT NULL,                -- the two source keys, key_a < key_b (ordinal)
    key_b TEXT NOT NULL,
    probability DOUBLE PRECISION NOT NULL, -- the matcher's probability that the two are one firm
    method TEXT NOT NULL,               -- id, fuzzy, review, clerk: review = uncertain, a clerk should look
    evidence TEXT NOT NULL,             -- short explanation: which fields agreed and how strongly
    run_id TEXT NOT NULL,
    PRIMARY KEY (feed, key_a, key_b)
);
CREATE INDEX ix_registration_duplicates_enterprise ON registration_duplicates (enterprise_id);
