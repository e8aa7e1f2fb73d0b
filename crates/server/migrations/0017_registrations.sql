-- The enterprise fast track, part 1 (issue #14): a firm's registration (专利预审备案), its review
-- by the new pre-examination officer role, and the fast track's administrator data.
-- See crate::firms::registration and crate::staff::registrations.

-- A new staff role: SQLite cannot change a CHECK, so the table is rebuilt with the same rows.
CREATE TABLE staff_account_roles_new (
    account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
    role       TEXT NOT NULL
               CHECK (role IN ('reception', 'case_handler', 'administrator', 'pre_exam_officer')),
    PRIMARY KEY (account_id, role)
);
INSERT INTO staff_account_roles_new (account_id, role)
    SELECT account_id, role FROM staff_account_roles;
DROP TABLE staff_account_roles;
ALTER TABLE staff_account_roles_new RENAME TO staff_account_roles;

-- The fields, eligibility rules and time limits (portal_domain FastTrackSettings as JSON). No
-- row: the shipped illustrative defaults.
CREATE TABLE fast_track_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES staff_accounts (id)
);

-- One registration per firm.
CREATE TABLE registrations (
    id             INTEGER PRIMARY KEY,
    firm_id        INTEGER NOT NULL UNIQUE REFERENCES firms (id),
    status         TEXT NOT NULL CHECK (status IN
                   ('draft', 'submitted', 'under_review', 'needs_amendment', 'registered', 'refused')),
    -- Given at the first submission.
    reference      TEXT UNIQUE,
    -- RegistrationAnswers as JSON.
    answers        TEXT NOT NULL,
    -- The defects of the last request to amend (JSON list of Defect).
    defects        TEXT NOT NULL DEFAULT '[]',
    submitted_at   INTEGER,
    -- YYYY-MM-DD: the last day of the review or of the amendment.
    due_on         TEXT,
    assignee_id    INTEGER REFERENCES staff_accounts (id),
    certificate_no TEXT UNIQUE,
    registered_on  TEXT,
    valid_until    TEXT,
    refusal_reason TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((reference IS NULL) = (status = 'draft'))
);

CREATE INDEX registrations_by_status ON registrations (status, due_on);

-- Every step of a registration: by the firm's person or by an officer; internal notes too
-- (action 'note', never shown to the firm).
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

CREATE INDEX registration_events_by_registration ON registration_events (registration_id, at);
