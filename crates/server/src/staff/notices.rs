//! The administrators' notices (`/api/v1/staff/admin/notices`): every notice with its state,
//! publishing, changing and withdrawing. The public route and the table are `crate::notices`.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::notices::{
    CheckedNotice, NoticeError, NoticeInput, StaffNotice, StaffNoticeList,
};
use portal_domain::paths;

use super::user::Staff;
use crate::audit::audit;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::notices::store;
use crate::AppState;

/// Every notice with its state: shown and scheduled first, then the others; newest first.
#[utoipa::path(get, path = paths::STAFF_NOTICES, tag = "staff",
    operation_id = "staff_list_notices",
    responses(
        (status = 200, description = "Every notice", body = StaffNoticeList),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn list(State(state): State<AppState>) -> Result<Json<StaffNoticeList>, ApiError> {
    let today = state.today()?;
    let rows = store::all(&state.db, today).await?;
    let items = rows
        .iter()
        .map(|row| row.staff_view(today))
        .collect::<Result<_, _>>()?;
    Ok(Json(StaffNoticeList { items }))
}

/// Parses the body and refuses a last day already past (only the server knows today).
fn checked(
    state: &AppState,
    body: Result<Json<NoticeInput>, JsonRejection>,
) -> Result<CheckedNotice, ApiError> {
    let Json(input) = body.map_err(json_rejection)?;
    let notice = input.parse().map_err(ApiError::fields)?;
    let today = state.today()?;
    if notice.ends_on.is_some_and(|end| end < today) {
        return Err(ApiError::fields(vec![("ends_on", NoticeError::EndsInPast)]));
    }
    Ok(notice)
}

/// The audit summary: the level and days, never the texts (they are in the notice itself).
fn summary(n: &CheckedNotice) -> String {
    format!(
        "level: {}, {}..{}",
        n.level.code(),
        n.starts_on,
        n.ends_on.map(|d| d.to_string()).unwrap_or_default()
    )
}

/// Publishes a notice (shown from its first day).
#[utoipa::path(post, path = paths::STAFF_NOTICES, tag = "staff",
    operation_id = "staff_create_notice", request_body = NoticeInput,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 201, description = "Published", body = StaffNotice),
        (status = 400, description = "`validation_failed`: `title_zh`, `title_en`, `body_zh`, \
            `body_en`, `starts_on`, `ends_on`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
    ))]
pub async fn create(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<NoticeInput>, JsonRejection>,
) -> Result<Response, ApiError> {
    let n = checked(&state, body)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let id = store::insert(&mut tx, &n, user.account_id, now).await?;
    let id_text = id.to_string();
    audit(
        &mut tx,
        Some(user.account_id),
        "notice.create",
        ("notice", Some(&id_text)),
        &summary(&n),
        now,
    )
    .await?;
    let view = store::row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    tracing::info!(notice = id, by = user.account_id, "notice published");
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Replaces a notice's texts, level and days (a withdrawn one stays withdrawn).
#[utoipa::path(put, path = paths::STAFF_NOTICE, tag = "staff",
    operation_id = "staff_update_notice", request_body = NoticeInput,
    params(("id" = i64, Path, description = "The notice's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Changed", body = StaffNotice),
        (status = 400, description = "`validation_failed`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such notice", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<NoticeInput>, JsonRejection>,
) -> Result<Json<StaffNotice>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let n = checked(&state, body)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let changed = store::update(&mut tx, id, &n, user.account_id, now).await?;
    if !changed {
        return Err(ApiError::NotFound);
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "notice.update",
        ("notice", Some(&id.to_string())),
        &summary(&n),
        now,
    )
    .await?;
    let view = store::row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Takes a notice down at once. It is kept, marked withdrawn; withdrawing again changes nothing.
#[utoipa::path(delete, path = paths::STAFF_NOTICE, tag = "staff",
    operation_id = "staff_withdraw_notice",
    params(("id" = i64, Path, description = "The notice's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Withdrawn", body = StaffNotice),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such notice", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<StaffNotice>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let current = store::row(&mut tx, id).await?;
    if current.withdrawn_at.is_none() {
        store::withdraw(&mut tx, id, user.account_id, now).await?;
        audit(
            &mut tx,
            Some(user.account_id),
            "notice.withdraw",
            ("notice", Some(&id.to_string())),
            "withdrawn",
            now,
        )
        .await?;
    }
    let view = store::row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    Ok(Json(view))
}
