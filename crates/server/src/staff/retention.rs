//! The administrators' side of retention (issue #18): reading and setting the periods, and
//! running the sweep now. The sweep itself and why this route exists are in `crate::retention`.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use portal_domain::api::admin::{RetentionRun, RetentionSettings, RetentionUpdate};
use portal_domain::paths;

use super::user::Staff;
use crate::audit::audit;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::retention;
use crate::AppState;

/// The retention periods in force (the shipped illustrative defaults, `confirmed` false, until
/// an administrator saves some).
#[utoipa::path(get, path = paths::STAFF_RETENTION, tag = "staff",
    operation_id = "staff_admin_retention",
    responses(
        (status = 200, description = "The periods", body = RetentionSettings),
        crate::refusals::StaffReading,
    ))]
pub async fn show(
    State(state): State<AppState>,
    Staff(_user): Staff,
) -> Result<Json<RetentionSettings>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(retention::settings(&mut conn).await?))
}

/// Sets both periods. They apply at the next sweep (within the hour, or at once with
/// `POST /staff/admin/retention/run`).
#[utoipa::path(put, path = paths::STAFF_RETENTION, tag = "staff",
    operation_id = "staff_admin_update_retention",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = RetentionUpdate,
    responses(
        (status = 200, description = "Saved", body = RetentionSettings),
        (status = 400, description = "`validation_failed`: `booking_days`, `assistance_days` \
            (`admin.retention_days_range`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
    ))]
pub async fn update(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<RetentionUpdate>, JsonRejection>,
) -> Result<Json<RetentionSettings>, ApiError> {
    let Json(update) = body.map_err(json_rejection)?;
    ApiError::if_any(update.problems())?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    retention::save(&mut tx, &update, user.account_id, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "retention.settings_updated",
        ("retention_settings", None),
        &format!(
            "bookings: {} days after the appointment; requests: {} days after closing",
            update.booking_days, update.assistance_days
        ),
        now,
    )
    .await?;
    let saved = retention::settings(&mut tx).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

/// Runs the retention sweep now, as the server does every hour, and says how many bookings and
/// requests it anonymised (audited with those counts).
#[utoipa::path(post, path = paths::STAFF_RETENTION_RUN, tag = "staff",
    operation_id = "staff_admin_run_retention",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "What this pass anonymised", body = RetentionRun),
        crate::refusals::StaffWriting,
    ))]
pub async fn run(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> Result<Json<RetentionRun>, ApiError> {
    let now = state.clock.now();
    let done = retention::sweep(&state.db, now).await?;
    let mut conn = state.db.acquire().await?;
    audit(
        &mut conn,
        Some(user.account_id),
        "retention.run",
        ("retention_settings", None),
        &format!(
            "anonymised bookings: {}, requests: {}",
            done.bookings, done.requests
        ),
        now,
    )
    .await?;
    Ok(Json(done))
}
