-- Service rating (好差评, issue #7): one rating per service, a consultation booking the person
-- was checked in for or a concluded rights-assistance request; five levels stored as 5
-- (非常满意) to 1 (非常不满意); levels 1 and 2 are bad ratings, each answered by the center once
-- (the reply, who gave it and when), which the citizen sees where they rated.
--
-- Exactly one of booking_id and request_id is set, and each is UNIQUE: a service has at most one
-- rating (SQLite lets the NULLs of the other kind repeat). The comment and the reply are tidied
-- by portal_domain::api::rating before they are stored; the length checks are the backstop.
CREATE TABLE service_ratings (
    id         INTEGER PRIMARY KEY,
    booking_id INTEGER UNIQUE REFERENCES bookings (id),
    request_id INTEGER UNIQUE REFERENCES assistance_requests (id),
    level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    comment    TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 500),
    rated_at   INTEGER NOT NULL,
    reply_text TEXT CHECK (reply_text IS NULL OR length(reply_text) BETWEEN 1 AND 2000),
    replied_by INTEGER REFERENCES staff_accounts (id),
    replied_at INTEGER,
    CHECK ((booking_id IS NULL) <> (request_id IS NULL)),
    CHECK ((reply_text IS NULL) = (replied_at IS NULL)),
    CHECK (replied_by IS NULL OR reply_text IS NOT NULL),
    -- Only bad ratings are answered.
    CHECK (reply_text IS NULL OR level <= 2)
);

-- The follow-up list: bad ratings, those awaiting a reply first, oldest first.
CREATE INDEX service_ratings_follow_up ON service_ratings (replied_at IS NOT NULL, rated_at, id)
    WHERE level <= 2;
