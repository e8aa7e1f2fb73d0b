//! The booking desk's answers: the day's bookings with their attendance.

use serde::{Deserialize, Serialize};

use crate::api::booking::{BookingStatus, NamedRef};
use crate::calendar::Date;

/// Whether the person came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    CheckedIn,
    NoShow,
}

impl Attendance {
    pub fn code(self) -> &'static str {
        match self {
            Attendance::CheckedIn => "checked_in",
            Attendance::NoShow => "no_show",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendance> {
        match code {
            "checked_in" => Some(Attendance::CheckedIn),
            "no_show" => Some(Attendance::NoShow),
            _ => None,
        }
    }
}

/// A booking at the desk: contact details in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskBooking {
    pub id: i64,
    /// `XXXX-XXXX`.
    pub reference: String,
    pub status: BookingStatus,
    pub attendance: Option<Attendance>,
    /// RFC 3339, +08:00, when the attendance was recorded.
    pub attendance_at: Option<String>,
    pub venue: NamedRef,
    pub topic: NamedRef,
    pub date: Date,
    pub start_time: String,
    pub end_time: String,
    pub name: String,
    /// In full.
    pub mobile: String,
    pub organisation: Option<String>,
    /// In full.
    pub uscc: Option<String>,
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    pub for_someone_else: bool,
    /// Check-in is possible now.
    pub can_check_in: bool,
    /// Marking as not attended is possible now.
    pub can_mark_no_show: bool,
    /// The booking's personal data was anonymised (retention, or its holder erased it): name
    /// and mobile number are empty.
    #[serde(default)]
    pub anonymised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskBookingList {
    pub date: Date,
    /// The venue asked for; `None` for all venues.
    pub venue: Option<String>,
    /// By start time, then venue; cancelled bookings included (marked).
    pub items: Vec<DeskBooking>,
}
