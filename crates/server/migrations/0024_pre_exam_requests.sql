-- The enterprise fast track, part 2 (issue #15): pre-examination requests (专利预审申请), their
-- examination by the pre-examination officers, their documents, the per-firm quotas and the
-- administrators' pre-examination settings. See crate::firms::pre_exam and
-- crate::staff::pre_exams.

-- Which venue's requests a pre-examination officer examines: the center's (the default) or one
-- 快维 centre's. Set by administrators through the accounts API (`pre_exam_venue`).
ALTER TABLE staff_accounts ADD COLUMN pre_exam_venue TEXT NOT NULL DEFAULT 'protection_center'
    CHECK (pre_exam_venue IN ('protection_center', 'home_textiles', 'furniture'));

-- The time limits and default yearly quota (portal_domain PreExamSettings as JSON). No row: the
-- shipped illustrative defaults.
CREATE TABLE pre_exam_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES staff_accounts (id)
);

-- The center's own figure for a firm and the extra quota (增量额度) it granted, for one year.
CREATE TABLE pre_exam_quotas (
    firm_id    INTEGER NOT NULL REFERENCES firms (id),
    year       INTEGER NOT NULL,
    own        INTEGER CHECK (own >= 0),
    extra      INTEGER NOT NULL DEFAULT 0 CHECK (extra >= 0),
    updated_at INTEGER NOT NULL,
    updated_by INTEGER REFERENCES staff_accounts (id),
    PRIMARY KEY (firm_id, year)
);

-- One row per request. A draft has answers only; submitting gives it its reference and its
-- examination (portal_domain Examination as JSON, the source of truth); the columns after it
-- repeat what the queue sorts and filters on and what the center counts.
CREATE TABLE pre_exam_requests (
    id               INTEGER PRIMARY KEY,
    firm_id          INTEGER NOT NULL REFERENCES firms (id),
    -- The firm's person who started it.
    person_id        INTEGER NOT NULL REFERENCES firm_people (id),
    -- PreExamAnswers as JSON.
    answers          TEXT NOT NULL DEFAULT '{}',
    -- As answered (a draft's may be missing); fixed at submission.
    venue            TEXT CHECK (venue IN ('protection_center', 'home_textiles', 'furniture')),
    kind             TEXT,
    -- The PreExamRequest read at submission, as JSON.
    request          TEXT,
    examination      TEXT,
    -- NULL: a draft.
    status           TEXT CHECK (status IN ('submitted', 'not_accepted', 'under_examination',
                     'needs_amendment', 'withdrawn', 'passed', 'failed', 'filing_reported',
                     'forwarded', 'granted', 'not_granted')),
    reference        TEXT UNIQUE,
    submitted_at     INTEGER,
    -- YYYY-MM-DD.
    submitted_on     TEXT,
    due_on           TEXT,
    amendment_rounds INTEGER NOT NULL DEFAULT 0,
    notice_number    TEXT,
    notice_on        TEXT,
    national_number  TEXT,
    filed_on         TEXT,
    granted_on       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    CHECK ((reference IS NULL) = (status IS NULL))
);

CREATE INDEX pre_exam_requests_by_firm ON pre_exam_requests (firm_id, id);
CREATE INDEX pre_exam_requests_by_venue ON pre_exam_requests (venue, status, due_on);

-- Every step of a request (portal_domain ExamEvent): by the firm's person, an officer or the
-- server's deadline check.
CREATE TABLE pre_exam_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES pre_exam_requests (id),
    at         INTEGER NOT NULL,
    -- YYYY-MM-DD, the center's day.
    on_date    TEXT NOT NULL,
    actor      TEXT NOT NULL CHECK (actor IN ('firm', 'officer', 'system')),
    staff_id   INTEGER REFERENCES staff_accounts (id),
    person_id  INTEGER REFERENCES firm_people (id),
    action     TEXT NOT NULL,
    -- JSON list of texts.
    detail     TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX pre_exam_events_by_request ON pre_exam_events (request_id, id);

-- A request's documents. Contents in assistance_blobs, shared with the other services' files
-- (crate::files::blobs::delete_unused looks at this table too).
CREATE TABLE pre_exam_files (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES pre_exam_requests (id),
    document    TEXT NOT NULL CHECK (document IN ('request', 'description', 'claims', 'abstract',
                'drawings', 'design_views', 'design_brief', 'self_check', 'joint_rnd_agreement')),
    sha256      BLOB NOT NULL REFERENCES assistance_blobs (sha256),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heic', 'pdf')),
    size        INTEGER NOT NULL CHECK (size > 0),
    uploaded_at INTEGER NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES firm_people (id)
);

CREATE INDEX pre_exam_files_by_request ON pre_exam_files (request_id, document);
CREATE INDEX pre_exam_files_by_content ON pre_exam_files (sha256);
