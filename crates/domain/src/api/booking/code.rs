//! The `code` of error answers that are not about one field (the per-field codes are those of
//! [`BookingError`](super::BookingError)).

/// 409: the slot has no seat left. `details` is a [`super::SlotTakenDetails`].
pub const SLOT_FULL: &str = "booking.slot_full";
/// 409: the center has closed the slot (or its day): it cannot be booked or moved into.
/// `details` is a [`super::SlotTakenDetails`], as for [`SLOT_FULL`].
pub const SLOT_CLOSED: &str = "booking.slot_closed";
/// 409: the mobile number already holds [`super::MAX_UPCOMING_PER_MOBILE`] upcoming
/// bookings (also the code of the `mobile` field).
pub const MOBILE_LIMIT: &str = "booking.mobile_limit";
/// 409: the mobile number already has a booking that overlaps this time (also the code of
/// the `time` field). Only when moving a booking (its holder asks, by its link or its
/// reference and number); a new booking gets [`MOBILE_UNAVAILABLE`].
pub const MOBILE_OVERLAP: &str = "booking.mobile_overlap";
/// 409 on a new booking: the mobile number cannot book this time, either because it already
/// holds [`super::MAX_UPCOMING_PER_MOBILE`] upcoming bookings or because one of them
/// overlaps this time (also the code of the `mobile` field). One answer for both, worded
/// for the holder, so that someone trying a stranger's number does not learn when, or
/// whether, that person has an appointment. Such refusals are counted like failed lookups
/// (5 an hour per number, 30 per client address, shared with every lookup route); past
/// them [`MOBILE_RATE_LIMITED`].
pub const MOBILE_UNAVAILABLE: &str = "booking.mobile_unavailable";
/// 429 with `Retry-After`: too many new bookings refused with [`MOBILE_UNAVAILABLE`] for
/// this number or from this address within an hour.
pub const MOBILE_RATE_LIMITED: &str = "booking.mobile_rate_limited";
/// 409: less than 2 hours before the start (or after it): cannot cancel any more.
pub const CANCEL_TOO_LATE: &str = "booking.cancel_too_late";
/// 409: less than 2 hours before the start (or after it): cannot move it any more.
pub const CHANGE_TOO_LATE: &str = "booking.change_too_late";
/// 409: a cancelled booking cannot be moved (except one the center cancelled by closing its
/// slot: see [`super::Booking::center_cancellation`]).
pub const ALREADY_CANCELLED: &str = "booking.already_cancelled";
/// 409: its holder asked to erase the booking's personal data before the appointment was over
/// (and it is not cancelled).
pub const NOT_OVER: &str = "booking.not_over";
/// 400: `POST /api/v1/bookings` without an `Idempotency-Key` header.
pub const IDEMPOTENCY_KEY_MISSING: &str = "booking.idempotency_key_missing";
/// 400: the key is longer than 128 characters or not printable ASCII.
pub const IDEMPOTENCY_KEY_INVALID: &str = "booking.idempotency_key_invalid";
/// 422: the key was already used for a different booking request.
pub const IDEMPOTENCY_KEY_REUSED: &str = "booking.idempotency_key_reused";
/// 429: too many failed lookups by reference + mobile number (the 404s of
/// `POST /api/v1/bookings/lookup`, `/lookup/reschedule` and `/lookup/cancel`, which share
/// one count): 5 in an hour for one reference, or 30 in an hour from one client address.
/// Until the hour has passed every lookup of that reference (or from that address) gets
/// this answer, even with the right mobile number; `Retry-After` says how many seconds
/// are left. The answer is the same whether the reference exists or not, and the manage
/// link (token) is never limited.
pub const LOOKUP_RATE_LIMITED: &str = "booking.lookup_rate_limited";
/// 429: this client address has made [`super::MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR`]
/// new bookings within the hour or [`super::MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY`] within
/// 24 hours; `Retry-After` says when the next one is accepted.
pub const ADDRESS_RATE_LIMITED: &str = "booking.address_rate_limited";
/// 409 at the kiosk's check-in: the booking is for another day (its date is in the message).
pub const CHECK_IN_NOT_TODAY: &str = "booking.check_in_not_today";
/// 409 at the kiosk's check-in: the booking's day, but check-in has not opened yet (the message
/// says from what time; see [`super::check_in_window`]).
pub const CHECK_IN_TOO_EARLY: &str = "booking.check_in_too_early";
/// 409 at the kiosk's check-in: the booking was cancelled.
pub const CHECK_IN_CANCELLED: &str = "booking.check_in_cancelled";
/// 409 at the kiosk's check-in: the desk has marked the booking as not attended; the person
/// is sent to the desk.
pub const CHECK_IN_NOT_ATTENDED: &str = "booking.check_in_not_attended";
