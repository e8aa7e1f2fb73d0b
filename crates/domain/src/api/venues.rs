//! The service network: `GET /api/v1/venues`.

use serde::{Deserialize, Serialize};

/// What part of the "1+3+N" service network a venue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VenueKind {
    /// The "1": the city's IP protection center.
    Center,
    /// The "3": an industry fast-rights-protection (快维) center.
    FastRightsCenter,
    /// The "N": county and district protection sub-centers.
    SubCenter,
    /// A partner body that works with the center (e.g. the enterprise anti-counterfeiting center).
    Partner,
}

impl VenueKind {
    pub const ALL: [VenueKind; 4] = [
        VenueKind::Center,
        VenueKind::FastRightsCenter,
        VenueKind::SubCenter,
        VenueKind::Partner,
    ];

    /// The value used in JSON and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            VenueKind::Center => "center",
            VenueKind::FastRightsCenter => "fast_rights_center",
            VenueKind::SubCenter => "sub_center",
            VenueKind::Partner => "partner",
        }
    }

    pub fn parse(value: &str) -> Option<VenueKind> {
        VenueKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// Whether a venue already serves the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VenueStatus {
    Operating,
    /// Being set up (筹建中): shown, but nothing can be booked there yet.
    BeingSetUp,
}

/// A place or body of the service network. Contact facts are optional: the public documents
/// name the venues but give no addresses or phone numbers, so an administrator fills them in and
/// the app shows only what is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Venue {
    /// Stable slug, e.g. `nantong-ip-protection-center`.
    pub id: String,
    pub kind: VenueKind,
    pub status: VenueStatus,
    pub name_zh: String,
    pub name_en: String,
    pub summary_zh: String,
    pub summary_en: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub opening_hours: Option<String>,
    /// A link to the venue on a map (`https://` only), where an administrator entered one.
    #[serde(default)]
    pub map_url: Option<String>,
    /// Where the facts about this venue come from (a public document).
    pub source: String,
}

/// How to reach a venue: what an administrator entered, each `None` until then (the public
/// documents give none, and the portal never makes one up). Shown wherever people are sent to
/// the venue or told to contact the center.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct VenueContacts {
    /// One line, e.g. `南通市崇川区…号`.
    pub address: Option<String>,
    /// A mainland landline (with its area code, optionally an extension) or mobile number, as
    /// the administrator wrote it; [`crate::api::admin::tel_href`] makes its `tel:` link.
    pub phone: Option<String>,
    /// Free text, line breaks kept, e.g. `工作日 9:00–12:00，13:30–17:00`.
    pub opening_hours: Option<String>,
    /// `https://` only.
    pub map_url: Option<String>,
}

impl VenueContacts {
    /// Nothing entered yet: show nothing.
    pub fn is_empty(&self) -> bool {
        self.address.is_none()
            && self.phone.is_none()
            && self.opening_hours.is_none()
            && self.map_url.is_none()
    }

    /// Address, phone or hours still missing (the map link is optional): the workbench lists
    /// such venues.
    pub fn incomplete(&self) -> bool {
        self.address.is_none() || self.phone.is_none() || self.opening_hours.is_none()
    }
}

impl Venue {
    pub fn contacts(&self) -> VenueContacts {
        VenueContacts {
            address: self.address.clone(),
            phone: self.phone.clone(),
            opening_hours: self.opening_hours.clone(),
            map_url: self.map_url.clone(),
        }
    }
}

/// `GET /api/v1/venues`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VenueList {
    pub items: Vec<Venue>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venue_kinds_round_trip_through_their_query_value() {
        for kind in VenueKind::ALL {
            assert_eq!(VenueKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(VenueKind::parse("Center"), None);
    }
}
