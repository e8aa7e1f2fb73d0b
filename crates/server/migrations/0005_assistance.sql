-- Rights-assistance requests (维权援助申请).
--
-- A draft holds the answers as typed (JSON of portal_domain::api::assistance::AssistanceDraft)
-- under a secret token of which only the SHA-256 is kept. Submitting creates the request, moves
-- the draft's files to it and closes the draft, all in one transaction. File contents are kept
-- here too (assistance_blobs, one row per distinct content), so a file and the row that gives
-- it a meaning are written or lost together: a crash mid-upload leaves nothing behind.

CREATE TABLE assistance_requests (
    id                 INTEGER PRIMARY KEY,
    -- 8 characters of booking's alphabet (no 0/O/1/I/L), shown as WQ-XXXX-XXXX.
    reference          TEXT NOT NULL UNIQUE,
    -- SHA-256 of the tracking token; the token itself is only kept for 24 hours, in
    -- assistance_idempotency, to answer a retried submit.
    token_hash         BLOB NOT NULL UNIQUE,
    status             TEXT NOT NULL CHECK (status IN ('submitted', 'initial_review', 'accepted',
                           'rejected', 'assisting', 'concluded', 'withdrawn')),
    -- The applicant's mobile number, normalised (11 digits): lookups by reference + mobile.
    mobile             TEXT NOT NULL,
    -- The checked answers: JSON of portal_domain::api::assistance::AssistanceRequest.
    answers            TEXT NOT NULL CHECK (json_valid(answers)),
    submitted_at       INTEGER NOT NULL,
    -- Asia/Shanghai date of submission, and the initial review's last day (NULL when the
    -- holiday calendar of that time was not published yet).
    submitted_on       TEXT NOT NULL,
    initial_review_due TEXT,
    updated_at         INTEGER NOT NULL
);

-- Every change of status, oldest first: the timeline. `note` holds the reason of a refusal
-- (不予受理) or of a withdrawal. Staff tools (a later issue) write here and update
-- assistance_requests.status in the same transaction.
CREATE TABLE assistance_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES assistance_requests (id),
    status     TEXT NOT NULL CHECK (status IN ('submitted', 'initial_review', 'accepted',
                   'rejected', 'assisting', 'concluded', 'withdrawn')),
    at         INTEGER NOT NULL,
    note       TEXT
);

CREATE INDEX assistance_events_by_request ON assistance_events (request_id, at);

-- Messages from the center (written by staff tools in a later issue) and the applicant's one
-- reply to each.
CREATE TABLE assistance_messages (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES assistance_requests (id),
    kind       TEXT NOT NULL CHECK (kind IN ('info', 'more_material_requested')),
    body       TEXT NOT NULL,
    sent_at    INTEGER NOT NULL,
    reply_text TEXT,
    replied_at INTEGER
);

CREATE INDEX assistance_messages_by_request ON assistance_messages (request_id, sent_at);

CREATE TABLE assistance_drafts (
    id         INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    -- JSON of AssistanceDraft, emptied ('{}') once submitted: the request keeps the answers.
    answers    TEXT NOT NULL CHECK (json_valid(answers)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- 30 days after the last change; then the draft and its files are deleted.
    expires_at INTEGER NOT NULL,
    -- Set when submitted: the draft is closed.
    request_id INTEGER UNIQUE REFERENCES assistance_requests (id)
);

CREATE INDEX assistance_drafts_by_expiry ON assistance_drafts (expires_at);

-- File contents, one row per distinct content (two uploads of the same photo share it). A row
-- that no assistance_files row names any more is deleted in the transaction that dropped the
-- last reference.
CREATE TABLE assistance_blobs (
    sha256  BLOB PRIMARY KEY CHECK (length(sha256) = 32),
    size    INTEGER NOT NULL CHECK (size > 0),
    content BLOB NOT NULL CHECK (length(content) = size)
);

-- An uploaded file and what it belongs to:
--   role 'draft'    — evidence on a draft (draft_id set)
--   role 'evidence' — evidence submitted with a request (request_id set)
--   role 'staged'   — uploaded to a request for a reply not yet sent (request_id set)
--   role 'reply'    — sent with the reply to a message (request_id and message_id set)
CREATE TABLE assistance_files (
    id          INTEGER PRIMARY KEY,
    sha256      BLOB NOT NULL REFERENCES assistance_blobs (sha256),
    role        TEXT NOT NULL CHECK (role IN ('draft', 'evidence', 'staged', 'reply')),
    draft_id    INTEGER REFERENCES assistance_drafts (id) ON DELETE CASCADE,
    request_id  INTEGER REFERENCES assistance_requests (id),
    message_id  INTEGER REFERENCES assistance_messages (id),
    -- As uploaded, tidied (no path, no control characters, at most 120 characters).
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('jpeg', 'png', 'webp', 'heic', 'pdf')),
    size        INTEGER NOT NULL CHECK (size > 0),
    purpose     TEXT NOT NULL CHECK (purpose IN ('evidence', 'authorisation_letter')),
    uploaded_at INTEGER NOT NULL,
    CHECK ((role = 'draft') = (draft_id IS NOT NULL)),
    CHECK ((role = 'draft') = (request_id IS NULL)),
    CHECK ((role = 'reply') = (message_id IS NOT NULL))
);

CREATE INDEX assistance_files_by_draft ON assistance_files (draft_id) WHERE draft_id IS NOT NULL;
CREATE INDEX assistance_files_by_request ON assistance_files (request_id, role)
    WHERE request_id IS NOT NULL;
CREATE INDEX assistance_files_by_content ON assistance_files (sha256);

-- Idempotency-Key of POST /api/v1/assistance/drafts/{token}/submit: the same key for the same
-- draft gets the same 201 answer (stored as sent, tracking token included); the key with
-- another draft is refused. Rows are deleted after 24 hours.
CREATE TABLE assistance_idempotency (
    key        TEXT PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES assistance_drafts (id) ON DELETE CASCADE,
    response   TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX assistance_idempotency_by_age ON assistance_idempotency (created_at);
