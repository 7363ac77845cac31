-- Accounts and their sessions, the follow-up of action points, organisations kept clean by
-- the secretariat, and the audit log. Keep in step with migrations/postgres/0003.
-- Times are UTC, written by Cadre (RFC 3339 text here, TIMESTAMPTZ on PostgreSQL).

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    -- Argon2id, in the PHC string format (algorithm, parameters and salt included).
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    region TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so that
-- a copy of the database opens no session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Failed sign-ins of the last minutes, for throttling per account and per address.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_by_username ON login_failures (username, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

-- Every change made through Cadre: who, when, the record, its value before and after (JSON).
-- Written in the same transaction as the change.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts (id),
    actor TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id, id);

-- Action points: a version for optimistic concurrency, and the day of the latest report.
ALTER TABLE action_points ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- "Le plus tôt possible" is due 30 days after the meeting (AS_SOON_AS_POSSIBLE_DAYS).
UPDATE action_points SET due_date = date(meeting_date, '+30 days'), sort_date = date(meeting_date, '+30 days')
    WHERE deadline_kind = 'as_soon_as_possible';
ALTER TABLE action_points ADD COLUMN status_date TEXT;

-- Status reports on an action point, with their comment. A report is never deleted: one made
-- by mistake is withdrawn (and can be restored), and the point's status follows its latest
-- report still standing.
CREATE TABLE action_point_reports (
    id INTEGER PRIMARY KEY,
    action_point_id INTEGER NOT NULL REFERENCES action_points (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    previous_status TEXT NOT NULL,
    comment TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts (id),
    actor TEXT NOT NULL,
    -- The point's version once this report was made.
    version INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX action_point_reports_by_point ON action_point_reports (action_point_id, id);

-- Organisations: a unit of another (DRECM-R Agadez under its national directorate), an entry
-- that names a role rather than an organisation ("Chauffeur Dosso"), and one merged into
-- another (kept, so that the merge can be undone).
ALTER TABLE organisations ADD COLUMN parent_id INTEGER REFERENCES organisations (id);
ALTER TABLE organisations ADD COLUMN is_role INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN merged_into INTEGER REFERENCES organisations (id);
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- An organisation's focal points and their contacts (personal data: shown to the secretariat
-- and the organisation's own editors only). Removed ones are kept, marked, and can come back.
CREATE TABLE focal_points (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    function TEXT,
    phone TEXT,
    email TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX focal_points_by_organisation ON focal_points (organisation_id, id);
