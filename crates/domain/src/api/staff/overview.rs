//! The workbench overview (counts by status and by day) and the audit log pages.

use serde::{Deserialize, Serialize};

use super::cases::CaseSummary;
use crate::api::assistance::RequestStatus;
use crate::calendar::Date;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: RequestStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    pub date: Date,
    /// Confirmed bookings (checked in or not) that day, all venues.
    pub bookings: u32,
}

/// `GET /api/v1/staff/overview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    pub today: Date,
    /// Every status a case can be in ([`RequestStatus::is_case_status`]: all but `rated`), in
    /// the order of `RequestStatus::ALL`, zeros included.
    pub cases_by_status: Vec<StatusCount>,
    /// Open cases whose next deadline is overdue or at most 2 working days away, most urgent
    /// first.
    pub deadlines_at_risk: Vec<CaseSummary>,
    /// Today and the next 13 days.
    pub bookings_per_day: Vec<DayCount>,
    /// Service ratings per level and the bad ones awaiting a reply.
    #[serde(default)]
    pub ratings: crate::api::rating::RatingCounts,
    /// The year whose public holidays must be entered now (from a month before the last
    /// published year ends): bookings and working-day deadlines stop before it.
    #[serde(default)]
    pub holidays_due: Option<i32>,
    /// Venues of the service network whose address, phone or opening hours no administrator
    /// has entered yet, in the center's order.
    #[serde(default)]
    pub venues_missing_contacts: Vec<crate::api::booking::NamedRef>,
}

/// One change made by a member of staff. `summary` never holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, +08:00.
    pub at: String,
    /// The username; `None` for the server itself (the first administrator).
    pub actor: Option<String>,
    /// e.g. `case.transition`, `booking.check_in`, `account.create`, `session.login`.
    pub action: String,
    /// `case`, `booking`, `account`, `session`.
    pub target_type: String,
    pub target_id: Option<String>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditEntry>,
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
}
