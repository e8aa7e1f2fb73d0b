//! The fast track's firms as the center's administrators see them: finding a firm by its code,
//! and making a one-time password link for one of its people who has forgotten their password —
//! after checking at the counter or by phone that the person asking is that person. The link is
//! handed to them; nothing is sent by e-mail or SMS.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::{code, PasswordLink, StaffFirmView};
use portal_domain::ids::Uscc;
use portal_domain::paths;
use serde::Deserialize;
use utoipa::IntoParams;

use super::audit::audit_read;
use super::user::Staff;
use crate::audit::audit;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::firms::links::{self, Purpose};
use crate::firms::people::people_of;
use crate::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FirmParams {
    /// The firm's 统一社会信用代码.
    pub uscc: Option<String>,
}

fn not_found() -> ApiError {
    Refusal::new(
        StatusCode::NOT_FOUND,
        code::NOT_FOUND,
        Text::of(|t| t.firm_not_found),
    )
    .into()
}

fn parse_uscc(value: &str) -> Result<Uscc, ApiError> {
    Uscc::parse(value).map_err(|e| ApiError::fields(vec![("uscc", e)]))
}

/// A firm and its people (mobile numbers masked); the view is written to the audit log.
#[utoipa::path(get, path = paths::STAFF_FIRMS, tag = "staff",
    operation_id = "staff_find_firm", params(FirmParams),
    responses(
        (status = 200, description = "The firm", body = StaffFirmView),
        (status = 400, description = "`validation_failed`: `uscc`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffReading,
        (status = 404, description = "`firm.not_found`: no firm has this code", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn find(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(params): Query<FirmParams>,
) -> Result<Json<StaffFirmView>, ApiError> {
    let uscc = parse_uscc(params.uscc.as_deref().unwrap_or(""))?;
    let mut conn = state.db.acquire().await?;
    let firm: Option<(i64, String)> = sqlx::query_as("SELECT id, name FROM firms WHERE uscc = $1")
        .bind(uscc.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let (firm_id, name) = firm.ok_or_else(not_found)?;
    let people = people_of(&mut conn, firm_id).await?;
    drop(conn);
    audit_read(
        &state,
        &user,
        "firm.viewed",
        ("firm", Some(&firm_id.to_string())),
    )
    .await?;
    Ok(Json(StaffFirmView {
        uscc: uscc.to_string(),
        name,
        people: people.iter().map(|p| p.view()).collect(),
    }))
}

/// Makes a one-time link (valid 72 hours) that sets the password of one of the firm's people,
/// ending their earlier unused links. Never replayed from a stored answer: a retry makes a new
/// link (see `super::replay`).
#[utoipa::path(post, path = paths::STAFF_FIRM_PASSWORD_LINK, tag = "staff",
    operation_id = "staff_firm_password_link",
    params(
        ("uscc" = String, Path, description = "The firm's 统一社会信用代码"),
        ("id" = i64, Path, description = "The person's id (from `GET /api/v1/staff/firms`)"),
    ),
    responses(
        (status = 201, description = "The link: hand it to the person only", body = PasswordLink),
        crate::refusals::StaffWriting,
        (status = 404, description = "`firm.not_found`: no such firm, or no such person in it",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn password_link(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path((uscc, id)) = path.map_err(|_| not_found())?;
    let uscc = Uscc::parse(&uscc).map_err(|_| not_found())?;
    let person_id: i64 = id.parse().map_err(|_| not_found())?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT p.id FROM firm_people p JOIN firms f ON f.id = p.firm_id \
         WHERE f.uscc = $1 AND p.id = $2 AND p.active = 1",
    )
    .bind(uscc.as_str())
    .bind(person_id)
    .fetch_optional(&mut *tx)
    .await?;
    let person_id = found.ok_or_else(not_found)?;
    let link = links::issue(&mut tx, person_id, Purpose::Reset, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "firm.password_link",
        ("firm_person", Some(&person_id.to_string())),
        "password link made after checking who asked",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(link)).into_response())
}
