//! One-time password links (`firm_password_links`): made for a colleague by the firm's first
//! person (`invitation`) or for a forgotten password by the center's staff (`reset`), used once
//! on the page they open (`POST /api/v1/firm/password/{token}`). Only the SHA-256 of a token is
//! kept; making a new link for a person ends their earlier unused ones, and setting a password
//! ends the person's sessions.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::{
    code, PasswordLink, SetPasswordRequest, PASSWORD_LINK_SECS, PASSWORD_PAGE,
};
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use super::accounts::audit;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::sign_in::passwords::hash_password_blocking;
use crate::sign_in::{sessions, FIRM};
use crate::tokens::{self, new_token};
use crate::AppState;

/// Why a link was made.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    Invitation,
    Reset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Invitation => "invitation",
            Purpose::Reset => "reset",
        }
    }
}

/// Makes a link for `person_id` (ending their earlier unused ones), in the caller's
/// transaction.
pub(crate) async fn issue(
    conn: &mut AnyConnection,
    person_id: i64,
    purpose: Purpose,
    now: i64,
) -> Result<PasswordLink, ApiError> {
    sqlx::query("DELETE FROM firm_password_links WHERE person_id = $1 AND used_at IS NULL")
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    let token = new_token()?;
    let expires_at = now + PASSWORD_LINK_SECS;
    sqlx::query(
        "INSERT INTO firm_password_links (token_hash, person_id, purpose, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(tokens::hash(&token))
    .bind(person_id)
    .bind(purpose.code())
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(PasswordLink {
        path: paths::fill(PASSWORD_PAGE, &[&token]),
        expires_at: format_shanghai(expires_at),
    })
}

fn link_invalid() -> ApiError {
    Refusal::new(
        StatusCode::NOT_FOUND,
        code::LINK_INVALID,
        Text::of(|t| t.firm_link_invalid),
    )
    .into()
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    person_id: i64,
    firm_id: i64,
    purpose: String,
}

/// Sets the password of the person a link was made for: once, before it expires.
#[utoipa::path(post, path = paths::FIRM_PASSWORD, tag = "firm",
    operation_id = "firm_set_password",
    params(("token" = String, Path, description = "The token of the password link")),
    request_body = SetPasswordRequest,
    responses(
        (status = 204, description = "The password is set: sign in with it. The person's \
            sessions, if any, are ended."),
        (status = 400, description = "`validation_failed`: `password`", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "`firm.link_invalid`: no such link, or it was used or \
            has expired (one answer)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn set_password(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Json<SetPasswordRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let Path(token) = token.map_err(|_| link_invalid())?;
    let hash = tokens::hash_if_token(&token).ok_or_else(link_invalid)?;
    let password = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let find = "SELECT l.person_id, p.firm_id, l.purpose FROM firm_password_links l \
                JOIN firm_people p ON p.id = l.person_id \
                WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2";
    // Looked up before the (slow) hashing, and again in the transaction that uses it.
    let found: Option<LinkRow> = sqlx::query_as(find)
        .bind(&hash)
        .bind(now)
        .fetch_optional(&state.db)
        .await?;
    if found.is_none() {
        return Err(link_invalid());
    }
    let password_hash = hash_password_blocking(password).await?;
    let mut tx = crate::db::write(&state.db).await?;
    let link: LinkRow = sqlx::query_as(find)
        .bind(&hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(link_invalid)?;
    sqlx::query("UPDATE firm_password_links SET used_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE firm_people SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(&password_hash)
        .bind(now)
        .bind(link.person_id)
        .execute(&mut *tx)
        .await?;
    sessions::end_all(&mut tx, &FIRM, link.person_id).await?;
    let summary = format!("password set by a link ({})", link.purpose);
    audit(
        &mut tx,
        link.firm_id,
        Some(link.person_id),
        "person.password_set",
        &summary,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
