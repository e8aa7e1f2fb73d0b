-- Issue #16: the rate limits count in the database, so that every server process on it shares
-- one count and a restart forgets nothing (crate::limit). One row per counted event: a failed
-- lookup or sign-in (or one under way), a new draft or sign-up, an upload's bytes.
--
-- limiter: which count, e.g. 'lookups/key', 'lookups/client', 'staff_sign_in.from_client/key',
--          'upload_bytes/client'.
-- key:     never the counted thing itself (a reference, a mobile number, a username, an
--          address): a keyed SHA-256 of it and the limiter, cut to 16 bytes, with the key
--          'limit_key' below, so that a copy of the table gives none of them back.
-- at:      when it happened, by the server's clock (Unix seconds).
-- amount:  how much it counts (1, or an upload's bytes).
-- Rows are deleted once their window has passed (every few minutes by each server process).
CREATE TABLE limit_events (
    id      INTEGER PRIMARY KEY,
    limiter TEXT NOT NULL,
    key     BLOB NOT NULL,
    at      INTEGER NOT NULL,
    amount  INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX limit_events_by_key ON limit_events (limiter, key, at);

-- The purge of rows whose window has passed, whatever their limiter.
CREATE INDEX limit_events_by_time ON limit_events (at);

INSERT INTO server_secrets (name, value) VALUES ('limit_key', randomblob(32));
