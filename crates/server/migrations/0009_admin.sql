-- What administrators maintain (issue #7): the years of the official holiday calendar they
-- publish from the State Council General Office's notice (国务院办公厅关于××××年部分节假日安排的通知).
-- The server merges these with data/seed/cn_public_holidays.json at start and after each
-- change; a year here wins over the same year in the file. Each year is checked by the file's
-- own rules (HolidayCalendar::from_file) before it is stored. Venue booking settings need no new
-- table: saving them sets booking_venues.defaults_confirmed = 1.

CREATE TABLE holiday_years (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 1 AND 9999),
    -- The notice's title (with its document number) and its address.
    source_title TEXT NOT NULL,
    source_url   TEXT NOT NULL,
    -- JSON array of {"name", "from", "to"} (YYYY-MM-DD, both included), in order.
    holidays     TEXT NOT NULL CHECK (json_valid(holidays) AND json_type(holidays) = 'array'),
    -- JSON array of YYYY-MM-DD: the weekend days that are working days (调休上班).
    working_days TEXT NOT NULL CHECK (json_valid(working_days) AND json_type(working_days) = 'array'),
    published_at INTEGER NOT NULL,
    published_by INTEGER NOT NULL REFERENCES staff_accounts (id)
);

-- The staff accounts page shows each account's last login (the newest 'session.login' row).
CREATE INDEX staff_audit_logins ON staff_audit (actor_id, at) WHERE action = 'session.login';
