//! Limits of what an administrator may set: slot length, seats, opening periods, holiday
//! ranges, retention periods and text lengths.

pub const MIN_SLOT_MINUTES: u16 = 10;
pub const MAX_SLOT_MINUTES: u16 = 240;
pub const MIN_SEATS: u16 = 1;
pub const MAX_SEATS: u16 = 50;
/// Opening periods of a day (morning, afternoon, …).
pub const MAX_OPENING_PERIODS: usize = 6;
/// Holiday ranges and adjusted working days of one year (a notice has about 7 and 6).
pub const MAX_HOLIDAY_RANGES: usize = 20;
pub const MAX_WORKING_DAYS: usize = 20;
pub const MAX_HOLIDAY_NAME_CHARS: usize = 40;
pub const MAX_SOURCE_TITLE_CHARS: usize = 200;
pub const MAX_SOURCE_URL_CHARS: usize = 500;
/// The fewest and most days an administrator may set for either retention period.
pub const MIN_RETENTION_DAYS: u32 = 1;
pub const MAX_RETENTION_DAYS: u32 = 3650;
