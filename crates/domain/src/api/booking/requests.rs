//! What people send to book, reschedule and look a booking up, with the checks that turn it into
//! typed values (and booking's reading of a reference).

use serde::{Deserialize, Serialize};

use super::errors::BookingError;
use super::limits::{
    MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_ORGANISATION_CHARS,
    MAX_OTHER_ADJUSTMENTS_CHARS,
};
use crate::calendar::Date;
use crate::ids::{MobileNumber, Uscc};
use crate::reference::{BookingReference, ReferenceProblem};
use crate::text::{clean_line, clean_text, TextProblem};
use crate::time::SlotTime;

/// The body of `POST /api/v1/bookings`. Text fields arrive as they were typed (absent, `null`
/// and blank are the same); [`parse`](Self::parse) tidies and checks them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct BookingRequest {
    /// Venue id, e.g. `nantong-ip-protection-center`.
    pub venue: Option<String>,
    /// Topic id, e.g. `patent`.
    pub topic: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Slot start `HH:MM`, one of the availability's `time` values.
    pub time: Option<String>,
    /// 1 to 40 characters.
    pub name: Option<String>,
    /// Mainland mobile number; `+86`, spaces and hyphens allowed.
    pub mobile: Option<String>,
    /// Optional, at most 100 characters.
    pub organisation: Option<String>,
    /// Optional 统一社会信用代码 of the organisation.
    pub uscc: Option<String>,
    /// What the consultation is about, optional, at most 500 characters.
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    /// Any other adjustment needed, optional, at most 200 characters.
    pub other_adjustments: Option<String>,
    /// Booking on behalf of someone else (name and mobile are the person who comes).
    pub for_someone_else: bool,
}

/// A booking request that is known to be well-formed (not yet checked against the venues, the
/// calendar or the seats: that is the server's part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewBooking {
    pub venue: String,
    pub topic: String,
    pub date: Date,
    pub time: SlotTime,
    pub name: String,
    pub mobile: MobileNumber,
    pub organisation: Option<String>,
    pub uscc: Option<Uscc>,
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    pub for_someone_else: bool,
}

impl BookingRequest {
    /// Tidies and checks every field; every bad one is reported with its field name.
    pub fn parse(&self) -> Result<NewBooking, Vec<(&'static str, BookingError)>> {
        let mut errors = Vec::new();
        let (venue, topic) = parse_venue_and_topic(&self.venue, &self.topic, &mut errors);
        let date = parse_date(&self.date)
            .map_err(|e| errors.push(("date", e)))
            .ok();
        let time = parse_time(&self.time)
            .map_err(|e| errors.push(("time", e)))
            .ok();
        let name = match clean_line(self.name.as_deref(), MAX_NAME_CHARS) {
            Ok(Some(name)) => Some(name),
            Ok(None) => {
                errors.push(("name", BookingError::NameMissing));
                None
            }
            Err(TextProblem::TooLong) => {
                errors.push(("name", BookingError::NameTooLong));
                None
            }
            Err(TextProblem::Control) => {
                errors.push(("name", BookingError::ControlCharacter));
                None
            }
        };
        let mobile = MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
            .map_err(|e| errors.push(("mobile", BookingError::Mobile(e))))
            .ok();
        let organisation = clean_line(self.organisation.as_deref(), MAX_ORGANISATION_CHARS)
            .map_err(|e| errors.push(("organisation", e.error(BookingError::OrganisationTooLong))))
            .ok()
            .flatten();
        let uscc = match self.uscc.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => Uscc::parse(value)
                .map_err(|e| errors.push(("uscc", BookingError::Uscc(e))))
                .ok(),
        };
        let description = clean_text(self.description.as_deref(), MAX_DESCRIPTION_CHARS)
            .map_err(|e| errors.push(("description", e.error(BookingError::DescriptionTooLong))))
            .ok()
            .flatten();
        let other_adjustments = clean_text(
            self.other_adjustments.as_deref(),
            MAX_OTHER_ADJUSTMENTS_CHARS,
        )
        .map_err(|e| {
            errors.push((
                "other_adjustments",
                e.error(BookingError::OtherAdjustmentsTooLong),
            ))
        })
        .ok()
        .flatten();

        match (venue, topic, date, time, name, mobile) {
            (Some(venue), Some(topic), Some(date), Some(time), Some(name), Some(mobile))
                if errors.is_empty() =>
            {
                Ok(NewBooking {
                    venue,
                    topic,
                    date,
                    time,
                    name,
                    mobile,
                    organisation,
                    uscc,
                    description,
                    wheelchair_access: self.wheelchair_access,
                    sign_language_interpreter: self.sign_language_interpreter,
                    other_adjustments,
                    for_someone_else: self.for_someone_else,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The body of `POST /api/v1/bookings/{token}/reschedule`: the new slot at the same venue, for
/// the same topic. (By reference + mobile number it is a [`LookupRescheduleRequest`].)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RescheduleRequest {
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`.
    pub time: Option<String>,
}

impl RescheduleRequest {
    pub fn parse(&self) -> Result<(Date, SlotTime), Vec<(&'static str, BookingError)>> {
        both(
            ("date", parse_date(&self.date)),
            ("time", parse_time(&self.time)),
        )
    }
}

/// The body of `POST /api/v1/bookings/lookup` (find a booking without its manage link) and of
/// `POST /api/v1/bookings/lookup/cancel` (cancel it that way).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LookupRequest {
    /// The reference, e.g. `K7QX-M2PD` (case, spaces and the hyphen do not matter).
    pub reference: Option<String>,
    /// The mobile number given when booking.
    pub mobile: Option<String>,
}

impl LookupRequest {
    pub fn parse(
        &self,
    ) -> Result<(BookingReference, MobileNumber), Vec<(&'static str, BookingError)>> {
        let reference = BookingReference::parse(self.reference.as_deref().unwrap_or(""));
        let mobile =
            MobileNumber::parse(self.mobile.as_deref().unwrap_or("")).map_err(BookingError::Mobile);
        both(("reference", reference), ("mobile", mobile))
    }
}

/// The body of `POST /api/v1/bookings/lookup/reschedule`: the booking, found as
/// [`LookupRequest`] finds it, and its new slot, as in a [`RescheduleRequest`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LookupRescheduleRequest {
    /// The reference, e.g. `K7QX-M2PD` (case, spaces and the hyphen do not matter).
    pub reference: Option<String>,
    /// The mobile number given when booking.
    pub mobile: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`.
    pub time: Option<String>,
}

/// A reschedule by reference that is known to be well-formed: which booking (not yet looked
/// up) and the new slot (not yet checked against the calendar, the venue or the seats).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RescheduleByReference {
    pub reference: BookingReference,
    pub mobile: MobileNumber,
    pub date: Date,
    pub time: SlotTime,
}

impl LookupRescheduleRequest {
    /// Reads the booking's reference and mobile number as [`LookupRequest::parse`] does and the
    /// new slot as [`RescheduleRequest::parse`] does; every bad field of the four is reported
    /// (`reference`, `mobile`, `date`, `time`).
    pub fn parse(&self) -> Result<RescheduleByReference, Vec<(&'static str, BookingError)>> {
        let booking = LookupRequest {
            reference: self.reference.clone(),
            mobile: self.mobile.clone(),
        }
        .parse();
        let slot = RescheduleRequest {
            date: self.date.clone(),
            time: self.time.clone(),
        }
        .parse();
        match (booking, slot) {
            (Ok((reference, mobile)), Ok((date, time))) => Ok(RescheduleByReference {
                reference,
                mobile,
                date,
                time,
            }),
            (booking, slot) => Err(booking
                .err()
                .into_iter()
                .chain(slot.err())
                .flatten()
                .collect()),
        }
    }
}

impl BookingReference {
    /// Reads a reference as people type it (see [`BookingReference::read`]), with what is
    /// wrong as a booking field error.
    pub fn parse(input: &str) -> Result<BookingReference, BookingError> {
        BookingReference::read(input).map_err(|problem| match problem {
            ReferenceProblem::Missing => BookingError::ReferenceMissing,
            ReferenceProblem::Format => BookingError::ReferenceFormat,
        })
    }
}

fn parse_id(
    value: &Option<String>,
    missing: BookingError,
    unknown: BookingError,
) -> Result<String, BookingError> {
    let value = value.as_deref().map(str::trim).unwrap_or("");
    if value.is_empty() {
        return Err(missing);
    }
    // Ids are ASCII slugs: anything else names nothing, and is not worth a lookup.
    if value.len() > MAX_ID_CHARS
        || !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(unknown);
    }
    Ok(value.to_owned())
}

/// The venue and topic ids of a booking or availability request; what is wrong is pushed to
/// `errors` under the field's name.
pub(super) fn parse_venue_and_topic(
    venue: &Option<String>,
    topic: &Option<String>,
    errors: &mut Vec<(&'static str, BookingError)>,
) -> (Option<String>, Option<String>) {
    let venue = parse_id(
        venue,
        BookingError::VenueMissing,
        BookingError::VenueUnknown,
    )
    .map_err(|e| errors.push(("venue", e)))
    .ok();
    let topic = parse_id(
        topic,
        BookingError::TopicMissing,
        BookingError::TopicUnknown,
    )
    .map_err(|e| errors.push(("topic", e)))
    .ok();
    (venue, topic)
}

/// Two fields read together: both values, or the errors of those that are wrong under their
/// field names, in that order.
fn both<A, B>(
    (field_a, a): (&'static str, Result<A, BookingError>),
    (field_b, b): (&'static str, Result<B, BookingError>),
) -> Result<(A, B), Vec<(&'static str, BookingError)>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err([(field_a, a.err()), (field_b, b.err())]
            .into_iter()
            .filter_map(|(field, e)| Some((field, e?)))
            .collect()),
    }
}

fn parse_date(value: &Option<String>) -> Result<Date, BookingError> {
    Date::parse(value.as_deref().unwrap_or("")).map_err(BookingError::Date)
}

fn parse_time(value: &Option<String>) -> Result<SlotTime, BookingError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Err(BookingError::TimeMissing),
        Some(value) => SlotTime::parse(value).ok_or(BookingError::TimeFormat),
    }
}

/// Booking's field error for a text problem (`TooLong` is the field's own).
impl TextProblem {
    fn error(self, too_long: BookingError) -> BookingError {
        match self {
            TextProblem::TooLong => too_long,
            TextProblem::Control => BookingError::ControlCharacter,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::availability::AvailabilityParams;
    use super::super::test_fixtures::{codes, d, t};
    use super::*;
    use crate::reference::{REFERENCE_ALPHABET, REFERENCE_CHARS};

    fn valid() -> BookingRequest {
        BookingRequest {
            venue: Some("nantong-ip-protection-center".into()),
            topic: Some("patent".into()),
            date: Some("2026-09-22".into()),
            time: Some("09:00".into()),
            name: Some("  张  三 ".into()),
            mobile: Some("+86 138 1234 5678".into()),
            ..BookingRequest::default()
        }
    }

    #[test]
    fn a_valid_request_is_tidied() {
        let mut request = valid();
        request.organisation = Some("  南通某某 家纺有限公司 ".into());
        request.uscc = Some("91110000 600037341l".into());
        request.description = Some("  外观设计\r\n被仿冒  ".into());
        request.other_adjustments = Some("   ".into());
        request.wheelchair_access = true;
        let booking = request.parse().unwrap();
        assert_eq!(booking.name, "张 三");
        assert_eq!(booking.mobile.as_str(), "13812345678");
        assert_eq!(booking.date, d("2026-09-22"));
        assert_eq!(booking.time.to_string(), "09:00");
        assert_eq!(
            booking.organisation.as_deref(),
            Some("南通某某 家纺有限公司")
        );
        assert_eq!(booking.uscc.unwrap().as_str(), "91110000600037341L");
        assert_eq!(booking.description.as_deref(), Some("外观设计\n被仿冒"));
        assert_eq!(booking.other_adjustments, None);
        assert!(booking.wheelchair_access && !booking.for_someone_else);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let errors = BookingRequest::default().parse().unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![
                ("venue", "booking.venue_missing"),
                ("topic", "booking.topic_missing"),
                ("date", "date.empty"),
                ("time", "booking.time_missing"),
                ("name", "booking.name_missing"),
                ("mobile", "mobile_number.empty"),
            ]
        );

        let request = BookingRequest {
            venue: Some("南通".into()),
            date: Some("2026-02-30".into()),
            time: Some("9:00".into()),
            name: Some("名".repeat(41)),
            mobile: Some("0513-8512-3456".into()),
            organisation: Some("x".repeat(101)),
            uscc: Some("91110000600037341A".into()),
            description: Some("字".repeat(5_000)),
            other_adjustments: Some("a\u{0}b".into()),
            ..valid()
        };
        assert_eq!(
            codes(&request.parse().unwrap_err()),
            vec![
                ("venue", "booking.venue_unknown"),
                ("date", "date.invalid"),
                ("time", "booking.time_format"),
                ("name", "booking.name_too_long"),
                ("mobile", "mobile_number.not_mobile"),
                ("organisation", "booking.organisation_too_long"),
                ("uscc", "uscc.check_digit"),
                ("description", "booking.description_too_long"),
                ("other_adjustments", "booking.control_character"),
            ]
        );
    }

    #[test]
    fn text_limits_are_in_characters_and_cheap_for_huge_input() {
        let ok = BookingRequest {
            name: Some("名".repeat(40)),
            description: Some("字".repeat(500)),
            ..valid()
        };
        assert!(ok.parse().is_ok());
        let huge = BookingRequest {
            description: Some("a".repeat(10_000_000)),
            ..valid()
        };
        assert_eq!(
            codes(&huge.parse().unwrap_err()),
            vec![("description", "booking.description_too_long")]
        );
        let control = BookingRequest {
            name: Some("张\n三".into()),
            ..valid()
        };
        assert_eq!(
            codes(&control.parse().unwrap_err()),
            vec![("name", "booking.control_character")]
        );
    }

    #[test]
    fn reschedule_and_lookup_requests() {
        let ok = RescheduleRequest {
            date: Some("2026-09-23".into()),
            time: Some("13:30".into()),
        };
        assert_eq!(ok.parse().unwrap(), (d("2026-09-23"), t("13:30")));
        assert_eq!(
            codes(&RescheduleRequest::default().parse().unwrap_err()),
            vec![("date", "date.empty"), ("time", "booking.time_missing")]
        );
        let lookup = LookupRequest {
            reference: Some(" k7qx m2pd ".into()),
            mobile: Some("13812345678".into()),
        };
        let (reference, mobile) = lookup.parse().unwrap();
        assert_eq!(reference.to_string(), "K7QX-M2PD");
        assert_eq!(mobile.masked(), "138****5678");
        let bad = LookupRequest {
            reference: Some("K0QX-M2PD".into()),
            mobile: None,
        };
        assert_eq!(
            codes(&bad.parse().unwrap_err()),
            vec![
                ("reference", "booking.reference_format"),
                ("mobile", "mobile_number.empty")
            ]
        );
        assert_eq!(
            codes(
                &AvailabilityParams {
                    venue: Some("x".repeat(65)),
                    topic: None
                }
                .parse()
                .unwrap_err()
            ),
            vec![
                ("venue", "booking.venue_unknown"),
                ("topic", "booking.topic_missing")
            ]
        );
    }

    #[test]
    fn a_reschedule_by_reference_reads_and_reports_all_four_fields() {
        let ok = LookupRescheduleRequest {
            reference: Some(" k7qx m2pd ".into()),
            mobile: Some("+86 138-1234-5678".into()),
            date: Some("2026-09-23".into()),
            time: Some(" 13:30 ".into()),
        };
        let parsed = ok.parse().unwrap();
        assert_eq!(parsed.reference.to_string(), "K7QX-M2PD");
        assert_eq!(parsed.mobile.as_str(), "13812345678");
        assert_eq!((parsed.date, parsed.time), (d("2026-09-23"), t("13:30")));
        // The same JSON shape as the lookup and the reschedule bodies together.
        let json = r#"{"reference":"K7QX-M2PD","mobile":"13812345678","date":"2026-09-23","time":"13:30"}"#;
        let read: LookupRescheduleRequest = serde_json::from_str(json).unwrap();
        assert_eq!(read.parse().unwrap(), parsed);

        assert_eq!(
            codes(&LookupRescheduleRequest::default().parse().unwrap_err()),
            vec![
                ("reference", "booking.reference_missing"),
                ("mobile", "mobile_number.empty"),
                ("date", "date.empty"),
                ("time", "booking.time_missing"),
            ]
        );
        let bad_slot = LookupRescheduleRequest {
            date: Some("2026-02-30".into()),
            time: Some("9:30".into()),
            ..ok.clone()
        };
        assert_eq!(
            codes(&bad_slot.parse().unwrap_err()),
            vec![("date", "date.invalid"), ("time", "booking.time_format")]
        );
        let bad_booking = LookupRescheduleRequest {
            reference: Some("K0QX-M2PD".into()),
            ..ok
        };
        assert_eq!(
            codes(&bad_booking.parse().unwrap_err()),
            vec![("reference", "booking.reference_format")]
        );
    }

    #[test]
    fn references_use_an_unambiguous_alphabet() {
        assert_eq!(REFERENCE_ALPHABET.len(), 31);
        for banned in b"01OIL" {
            assert!(!REFERENCE_ALPHABET.contains(banned));
        }
        let mut seen = std::collections::HashSet::new();
        // A simple LCG stands in for the random source: the mapping must cover the alphabet
        // evenly and give distinct references.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut counts = [0u32; 31];
        for _ in 0..10_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let reference = BookingReference::from_random(x);
            assert_eq!(reference.compact().len(), REFERENCE_CHARS);
            for b in reference.compact().bytes() {
                let i = REFERENCE_ALPHABET.iter().position(|&c| c == b).unwrap();
                counts[i] += 1;
            }
            let shown = reference.to_string();
            assert_eq!(shown.len(), 9);
            assert_eq!(&shown[4..5], "-");
            assert_eq!(BookingReference::parse(&shown).unwrap(), reference);
            seen.insert(reference);
        }
        assert_eq!(seen.len(), 10_000);
        // 80,000 characters over 31 values: about 2,581 each.
        assert!(
            counts.iter().all(|&c| (2_300..2_900).contains(&c)),
            "{counts:?}"
        );
        assert_eq!(BookingReference::from_random(0).to_string(), "2222-2222");
    }

    #[test]
    fn references_are_read_as_people_type_them() {
        for input in ["K7QX-M2PD", "k7qxm2pd", " K7QX M2PD ", "Ｋ７ＱＸ－Ｍ２ＰＤ"] {
            assert_eq!(
                BookingReference::parse(input).unwrap().compact(),
                "K7QXM2PD",
                "{input}"
            );
        }
        for input in [
            "K7QX-M2P",
            "K7QX-M2PDD",
            "K7QX-M2P0",
            "KIQX-M2PD",
            "K7QX_M2PD",
        ] {
            assert_eq!(
                BookingReference::parse(input),
                Err(BookingError::ReferenceFormat),
                "{input}"
            );
        }
        assert_eq!(
            BookingReference::parse("  "),
            Err(BookingError::ReferenceMissing)
        );
    }
}
