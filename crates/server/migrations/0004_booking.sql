-- Consultation booking (预约咨询).
--
-- What can be booked is data an administrator maintains (seeded from data/seed/booking.json):
-- the topics with what to bring, and per venue the topics it offers, its opening hours, slot
-- length and seats per slot. The shipped values are defaults (the public documents give no
-- hours): `defaults_confirmed` stays 0 until an administrator confirms them, and the API says so.
-- Whether a venue is bookable follows `venues.status` ('being_set_up' → listed, not bookable).

CREATE TABLE booking_topics (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    -- What to bring: JSON arrays of strings, one item each.
    bring_zh   TEXT NOT NULL CHECK (json_valid(bring_zh) AND json_type(bring_zh) = 'array'),
    bring_en   TEXT NOT NULL CHECK (json_valid(bring_en) AND json_type(bring_en) = 'array'),
    sort_order INTEGER NOT NULL
);

CREATE TABLE booking_venues (
    venue_id           TEXT PRIMARY KEY REFERENCES venues (id),
    slot_minutes       INTEGER NOT NULL CHECK (slot_minutes BETWEEN 10 AND 240),
    -- People seen at the same time in one slot, whatever the topic.
    seats_per_slot     INTEGER NOT NULL CHECK (seats_per_slot BETWEEN 1 AND 50),
    defaults_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (defaults_confirmed IN (0, 1))
);

-- The same hours on every working day (调休 Saturdays included), 'HH:MM' on the Asia/Shanghai
-- wall clock; text compares in time order because both parts are zero-padded.
CREATE TABLE booking_opening_hours (
    venue_id TEXT NOT NULL REFERENCES booking_venues (venue_id),
    opens    TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]' AND opens < '24:00'),
    closes   TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]' AND closes <= '24:00'),
    CHECK (opens < closes),
    PRIMARY KEY (venue_id, opens)
);

CREATE TABLE booking_venue_topics (
    venue_id TEXT NOT NULL REFERENCES booking_venues (venue_id),
    topic_id TEXT NOT NULL REFERENCES booking_topics (id),
    PRIMARY KEY (venue_id, topic_id)
);

-- One row per booking; a reschedule updates the row (same reference, same manage token) and a
-- cancellation sets the status, so the history of a booking is its `sequence`.
CREATE TABLE bookings (
    id                        INTEGER PRIMARY KEY,
    -- 8 characters without 0/O/1/I/L, stored without the hyphen.
    reference                 TEXT NOT NULL UNIQUE,
    -- SHA-256 of the manage token. The token itself is not kept (except for 24 hours in
    -- booking_idempotency, to answer a retry), so a copy of the database cannot manage bookings.
    token_hash                BLOB NOT NULL UNIQUE,
    venue_id                  TEXT NOT NULL REFERENCES booking_venues (venue_id),
    topic_id                  TEXT NOT NULL REFERENCES booking_topics (id),
    -- Asia/Shanghai wall clock, for people reading the table; starts_at/ends_at (Unix seconds)
    -- are what the code compares.
    date                      TEXT NOT NULL,
    start_time                TEXT NOT NULL,
    end_time                  TEXT NOT NULL,
    starts_at                 INTEGER NOT NULL,
    ends_at                   INTEGER NOT NULL CHECK (ends_at > starts_at),
    -- Which of the slot's seats this booking holds (1..seats_per_slot): see the index below.
    seat                      INTEGER NOT NULL CHECK (seat >= 1),
    status                    TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
    -- The calendar file's SEQUENCE: +1 per reschedule and on cancellation.
    sequence                  INTEGER NOT NULL DEFAULT 0,
    name                      TEXT NOT NULL,
    mobile                    TEXT NOT NULL,
    organisation              TEXT,
    uscc                      TEXT,
    description               TEXT,
    wheelchair_access         INTEGER NOT NULL CHECK (wheelchair_access IN (0, 1)),
    sign_language_interpreter INTEGER NOT NULL CHECK (sign_language_interpreter IN (0, 1)),
    other_adjustments         TEXT,
    for_someone_else          INTEGER NOT NULL CHECK (for_someone_else IN (0, 1)),
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL
);

-- The database's own guard against double booking: a seat of a slot is held by at most one
-- confirmed booking. The server picks the seat inside a BEGIN IMMEDIATE transaction, so this
-- never fires in practice; if it ever did, the insert fails instead of overbooking.
CREATE UNIQUE INDEX bookings_one_per_seat ON bookings (venue_id, starts_at, seat)
    WHERE status = 'confirmed';

-- "At most 3 upcoming bookings per mobile number" and the lookup by reference + mobile.
CREATE INDEX bookings_confirmed_by_mobile ON bookings (mobile, starts_at)
    WHERE status = 'confirmed';

-- Idempotency-Key of POST /api/v1/bookings: the same key and body get the same 201 answer
-- (stored as sent, manage token included); another body with the key is refused. Rows are
-- deleted after 24 hours, which also limits how long a manage token is kept in clear.
CREATE TABLE booking_idempotency (
    key          TEXT PRIMARY KEY,
    request_hash BLOB NOT NULL,
    booking_id   INTEGER NOT NULL REFERENCES bookings (id),
    response     TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE INDEX booking_idempotency_by_age ON booking_idempotency (created_at);
