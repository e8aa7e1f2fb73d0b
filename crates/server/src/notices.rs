//! Service notices (通知公告): `GET /api/v1/notices` for everyone (what is in force today), and
//! the administrators' handlers, which the staff route table adds under `/api/v1/staff/admin/notices`
//! (so the guard decides who may call them; see `crate::staff`). The shapes and the input
//! checks are in `portal_domain::api::notices`.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::booking::format_shanghai;
use portal_domain::api::notices::{
    CheckedNotice, Notice, NoticeError, NoticeInput, NoticeLevel, NoticeList, NoticeState,
    StaffNotice, StaffNoticeList,
};
use portal_domain::calendar::Date;
use sqlx::SqliteConnection;

use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::staff::{audit, Staff};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/notices", get(in_force))
}

#[derive(Debug, sqlx::FromRow)]
struct NoticeRow {
    id: i64,
    level: String,
    title_zh: String,
    title_en: String,
    body_zh: String,
    body_en: String,
    starts_on: String,
    ends_on: Option<String>,
    withdrawn_at: Option<i64>,
    updated_at: i64,
    updated_by: Option<String>,
}

const SELECT: &str = "SELECT n.id, n.level, n.title_zh, n.title_en, n.body_zh, n.body_en, \
     n.starts_on, n.ends_on, n.withdrawn_at, n.updated_at, a.username AS updated_by \
     FROM notices n LEFT JOIN staff_accounts a ON a.id = n.updated_by";

impl NoticeRow {
    fn notice(&self) -> Result<Notice, ApiError> {
        let bad =
            |what: &str| ApiError::Internal(anyhow::anyhow!("notice {} has a bad {what}", self.id));
        Ok(Notice {
            id: self.id,
            level: NoticeLevel::from_code(&self.level).ok_or_else(|| bad("level"))?,
            title_zh: self.title_zh.clone(),
            title_en: self.title_en.clone(),
            body_zh: self.body_zh.clone(),
            body_en: self.body_en.clone(),
            starts_on: Date::parse(&self.starts_on).map_err(|_| bad("first day"))?,
            ends_on: match &self.ends_on {
                Some(d) => Some(Date::parse(d).map_err(|_| bad("last day"))?),
                None => None,
            },
        })
    }

    fn staff_view(&self, today: Date) -> Result<StaffNotice, ApiError> {
        let notice = self.notice()?;
        Ok(StaffNotice {
            state: NoticeState::on(
                today,
                notice.starts_on,
                notice.ends_on,
                self.withdrawn_at.is_some(),
            ),
            notice,
            updated_at: format_shanghai(self.updated_at),
            updated_by: self.updated_by.clone(),
        })
    }
}

/// The notices in force today: important first, then the newest.
#[utoipa::path(get, path = "/api/v1/notices", tag = "notices",
    responses((status = 200, description = "The notices shown today", body = NoticeList)))]
pub async fn in_force(State(state): State<AppState>) -> Result<Json<NoticeList>, ApiError> {
    let today = state.today()?.to_string();
    let rows: Vec<NoticeRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE n.withdrawn_at IS NULL AND n.starts_on <= ?1 \
         AND (n.ends_on IS NULL OR n.ends_on >= ?1) \
         ORDER BY n.level = 'important' DESC, n.starts_on DESC, n.id DESC"
    ))
    .bind(today)
    .fetch_all(&state.db)
    .await?;
    let items = rows
        .iter()
        .map(NoticeRow::notice)
        .collect::<Result<_, _>>()?;
    Ok(Json(NoticeList { items }))
}

/// Every notice with its state: shown and scheduled first, then the others; newest first.
#[utoipa::path(get, path = "/api/v1/staff/admin/notices", tag = "staff",
    operation_id = "staff_list_notices",
    responses(
        (status = 200, description = "Every notice", body = StaffNoticeList),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`staff.forbidden`: administrators only", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list(State(state): State<AppState>) -> Result<Json<StaffNoticeList>, ApiError> {
    let today = state.today()?;
    let rows: Vec<NoticeRow> = sqlx::query_as(&format!(
        "{SELECT} ORDER BY n.withdrawn_at IS NOT NULL, \
         (n.ends_on IS NOT NULL AND n.ends_on < ?), n.starts_on DESC, n.id DESC"
    ))
    .bind(today.to_string())
    .fetch_all(&state.db)
    .await?;
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

async fn row(conn: &mut SqliteConnection, id: i64) -> Result<NoticeRow, ApiError> {
    sqlx::query_as(&format!("{SELECT} WHERE n.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ApiError::NotFound)
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
#[utoipa::path(post, path = "/api/v1/staff/admin/notices", tag = "staff",
    operation_id = "staff_create_notice", request_body = NoticeInput,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 201, description = "Published", body = StaffNotice),
        (status = 400, description = "`validation_failed`: `title_zh`, `title_en`, `body_zh`, \
            `body_en`, `starts_on`, `ends_on`", body = portal_domain::api::ApiErrorBody),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`staff.forbidden` or `staff.csrf`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<NoticeInput>, JsonRejection>,
) -> Result<Response, ApiError> {
    let n = checked(&state, body)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO notices (level, title_zh, title_en, body_zh, body_en, starts_on, ends_on, \
         created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(n.level.code())
    .bind(&n.title_zh)
    .bind(&n.title_en)
    .bind(&n.body_zh)
    .bind(&n.body_en)
    .bind(n.starts_on.to_string())
    .bind(n.ends_on.map(|d| d.to_string()))
    .bind(now)
    .bind(now)
    .bind(user.account_id)
    .fetch_one(&mut *tx)
    .await?;
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
    let view = row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    tracing::info!(notice = id, by = user.account_id, "notice published");
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Replaces a notice's texts, level and days (a withdrawn one stays withdrawn).
#[utoipa::path(put, path = "/api/v1/staff/admin/notices/{id}", tag = "staff",
    operation_id = "staff_update_notice", request_body = NoticeInput,
    params(("id" = i64, Path, description = "The notice's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Changed", body = StaffNotice),
        (status = 400, description = "`validation_failed`", body = portal_domain::api::ApiErrorBody),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`staff.forbidden` or `staff.csrf`", body = portal_domain::api::ApiErrorBody),
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
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let changed = sqlx::query(
        "UPDATE notices SET level = ?, title_zh = ?, title_en = ?, body_zh = ?, body_en = ?, \
         starts_on = ?, ends_on = ?, updated_at = ?, updated_by = ? WHERE id = ?",
    )
    .bind(n.level.code())
    .bind(&n.title_zh)
    .bind(&n.title_en)
    .bind(&n.body_zh)
    .bind(&n.body_en)
    .bind(n.starts_on.to_string())
    .bind(n.ends_on.map(|d| d.to_string()))
    .bind(now)
    .bind(user.account_id)
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
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
    let view = row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Takes a notice down at once. It is kept, marked withdrawn; withdrawing again changes nothing.
#[utoipa::path(delete, path = "/api/v1/staff/admin/notices/{id}", tag = "staff",
    operation_id = "staff_withdraw_notice",
    params(("id" = i64, Path, description = "The notice's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Withdrawn", body = StaffNotice),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`staff.forbidden` or `staff.csrf`", body = portal_domain::api::ApiErrorBody),
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
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let current = row(&mut tx, id).await?;
    if current.withdrawn_at.is_none() {
        sqlx::query(
            "UPDATE notices SET withdrawn_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        )
        .bind(now)
        .bind(now)
        .bind(user.account_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
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
    let view = row(&mut tx, id).await?.staff_view(state.today()?)?;
    tx.commit().await?;
    Ok(Json(view))
}
