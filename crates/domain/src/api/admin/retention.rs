//! How long the portal keeps people's personal data (issue #18, 个人信息保护法): administrator
//! data, so that the center's archive rule can be entered once it is known. The server enforces
//! it by a sweep (`crates/server/src/retention.rs`) that anonymises what is due and keeps what
//! statistics and the audit need (reference, service, dates, status).
//!
//! | method and path (under `/api/v1`) | who | body → answer |
//! | --- | --- | --- |
//! | `GET /privacy/retention` | anyone (the privacy notice) | → [`RetentionSettings`] |
//! | `GET /staff/admin/retention` | administrator | → [`RetentionSettings`] |
//! | `PUT /staff/admin/retention` | administrator | [`RetentionUpdate`] → [`RetentionSettings`] |
//! | `POST /staff/admin/retention/run` | administrator | → [`RetentionRun`] |
//!
//! Until an administrator saves them the periods are the shipped defaults, which are
//! illustrative (`confirmed` false): the center has not published its archive rule, and every
//! page that shows them says so.

use serde::{Deserialize, Serialize};

use super::errors::{AdminError, Problems};
use super::limits::{MAX_RETENTION_DAYS, MIN_RETENTION_DAYS};
/// Shipped default: days after a booking's appointment. Illustrative, not the center's rule.
pub const DEFAULT_BOOKING_DAYS: u32 = 180;
/// Shipped default: days after a rights-assistance request was closed. Illustrative, not the
/// center's rule.
pub const DEFAULT_ASSISTANCE_DAYS: u32 = 1095;

/// The retention periods in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionSettings {
    /// Days after a booking's appointment ended (or its slot, for a cancelled booking) after
    /// which its personal data (name, mobile number, organisation and USCC, description,
    /// adjustments asked for) is anonymised.
    pub booking_days: u32,
    /// Days after a rights-assistance request was closed (withdrawn, not accepted or
    /// concluded) after which its applicant's personal data (name, ID number or USCC, contact,
    /// mobile number, representative), the free text of the request and every file are
    /// deleted.
    pub assistance_days: u32,
    /// False while these are the shipped illustrative defaults.
    pub confirmed: bool,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            booking_days: DEFAULT_BOOKING_DAYS,
            assistance_days: DEFAULT_ASSISTANCE_DAYS,
            confirmed: false,
        }
    }
}

/// An administrator's new retention periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionUpdate {
    pub booking_days: u32,
    pub assistance_days: u32,
}

impl RetentionUpdate {
    /// Every problem at once (fields `booking_days`, `assistance_days`).
    pub fn problems(&self) -> Problems {
        [
            ("booking_days", self.booking_days),
            ("assistance_days", self.assistance_days),
        ]
        .into_iter()
        .filter(|(_, days)| !(MIN_RETENTION_DAYS..=MAX_RETENTION_DAYS).contains(days))
        .map(|(field, _)| (field.to_owned(), AdminError::RetentionDaysRange))
        .collect()
    }
}

/// What one run of the retention sweep anonymised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionRun {
    pub bookings: u32,
    pub requests: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_out_of_range_are_refused_field_by_field() {
        let ok = RetentionUpdate {
            booking_days: 1,
            assistance_days: MAX_RETENTION_DAYS,
        };
        assert!(ok.problems().is_empty());
        let bad = RetentionUpdate {
            booking_days: 0,
            assistance_days: MAX_RETENTION_DAYS + 1,
        };
        let fields: Vec<_> = bad.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["booking_days", "assistance_days"]);
        assert!(!RetentionSettings::default().confirmed);
    }
}
