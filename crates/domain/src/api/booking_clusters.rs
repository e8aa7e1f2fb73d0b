//! The booking desk's view of bookings made in bulk (staff workbench; issue #13 item 2), against
//! seat scalping: upcoming bookings that look like one person holding many seats, and
//! cancelling such a group in one action with a reason their holders read. Reception only (the
//! bookings are shown in full, as in the desk's day list).
//!
//! | method and path (under `/api/v1/staff`) | body → answer |
//! | --- | --- |
//! | `GET /bookings/clusters` | → [`BookingClusterList`] |
//! | `POST /bookings/bulk-cancel` | [`BulkCancelRequest`] → [`BulkCancelled`] |
//!
//! A cluster is at least [`MIN_CLUSTER_SIZE`] confirmed bookings that have not started and were
//! either made from one client address ([`ClusterKind::SameAddress`]; the server keeps a keyed
//! hash of the address, never the address, and addresses exempted as the service hall's own
//! are not grouped) or hold mobile numbers that follow each other, each at most
//! [`MAX_SEQUENTIAL_GAP`] above the one before ([`ClusterKind::SequentialMobiles`]). Nothing
//! is cancelled by itself: reception looks and decides.
//!
//! Cancelling in bulk cancels every listed booking that is still confirmed and has not
//! started (the others are left as they are and counted in [`BulkCancelled::skipped`]), as the
//! center (`sequence` + 1, so calendar files become a `METHOD:CANCEL`). Its holder sees the
//! reason on the booking's page ([`super::booking::CenterCancellation`] with `review` set) and,
//! unlike after a closure, cannot move it to a new time: they may make a new booking.

use serde::{Deserialize, Serialize};

use super::staff::DeskBooking;
use crate::lang::{localized, Localized};
use crate::text::{clean_line, TextProblem};
use crate::texts::{staff_error_texts, StaffErrorTexts};

/// Bookings that make a cluster, at least.
pub const MIN_CLUSTER_SIZE: usize = 3;
/// Mobile numbers at most this far apart count as following each other.
pub const MAX_SEQUENTIAL_GAP: u64 = 10;
/// Bookings cancelled in one action, at most.
pub const MAX_BULK_CANCEL: usize = 200;
/// The reason the holders read.
pub const MAX_BULK_CANCEL_REASON_CHARS: usize = 200;

/// Why bookings were grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClusterKind {
    /// Made from one client address.
    SameAddress,
    /// Mobile numbers that follow each other.
    SequentialMobiles,
}

/// One group of bookings that look like one person holding many seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingCluster {
    pub kind: ClusterKind,
    /// By start time; at least [`MIN_CLUSTER_SIZE`].
    pub bookings: Vec<DeskBooking>,
}

/// `GET /api/v1/staff/bookings/clusters`: the biggest clusters first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingClusterList {
    pub clusters: Vec<BookingCluster>,
}

/// The body of `POST /api/v1/staff/bookings/bulk-cancel`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct BulkCancelRequest {
    /// The bookings' ids (1 to 200).
    pub ids: Vec<i64>,
    /// Why, in words the holders will read on their booking's page (1–200 characters).
    pub reason: Option<String>,
}

/// A well-formed bulk cancellation: ids without repeats, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkCancel {
    pub ids: Vec<i64>,
    pub reason: String,
}

/// The answer of `POST /api/v1/staff/bookings/bulk-cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkCancelled {
    /// Bookings cancelled now.
    pub cancelled: u32,
    /// Listed bookings left as they were: unknown, already cancelled, or started.
    pub skipped: u32,
}

/// What is wrong with a field of a [`BulkCancelRequest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkCancelError {
    IdsMissing,
    TooManyIds,
    ReasonMissing,
    ReasonTooLong,
    ControlCharacter,
}

impl BulkCancelRequest {
    pub fn parse(&self) -> Result<BulkCancel, Vec<(&'static str, BulkCancelError)>> {
        let mut ids = Vec::with_capacity(self.ids.len());
        for id in &self.ids {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
        let ids = match ids.len() {
            0 => Err(BulkCancelError::IdsMissing),
            n if n > MAX_BULK_CANCEL => Err(BulkCancelError::TooManyIds),
            _ => Ok(ids),
        };
        let reason = match clean_line(self.reason.as_deref(), MAX_BULK_CANCEL_REASON_CHARS) {
            Ok(Some(reason)) => Ok(reason),
            Ok(None) => Err(BulkCancelError::ReasonMissing),
            Err(TextProblem::TooLong) => Err(BulkCancelError::ReasonTooLong),
            Err(TextProblem::Control) => Err(BulkCancelError::ControlCharacter),
        };
        match (ids, reason) {
            (Ok(ids), Ok(reason)) => Ok(BulkCancel { ids, reason }),
            (ids, reason) => Err([("ids", ids.err()), ("reason", reason.err())]
                .into_iter()
                .filter_map(|(field, e)| Some((field, e?)))
                .collect()),
        }
    }
}

impl BulkCancelError {
    fn texts(self, t: &StaffErrorTexts) -> (&'static str, &'static str) {
        match self {
            BulkCancelError::IdsMissing => (
                "staff.bulk_cancel_ids_missing",
                t.staff_bulk_cancel_ids_missing,
            ),
            BulkCancelError::TooManyIds => {
                ("staff.bulk_cancel_too_many", t.staff_bulk_cancel_too_many)
            }
            BulkCancelError::ReasonMissing => {
                ("staff.cancel_reason_missing", t.staff_cancel_reason_missing)
            }
            BulkCancelError::ReasonTooLong => (
                "staff.cancel_reason_too_long",
                t.staff_cancel_reason_too_long,
            ),
            BulkCancelError::ControlCharacter => {
                ("staff.control_character", t.staff_control_character)
            }
        }
    }
}

localized!(BulkCancelError, staff_error_texts);

impl std::fmt::Display for BulkCancelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_once_in_order_and_the_reason_is_required() {
        let parsed = BulkCancelRequest {
            ids: vec![3, 1, 3],
            reason: Some("  同一号码段批量预约 ".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(parsed.ids, [3, 1]);
        assert_eq!(parsed.reason, "同一号码段批量预约");
        let problems = BulkCancelRequest::default().parse().unwrap_err();
        assert_eq!(
            problems,
            [
                ("ids", BulkCancelError::IdsMissing),
                ("reason", BulkCancelError::ReasonMissing)
            ]
        );
        let too_many = BulkCancelRequest {
            ids: (0..=MAX_BULK_CANCEL as i64).collect(),
            reason: Some("x".into()),
        };
        assert_eq!(
            too_many.parse().unwrap_err(),
            [("ids", BulkCancelError::TooManyIds)]
        );
    }
}
