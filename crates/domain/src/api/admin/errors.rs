//! What can be wrong with one field of an administrator's request, with its code and
//! messages in both languages.

use super::limits::{
    MAX_HOLIDAY_RANGES, MAX_OPENING_PERIODS, MAX_SEATS, MAX_SLOT_MINUTES, MAX_SOURCE_URL_CHARS,
    MAX_WORKING_DAYS, MIN_SEATS, MIN_SLOT_MINUTES,
};
use crate::calendar::{CalendarError, DateError};
use crate::lang::{localized_error, Lang, Localized};

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
    Date(DateError),
    Calendar(CalendarError),
}

impl AdminError {
    fn texts(&self) -> (&'static str, String, String) {
        use AdminError::*;
        let (code, zh, en): (&'static str, String, String) = match self {
            SlotMinutesMissing => (
                "admin.slot_minutes_missing",
                "请填写每个时段的长度（分钟）。".into(),
                "Enter the length of a slot in minutes.".into(),
            ),
            SlotMinutesRange => (
                "admin.slot_minutes_range",
                format!("时段长度请填写 {MIN_SLOT_MINUTES} 至 {MAX_SLOT_MINUTES} 之间的整数（分钟）。"),
                format!("The length of a slot must be a whole number of minutes from {MIN_SLOT_MINUTES} to {MAX_SLOT_MINUTES}."),
            ),
            SeatsMissing => (
                "admin.seats_missing",
                "请填写每个时段可接待的人数。".into(),
                "Enter how many people can be seen in one slot.".into(),
            ),
            SeatsRange => (
                "admin.seats_range",
                format!("每个时段的人数请填写 {MIN_SEATS} 至 {MAX_SEATS} 之间的整数。"),
                format!("The places per slot must be a whole number from {MIN_SEATS} to {MAX_SEATS}."),
            ),
            HoursMissing => (
                "admin.hours_missing",
                "请至少填写一段开放时间。".into(),
                "Enter at least one period of opening hours.".into(),
            ),
            TooManyPeriods => (
                "admin.too_many_periods",
                format!("开放时间最多 {MAX_OPENING_PERIODS} 段。"),
                format!("There can be at most {MAX_OPENING_PERIODS} periods of opening hours."),
            ),
            TimeMissing => (
                "admin.time_missing",
                "请填写时间，格式为“时:分”，例如 09:00。".into(),
                "Enter a time as hours:minutes, for example 09:00.".into(),
            ),
            TimeFormat => (
                "admin.time_format",
                "时间格式应为“时:分”（24 小时制），例如 09:00 或 17:30。".into(),
                "Write the time as hours:minutes on the 24-hour clock, for example 09:00 or 17:30.".into(),
            ),
            ClosesBeforeOpens => (
                "admin.closes_before_opens",
                "结束时间须晚于开始时间。".into(),
                "The closing time must be after the opening time.".into(),
            ),
            PeriodOverlaps => (
                "admin.period_overlaps",
                "每段开放时间须在上一段结束之后开始（按时间先后填写，不得重叠）。".into(),
                "Each period must start after the one before it ends (in time order, not overlapping).".into(),
            ),
            PeriodShorterThanSlot => (
                "admin.period_shorter_than_slot",
                "这段开放时间比一个时段还短，无法预约。请延长这段时间或缩短时段长度。".into(),
                "This period is shorter than one slot, so nothing could be booked in it. Make it longer or the slots shorter.".into(),
            ),
            TopicsMissing => (
                "admin.topics_missing",
                "请至少选择一个咨询事项。".into(),
                "Choose at least one topic.".into(),
            ),
            TopicUnknown => (
                "admin.topic_unknown",
                "所选咨询事项中有不存在的事项。".into(),
                "One of the topics chosen does not exist.".into(),
            ),
            SourceTitleMissing => (
                "admin.source_title_missing",
                "请填写通知的标题（含文号），例如“国务院办公厅关于××××年部分节假日安排的通知”。".into(),
                "Enter the title of the notice (with its document number), for example “国务院办公厅关于××××年部分节假日安排的通知”.".into(),
            ),
            SourceUrlMissing => (
                "admin.source_url_missing",
                "请填写通知的网址。".into(),
                "Enter the web address of the notice.".into(),
            ),
            SourceUrlInvalid => (
                "admin.source_url_invalid",
                format!("网址应以 https:// 或 http:// 开头，不含空格，最多 {MAX_SOURCE_URL_CHARS} 个字符。"),
                format!("The web address must start with https:// or http://, have no spaces and be at most {MAX_SOURCE_URL_CHARS} characters."),
            ),
            HolidaysMissing => (
                "admin.holidays_missing",
                "请至少填写一段放假安排。".into(),
                "Enter at least one holiday.".into(),
            ),
            TooManyHolidays => (
                "admin.too_many_holidays",
                format!("一年最多填写 {MAX_HOLIDAY_RANGES} 段放假安排。"),
                format!("A year has at most {MAX_HOLIDAY_RANGES} holidays."),
            ),
            TooManyWorkingDays => (
                "admin.too_many_working_days",
                format!("一年最多填写 {MAX_WORKING_DAYS} 个调休上班日。"),
                format!("A year has at most {MAX_WORKING_DAYS} adjusted working days."),
            ),
            HolidayNameMissing => (
                "admin.holiday_name_missing",
                "请填写节日名称，例如 春节。".into(),
                "Enter the holiday's name, for example 春节 (Spring Festival).".into(),
            ),
            DuplicateDay => (
                "admin.duplicate_day",
                "这一天已经填写过了。".into(),
                "This day is listed already.".into(),
            ),
            TextTooLong => (
                "admin.text_too_long",
                "内容太长。".into(),
                "The text is too long.".into(),
            ),
            ControlCharacter => (
                "admin.control_character",
                "内容中有无法识别的字符。".into(),
                "The text contains characters that cannot be used.".into(),
            ),
            Date(e) => (e.code(), e.message(Lang::Zh), e.message(Lang::En)),
            Calendar(e) => (e.code(), e.message(Lang::Zh), e.message(Lang::En)),
        };
        (code, zh, en)
    }
}

localized_error!(AdminError);

#[cfg(test)]
mod tests {
    use super::*;

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
