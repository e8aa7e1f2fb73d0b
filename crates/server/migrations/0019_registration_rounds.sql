-- A registration's rounds (issue #14): a firm applies again after a refusal, a cancellation or
-- the end of its validity; a registered firm changes its details (变更); the center re-checks
-- (复核) or cancels (撤销) a registration. Each round is a row of its own, so `firm_id` is no
-- longer UNIQUE: at most one open round and one registration in force per firm instead (partial
-- unique indexes). A change accepted keeps the certificate number, so `certificate_no` is unique
-- among the registrations in force only.
--
-- SQLite cannot drop a UNIQUE or change a CHECK: the table is rebuilt with the same rows and ids.
-- Foreign keys stay on (sqlx runs a migration in a transaction, where they cannot be turned
-- off), so the tables that refer to `registrations` (its history and its files) are set aside
-- first and rebuilt after it:
-- dropping a table that still has rows referring to it would fail the transaction.

CREATE TABLE registration_events_keep AS SELECT * FROM registration_events;
DROP TABLE registration_events;
CREATE TABLE registration_files_keep AS SELECT * FROM registration_files;
DROP TABLE registration_files;

CREATE TABLE registrations_new (
    id             INTEGER PRIMARY KEY,
    firm_id        INTEGER NOT NULL REFERENCES firms (id),
    kind           TEXT NOT NULL DEFAULT 'application'
                   CHECK (kind IN ('application', 'change', 'recheck')),
    -- The registration in force that a change or re-check would replace.
    previous_id    INTEGER REFERENCES registrations (id),
    status         TEXT NOT NULL CHECK (status IN
                   ('draft', 'submitted', 'under_review', 'needs_amendment', 'registered',
                    'refused', 'cancelled', 'superseded')),
    reference      TEXT UNIQUE,
    answers        TEXT NOT NULL,
    defects        TEXT NOT NULL DEFAULT '[]',
    submitted_at   INTEGER,
    due_on         TEXT,
    assignee_id    INTEGER REFERENCES staff_accounts (id),
    certificate_no TEXT,
    registered_on  TEXT,
    valid_until    TEXT,
    refusal_reason TEXT,
    -- A cancellation: the published reason's code, what the officer wrote, the day.
    cancel_reason  TEXT,
    cancel_text    TEXT,
    cancelled_on   TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((reference IS NULL) = (status = 'draft')),
    CHECK ((kind = 'application') = (previous_id IS NULL)),
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);

INSERT INTO registrations_new (id, firm_id, status, reference, answers, defects, submitted_at,
    due_on, assignee_id, certificate_no, registered_on, valid_until, refusal_reason, created_at,
    updated_at)
SELECT id, firm_id, status, reference, answers, defects, submitted_at, due_on, assignee_id,
    certificate_no, registered_on, valid_until, refusal_reason, created_at, updated_at
FROM registrations;

DROP TABLE registrations;

ALTER TABLE registrations_new RENAME TO registrations;

CREATE INDEX registrations_by_status ON registrations (status, due_on);
CREATE INDEX registrations_by_firm ON registrations (firm_id, id);
CREATE UNIQUE INDEX registrations_one_open_per_firm ON registrations (firm_id)
    WHERE status IN ('draft', 'submitted', 'under_review', 'needs_amendment');
CREATE UNIQUE INDEX registrations_one_in_force_per_firm ON registrations (firm_id)
    WHERE status = 'registered';
CREATE UNIQUE INDEX registrations_certificate_in_force ON registrations (certificate_no)
    WHERE status = 'registered';

-- As in 0017.
CREATE TABLE registration_events (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    at              INTEGER NOT NULL,
    staff_id        INTEGER REFERENCES staff_accounts (id),
    person_id       INTEGER REFERENCES firm_people (id),
    action          TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    CHECK ((staff_id IS NULL) <> (person_id IS NULL))
);
INSERT INTO registration_events (id, registration_id, at, staff_id, person_id, action, detail)
    SELECT id, registration_id, at, staff_id, person_id, action, detail
    FROM registration_events_keep;
DROP TABLE registration_events_keep;
CREATE INDEX registration_events_by_registration ON registration_events (registration_id, at);

-- As in 0018.
CREATE TABLE registration_files (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    purpose         TEXT NOT NULL CHECK (purpose IN
                    ('business_licence', 'social_insurance', 'declaration', 'rnd_proof')),
    sha256          BLOB NOT NULL REFERENCES assistance_blobs (sha256),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heic', 'pdf')),
    size            INTEGER NOT NULL CHECK (size > 0),
    uploaded_at     INTEGER NOT NULL,
    uploaded_by     INTEGER NOT NULL REFERENCES firm_people (id)
);
INSERT INTO registration_files (id, registration_id, purpose, sha256, name, kind, size,
    uploaded_at, uploaded_by)
    SELECT id, registration_id, purpose, sha256, name, kind, size, uploaded_at, uploaded_by
    FROM registration_files_keep;
DROP TABLE registration_files_keep;
CREATE INDEX registration_files_by_registration ON registration_files (registration_id, purpose);
CREATE INDEX registration_files_by_content ON registration_files (sha256);
