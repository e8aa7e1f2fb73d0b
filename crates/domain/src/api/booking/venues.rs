//! Topics and venues as the booking pages list them, with their opening hours.

use serde::{Deserialize, Serialize};

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
    pub kind: crate::api::VenueKind,
    pub status: crate::api::VenueStatus,
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
