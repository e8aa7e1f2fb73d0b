//! What can be wrong with one field of an administrator's request, with its code and its
//! messages (in `locales/*/domain_staff.toml`).

use super::limits::{
    MAX_HOLIDAY_RANGES, MAX_OPENING_PERIODS, MAX_RETENTION_DAYS, MAX_SEATS, MAX_SLOT_MINUTES,
    MAX_SOURCE_URL_CHARS, MAX_WORKING_DAYS, MIN_RETENTION_DAYS, MIN_SEATS, MIN_SLOT_MINUTES,
};
use crate::calendar::{CalendarError, DateError};
use crate::lang::{localized_error, Localized};
use crate::texts::{staff_error_texts, StaffErrorTexts};

/// What is wrong with a request: (field, problem); the field names are in the module docs.
pub type Problems = Vec<(String, AdminError)>;

/// What is wrong with one field of an administrator's request. Codes start with `admin.`,
/// except those of wrapped date and calendar errors (`date.`, `calendar.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminError {
    SlotMinutesMissing,
    SlotMinutesRange,
    SeatsMissing,
    SeatsRange,
    HoursMissing,
    TooManyPeriods,
    TimeMissing,
    TimeFormat,
    ClosesBeforeOpens,
    PeriodOverlaps,
    PeriodShorterThanSlot,
    TopicsMissing,
    TopicUnknown,
    SourceTitleMissing,
    SourceUrlMissing,
    SourceUrlInvalid,
    HolidaysMissing,
    TooManyHolidays,
    TooManyWorkingDays,
    HolidayNameMissing,
    DuplicateDay,
    TextTooLong,
    ControlCharacter,
    RetentionDaysRange,
    Date(DateError),
    Calendar(CalendarError),
}

impl AdminError {
    fn texts(&self, t: &StaffErrorTexts) -> (&'static str, String) {
        use AdminError::*;
        match self {
            SlotMinutesMissing => (
                "admin.slot_minutes_missing",
                t.admin_slot_minutes_missing.into(),
            ),
            SlotMinutesRange => (
                "admin.slot_minutes_range",
                t.admin_slot_minutes_range(MIN_SLOT_MINUTES, MAX_SLOT_MINUTES),
            ),
            SeatsMissing => ("admin.seats_missing", t.admin_seats_missing.into()),
            SeatsRange => (
                "admin.seats_range",
                t.admin_seats_range(MIN_SEATS, MAX_SEATS),
            ),
            HoursMissing => ("admin.hours_missing", t.admin_hours_missing.into()),
            TooManyPeriods => (
                "admin.too_many_periods",
                t.admin_too_many_periods(MAX_OPENING_PERIODS),
            ),
            TimeMissing => ("admin.time_missing", t.admin_time_missing.into()),
            TimeFormat => ("admin.time_format", t.admin_time_format.into()),
            ClosesBeforeOpens => (
                "admin.closes_before_opens",
                t.admin_closes_before_opens.into(),
            ),
            PeriodOverlaps => ("admin.period_overlaps", t.admin_period_overlaps.into()),
            PeriodShorterThanSlot => (
                "admin.period_shorter_than_slot",
                t.admin_period_shorter_than_slot.into(),
            ),
            TopicsMissing => ("admin.topics_missing", t.admin_topics_missing.into()),
            TopicUnknown => ("admin.topic_unknown", t.admin_topic_unknown.into()),
            SourceTitleMissing => (
                "admin.source_title_missing",
                t.admin_source_title_missing.into(),
            ),
            SourceUrlMissing => (
                "admin.source_url_missing",
                t.admin_source_url_missing.into(),
            ),
            SourceUrlInvalid => (
                "admin.source_url_invalid",
                t.admin_source_url_invalid(MAX_SOURCE_URL_CHARS),
            ),
            HolidaysMissing => ("admin.holidays_missing", t.admin_holidays_missing.into()),
            TooManyHolidays => (
                "admin.too_many_holidays",
                t.admin_too_many_holidays(MAX_HOLIDAY_RANGES),
            ),
            TooManyWorkingDays => (
                "admin.too_many_working_days",
                t.admin_too_many_working_days(MAX_WORKING_DAYS),
            ),
            HolidayNameMissing => (
                "admin.holiday_name_missing",
                t.admin_holiday_name_missing.into(),
            ),
            DuplicateDay => ("admin.duplicate_day", t.admin_duplicate_day.into()),
            TextTooLong => ("admin.text_too_long", t.admin_text_too_long.into()),
            ControlCharacter => ("admin.control_character", t.admin_control_character.into()),
            RetentionDaysRange => (
                "admin.retention_days_range",
                t.admin_retention_days_range(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS),
            ),
            Date(e) => (e.code(), e.message(t.lang())),
            Calendar(e) => (e.code(), e.message(t.lang())),
        }
    }
}

localized_error!(AdminError, staff_error_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn every_error_has_a_code_and_both_languages() {
        let all = [
            AdminError::SlotMinutesMissing,
            AdminError::SlotMinutesRange,
            AdminError::SeatsMissing,
            AdminError::SeatsRange,
            AdminError::HoursMissing,
            AdminError::TooManyPeriods,
            AdminError::TimeMissing,
            AdminError::TimeFormat,
            AdminError::ClosesBeforeOpens,
            AdminError::PeriodOverlaps,
            AdminError::PeriodShorterThanSlot,
            AdminError::TopicsMissing,
            AdminError::TopicUnknown,
            AdminError::SourceTitleMissing,
            AdminError::SourceUrlMissing,
            AdminError::SourceUrlInvalid,
            AdminError::HolidaysMissing,
            AdminError::TooManyHolidays,
            AdminError::TooManyWorkingDays,
            AdminError::HolidayNameMissing,
            AdminError::DuplicateDay,
            AdminError::TextTooLong,
            AdminError::ControlCharacter,
            AdminError::RetentionDaysRange,
        ];
        let mut codes = std::collections::HashSet::new();
        for error in &all {
            assert!(error.code().starts_with("admin."));
            assert!(codes.insert(error.code()), "{}", error.code());
            assert_ne!(error.message(Lang::Zh), error.message(Lang::En));
            assert!(!error.message(Lang::Zh).is_ascii());
            assert_eq!(error.to_string(), error.message(Lang::Zh));
        }
        assert_eq!(AdminError::Date(DateError::Format).code(), "date.format");
    }
}
