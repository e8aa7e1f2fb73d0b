-- The enterprise fast track, part 1 (issue #14): firms registered in the city, their people
-- (each with their own sign-in), the firm realm's sessions and known browsers, and the audit of
-- what a firm's people did. See crate::firms and crate::sign_in.

CREATE TABLE firms (
    id         INTEGER PRIMARY KEY,
    -- The 统一社会信用代码, normalised (18 characters, upper case); one account per firm.
    uscc       TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE firm_people (
    id            INTEGER PRIMARY KEY,
    firm_id       INTEGER NOT NULL REFERENCES firms (id),
    name          TEXT NOT NULL,
    -- 11 digits; with the firm's code, what the person signs in with.
    mobile        TEXT NOT NULL CHECK (length(mobile) = 11),
    -- Argon2id in the PHC string format, as staff_accounts.password_hash.
    password_hash TEXT NOT NULL,
    -- The person who signed the firm up, who adds colleagues.
    is_first      INTEGER NOT NULL DEFAULT 0 CHECK (is_first IN (0, 1)),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (firm_id, mobile)
);

-- As staff_sessions: only the SHA-256 of the cookie is kept.
CREATE TABLE firm_sessions (
    id_hash      BLOB PRIMARY KEY CHECK (length(id_hash) = 32),
    account_id   INTEGER NOT NULL REFERENCES firm_people (id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);

CREATE INDEX firm_sessions_by_account ON firm_sessions (account_id);
CREATE INDEX firm_sessions_by_expiry ON firm_sessions (expires_at);

-- As staff_devices.
CREATE TABLE firm_devices (
    id_hash    BLOB NOT NULL CHECK (length(id_hash) = 32),
    account_id INTEGER NOT NULL REFERENCES firm_people (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (id_hash, account_id)
);

CREATE INDEX firm_devices_by_expiry ON firm_devices (expires_at);

-- What a firm's people did (signing in and out, later applications), written in the
-- transaction of the change. `summary` never holds personal data.
CREATE TABLE firm_audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    firm_id   INTEGER NOT NULL REFERENCES firms (id),
    person_id INTEGER REFERENCES firm_people (id),
    action    TEXT NOT NULL,
    summary   TEXT NOT NULL
);

CREATE INDEX firm_audit_by_firm ON firm_audit (firm_id, at);

-- One-time links that set a person's password: a colleague's first one (made by the firm's
-- first person) or a forgotten one (made by the center's staff after checking who is asking).
-- Only the SHA-256 of the token is kept; a link is used once and expires.
CREATE TABLE firm_password_links (
    token_hash BLOB PRIMARY KEY CHECK (length(token_hash) = 32),
    person_id  INTEGER NOT NULL REFERENCES firm_people (id),
    purpose    TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE INDEX firm_password_links_by_person ON firm_password_links (person_id);
