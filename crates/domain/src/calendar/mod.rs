//! Civil dates and the official working-day calendar of mainland China.
//!
//! Deadlines such as "initial review within 5 working days" and booking windows such as "from
//! the next working day up to 15 working days ahead" count *working days*. Which days those are
//! is decided every year by the State Council General Office's notice on public holidays: it
//! lists the days off (放假), which may be weekdays, and the weekend days that become working
//! days (调休上班). The notices are kept in `data/seed/cn_public_holidays.json`, which the caller
//! parses with serde into a [`CalendarFile`] and turns into a [`HolidayCalendar`]. A year that is
//! not in the file has not been published, and nothing here guesses it: every question about
//! such a year answers [`NotPublished`].
//!
//! Time zone: the center is in Asia/Shanghai (UTC+8 all year, no daylight saving time), and every
//! [`Date`] here is a date on the wall calendar there. There is no clock in this crate (it also
//! runs in the browser): the caller takes the current Unix time (on the server from the system
//! clock, in the browser from `Date.now()`) and gets "today" from
//! [`Date::from_unix_seconds_shanghai`], which adds 8 hours to UTC. Never take "today" from the
//! browser's own time zone: a user abroad would get the wrong day.

mod date;
mod holiday_file;
#[cfg(test)]
pub(crate) mod test_fixtures;
mod working_days;

pub use date::*;
pub use holiday_file::*;
pub use working_days::*;
