//! Limits of the booking service: the booking window, bookings per mobile number and per client
//! address, the change cut-off and text lengths.

/// Bookable from the next working day up to this many working days ahead.
pub const WINDOW_WORKING_DAYS: u32 = 15;
/// One mobile number may hold at most this many upcoming (confirmed, not yet started) bookings.
pub const MAX_UPCOMING_PER_MOBILE: u32 = 3;
/// New bookings one client address may make within an hour, and within 24 hours (both
/// rolling; cancelled ones count too), so that nobody can empty a day's seats from one place.
/// A household or a firm booking for a few people stays well inside them.
pub const MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR: u32 = 6;
pub const MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY: u32 = 20;
/// A booking can be cancelled or moved until this long before it starts.
pub const CHANGE_CUTOFF_SECS: i64 = 2 * 60 * 60;

pub const MAX_NAME_CHARS: usize = 40;
pub const MAX_ORGANISATION_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_OTHER_ADJUSTMENTS_CHARS: usize = 200;
/// Venue and topic ids are short slugs; anything longer names nothing.
pub const MAX_ID_CHARS: usize = 64;
