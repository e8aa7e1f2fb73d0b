//! What can be wrong with one field of a booking, reschedule, lookup or availability request,
//! with its code and messages in both languages.

use super::code;
use super::limits::WINDOW_WORKING_DAYS;
use crate::calendar::{Date, DateError, NotPublished};
use crate::ids::{MobileNumberError, UsccError};
use crate::lang::{Lang, Localized};

/// What is wrong with one field of a booking, reschedule, lookup or availability request.
/// Codes start with `booking.`, except those of the wrapped date, mobile, USCC and calendar
/// errors (`date.`, `mobile_number.`, `uscc.`, `calendar.not_published`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingError {
    VenueMissing,
    /// No such venue (or not one where consultations are booked).
    VenueUnknown,
    /// The venue is being set up (筹建中).
    VenueNotBookable,
    TopicMissing,
    TopicUnknown,
    /// The venue does not offer this topic.
    TopicNotOffered,
    Date(DateError),
    DatePast,
    /// Today: bookings start from the next working day.
    DateToday,
    /// Beyond the window; `last` is its last day.
    DateTooFar {
        last: Option<Date>,
    },
    DateHoliday {
        name: String,
    },
    /// A Saturday or Sunday that is not an adjusted working day.
    DateWeekend,
    NotPublished(NotPublished),
    TimeMissing,
    TimeFormat,
    /// Not the start of a slot in the venue's opening hours.
    TimeNotOffered,
    NameMissing,
    NameTooLong,
    /// A control character (other than line breaks and tabs in long text).
    ControlCharacter,
    OrganisationTooLong,
    DescriptionTooLong,
    OtherAdjustmentsTooLong,
    Mobile(MobileNumberError),
    Uscc(UsccError),
    /// The number already holds the maximum of upcoming bookings.
    MobileLimit,
    /// The number already has a booking at an overlapping time.
    MobileOverlap,
    /// A new booking: one of the two above, without saying which ([`code::MOBILE_UNAVAILABLE`]).
    MobileUnavailable,
    ReferenceMissing,
    ReferenceFormat,
}

impl Localized for BookingError {
    fn code(&self) -> &'static str {
        use BookingError as E;
        match self {
            E::VenueMissing => "booking.venue_missing",
            E::VenueUnknown => "booking.venue_unknown",
            E::VenueNotBookable => "booking.venue_not_bookable",
            E::TopicMissing => "booking.topic_missing",
            E::TopicUnknown => "booking.topic_unknown",
            E::TopicNotOffered => "booking.topic_not_offered",
            E::Date(e) => e.code(),
            E::DatePast => "booking.date_past",
            E::DateToday => "booking.date_today",
            E::DateTooFar { .. } => "booking.date_too_far",
            E::DateHoliday { .. } => "booking.date_holiday",
            E::DateWeekend => "booking.date_weekend",
            E::NotPublished(e) => e.code(),
            E::TimeMissing => "booking.time_missing",
            E::TimeFormat => "booking.time_format",
            E::TimeNotOffered => "booking.time_not_offered",
            E::NameMissing => "booking.name_missing",
            E::NameTooLong => "booking.name_too_long",
            E::ControlCharacter => "booking.control_character",
            E::OrganisationTooLong => "booking.organisation_too_long",
            E::DescriptionTooLong => "booking.description_too_long",
            E::OtherAdjustmentsTooLong => "booking.other_adjustments_too_long",
            E::Mobile(e) => e.code(),
            E::Uscc(e) => e.code(),
            E::MobileLimit => code::MOBILE_LIMIT,
            E::MobileOverlap => code::MOBILE_OVERLAP,
            E::MobileUnavailable => code::MOBILE_UNAVAILABLE,
            E::ReferenceMissing => "booking.reference_missing",
            E::ReferenceFormat => "booking.reference_format",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use BookingError as E;
        let (zh, en): (String, String) = match self {
            E::Date(e) => return e.message(lang),
            E::NotPublished(e) => return e.message(lang),
            E::Mobile(e) => return e.message(lang),
            E::Uscc(e) => return e.message(lang),
            E::DateHoliday { name } => (
                format!("这一天是法定节假日（{name}），不办理咨询。请选择其他工作日"),
                format!("This day is a public holiday ({name}) and there are no consultations. Choose another working day"),
            ),
            E::DateTooFar { last } => match last {
                Some(last) => (
                    format!("只能预约 {WINDOW_WORKING_DAYS} 个工作日以内的日期，最晚为 {last}。请选择更早的日期"),
                    format!("You can book up to {WINDOW_WORKING_DAYS} working days ahead, until {last}. Choose an earlier date"),
                ),
                None => (
                    "目前没有可以预约的日期。请稍后再试".to_owned(),
                    "There are no dates to book at the moment. Please try again later".to_owned(),
                ),
            },
            other => {
                let (zh, en) = other.static_texts();
                (zh.to_owned(), en.to_owned())
            }
        };
        lang.pick(&zh, &en).to_owned()
    }
}

impl BookingError {
    /// The messages that do not depend on a value.
    fn static_texts(&self) -> (&'static str, &'static str) {
        use BookingError as E;
        match self {
            E::VenueMissing => ("请选择咨询地点", "Choose where you want the consultation"),
            E::VenueUnknown => (
                "没有这个咨询地点，请从列表中选择",
                "There is no such place. Choose one from the list",
            ),
            E::VenueNotBookable => (
                "该中心正在筹建中，暂时不能预约。请选择其他地点",
                "This center is still being set up and cannot be booked yet. Choose another place",
            ),
            E::TopicMissing => ("请选择咨询事项", "Choose what the consultation is about"),
            E::TopicUnknown => (
                "没有这个咨询事项，请从列表中选择",
                "There is no such subject. Choose one from the list",
            ),
            E::TopicNotOffered => (
                "该地点不提供这项咨询。请选择其他地点或事项",
                "This place does not offer consultations on this subject. Choose another place or subject",
            ),
            E::DatePast => (
                "这个日期已经过去。请选择以后的日期",
                "This date has passed. Choose a later date",
            ),
            E::DateToday => (
                "不能预约当天，最早可以预约下一个工作日",
                "You cannot book for today. The earliest you can book is the next working day",
            ),
            E::DateWeekend => (
                "这一天是周末，不办理咨询。请选择工作日",
                "This day is a weekend day and there are no consultations. Choose a working day",
            ),
            E::TimeMissing => ("请选择咨询时间", "Choose a time for the consultation"),
            E::TimeFormat => (
                "时间格式应为“时:分”，例如 09:30",
                "Write the time as hours:minutes, for example 09:30",
            ),
            E::TimeNotOffered => (
                "这个时间不在该地点的预约时段内。请从列表中选择时间",
                "This time is not one of the place's consultation times. Choose a time from the list",
            ),
            E::NameMissing => ("请填写姓名", "Enter your name"),
            E::NameTooLong => (
                "姓名不能超过 40 个字",
                "The name must be 40 characters or fewer",
            ),
            E::ControlCharacter => (
                "内容含有无法识别的字符，请重新输入",
                "This contains characters that cannot be read. Enter it again",
            ),
            E::OrganisationTooLong => (
                "单位名称不能超过 100 个字",
                "The organisation name must be 100 characters or fewer",
            ),
            E::DescriptionTooLong => (
                "问题描述不能超过 500 个字，请精简后再提交",
                "The description must be 500 characters or fewer. Shorten it and try again",
            ),
            E::OtherAdjustmentsTooLong => (
                "其他需求不能超过 200 个字",
                "Other needs must be 200 characters or fewer",
            ),
            E::MobileLimit => (
                "这个手机号码已有 3 个未到期的预约，不能再预约。如需新的时间，请先取消或改期已有的预约",
                "This mobile number already has 3 upcoming bookings, the most allowed. To book another, first cancel or move one of them",
            ),
            E::MobileOverlap => (
                "这个手机号码在该时间已有预约。请选择其他时间",
                "This mobile number already has a booking at this time. Choose another time",
            ),
            E::MobileUnavailable => (
                "这个手机号码现在不能预约这个时间：同一号码的预约时间不能重叠，最多保留 3 个未到期的预约。如果您用这个号码预约过，请用预约号和手机号码查找预约，改期或取消后再预约",
                "This mobile number cannot book this time: one number's bookings cannot overlap, and it can hold at most 3 upcoming bookings. If you have booked with this number before, find your booking with its reference to move or cancel it, then book again",
            ),
            E::ReferenceMissing => (
                "请输入预约号，例如 K7QX-M2PD",
                "Enter the booking reference, for example K7QX-M2PD",
            ),
            E::ReferenceFormat => (
                "预约号由 8 位数字和字母组成，例如 K7QX-M2PD。请对照预约确认信息核对",
                "A booking reference has 8 letters and digits, for example K7QX-M2PD. Check it against your confirmation",
            ),
            E::Date(_)
            | E::NotPublished(_)
            | E::Mobile(_)
            | E::Uscc(_)
            | E::DateHoliday { .. }
            | E::DateTooFar { .. } => ("", ""),
        }
    }
}

impl std::fmt::Display for BookingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for BookingError {}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::d;
    use super::*;

    #[test]
    fn every_error_has_a_distinct_code_and_both_messages() {
        use BookingError as E;
        let all = [
            E::VenueMissing,
            E::VenueUnknown,
            E::VenueNotBookable,
            E::TopicMissing,
            E::TopicUnknown,
            E::TopicNotOffered,
            E::DatePast,
            E::DateToday,
            E::DateTooFar {
                last: Some(d("2026-10-19")),
            },
            E::DateTooFar { last: None },
            E::DateHoliday {
                name: "国庆节".into(),
            },
            E::DateWeekend,
            E::TimeMissing,
            E::TimeFormat,
            E::TimeNotOffered,
            E::NameMissing,
            E::NameTooLong,
            E::ControlCharacter,
            E::OrganisationTooLong,
            E::DescriptionTooLong,
            E::OtherAdjustmentsTooLong,
            E::MobileLimit,
            E::MobileOverlap,
            E::MobileUnavailable,
            E::ReferenceMissing,
            E::ReferenceFormat,
        ];
        let mut codes = std::collections::HashSet::new();
        for error in &all {
            let code = error.code();
            assert!(code.starts_with("booking."), "{code}");
            codes.insert(code);
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(!zh.is_empty() && !zh.is_ascii(), "{code}: {zh}");
            assert!(!en.is_empty(), "{code}");
            // English messages only quote a holiday's Chinese name.
            if !matches!(error, E::DateHoliday { .. }) {
                assert!(en.is_ascii(), "{code}: {en}");
            }
            assert_eq!(error.to_string(), zh);
        }
        // Two DateTooFar variants share one code.
        assert_eq!(codes.len(), all.len() - 1);
        // Wrapped errors keep their own code and message.
        let wrapped = E::Mobile(MobileNumberError::Empty);
        assert_eq!(wrapped.code(), "mobile_number.empty");
        assert_eq!(
            wrapped.message(Lang::En),
            MobileNumberError::Empty.message(Lang::En)
        );
    }
}
