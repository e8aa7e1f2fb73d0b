//! Test fixtures shared by the booking modules' tests: dates, times and error codes.

use super::errors::BookingError;
use crate::calendar::Date;
use crate::lang::Localized;
use crate::time::SlotTime;

pub(super) fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub(super) fn t(s: &str) -> SlotTime {
    SlotTime::parse(s).unwrap()
}

pub(super) fn codes(errors: &[(&'static str, BookingError)]) -> Vec<(&'static str, &'static str)> {
    errors.iter().map(|(f, e)| (*f, e.code())).collect()
}
