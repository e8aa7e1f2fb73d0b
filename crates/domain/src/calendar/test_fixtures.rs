//! Test fixtures shared by the calendar modules' tests (and, for the shipped holiday calendar,
//! by the tests of the modules that count working days with it): the calendar and dates.

use super::date::Date;
use super::holiday_file::{CalendarError, CalendarFile};
use super::working_days::HolidayCalendar;

pub(crate) const CALENDAR_JSON: &str =
    include_str!("../../../../data/seed/cn_public_holidays.json");

/// The holiday calendar of `data/seed/cn_public_holidays.json`.
pub(crate) fn calendar() -> HolidayCalendar {
    let file: CalendarFile = serde_json::from_str(CALENDAR_JSON).unwrap();
    HolidayCalendar::from_file(file).unwrap()
}

pub(super) fn d(s: &str) -> Date {
    Date::parse_any_year(s).unwrap()
}

pub(super) fn dates(list: &[&str]) -> Vec<Date> {
    list.iter().map(|s| d(s)).collect()
}

pub(super) fn file(json: &str) -> Result<HolidayCalendar, CalendarError> {
    HolidayCalendar::from_file(serde_json::from_str(json).unwrap())
}
