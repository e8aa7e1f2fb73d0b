//! The booking desk's slots (staff workbench, issue #7): closing a slot or a whole day, reopening
//! it, and adding seats to a slot. Reception and administrators only.
//!
//! | method and path (under `/api/v1/staff`) | body → answer |
//! | --- | --- |
//! | `GET /slots?venue=&date=` | → [`DeskSlots`] |
//! | `POST /closures` | [`ClosureRequest`] → 201 [`ClosureCreated`] |
//! | `DELETE /closures/{id}` | → [`Closure`] (reopened) |
//! | `POST /slots/seats` | [`SeatsRequest`] → [`DeskSlot`] |
//!
//! Closing. A closure covers one slot (`start_time`) or a whole working day (`start_time`
//! `null`) at one venue. Every confirmed booking in it that has not started is cancelled by the
//! center in the same transaction as the closure (`sequence` + 1, so its calendar file becomes a
//! `METHOD:CANCEL`); its holder sees the reason on the booking's page
//! ([`super::booking::Booking::center_cancellation`]) and can choose a new time for the same
//! booking with the reschedule routes, whatever the usual 2-hour cut-off. A closed slot is not
//! offered by the availability, and booking or moving into it is refused with 409
//! `booking.slot_closed` (the same `details.next_available` as `booking.slot_full`). Closing
//! what is already closed (the slot, or its day) is 409 [`code::ALREADY_CLOSED`]; a slot that
//! has started (or a day before today) cannot be closed. Reopening makes the slot bookable
//! again; the bookings it cancelled stay cancelled (their holders were told and may rebook).
//!
//! Seats. A slot holds the venue's seats per slot plus the seats added to it, at most
//! [`MAX_SEATS_PER_SLOT`] in all; [`MAX_SEATS_ADDED`] at most at a time. Seats are only added
//! (a booked seat is never taken away).
//!
//! The parsers ([`SlotsParams::parse`], [`ClosureRequest::parse`], [`SeatsRequest::parse`])
//! report `(field, DeskError)` pairs, as the other services' do; the server adds what only it
//! knows (the venues, the calendar, the clock, the seats).

use serde::{Deserialize, Serialize};

use super::booking::{NamedRef, MAX_ID_CHARS};
use crate::calendar::{Date, DateError, DayKind, NotPublished};
use crate::lang::{localized_error, Localized};
use crate::text::{clean_line, TextProblem};
use crate::texts::{staff_error_texts, StaffErrorTexts};
use crate::time::SlotTime;

/// The reason for a closure, which the people whose bookings it cancels read.
pub const MAX_CLOSURE_REASON_CHARS: usize = 200;
/// Seats added to a slot at one time.
pub const MAX_SEATS_ADDED: u16 = 20;
/// Seats of a slot in all (the venue's seats per slot plus those added).
pub const MAX_SEATS_PER_SLOT: u16 = 50;

/// The `code` of error answers of the desk's slot routes that are not about one field.
pub mod code {
    /// 409: the slot (or its whole day) is already closed.
    pub const ALREADY_CLOSED: &str = "staff.already_closed";
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/// The query of `GET /api/v1/staff/slots`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(default)]
pub struct SlotsParams {
    /// A venue id (required).
    pub venue: Option<String>,
    /// `YYYY-MM-DD`; today (Asia/Shanghai) when absent.
    pub date: Option<String>,
}

impl SlotsParams {
    /// The venue and the date (`None`: today).
    pub fn parse(&self) -> Result<(String, Option<Date>), Problems> {
        let venue = parse_venue(&self.venue);
        let date = match self.date.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(d) => Date::parse(d).map(Some).map_err(DeskError::Date),
        };
        match (venue, date) {
            (Ok(venue), Ok(date)) => Ok((venue, date)),
            (venue, date) => Err(problems([("venue", venue.err()), ("date", date.err())])),
        }
    }
}

/// The body of `POST /api/v1/staff/closures`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ClosureRequest {
    /// A venue id.
    pub venue: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The slot's start `HH:MM`; `null` (or absent) closes the whole day.
    pub start_time: Option<String>,
    /// Why, in words the people whose bookings are cancelled will read (1–200 characters).
    pub reason: Option<String>,
}

/// A well-formed closure (not yet checked against the venue, the calendar or the clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClosure {
    pub venue: String,
    pub date: Date,
    /// `None`: the whole day.
    pub start_time: Option<SlotTime>,
    pub reason: String,
}

impl ClosureRequest {
    pub fn parse(&self) -> Result<NewClosure, Problems> {
        let venue = parse_venue(&self.venue);
        let date = parse_date(&self.date);
        let start_time = match self.start_time.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => SlotTime::parse(t).map(Some).ok_or(DeskError::TimeFormat),
        };
        let reason = match clean_line(self.reason.as_deref(), MAX_CLOSURE_REASON_CHARS) {
            Ok(Some(reason)) => Ok(reason),
            Ok(None) => Err(DeskError::ReasonMissing),
            Err(TextProblem::TooLong) => Err(DeskError::ReasonTooLong),
            Err(TextProblem::Control) => Err(DeskError::ControlCharacter),
        };
        match (venue, date, start_time, reason) {
            (Ok(venue), Ok(date), Ok(start_time), Ok(reason)) => Ok(NewClosure {
                venue,
                date,
                start_time,
                reason,
            }),
            (venue, date, start_time, reason) => Err(problems([
                ("venue", venue.err()),
                ("date", date.err()),
                ("start_time", start_time.err()),
                ("reason", reason.err()),
            ])),
        }
    }
}

/// The body of `POST /api/v1/staff/slots/seats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SeatsRequest {
    /// A venue id.
    pub venue: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The slot's start `HH:MM`.
    pub start_time: Option<String>,
    /// Seats to add, 1 to 20.
    pub add: Option<i64>,
}

/// A well-formed request for more seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeats {
    pub venue: String,
    pub date: Date,
    pub start_time: SlotTime,
    pub add: u16,
}

impl SeatsRequest {
    pub fn parse(&self) -> Result<NewSeats, Problems> {
        let venue = parse_venue(&self.venue);
        let date = parse_date(&self.date);
        let start_time = match self.start_time.as_deref().map(str::trim) {
            None | Some("") => Err(DeskError::TimeMissing),
            Some(t) => SlotTime::parse(t).ok_or(DeskError::TimeFormat),
        };
        let add = match self.add {
            None => Err(DeskError::AddMissing),
            Some(n) if (1..=i64::from(MAX_SEATS_ADDED)).contains(&n) => Ok(n as u16),
            Some(_) => Err(DeskError::AddRange),
        };
        match (venue, date, start_time, add) {
            (Ok(venue), Ok(date), Ok(start_time), Ok(add)) => Ok(NewSeats {
                venue,
                date,
                start_time,
                add,
            }),
            (venue, date, start_time, add) => Err(problems([
                ("venue", venue.err()),
                ("date", date.err()),
                ("start_time", start_time.err()),
                ("add", add.err()),
            ])),
        }
    }
}

/// What is wrong with a request: `(field, error)` pairs.
pub type Problems = Vec<(&'static str, DeskError)>;

fn problems<const N: usize>(fields: [(&'static str, Option<DeskError>); N]) -> Problems {
    fields
        .into_iter()
        .filter_map(|(field, e)| Some((field, e?)))
        .collect()
}

fn parse_venue(value: &Option<String>) -> Result<String, DeskError> {
    let value = value.as_deref().map(str::trim).unwrap_or("");
    if value.is_empty() {
        return Err(DeskError::VenueMissing);
    }
    if value.len() > MAX_ID_CHARS
        || !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(DeskError::VenueUnknown);
    }
    Ok(value.to_owned())
}

fn parse_date(value: &Option<String>) -> Result<Date, DeskError> {
    Date::parse(value.as_deref().unwrap_or("")).map_err(DeskError::Date)
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// A closure of a slot or of a whole day at a venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Closure {
    pub id: i64,
    pub venue_id: String,
    pub date: Date,
    /// The slot's start `HH:MM`; `None` for the whole day.
    pub start_time: Option<String>,
    pub reason: String,
    /// The display name of the member of staff who closed it.
    pub closed_by: String,
    /// RFC 3339, +08:00.
    pub closed_at: String,
    /// RFC 3339, +08:00, once reopened.
    pub reopened_at: Option<String>,
}

/// One slot of a day at a venue, as the desk sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskSlot {
    /// Start `HH:MM`.
    pub time: String,
    pub end_time: String,
    /// The venue's seats per slot.
    pub seats: u16,
    /// Seats added to this slot.
    pub extra_seats: u16,
    /// `seats + extra_seats`.
    pub capacity: u16,
    /// Confirmed bookings (checked in or not).
    pub booked: u16,
    /// The slot has started: it can no longer be closed or given seats.
    pub past: bool,
    /// The closure covering it (its own or the whole day's), if it is closed.
    pub closure: Option<Closure>,
}

/// `GET /api/v1/staff/slots?venue=&date=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskSlots {
    pub venue: NamedRef,
    pub date: Date,
    /// What kind of day it is; `None` in a year whose holidays are not published.
    pub day_kind: Option<DayKind>,
    /// The closure of the whole day, if any.
    pub day_closure: Option<Closure>,
    /// Every slot of the day in time order; none on a day that is not a working day.
    pub slots: Vec<DeskSlot>,
    /// The most seats a slot can have ([`MAX_SEATS_PER_SLOT`]).
    pub max_capacity: u16,
}

/// 201 answer of `POST /api/v1/staff/closures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosureCreated {
    pub closure: Closure,
    /// How many confirmed bookings it cancelled.
    pub cancelled: u32,
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What is wrong with one field of a slot, closure or seats request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeskError {
    VenueMissing,
    /// No such venue, or one where consultations are not booked.
    VenueUnknown,
    /// The venue is being set up: it has no slots yet.
    VenueNotBookable,
    Date(DateError),
    /// A weekend day or a public holiday: the venue has no slots.
    NotWorkingDay,
    NotPublished(NotPublished),
    /// The date has passed.
    DatePast,
    TimeMissing,
    TimeFormat,
    /// Not the start of one of the venue's slots.
    NotASlot,
    /// The slot has started.
    SlotPast,
    ReasonMissing,
    ReasonTooLong,
    ControlCharacter,
    AddMissing,
    /// Not 1 to [`MAX_SEATS_ADDED`].
    AddRange,
    /// More than [`MAX_SEATS_PER_SLOT`] in all; `can_add` is what is left.
    OverLimit {
        can_add: u16,
    },
}

impl DeskError {
    fn texts(&self, t: &StaffErrorTexts) -> (&'static str, String) {
        use DeskError as E;
        match self {
            E::Date(e) => (e.code(), e.message(t.lang())),
            E::NotPublished(e) => (e.code(), e.message(t.lang())),
            E::OverLimit { can_add: 0 } => {
                ("staff.seats_over_limit", t.staff_seats_none_left.into())
            }
            E::OverLimit { can_add } => {
                ("staff.seats_over_limit", t.staff_seats_over_limit(can_add))
            }
            E::VenueMissing => ("staff.venue_missing", t.staff_venue_missing.into()),
            E::VenueUnknown => ("staff.venue_unknown", t.staff_venue_unknown.into()),
            E::VenueNotBookable => (
                "staff.venue_not_bookable",
                t.staff_venue_not_bookable.into(),
            ),
            E::NotWorkingDay => ("staff.not_working_day", t.staff_not_working_day.into()),
            E::DatePast => ("staff.date_past", t.staff_date_past.into()),
            E::TimeMissing => ("staff.time_missing", t.staff_time_missing.into()),
            E::TimeFormat => ("staff.time_format", t.staff_time_format.into()),
            E::NotASlot => ("staff.not_a_slot", t.staff_not_a_slot.into()),
            E::SlotPast => ("staff.slot_past", t.staff_slot_past.into()),
            E::ReasonMissing => (
                "staff.closure_reason_missing",
                t.staff_closure_reason_missing.into(),
            ),
            E::ReasonTooLong => (
                "staff.closure_reason_too_long",
                t.staff_closure_reason_too_long.into(),
            ),
            E::ControlCharacter => ("staff.control_character", t.staff_control_character.into()),
            E::AddMissing => ("staff.seats_missing", t.staff_seats_missing.into()),
            E::AddRange => ("staff.seats_range", t.staff_seats_range.into()),
        }
    }
}

localized_error!(DeskError, staff_error_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn codes(errors: &[(&'static str, DeskError)]) -> Vec<(&'static str, &'static str)> {
        errors.iter().map(|(f, e)| (*f, e.code())).collect()
    }

    #[test]
    fn a_closure_of_a_slot_or_a_whole_day() {
        let slot = ClosureRequest {
            venue: Some(" nantong-ip-protection-center ".into()),
            date: Some("2026-11-23".into()),
            start_time: Some("09:30".into()),
            reason: Some("  设备  检修 ".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(slot.venue, "nantong-ip-protection-center");
        assert_eq!(slot.start_time, SlotTime::parse("09:30"));
        assert_eq!(slot.reason, "设备 检修");
        let day = ClosureRequest {
            start_time: Some("  ".into()),
            ..ClosureRequest {
                venue: Some("a".into()),
                date: Some("2026-11-23".into()),
                reason: Some("x".into()),
                start_time: None,
            }
        }
        .parse()
        .unwrap();
        assert_eq!(day.start_time, None);
    }

    #[test]
    fn every_bad_field_of_a_closure_is_named() {
        let errors = ClosureRequest {
            venue: Some("Not A Venue".into()),
            date: Some("23/11/2026".into()),
            start_time: Some("9.30".into()),
            reason: None,
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("venue", "staff.venue_unknown"),
                ("date", "date.format"),
                ("start_time", "staff.time_format"),
                ("reason", "staff.closure_reason_missing"),
            ]
        );
        let long = "很".repeat(MAX_CLOSURE_REASON_CHARS + 1);
        let errors = ClosureRequest {
            venue: None,
            date: Some("2026-11-23".into()),
            start_time: None,
            reason: Some(long),
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("venue", "staff.venue_missing"),
                ("reason", "staff.closure_reason_too_long")
            ]
        );
        let errors = ClosureRequest {
            reason: Some("a\u{7}b".into()),
            ..ClosureRequest::default()
        }
        .parse()
        .unwrap_err();
        assert!(codes(&errors).contains(&("reason", "staff.control_character")));
    }

    #[test]
    fn seats_are_added_one_to_twenty_at_a_time() {
        let request = |add| SeatsRequest {
            venue: Some("v".into()),
            date: Some("2026-11-23".into()),
            start_time: Some("14:00".into()),
            add,
        };
        assert_eq!(request(Some(1)).parse().unwrap().add, 1);
        assert_eq!(request(Some(20)).parse().unwrap().add, 20);
        for bad in [Some(0), Some(21), Some(-1)] {
            assert_eq!(
                codes(&request(bad).parse().unwrap_err()),
                [("add", "staff.seats_range")]
            );
        }
        assert_eq!(
            codes(&request(None).parse().unwrap_err()),
            [("add", "staff.seats_missing")]
        );
        let errors = SeatsRequest::default().parse().unwrap_err();
        assert_eq!(
            codes(&errors),
            [
                ("venue", "staff.venue_missing"),
                ("date", "date.empty"),
                ("start_time", "staff.time_missing"),
                ("add", "staff.seats_missing"),
            ]
        );
    }

    #[test]
    fn the_slots_query_needs_a_venue_and_defaults_to_today() {
        let params = SlotsParams {
            venue: Some("v".into()),
            date: None,
        };
        assert_eq!(params.parse(), Ok(("v".to_owned(), None)));
        let params = SlotsParams {
            venue: None,
            date: Some("2026-13-01".into()),
        };
        assert_eq!(
            codes(&params.parse().unwrap_err()),
            [("venue", "staff.venue_missing"), ("date", "date.invalid")]
        );
    }

    #[test]
    fn over_the_limit_says_how_many_more_fit() {
        let e = DeskError::OverLimit { can_add: 3 };
        assert!(e.message(Lang::Zh).contains("还能增加 3 个"));
        assert!(e.message(Lang::En).contains("3 more"));
        assert!(DeskError::OverLimit { can_add: 0 }
            .message(Lang::En)
            .contains("already has 50"));
    }
}
