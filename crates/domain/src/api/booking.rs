//! Consultation booking (预约咨询): book, change and cancel an in-person consultation at a venue
//! of the service network.
//!
//! The JSON shapes of
//! - `GET  /api/v1/booking/topics`                       → [`TopicList`]
//! - `GET  /api/v1/booking/venues?topic=`                → [`BookingVenueList`]
//! - `GET  /api/v1/booking/availability?venue=&topic=`   → [`Availability`]
//! - `POST /api/v1/bookings` (`Idempotency-Key` header)  [`BookingRequest`] → 201 [`BookingCreated`]
//! - `POST /api/v1/bookings/lookup`                      [`LookupRequest`] → [`BookingSummary`]
//! - `POST /api/v1/bookings/lookup/reschedule`           [`LookupRescheduleRequest`] → [`BookingSummary`]
//! - `POST /api/v1/bookings/lookup/cancel`               [`LookupRequest`] → [`BookingSummary`]
//! - `GET  /api/v1/bookings/{token}`                     → [`Booking`]
//! - `POST /api/v1/bookings/{token}/reschedule`          [`RescheduleRequest`] → [`Booking`]
//! - `POST /api/v1/bookings/{token}/cancel`              → [`Booking`]
//! - `GET  /api/v1/bookings/{token}/calendar.ics`        → `text/calendar`
//! - `POST /api/v1/bookings/{token}/rating`              [`RatingRequest`](super::rating::RatingRequest) → 201 [`RatingView`](super::rating::RatingView) (see [`super::rating`])
//!
//! and the checks both sides run: [`BookingRequest::parse`], [`RescheduleRequest::parse`],
//! [`LookupRequest::parse`], [`LookupRescheduleRequest::parse`] and [`check_date`] report
//! `(field, BookingError)` pairs with messages in both languages, the same way as the GI search
//! parameters. The browser runs them before it sends anything; the server runs them again and
//! adds what only it knows (the venues, the seats, the clock).
//!
//! A booking can be viewed, moved and cancelled with its manage token (the secret link; the
//! answers are the full [`Booking`]) or with its reference + mobile number (the answers are the
//! masked [`BookingSummary`]). Both ways follow the same rules and refuse with the same codes;
//! an unknown reference and a wrong mobile number are the same 404.
//!
//! Times: every date and time is on the wall clock of Asia/Shanghai (UTC+8, no daylight saving
//! time); `starts_at`/`ends_at` carry the offset (`2026-09-22T09:00:00+08:00`).

use serde::{Deserialize, Serialize};

use crate::calendar::{Date, DateError, DayKind, HolidayCalendar, NotPublished, WorkingDays};
use crate::ids::{MobileNumber, MobileNumberError, Uscc, UsccError};
use crate::lang::{Lang, Localized};
use crate::reference::ReferenceProblem;
use crate::text::{clean_line, clean_text, TextProblem};

/// Bookable from the next working day up to this many working days ahead.
pub const WINDOW_WORKING_DAYS: u32 = 15;
/// One mobile number may hold at most this many upcoming (confirmed, not yet started) bookings.
pub const MAX_UPCOMING_PER_MOBILE: u32 = 3;
/// New bookings one client address may make within an hour, and within 24 hours (both
/// rolling; cancelled ones count too), so that nobody can empty a day's seats from one place.
/// A household or a firm booking for a few people stays well inside them.
pub const MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR: u32 = 6;
pub const MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY: u32 = 20;
/// A booking can be cancelled or moved until this long before it starts.
pub const CHANGE_CUTOFF_SECS: i64 = 2 * 60 * 60;

pub const MAX_NAME_CHARS: usize = 40;
pub const MAX_ORGANISATION_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_OTHER_ADJUSTMENTS_CHARS: usize = 200;
/// Venue and topic ids are short slugs; anything longer names nothing.
pub const MAX_ID_CHARS: usize = 64;

/// The `code` of error answers that are not about one field (the per-field codes are those of
/// [`BookingError`]).
pub mod code {
    /// 409: the slot has no seat left. `details` is a [`super::SlotTakenDetails`].
    pub const SLOT_FULL: &str = "booking.slot_full";
    /// 409: the center has closed the slot (or its day): it cannot be booked or moved into.
    /// `details` is a [`super::SlotTakenDetails`], as for [`SLOT_FULL`].
    pub const SLOT_CLOSED: &str = "booking.slot_closed";
    /// 409: the mobile number already holds [`super::MAX_UPCOMING_PER_MOBILE`] upcoming
    /// bookings (also the code of the `mobile` field).
    pub const MOBILE_LIMIT: &str = "booking.mobile_limit";
    /// 409: the mobile number already has a booking that overlaps this time (also the code of
    /// the `time` field). Only when moving a booking (its holder asks, by its link or its
    /// reference and number); a new booking gets [`MOBILE_UNAVAILABLE`].
    pub const MOBILE_OVERLAP: &str = "booking.mobile_overlap";
    /// 409 on a new booking: the mobile number cannot book this time, either because it already
    /// holds [`super::MAX_UPCOMING_PER_MOBILE`] upcoming bookings or because one of them
    /// overlaps this time (also the code of the `mobile` field). One answer for both, worded
    /// for the holder, so that someone trying a stranger's number does not learn when, or
    /// whether, that person has an appointment. Such refusals are counted like failed lookups
    /// (5 an hour per number, 30 per client address, shared with every lookup route); past
    /// them [`MOBILE_RATE_LIMITED`].
    pub const MOBILE_UNAVAILABLE: &str = "booking.mobile_unavailable";
    /// 429 with `Retry-After`: too many new bookings refused with [`MOBILE_UNAVAILABLE`] for
    /// this number or from this address within an hour.
    pub const MOBILE_RATE_LIMITED: &str = "booking.mobile_rate_limited";
    /// 409: less than 2 hours before the start (or after it): cannot cancel any more.
    pub const CANCEL_TOO_LATE: &str = "booking.cancel_too_late";
    /// 409: less than 2 hours before the start (or after it): cannot move it any more.
    pub const CHANGE_TOO_LATE: &str = "booking.change_too_late";
    /// 409: a cancelled booking cannot be moved (except one the center cancelled by closing its
    /// slot: see [`super::Booking::center_cancellation`]).
    pub const ALREADY_CANCELLED: &str = "booking.already_cancelled";
    /// 400: `POST /api/v1/bookings` without an `Idempotency-Key` header.
    pub const IDEMPOTENCY_KEY_MISSING: &str = "booking.idempotency_key_missing";
    /// 400: the key is longer than 128 characters or not printable ASCII.
    pub const IDEMPOTENCY_KEY_INVALID: &str = "booking.idempotency_key_invalid";
    /// 422: the key was already used for a different booking request.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "booking.idempotency_key_reused";
    /// 429: too many failed lookups by reference + mobile number (the 404s of
    /// `POST /api/v1/bookings/lookup`, `/lookup/reschedule` and `/lookup/cancel`, which share
    /// one count): 5 in an hour for one reference, or 30 in an hour from one client address.
    /// Until the hour has passed every lookup of that reference (or from that address) gets
    /// this answer, even with the right mobile number; `Retry-After` says how many seconds
    /// are left. The answer is the same whether the reference exists or not, and the manage
    /// link (token) is never limited.
    pub const LOOKUP_RATE_LIMITED: &str = "booking.lookup_rate_limited";
    /// 429: this client address has made [`super::MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR`]
    /// new bookings within the hour or [`super::MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY`] within
    /// 24 hours; `Retry-After` says when the next one is accepted.
    pub const ADDRESS_RATE_LIMITED: &str = "booking.address_rate_limited";
}

// ---------------------------------------------------------------------------------------------
// Topics and venues
// ---------------------------------------------------------------------------------------------

/// What a consultation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Topic {
    /// Stable id, e.g. `patent`, `overseas-ip`.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// What to bring to the consultation, one item each.
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
}

/// `GET /api/v1/booking/topics`, in the order the center presents them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicList {
    pub items: Vec<Topic>,
}

/// Opening hours of one part of the day, `HH:MM` to `HH:MM`, the same on every working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningHours {
    pub opens: String,
    pub closes: String,
}

/// A venue where consultations can be (or will be) booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingVenue {
    /// The venue's id in `GET /api/v1/venues`.
    pub id: String,
    pub kind: super::VenueKind,
    pub status: super::VenueStatus,
    pub name_zh: String,
    pub name_en: String,
    pub address: Option<String>,
    /// False while the venue is being set up (筹建中): show it, but offer no booking.
    pub bookable: bool,
    /// The ids of the topics it offers.
    pub topics: Vec<String>,
    pub opening_hours: Vec<OpeningHours>,
    pub slot_minutes: u16,
    /// How many people can be seen in one slot (shared by all topics).
    pub seats_per_slot: u16,
    /// False while the hours, slot length and seats are the shipped defaults that an
    /// administrator has not confirmed: label them as such.
    pub defaults_confirmed: bool,
}

/// `GET /api/v1/booking/venues`: the venues offering `topic` (every booking venue without it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingVenueList {
    pub items: Vec<BookingVenue>,
}

/// The query of `GET /api/v1/booking/venues`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct VenueParams {
    /// Only venues offering this topic id.
    pub topic: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

/// The query of `GET /api/v1/booking/availability`: both are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AvailabilityParams {
    /// A venue id.
    pub venue: Option<String>,
    /// A topic id.
    pub topic: Option<String>,
}

/// Well-formed availability parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityQuery {
    pub venue: String,
    pub topic: String,
}

impl AvailabilityParams {
    pub fn parse(&self) -> Result<AvailabilityQuery, Vec<(&'static str, BookingError)>> {
        let mut errors = Vec::new();
        let venue = parse_id(
            &self.venue,
            BookingError::VenueMissing,
            BookingError::VenueUnknown,
        )
        .map_err(|e| errors.push(("venue", e)))
        .ok();
        let topic = parse_id(
            &self.topic,
            BookingError::TopicMissing,
            BookingError::TopicUnknown,
        )
        .map_err(|e| errors.push(("topic", e)))
        .ok();
        match (venue, topic) {
            (Some(venue), Some(topic)) => Ok(AvailabilityQuery { venue, topic }),
            _ => Err(errors),
        }
    }
}

/// `GET /api/v1/booking/availability`: the bookable days of the window with every slot and its
/// free seats (0 when full).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    pub venue_id: String,
    pub topic_id: String,
    /// Today in Asia/Shanghai, as the server's clock says.
    pub today: Date,
    pub slot_minutes: u16,
    pub seats_per_slot: u16,
    pub defaults_confirmed: bool,
    /// The working days from the next one up to 15 ahead, in order.
    pub days: Vec<AvailableDay>,
    /// Set when the window runs into a year whose public holidays are not published yet: the
    /// days from that year on are not offered (show [`NotPublished`]'s message).
    pub unpublished_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailableDay {
    pub date: Date,
    /// `working`, or `adjusted_working_day` for a weekend day that is a working day (调休上班).
    pub day_kind: DayKind,
    pub slots: Vec<AvailableSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailableSlot {
    /// Start, `HH:MM`: the `time` to send when booking.
    pub time: String,
    pub end_time: String,
    /// Free seats; 0 means full.
    pub remaining: u16,
}

/// The `details` of a 409 [`code::SLOT_FULL`] answer: other slots of the same venue and topic
/// with a free seat, the ones after the requested slot first (at most 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotTakenDetails {
    pub next_available: Vec<SlotOffer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotOffer {
    pub date: Date,
    pub time: String,
    pub end_time: String,
    pub remaining: u16,
}

// ---------------------------------------------------------------------------------------------
// Booking, rescheduling, lookup: requests
// ---------------------------------------------------------------------------------------------

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
        let venue = parse_id(
            &self.venue,
            BookingError::VenueMissing,
            BookingError::VenueUnknown,
        )
        .map_err(|e| errors.push(("venue", e)))
        .ok();
        let topic = parse_id(
            &self.topic,
            BookingError::TopicMissing,
            BookingError::TopicUnknown,
        )
        .map_err(|e| errors.push(("topic", e)))
        .ok();
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
        let date = parse_date(&self.date);
        let time = parse_time(&self.time);
        match (date, time) {
            (Ok(date), Ok(time)) => Ok((date, time)),
            (date, time) => Err([("date", date.err()), ("time", time.err())]
                .into_iter()
                .filter_map(|(field, e)| Some((field, e?)))
                .collect()),
        }
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
        match (reference, mobile) {
            (Ok(reference), Ok(mobile)) => Ok((reference, mobile)),
            (reference, mobile) => Err([("reference", reference.err()), ("mobile", mobile.err())]
                .into_iter()
                .filter_map(|(field, e)| Some((field, e?)))
                .collect()),
        }
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

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Confirmed,
    Cancelled,
}

/// A venue or topic as a booking names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedRef {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A booking as its holder (whoever has the manage token) sees it. The mobile number and the
/// 统一社会信用代码 are masked even here; the name is shown in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    /// Short reference to quote on the phone or at the desk, `XXXX-XXXX`, never containing
    /// 0, O, 1, I or L.
    pub reference: String,
    pub status: BookingStatus,
    pub venue: NamedRef,
    pub venue_address: Option<String>,
    pub topic: NamedRef,
    pub date: Date,
    /// `HH:MM`, Asia/Shanghai.
    pub start_time: String,
    pub end_time: String,
    /// RFC 3339 with the +08:00 offset.
    pub starts_at: String,
    pub ends_at: String,
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
    pub name: String,
    /// Masked, e.g. `138****5678`.
    pub mobile: String,
    pub organisation: Option<String>,
    /// Masked, e.g. `91************341L`.
    pub uscc: Option<String>,
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    pub for_someone_else: bool,
    /// Rises by one with every reschedule and the cancellation (the calendar file's SEQUENCE).
    pub sequence: u32,
    /// Whether it can still be cancelled or moved now (confirmed, and `change_deadline` has
    /// not passed).
    pub changeable: bool,
    /// RFC 3339: 2 hours before the start.
    pub change_deadline: String,
    /// False while the venue's hours are unconfirmed defaults.
    pub defaults_confirmed: bool,
    /// Set when the center cancelled the booking by closing its slot or day (never when its
    /// holder cancelled it): the reason to show. Such a booking can be rebooked: the
    /// reschedule routes move it to a new slot and confirm it again (same reference and
    /// manage link), whatever the 2-hour cut-off of the old slot.
    #[serde(default)]
    pub center_cancellation: Option<CenterCancellation>,
    /// Whether the consultation can be rated now: the person was checked in at the desk and has
    /// not rated it yet (`POST /bookings/{token}/rating`, which takes the manage link). Set on
    /// the answers of `GET /bookings/{token}` and the lookup; `false` on the others.
    #[serde(default)]
    pub can_rate: bool,
    /// The rating with the center's reply, once rated.
    #[serde(default)]
    pub rating: Option<super::rating::RatingView>,
}

/// Why the center cancelled a booking (see [`Booking::center_cancellation`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterCancellation {
    /// The reason the center gave when it closed the slot, or when it cancelled the booking
    /// after review, as written by its staff.
    pub reason: String,
    /// The center closed the whole day rather than the one slot.
    pub whole_day: bool,
    /// Cancelled after the booking desk reviewed bookings made in bulk
    /// ([`super::booking_clusters`]), not by a closure: it cannot be moved to a new time, a new
    /// booking can be made.
    #[serde(default)]
    pub review: bool,
}

/// The notice a booking cancelled by the center shows, with the center's reason (its own
/// closing full stop dropped: the sentence has one).
pub fn center_cancelled_notice(reason: &str, lang: Lang) -> String {
    let reason = without_final_stop(reason);
    match lang {
        Lang::Zh => format!("服务中心关闭了这个时段：{reason}。您的预约已取消，请重新选择时间。"),
        Lang::En => format!(
            "The center has closed this time: {reason}. Your booking has been cancelled; please choose a new time."
        ),
    }
}

/// The notice a booking cancelled after the desk's review of bookings made in bulk shows
/// ([`CenterCancellation::review`]), with the center's reason.
pub fn review_cancelled_notice(reason: &str, lang: Lang) -> String {
    let reason = without_final_stop(reason);
    match lang {
        Lang::Zh => format!(
            "服务中心核查批量预约后取消了这个预约：{reason}。如确需咨询，请重新预约；如有疑问，请联系服务中心。"
        ),
        Lang::En => format!(
            "The center cancelled this booking after checking bookings made in bulk: {reason}. If you do need a consultation, please make a new booking; if you have questions, contact the center."
        ),
    }
}

fn without_final_stop(reason: &str) -> &str {
    reason
        .trim()
        .trim_end_matches(['。', '.', '！', '!', '；', ';'])
}

/// 201 answer of `POST /api/v1/bookings`. The same key with the same body gives this same
/// answer again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingCreated {
    /// The secret of the manage link (`/api/v1/bookings/{manage_token}`): 256 random bits,
    /// URL-safe base64. It is shown once; the server keeps only its hash.
    pub manage_token: String,
    pub booking: Booking,
}

/// `POST /api/v1/bookings/lookup` (and `…/lookup/reschedule`, `…/lookup/cancel`): what
/// reference + mobile reveals, with what is needed to offer moving or cancelling it. Name and
/// mobile masked; no description, organisation, adjustments, USCC or manage token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingSummary {
    pub reference: String,
    pub status: BookingStatus,
    pub venue: NamedRef,
    pub venue_address: Option<String>,
    pub topic: NamedRef,
    pub date: Date,
    pub start_time: String,
    pub end_time: String,
    pub starts_at: String,
    pub ends_at: String,
    /// Masked, e.g. `张*`.
    pub name: String,
    /// Masked, e.g. `138****5678`.
    pub mobile: String,
    pub what_to_bring_zh: Vec<String>,
    pub what_to_bring_en: Vec<String>,
    /// Rises by one with every reschedule and the cancellation (the calendar file's SEQUENCE).
    pub sequence: u32,
    /// Whether it can still be cancelled or moved now (confirmed, and `change_deadline` has
    /// not passed).
    pub changeable: bool,
    /// RFC 3339: 2 hours before the start.
    pub change_deadline: String,
    /// False while the venue's hours are unconfirmed defaults.
    pub defaults_confirmed: bool,
    /// Set when the center cancelled the booking by closing its slot or day (never when its
    /// holder cancelled it): the reason to show. Such a booking can be rebooked: the
    /// reschedule routes move it to a new slot and confirm it again (same reference and
    /// manage link), whatever the 2-hour cut-off of the old slot.
    #[serde(default)]
    pub center_cancellation: Option<CenterCancellation>,
    /// Whether the consultation can be rated now: the person was checked in at the desk and has
    /// not rated it yet (`POST /bookings/{token}/rating`, which takes the manage link). Set on
    /// the answers of `GET /bookings/{token}` and the lookup; `false` on the others.
    #[serde(default)]
    pub can_rate: bool,
    /// The rating with the center's reply, once rated.
    #[serde(default)]
    pub rating: Option<super::rating::RatingView>,
}

// ---------------------------------------------------------------------------------------------
// Slot times, references, masking, time conversion
// ---------------------------------------------------------------------------------------------

// moved (#19): old path kept until the server and apps import the new one
pub use crate::time::SlotTime;

impl TryFrom<String> for SlotTime {
    type Error = BookingError;

    fn try_from(value: String) -> Result<SlotTime, BookingError> {
        SlotTime::parse(&value).ok_or(BookingError::TimeFormat)
    }
}

/// The start times of the slots of `slot_minutes` that fit wholly inside the opening hours, in
/// order. Hours that are not `HH:MM` are skipped (the database only holds well-formed ones).
pub fn slot_starts(hours: &[OpeningHours], slot_minutes: u16) -> Vec<SlotTime> {
    let mut starts = Vec::new();
    if slot_minutes == 0 {
        return starts;
    }
    for part in hours {
        let (Some(opens), Some(closes)) =
            (SlotTime::parse(&part.opens), SlotTime::parse(&part.closes))
        else {
            continue;
        };
        let mut start = opens;
        while let Some(end) = start.plus(slot_minutes).filter(|end| *end <= closes) {
            starts.push(start);
            start = end;
        }
    }
    starts.sort();
    starts.dedup();
    starts
}

// moved (#19): old path kept until the server and apps import the new one
pub use crate::reference::{BookingReference, REFERENCE_ALPHABET, REFERENCE_CHARS};

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

/// A name with all but its first character hidden: `张三` → `张*`, `欧阳娜娜` → `欧***`.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let hidden = chars.count().clamp(1, 4);
            format!("{first}{}", "*".repeat(hidden))
        }
    }
}

/// A 统一社会信用代码 with the middle hidden: `91************341L`.
pub fn mask_uscc(uscc: &Uscc) -> String {
    uscc.masked()
}

// moved (#19): old path kept until the server and apps import the new one
pub use crate::time::{format_shanghai, shanghai_unix_seconds};

// ---------------------------------------------------------------------------------------------
// The booking window
// ---------------------------------------------------------------------------------------------

/// The days that can be booked on `today`: from the next working day up to
/// [`WINDOW_WORKING_DAYS`] working days ahead, never into an unpublished year.
pub fn booking_window(calendar: &HolidayCalendar, today: Date) -> WorkingDays {
    calendar.working_days_after(today, WINDOW_WORKING_DAYS)
}

/// Whether `date` can be booked on `today`, and if not why (in that order: past, today, year
/// not published, holiday, weekend, beyond the window).
pub fn check_date(calendar: &HolidayCalendar, today: Date, date: Date) -> Result<(), BookingError> {
    if date < today {
        return Err(BookingError::DatePast);
    }
    if date == today {
        return Err(BookingError::DateToday);
    }
    match calendar
        .day_kind(date)
        .map_err(BookingError::NotPublished)?
    {
        DayKind::Holiday { name } => return Err(BookingError::DateHoliday { name }),
        DayKind::Weekend => return Err(BookingError::DateWeekend),
        DayKind::Working | DayKind::AdjustedWorkingDay => {}
    }
    let window = booking_window(calendar, today);
    if window.days.contains(&date) {
        return Ok(());
    }
    // A working day after today that is not in the window lies beyond it (or, with a truncated
    // window, in the unpublished year, which `day_kind` has already refused).
    Err(BookingError::DateTooFar {
        last: window.days.last().copied(),
    })
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Field parsing
// ---------------------------------------------------------------------------------------------

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
    use super::*;
    use crate::calendar::CalendarFile;

    const CALENDAR_JSON: &str = include_str!("../../../../data/seed/cn_public_holidays.json");

    fn calendar() -> HolidayCalendar {
        let file: CalendarFile = serde_json::from_str(CALENDAR_JSON).unwrap();
        HolidayCalendar::from_file(file).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn t(s: &str) -> SlotTime {
        SlotTime::parse(s).unwrap()
    }

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

    fn codes(errors: &[(&'static str, BookingError)]) -> Vec<(&'static str, &'static str)> {
        errors.iter().map(|(f, e)| (*f, e.code())).collect()
    }

    #[test]
    fn the_center_cancelled_notice_carries_the_reason_once_punctuated() {
        assert_eq!(
            center_cancelled_notice("设备检修。", Lang::Zh),
            "服务中心关闭了这个时段：设备检修。您的预约已取消，请重新选择时间。"
        );
        assert_eq!(
            center_cancelled_notice("Staff training", Lang::En),
            "The center has closed this time: Staff training. Your booking has been cancelled; please choose a new time."
        );
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
    fn slots_fit_wholly_inside_the_opening_hours() {
        let hours = |opens: &str, closes: &str| OpeningHours {
            opens: opens.into(),
            closes: closes.into(),
        };
        let starts = slot_starts(&[hours("13:30", "17:00"), hours("09:00", "11:30")], 30);
        let starts: Vec<_> = starts.iter().map(ToString::to_string).collect();
        assert_eq!(
            starts,
            [
                "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00",
                "15:30", "16:00", "16:30"
            ]
        );
        // 45-minute slots: 09:00 and 09:45 fit before 11:00, 10:30 would end at 11:15.
        let starts = slot_starts(&[hours("09:00", "11:00")], 45);
        assert_eq!(starts, [t("09:00"), t("09:45")]);
        assert!(slot_starts(&[hours("09:00", "11:00")], 0).is_empty());
        assert!(slot_starts(&[hours("9", "11:00")], 30).is_empty());
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

    #[test]
    fn masking() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧***");
        assert_eq!(mask_name("Wolfeschlegelsteinhausen"), "W****");
        assert_eq!(mask_name("王"), "王*");
        assert_eq!(
            mask_uscc(&Uscc::parse("91110000600037341L").unwrap()),
            "91************341L"
        );
    }

    #[test]
    fn the_window_and_the_date_rules() {
        let calendar = calendar();
        // Monday 2026-09-21: 中秋 09-25..27 and 国庆 10-01..07 off, Saturday 10-10 调休.
        let today = d("2026-09-21");
        let window = booking_window(&calendar, today);
        assert_eq!(window.days.first(), Some(&d("2026-09-22")));
        assert_eq!(window.days.last(), Some(&d("2026-10-19")));
        assert_eq!(window.days.len(), 15);
        let check = |date: &str| check_date(&calendar, today, d(date)).map_err(|e| e.code());
        assert_eq!(check("2026-09-22"), Ok(()));
        assert_eq!(check("2026-10-10"), Ok(()), "调休 Saturday");
        assert_eq!(check("2026-10-19"), Ok(()));
        assert_eq!(check("2026-09-18"), Err("booking.date_past"));
        assert_eq!(check("2026-09-21"), Err("booking.date_today"));
        assert_eq!(check("2026-09-25"), Err("booking.date_holiday"));
        assert_eq!(check("2026-10-01"), Err("booking.date_holiday"));
        assert_eq!(check("2026-10-11"), Err("booking.date_weekend"));
        assert_eq!(check("2026-10-20"), Err("booking.date_too_far"));
        assert_eq!(check("2027-01-04"), Err("calendar.not_published"));
        let holiday = check_date(&calendar, today, d("2026-10-01")).unwrap_err();
        assert!(holiday.message(Lang::Zh).contains("国庆节"));
        let far = check_date(&calendar, today, d("2026-11-02")).unwrap_err();
        assert!(far.message(Lang::En).contains("2026-10-19"));

        // Near the end of the published years the window stops at 2026-12-31.
        let window = booking_window(&calendar, d("2026-12-20"));
        assert_eq!(window.days.last(), Some(&d("2026-12-31")));
        assert_eq!(window.truncated, Some(NotPublished { year: 2027 }));
    }

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
