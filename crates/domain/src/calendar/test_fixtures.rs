//! Test fixtures shared by the calendar modules' tests: the shipped holiday calendar and dates.

use super::date::Date;
use super::holiday_file::{CalendarError, CalendarFile};
use super::working_days::HolidayCalendar;

pub(super) const CALENDAR_JSON: &str =
    include_str!("../../../../data/seed/cn_public_holidays.json");

pub(super) fn calendar() -> HolidayCalendar {
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
