//! The booking desk's view of bookings made in bulk, and cancelling such a group in one action
//! (against seat scalping; shapes and rules in `portal_domain::api::booking_clusters`).
//! Reception only: the view shows bookings in full, as the day list does.

use portal_domain::paths;
use std::collections::HashMap;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use portal_domain::api::booking_clusters::{
    BookingCluster, BookingClusterList, BulkCancelRequest, BulkCancelled, ClusterKind,
    MAX_SEQUENTIAL_GAP, MIN_CLUSTER_SIZE,
};

use super::audit::audit_read;
use super::desk::desk_row;
use super::user::Staff;
use crate::audit::audit;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::AppState;

/// An upcoming confirmed booking, as the grouping sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Candidate {
    id: i64,
    client_tag: Option<Vec<u8>>,
    mobile: String,
}

/// The groups among `candidates` (see the domain module): ids per cluster, biggest first.
fn find_clusters(candidates: &[Candidate]) -> Vec<(ClusterKind, Vec<i64>)> {
    let mut clusters = Vec::new();
    let mut by_tag: HashMap<&[u8], Vec<i64>> = HashMap::new();
    for c in candidates {
        if let Some(tag) = &c.client_tag {
            by_tag.entry(tag).or_default().push(c.id);
        }
    }
    clusters.extend(
        by_tag
            .into_values()
            .filter(|ids| ids.len() >= MIN_CLUSTER_SIZE)
            .map(|ids| (ClusterKind::SameAddress, ids)),
    );

    let mut by_number: Vec<(u64, i64)> = candidates
        .iter()
        .filter_map(|c| Some((c.mobile.parse().ok()?, c.id)))
        .collect();
    by_number.sort_unstable();
    let mut run: Vec<(u64, i64)> = Vec::new();
    let mut close_run = |run: &mut Vec<(u64, i64)>| {
        let mut numbers: Vec<u64> = run.iter().map(|(n, _)| *n).collect();
        numbers.dedup();
        if numbers.len() >= MIN_CLUSTER_SIZE {
            clusters.push((
                ClusterKind::SequentialMobiles,
                run.iter().map(|(_, id)| *id).collect(),
            ));
        }
        run.clear();
    };
    for entry in by_number {
        if let Some((last, _)) = run.last() {
            if entry.0 - last > MAX_SEQUENTIAL_GAP {
                close_run(&mut run);
            }
        }
        run.push(entry);
    }
    close_run(&mut run);
    // Biggest first; for the same size, one address before a run of numbers, then by ids.
    let sequential = |kind: &ClusterKind| *kind == ClusterKind::SequentialMobiles;
    clusters.sort_by(|a, b| {
        (b.1.len().cmp(&a.1.len()))
            .then(sequential(&a.0).cmp(&sequential(&b.0)))
            .then(a.1.cmp(&b.1))
    });
    clusters
}

/// Groups of upcoming bookings that look like one person holding many seats.
#[utoipa::path(get, path = paths::STAFF_BOOKING_CLUSTERS, tag = "staff",
    operation_id = "staff_booking_clusters",
    responses(
        (status = 200, description = "The clusters, biggest first", body = BookingClusterList),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: reception only", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list_clusters(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> Result<Json<BookingClusterList>, ApiError> {
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let candidates: Vec<Candidate> = sqlx::query_as(
        "SELECT id, client_tag, mobile FROM bookings \
         WHERE status = 'confirmed' AND starts_at > $1 ORDER BY starts_at, id",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let mut clusters = Vec::new();
    for (kind, ids) in find_clusters(&candidates) {
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            rows.push(desk_row(&mut conn, id).await?);
        }
        rows.sort_by_key(|row| (row.starts_at, row.id));
        let bookings = rows
            .iter()
            .map(|row| row.view(now))
            .collect::<Result<_, _>>()?;
        clusters.push(BookingCluster { kind, bookings });
    }
    drop(conn);
    audit_read(&state, &user, "booking.clusters.read", ("bookings", None)).await?;
    Ok(Json(BookingClusterList { clusters }))
}

/// Cancels the listed bookings that are still confirmed and have not started, as the center,
/// with the reason their holders read.
#[utoipa::path(post, path = paths::STAFF_BOOKINGS_BULK_CANCEL, tag = "staff",
    operation_id = "staff_bulk_cancel_bookings", request_body = BulkCancelRequest,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Cancelled", body = BulkCancelled),
        (status = 400, description = "`validation_failed`: `ids` (none, over 200), `reason` \
            (missing, over 200 characters)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden` (reception only) or `staff.csrf`",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn bulk_cancel(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<BulkCancelRequest>, JsonRejection>,
) -> Result<Json<BulkCancelled>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let new = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let mut cancelled = 0u32;
    for id in &new.ids {
        let changed = sqlx::query(
            "UPDATE bookings SET status = 'cancelled', cancelled_by = 'center', \
             review_reason = $1, sequence = sequence + 1, updated_at = $2 \
             WHERE id = $3 AND status = 'confirmed' AND starts_at > $4",
        )
        .bind(&new.reason)
        .bind(now)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        cancelled += u32::from(changed == 1);
    }
    let listed = u32::try_from(new.ids.len()).unwrap_or(u32::MAX);
    let ids: Vec<String> = new.ids.iter().map(i64::to_string).collect();
    audit(
        &mut tx,
        Some(user.account_id),
        "booking.bulk_cancel",
        ("bookings", Some(&ids.join(","))),
        &format!("cancelled={cancelled} of {listed} listed, after review of bulk bookings"),
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        by = user.account_id,
        cancelled,
        listed,
        "bookings cancelled in bulk"
    );
    Ok(Json(BulkCancelled {
        cancelled,
        skipped: listed - cancelled,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, tag: Option<u8>, mobile: &str) -> Candidate {
        Candidate {
            id,
            client_tag: tag.map(|t| vec![t; 16]),
            mobile: mobile.to_owned(),
        }
    }

    #[test]
    fn bookings_from_one_address_and_runs_of_numbers_are_grouped() {
        let found = find_clusters(&[
            c(1, Some(7), "13900000001"),
            c(2, Some(7), "13900000002"),
            c(3, Some(7), "13900000011"),
            c(4, Some(8), "13712345678"),
            c(5, None, "13900000030"),
            c(6, Some(9), "15800000000"),
            c(7, Some(9), "15800000000"),
            c(8, Some(9), "15800000000"),
        ]);
        assert_eq!(
            found,
            [
                (ClusterKind::SameAddress, vec![1, 2, 3]),
                (ClusterKind::SameAddress, vec![6, 7, 8]),
                // 01, 02, 11 follow each other (gaps of at most 10); 30 is too far.
                (ClusterKind::SequentialMobiles, vec![1, 2, 3]),
            ]
        );
    }

    #[test]
    fn two_bookings_or_one_person_are_not_a_cluster() {
        let found = find_clusters(&[
            c(1, Some(7), "13900000001"),
            c(2, Some(7), "13900000002"),
            c(3, Some(8), "13812345678"),
            c(4, Some(9), "13812345678"),
            c(5, Some(10), "13812345678"),
        ]);
        assert_eq!(found, []);
    }
}
