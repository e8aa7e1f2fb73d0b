-- The booking desk (issue #7): closing a slot or a whole day at a venue, and adding seats to a
-- slot. See crates/server/src/staff/slots.rs.

-- A slot (start_time) or a whole working day (start_time NULL) closed by the center. Closing
-- cancels the confirmed bookings in it (bookings.closure_id names the closure, so their holders
-- are told why). Reopening keeps the row (the bookings it cancelled still point at it) and sets
-- reopened_at; only closures not reopened count.
CREATE TABLE booking_closures (
    id          INTEGER PRIMARY KEY,
    venue_id    TEXT NOT NULL REFERENCES booking_venues (venue_id),
    -- Asia/Shanghai wall clock, as in bookings.
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    start_time  TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    -- Shown to the people whose bookings it cancelled; at most 200 characters.
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    closed_by   INTEGER NOT NULL REFERENCES staff_accounts (id),
    closed_at   INTEGER NOT NULL,
    reopened_by INTEGER REFERENCES staff_accounts (id),
    reopened_at INTEGER,
    CHECK ((reopened_by IS NULL) = (reopened_at IS NULL))
);

-- At most one open closure per slot and one per day ('' stands for the whole day). The server
-- checks first, inside its BEGIN IMMEDIATE transaction; this is the database's own backstop.
CREATE UNIQUE INDEX booking_closures_one_open
    ON booking_closures (venue_id, date, coalesce(start_time, ''))
    WHERE reopened_at IS NULL;

-- Seats added to one slot on top of booking_venues.seats_per_slot (their sum is at most 50,
-- checked by the server, which knows the venue's seats).
CREATE TABLE booking_extra_seats (
    venue_id   TEXT NOT NULL REFERENCES booking_venues (venue_id),
    -- The slot's start (Unix seconds), as bookings.starts_at; date and start_time for people
    -- reading the table.
    starts_at  INTEGER NOT NULL,
    date       TEXT NOT NULL,
    start_time TEXT NOT NULL,
    extra      INTEGER NOT NULL CHECK (extra BETWEEN 1 AND 49),
    updated_by INTEGER NOT NULL REFERENCES staff_accounts (id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (venue_id, starts_at)
);

-- Who cancelled a cancelled booking: its holder ('citizen') or the center closing its slot
-- ('center', with closure_id). A booking cancelled by the center can be rebooked by its holder
-- (moved to a new slot and confirmed again); one its holder cancelled cannot. NULL while
-- confirmed.
ALTER TABLE bookings ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('citizen', 'center'));
ALTER TABLE bookings ADD COLUMN closure_id INTEGER REFERENCES booking_closures (id);

-- Until now only holders cancelled bookings.
UPDATE bookings SET cancelled_by = 'citizen' WHERE status = 'cancelled';
