//! Pre-examination requests (issue #15) as the pre-examination officers examine them: the
//! queue, one request in full with its documents and history, and the examination's steps
//! (the domain's `apply`, with the center's today and the shared working-day calendar); and
//! the administrators' pre-examination settings and per-firm quotas. Every view of a request or
//! of one of its files, and every step, is in the staff audit log; each step is also in the
//! request's own history.
//!
//! Venue scoping: every staff account has a pre-examination venue (`staff_accounts.
//! pre_exam_venue`, default `protection_center`), set by administrators through the accounts API
//! (`PATCH /api/v1/staff/accounts/{username}` with `pre_exam_venue`). An officer sees and acts
//! on the requests filed with that venue only: the center's officers the center's, a 快维
//! centre's officers their centre's. Another venue's request answers exactly as a request that
//! does not exist (404 `pre_exam.not_found`), so an officer learns nothing of other venues.
//!
//! A request whose reply deadline has passed is withdrawn (视为撤回) when next read
//! (`crate::firms::pre_exam::store::expire_overdue`, run before the queue and every request).

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use portal_domain::api::firm::pre_exam::{
    Actor, FirmQuotaStanding, FirmQuotaUpdate, PreExamAction, PreExamQueue, PreExamSettings,
    PreExamStatus, Quota, QuotaOutcome, StaffPreExam, NEAR_WORKING_DAYS,
};
use portal_domain::api::firm::registration::FieldVenue;
use portal_domain::paths;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::audit::{audit_read, serve_viewed};
use super::user::{Staff, StaffUser};
use crate::audit::audit;
use crate::error::{ApiError, Text};
use crate::extract::{json_rejection, Query};
use crate::files::{DownloadParams, FileAsked, FileIds, FileServed};
use crate::firms::file_table::PRE_EXAM_FILES;
use crate::firms::pre_exam::store::{self, not_found, By, Row, Scope};
use crate::firms::pre_exam::{exam, file_store, RequestId};
use crate::json_settings;
use crate::AppState;

/// The queue's filters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreExamQueueParams {
    /// Only requests in this status (`submitted`, `under_examination`, …).
    pub status: Option<String>,
    /// `near`: at most 2 working days left; `overdue`: past the deadline.
    pub due: Option<String>,
}

/// The officer's venue, after withdrawing its requests whose reply deadline has passed.
async fn venue_of(state: &AppState, user: &StaffUser) -> Result<FieldVenue, ApiError> {
    let mut conn = state.db.acquire().await?;
    let venue = store::officer_venue(&mut conn, user.account_id).await?;
    drop(conn);
    let today = (state.today()?, state.clock.now());
    store::expire_overdue(&state.db, Scope::Venue(venue), today, &state.calendar()).await?;
    Ok(venue)
}

/// The requests of the officer's venue, the earliest due first.
#[utoipa::path(get, path = paths::STAFF_PRE_EXAMS, tag = "staff",
    operation_id = "staff_list_pre_exams",
    params(PreExamQueueParams),
    responses(
        (status = 200, description = "The queue", body = PreExamQueue),
        (status = 400, description = "`bad_request`: an unknown `status` or `due`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffReading,
    ))]
pub async fn list(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(params): Query<PreExamQueueParams>,
) -> Result<Json<PreExamQueue>, ApiError> {
    let bad = || ApiError::BadRequest(Text::of(|t| t.pre_exam_queue_filter_unknown));
    let status = match params.status.as_deref() {
        None | Some("") => None,
        Some(s) => Some(PreExamStatus::from_code(s).ok_or_else(bad)?),
    };
    let due: fn(Option<i32>) -> bool = match params.due.as_deref() {
        None | Some("") => |_| true,
        Some("near") => |d| d.is_some_and(|d| (0..=NEAR_WORKING_DAYS).contains(&d)),
        Some("overdue") => |d| d.is_some_and(|d| d < 0),
        Some(_) => return Err(bad()),
    };
    let venue = venue_of(&state, &user).await?;
    let today = state.today()?;
    let calendar = state.calendar();
    let mut conn = state.db.acquire().await?;
    let items = store::queue(&mut conn, venue, status)
        .await?
        .iter()
        .map(|r| r.summary(today, &calendar))
        .filter(|s| due(s.days_left))
        .collect();
    Ok(Json(PreExamQueue { items }))
}

async fn detail(
    conn: &mut AnyConnection,
    state: &AppState,
    row: &Row,
) -> Result<StaffPreExam, ApiError> {
    let today = state.today()?;
    let (Some(request), Some(examination)) = (row.request(), row.examination()) else {
        return Err(not_found());
    };
    Ok(StaffPreExam {
        id: row.id,
        reference: row.reference.clone().unwrap_or_default(),
        firm_name: row.firm_name.clone(),
        uscc: row.uscc.clone(),
        request,
        files: file_store::file_views(conn, row.id).await?,
        days_left: state.days_left(today, examination.due_on),
        examination,
        events: store::events(conn, row.id).await?,
    })
}

/// A request of the officer's venue in full, with its documents and history (the view is in
/// the audit log).
#[utoipa::path(get, path = paths::STAFF_PRE_EXAM, tag = "staff",
    operation_id = "staff_get_pre_exam",
    params(("id" = i64, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request", body = StaffPreExam),
        crate::refusals::StaffReading,
        (status = 404, description = "`pre_exam.not_found` (also another venue's)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn show(
    State(state): State<AppState>,
    Staff(user): Staff,
    RequestId(id): RequestId,
) -> Result<Json<StaffPreExam>, ApiError> {
    let venue = venue_of(&state, &user).await?;
    let mut conn = state.db.acquire().await?;
    let row = store::venue_request(&mut conn, venue, id)
        .await?
        .ok_or_else(not_found)?;
    let view = detail(&mut conn, &state, &row).await?;
    drop(conn);
    audit_read(
        &state,
        &user,
        "pre_exam.viewed",
        ("pre_exam", Some(&id.to_string())),
    )
    .await?;
    Ok(Json(view))
}

/// One document of a request of the officer's venue, with its real type (every view is in the
/// audit log).
#[utoipa::path(get, path = paths::STAFF_PRE_EXAM_FILE, tag = "staff",
    operation_id = "staff_pre_exam_file",
    params(FileIds, DownloadParams),
    responses(
        FileServed,
        crate::refusals::StaffReading,
        (status = 404, description = "No such file in a submitted request of the officer's venue", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn pre_exam_file(
    State(state): State<AppState>,
    Staff(user): Staff,
    asked: FileAsked,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let venue = store::officer_venue(&mut conn, user.account_id).await?;
    store::venue_request(&mut conn, venue, asked.ids.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (row, content) = PRE_EXAM_FILES
        .with_content(&mut conn, asked.ids.id, asked.ids.file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    let viewed = ("pre_exam.file_viewed", "pre_exam_file");
    let kind = row.kind()?;
    serve_viewed(&state, &user, viewed, asked, (&row.name, kind, content)).await
}

/// One step of the examination (`action`: `accept`, `not_accept`, `request_amendment`,
/// `pass`, `fail`, `expire`, `confirm_filing`, `return_filing`, `record_grant`,
/// `record_not_granted`), by the domain's rules. A step that does not fit the status is refused
/// with 409 `pre_exam.wrong_status`; a third amendment request with
/// `pre_exam.amendment_rounds_used`.
#[utoipa::path(post, path = paths::STAFF_PRE_EXAM_ACTIONS, tag = "staff",
    operation_id = "staff_act_on_pre_exam",
    params(
        ("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = PreExamAction,
    responses(
        (status = 200, description = "Done", body = StaffPreExam),
        (status = 400, description = "`validation_failed`: `defects`, `reasons`, `notice_number`, `granted_on`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`, `staff.csrf`, `pre_exam.not_your_action` (the firm's steps)", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.wrong_status`, `pre_exam.amendment_rounds_used`, `pre_exam.not_overdue`, `calendar.not_published`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn act(
    State(state): State<AppState>,
    Staff(user): Staff,
    RequestId(id): RequestId,
    body: Result<Json<PreExamAction>, JsonRejection>,
) -> Result<Json<StaffPreExam>, ApiError> {
    let Json(action) = body.map_err(json_rejection)?;
    let venue = venue_of(&state, &user).await?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::venue_request(&mut tx, venue, id)
        .await?
        .ok_or_else(not_found)?;
    let current = row.examination().ok_or_else(not_found)?;
    let by = (Actor::Officer, By::Staff(user.account_id));
    exam::act(&mut tx, &state, (id, &current), &action, by, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        &format!("pre_exam.{}", action.code()),
        ("pre_exam", Some(&id.to_string())),
        "examination step",
        now,
    )
    .await?;
    let row = store::by_id(&mut tx, id).await?.ok_or_else(not_found)?;
    let view = detail(&mut tx, &state, &row).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// The pre-examination's time limits and default yearly quota (the shipped defaults are
/// illustrative — to be confirmed by the center — until an administrator saves some).
#[utoipa::path(get, path = paths::STAFF_PRE_EXAM_SETTINGS, tag = "staff",
    operation_id = "staff_pre_exam_settings",
    responses(
        (status = 200, description = "The settings (illustrative defaults until saved)", body = PreExamSettings),
        crate::refusals::StaffReading,
    ))]
pub async fn settings(
    State(state): State<AppState>,
    Staff(_user): Staff,
) -> Result<Json<PreExamSettings>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(store::settings(&mut conn).await?))
}

/// Replaces the pre-examination settings (every problem at once). Running limits keep their
/// days; new ones count with the new settings.
#[utoipa::path(put, path = paths::STAFF_PRE_EXAM_SETTINGS, tag = "staff",
    operation_id = "staff_update_pre_exam_settings",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = PreExamSettings,
    responses(
        (status = 200, description = "Saved", body = PreExamSettings),
        (status = 400, description = "`validation_failed`: `pre_exam.out_of_range` at the setting's name", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
    ))]
pub async fn update_settings(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<PreExamSettings>, JsonRejection>,
) -> Result<Json<PreExamSettings>, ApiError> {
    let Json(settings) = body.map_err(json_rejection)?;
    ApiError::if_any(settings.problems())?;
    let saved = (store::SETTINGS, &settings);
    let changed = (
        "pre_exam.settings_updated",
        "time limits and quota replaced",
    );
    json_settings::replace(&state, saved, user.account_id, changed).await?;
    Ok(Json(settings))
}

/// The firm with this USCC (404 if none) and the year's quota.
async fn firm_quota(
    conn: &mut AnyConnection,
    state: &AppState,
    uscc: &str,
) -> Result<(i64, Quota), ApiError> {
    let firm_id = store::firm_by_uscc(conn, uscc)
        .await?
        .ok_or(ApiError::NotFound)?;
    let settings = store::settings(conn).await?;
    let year = state.today()?.year();
    Ok((firm_id, store::quota(conn, firm_id, year, &settings).await?))
}

/// A firm's pre-examination quota this year: its allowance, extra quota and use, and its open
/// request for more (增量额度), which the next save answers.
#[utoipa::path(get, path = paths::STAFF_FIRM_PRE_EXAM_QUOTA, tag = "staff",
    operation_id = "staff_firm_pre_exam_quota",
    params(("uscc" = String, Path, description = "The firm's unified social credit code")),
    responses(
        (status = 200, description = "The quota and the open request", body = FirmQuotaStanding),
        crate::refusals::StaffReading,
        (status = 404, description = "No firm with this code", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn quota(
    State(state): State<AppState>,
    Staff(_user): Staff,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<FirmQuotaStanding>, ApiError> {
    let Ok(Path(uscc)) = path else {
        return Err(ApiError::NotFound);
    };
    let mut conn = state.db.acquire().await?;
    let (firm_id, quota) = firm_quota(&mut conn, &state, &uscc).await?;
    let open = store::open_quota_request(&mut conn, firm_id).await?;
    Ok(Json(FirmQuotaStanding {
        own: store::own_quota(&mut conn, firm_id, quota.year).await?,
        quota,
        request: open.map(|r| r.view()).transpose()?,
    }))
}

/// Sets a firm's quota for this year: the center's own figure (none: the default) and the extra
/// quota granted on the firm's request (增量额度). A save answers the firm's open request: granted
/// if the extra quota went up, else declined; the answer carries that request with its outcome.
#[utoipa::path(put, path = paths::STAFF_FIRM_PRE_EXAM_QUOTA, tag = "staff",
    operation_id = "staff_update_firm_pre_exam_quota",
    params(("uscc" = String, Path, description = "The firm's unified social credit code"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = FirmQuotaUpdate,
    responses(
        (status = 200, description = "The quota now, and the request this save answered", body = FirmQuotaStanding),
        (status = 400, description = "`validation_failed`: `own`, `extra`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No firm with this code", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn update_quota(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<FirmQuotaUpdate>, JsonRejection>,
) -> Result<Json<FirmQuotaStanding>, ApiError> {
    let Ok(Path(uscc)) = path else {
        return Err(ApiError::NotFound);
    };
    let Json(update) = body.map_err(json_rejection)?;
    ApiError::if_any(update.problems())?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let (firm_id, before) = firm_quota(&mut tx, &state, &uscc).await?;
    store::save_quota(&mut tx, firm_id, before.year, &update, user.account_id, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "pre_exam.quota_updated",
        ("firm", Some(&firm_id.to_string())),
        &format!("own {:?}, extra {}", update.own, update.extra),
        now,
    )
    .await?;
    let mut answered = None;
    if let Some(open) = store::open_quota_request(&mut tx, firm_id).await? {
        let outcome = if update.extra > before.extra {
            QuotaOutcome::Granted
        } else {
            QuotaOutcome::Declined
        };
        store::answer_quota_request(&mut tx, open.id, outcome, user.account_id, now).await?;
        audit(
            &mut tx,
            Some(user.account_id),
            &format!("pre_exam.quota_request_{}", outcome.code()),
            ("firm", Some(&firm_id.to_string())),
            &format!(
                "asked {} more in {}; extra {} -> {}",
                open.extra, open.year, before.extra, update.extra
            ),
            now,
        )
        .await?;
        let mut view = open.view()?;
        view.outcome = Some(outcome);
        view.answered_on = Some(state.today()?);
        answered = Some(view);
    }
    let (_, after) = firm_quota(&mut tx, &state, &uscc).await?;
    tx.commit().await?;
    Ok(Json(FirmQuotaStanding {
        quota: after,
        own: update.own,
        request: answered,
    }))
}
