-- A booking the center cancelled after the desk reviewed bookings made in bulk (staff::clusters):
-- cancelled_by = 'center', closure_id NULL, and the reason its holder reads. Unlike a closure's
-- cancellation it cannot be moved to a new time.
ALTER TABLE bookings ADD COLUMN review_reason TEXT;
