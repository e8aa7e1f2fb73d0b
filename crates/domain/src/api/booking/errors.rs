//! What can be wrong with one field of a booking, reschedule, lookup or availability request,
//! with its code and its messages (in `locales/*/domain_booking.toml`).

use super::code;
use super::limits::WINDOW_WORKING_DAYS;
use crate::calendar::{Date, DateError, NotPublished};
use crate::ids::{MobileNumberError, UsccError};
use crate::lang::{Lang, Localized};
use crate::texts::{booking_error_texts, BookingErrorTexts};

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
    /// The kiosk's "last four digits of the mobile number" is empty.
    LastFourMissing,
    /// Not four digits.
    LastFourFormat,
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
            E::LastFourMissing => "booking.mobile_last_four_missing",
            E::LastFourFormat => "booking.mobile_last_four_format",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use BookingError as E;
        let t = booking_error_texts(lang);
        match self {
            E::Date(e) => e.message(lang),
            E::NotPublished(e) => e.message(lang),
            E::Mobile(e) => e.message(lang),
            E::Uscc(e) => e.message(lang),
            E::DateHoliday { name } => t.booking_date_holiday(name),
            E::DateTooFar { last: Some(last) } => t.booking_date_too_far(WINDOW_WORKING_DAYS, last),
            E::DateTooFar { last: None } => t.booking_no_dates_to_book.to_owned(),
            other => other.static_text(t).to_owned(),
        }
    }
}

impl BookingError {
    /// The messages that do not depend on a value.
    fn static_text(&self, t: &BookingErrorTexts) -> &'static str {
        use BookingError as E;
        match self {
            E::VenueMissing => t.booking_venue_missing,
            E::VenueUnknown => t.booking_venue_unknown,
            E::VenueNotBookable => t.booking_venue_not_bookable,
            E::TopicMissing => t.booking_topic_missing,
            E::TopicUnknown => t.booking_topic_unknown,
            E::TopicNotOffered => t.booking_topic_not_offered,
            E::DatePast => t.booking_date_past,
            E::DateToday => t.booking_date_today,
            E::DateWeekend => t.booking_date_weekend,
            E::TimeMissing => t.booking_time_missing,
            E::TimeFormat => t.booking_time_format,
            E::TimeNotOffered => t.booking_time_not_offered,
            E::NameMissing => t.booking_name_missing,
            E::NameTooLong => t.booking_name_too_long,
            E::ControlCharacter => t.booking_control_character,
            E::OrganisationTooLong => t.booking_organisation_too_long,
            E::DescriptionTooLong => t.booking_description_too_long,
            E::OtherAdjustmentsTooLong => t.booking_other_adjustments_too_long,
            E::MobileLimit => t.booking_mobile_limit,
            E::MobileOverlap => t.booking_mobile_overlap,
            E::MobileUnavailable => t.booking_mobile_unavailable,
            E::ReferenceMissing => t.booking_reference_missing,
            E::ReferenceFormat => t.booking_reference_format,
            E::LastFourMissing => t.booking_mobile_last_four_missing,
            E::LastFourFormat => t.booking_mobile_last_four_format,
            E::Date(_)
            | E::NotPublished(_)
            | E::Mobile(_)
            | E::Uscc(_)
            | E::DateHoliday { .. }
            | E::DateTooFar { .. } => "",
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
            E::LastFourMissing,
            E::LastFourFormat,
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
