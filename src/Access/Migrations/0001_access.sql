-- Access schema: people's accounts and the audit log. Written only by src/Access.

-- One row per person who signs in to the web app. user_name is stored lower-case (names are compared
-- case-insensitively). password_hash is ASP.NET Core Identity's PBKDF2 format (never the password);
-- null for an account that signs in only through the ministry's identity provider.
CREATE TABLE accounts (
    user_name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    roles TEXT NOT NULL,                -- '|'-separated: licensing, registration, inspection, matching, operations, admin
    province_code TEXT,                 -- gazetteer PP: the account sees this province only; null = national
    language TEXT NOT NULL,             -- en, km: the person's choice, kept across sessions
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    locked_until TEXT,                  -- ISO timestamp (UTC) after repeated wrong passwords
    stamp TEXT NOT NULL,                -- changes with the password, roles, scope or status: older sign-ins end
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_sign_in_at TEXT
);

-- The audit log: every read of a firm's records, check, decision, status change, export, sign-in and
-- account change, in order. Each entry's hash covers its fields and the previous entry's hash (keyed
-- with Access:Audit:Key when configured), so editing or deleting an entry breaks the chain at that
-- entry: `integration audit verify` finds it. seq has no gaps; a gap is a deleted entry.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,                   -- ISO timestamp (UTC)
    actor TEXT NOT NULL,                -- account, API key name, or cli:<os user>
    channel TEXT NOT NULL,              -- web, api, cli
    action TEXT NOT NULL,               -- see AuditAction
    subject TEXT,                       -- what was acted on: enterprise id, registration number, account ...
    province_code TEXT,                 -- scope of the actor when the action was taken
    detail TEXT,                        -- short JSON: filter, decision, old and new status, row count ...
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, seq);
CREATE INDEX ix_audit_log_action ON audit_log (action, seq);
CREATE INDEX ix_audit_log_subject ON audit_log (subject, seq);
