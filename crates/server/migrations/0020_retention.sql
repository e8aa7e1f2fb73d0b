-- Retention of personal data (issue #18, 个人信息保护法): see crate::retention.
--
-- A row whose personal data was anonymised keeps what statistics and the audit need (reference,
-- service, venue, dates, status, attendance) and says when, and why, it was anonymised. The
-- anonymising UPDATEs only touch rows where anonymised_at IS NULL, so running them twice, or
-- from two server processes at once, does the work once.

-- 'retention': the sweep, once the period after the appointment had passed; 'holder': the
-- holder of the manage link, once the appointment was over or cancelled.
ALTER TABLE bookings ADD COLUMN anonymised_at INTEGER;
ALTER TABLE bookings ADD COLUMN anonymised_by TEXT CHECK (anonymised_by IN ('retention', 'holder'));

ALTER TABLE assistance_requests ADD COLUMN anonymised_at INTEGER;

-- The sweep finds due bookings by the end of their slot.
CREATE INDEX bookings_not_anonymised ON bookings (ends_at) WHERE anonymised_at IS NULL;

-- The periods administrators set (portal_domain RetentionSettings). No row: the shipped
-- illustrative defaults.
CREATE TABLE retention_settings (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    booking_days    INTEGER NOT NULL CHECK (booking_days BETWEEN 1 AND 3650),
    assistance_days INTEGER NOT NULL CHECK (assistance_days BETWEEN 1 AND 3650),
    updated_at      INTEGER NOT NULL,
    updated_by      INTEGER REFERENCES staff_accounts (id)
);
