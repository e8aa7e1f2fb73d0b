-- The staff workbench (issue #7): accounts, roles, sessions, the audit log, internal notes and
-- assignment of rights-assistance requests, and attendance of bookings.

CREATE TABLE staff_accounts (
    id            INTEGER PRIMARY KEY,
    -- Lower case, 1-32 of a-z 0-9 . _ -
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    -- Argon2id in the PHC string format ($argon2id$v=19$m=19456,t=2,p=1$salt$hash).
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE staff_account_roles (
    account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
    role       TEXT NOT NULL CHECK (role IN ('reception', 'case_handler', 'administrator')),
    PRIMARY KEY (account_id, role)
);

-- A login. The cookie holds 256 random bits; only their SHA-256 is kept, so a copy of the
-- database opens no session. The CSRF token is kept as it is: without the cookie it is useless.
CREATE TABLE staff_sessions (
    id_hash      BLOB PRIMARY KEY CHECK (length(id_hash) = 32),
    account_id   INTEGER NOT NULL REFERENCES staff_accounts (id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    -- created_at + 12 hours; idle expiry is last_seen_at + 30 minutes.
    expires_at   INTEGER NOT NULL
);

CREATE INDEX staff_sessions_by_account ON staff_sessions (account_id);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);

-- Every change made by staff (and the creation of the first administrator, actor NULL),
-- written in the transaction of the change. `summary` never holds personal data: statuses,
-- roles, ids.
CREATE TABLE staff_audit (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor_id    INTEGER REFERENCES staff_accounts (id),
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT,
    summary     TEXT NOT NULL
);

CREATE INDEX staff_audit_by_time ON staff_audit (at, id);

-- Internal notes on a rights-assistance request: never shown on any citizen route.
CREATE TABLE staff_case_notes (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES assistance_requests (id),
    author_id  INTEGER NOT NULL REFERENCES staff_accounts (id),
    body       TEXT NOT NULL,
    at         INTEGER NOT NULL
);

CREATE INDEX staff_case_notes_by_request ON staff_case_notes (request_id, at);

-- Who handles a request (a case_handler account), NULL while unassigned.
ALTER TABLE assistance_requests ADD COLUMN assignee_id INTEGER REFERENCES staff_accounts (id);

-- Whether the person came. Kept beside `status` rather than in it: a checked-in booking stays
-- 'confirmed' and keeps its seat, so the seat index (status = 'confirmed') and every existing
-- query of the booking routes mean what they meant.
ALTER TABLE bookings ADD COLUMN attendance TEXT CHECK (attendance IN ('checked_in', 'no_show'));
ALTER TABLE bookings ADD COLUMN attendance_at INTEGER;
