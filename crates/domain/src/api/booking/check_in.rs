//! Checking in on the day of a booking, at the reception desk or by the person at the service
//! hall's kiosk: the one rule of when check-in is open (both use it), and what the kiosk sends
//! and gets back.
//!
//! - `POST /api/v1/bookings/check-in` [`CheckInRequest`] (reference + the last four digits of the
//!   booking's mobile number; limited with the lookups by reference, see `crate::api::booking`)
//!   → [`CheckedIn`]
//! - `POST /api/v1/bookings/{token}/check-in` (the manage link the booking's QR code holds)
//!   → [`CheckedIn`]

use serde::{Deserialize, Serialize};

use super::errors::BookingError;
use super::limits::CHANGE_CUTOFF_SECS;
use super::views::NamedRef;
use crate::calendar::Date;
use crate::reference::BookingReference;
use crate::time::SlotTime;

/// Check-in opens this long before the start: when the booking can no longer be moved or
/// cancelled online. It stays open until the end of the booking's day (Asia/Shanghai): people
/// come early or late, but not on another day.
pub const CHECK_IN_OPENS_BEFORE_SECS: i64 = CHANGE_CUTOFF_SECS;

/// Where `now` stands against a booking's check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInWindow {
    Open,
    /// The booking's day, before check-in opens.
    TooEarly,
    /// Another day than the booking's (before or after it).
    OtherDay,
}

/// Whether a booking on `date` starting at `starts_at` (Unix seconds) can be checked in at
/// `now`: the desk's and the kiosk's one rule.
pub fn check_in_window(now: i64, starts_at: i64, date: Date) -> CheckInWindow {
    if Date::from_unix_seconds_shanghai(now) != Some(date) {
        CheckInWindow::OtherDay
    } else if now < starts_at - CHECK_IN_OPENS_BEFORE_SECS {
        CheckInWindow::TooEarly
    } else {
        CheckInWindow::Open
    }
}

/// The time of day check-in opens for a slot starting at `start` (`09:00` → `07:00`; never
/// before midnight: it opens on the day only).
pub fn check_in_opens(start: SlotTime) -> SlotTime {
    let before = (CHECK_IN_OPENS_BEFORE_SECS / 60) as u16;
    SlotTime::from_minutes(start.minutes().saturating_sub(before)).unwrap_or(start)
}

/// [`check_in_opens`] of a slot start written `HH:MM`; the text as it is if it is not a time.
pub fn check_in_opens_text(start: &str) -> String {
    SlotTime::parse(start).map_or_else(|| start.to_owned(), |t| check_in_opens(t).to_string())
}

/// The body of `POST /api/v1/bookings/check-in`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct CheckInRequest {
    /// The reference, e.g. `K7QX-M2PD` (case, spaces and the hyphen do not matter).
    pub reference: Option<String>,
    /// The last four digits of the mobile number given when booking (spaces ignored).
    pub mobile_last_four: Option<String>,
}

/// The last four digits of a mobile number, as typed at the kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastFour(String);

impl LastFour {
    /// Four digits, spaces around and between them ignored.
    pub fn parse(input: &str) -> Result<LastFour, BookingError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            Err(BookingError::LastFourMissing)
        } else if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(LastFour(digits))
        } else {
            Err(BookingError::LastFourFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl CheckInRequest {
    /// The reference and the four digits; every bad field reported (`reference`,
    /// `mobile_last_four`).
    pub fn parse(&self) -> Result<(BookingReference, LastFour), Vec<(&'static str, BookingError)>> {
        let reference = BookingReference::parse(self.reference.as_deref().unwrap_or(""));
        let last_four = LastFour::parse(self.mobile_last_four.as_deref().unwrap_or(""));
        match (reference, last_four) {
            (Ok(reference), Ok(last_four)) => Ok((reference, last_four)),
            (reference, last_four) => Err(reference
                .err()
                .map(|e| ("reference", e))
                .into_iter()
                .chain(last_four.err().map(|e| ("mobile_last_four", e)))
                .collect()),
        }
    }
}

/// 200 answer of both check-in routes: what the kiosk shows and prints. Nothing personal but
/// the masked name; no mobile number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckedIn {
    /// `XXXX-XXXX`.
    pub reference: String,
    /// Masked, e.g. `张*`.
    pub name: String,
    pub venue: NamedRef,
    /// The venue's address, where the center has entered one (where to wait).
    pub venue_address: Option<String>,
    /// How to reach the venue (address, phone, hours, map link), where entered.
    #[serde(default)]
    pub venue_contacts: crate::api::VenueContacts,
    pub topic: NamedRef,
    pub date: Date,
    /// `HH:MM`, Asia/Shanghai.
    pub start_time: String,
    pub end_time: String,
    /// RFC 3339 with the +08:00 offset: when the person was checked in (the first time).
    pub checked_in_at: String,
    /// The booking had been checked in before (at the desk or the kiosk): nothing changed.
    pub already_checked_in: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::shanghai_unix_seconds;

    fn at(date: &str, time: &str) -> i64 {
        shanghai_unix_seconds(Date::parse(date).unwrap(), SlotTime::parse(time).unwrap())
    }

    #[test]
    fn check_in_opens_two_hours_before_the_start_on_the_day_only() {
        let day = Date::parse("2026-09-30").unwrap();
        let starts = at("2026-09-30", "09:00");
        assert_eq!(
            check_in_window(at("2026-09-30", "06:59"), starts, day),
            CheckInWindow::TooEarly
        );
        assert_eq!(
            check_in_window(at("2026-09-30", "07:00"), starts, day),
            CheckInWindow::Open
        );
        assert_eq!(
            check_in_window(at("2026-09-30", "23:59"), starts, day),
            CheckInWindow::Open
        );
        assert_eq!(
            check_in_window(at("2026-10-01", "08:00"), starts, day),
            CheckInWindow::OtherDay
        );
        assert_eq!(
            check_in_window(at("2026-09-29", "09:00"), starts, day),
            CheckInWindow::OtherDay
        );
        assert_eq!(check_in_opens_text("09:00"), "07:00");
        assert_eq!(check_in_opens_text("14:30"), "12:30");
        assert_eq!(check_in_opens_text("01:00"), "00:00");
    }

    #[test]
    fn the_kiosk_reads_a_reference_and_four_digits() {
        let ok = CheckInRequest {
            reference: Some("k7qx m2pd".into()),
            mobile_last_four: Some(" 56 78 ".into()),
        }
        .parse()
        .unwrap();
        assert_eq!((ok.0.compact(), ok.1.as_str()), ("K7QXM2PD", "5678"));
        let problems = CheckInRequest::default().parse().unwrap_err();
        assert_eq!(
            problems,
            [
                ("reference", BookingError::ReferenceMissing),
                ("mobile_last_four", BookingError::LastFourMissing)
            ]
        );
        for bad in ["567", "56789", "5６78", "abcd"] {
            assert_eq!(
                LastFour::parse(bad),
                Err(BookingError::LastFourFormat),
                "{bad}"
            );
        }
    }
}
