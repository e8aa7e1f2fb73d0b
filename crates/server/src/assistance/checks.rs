//! The checks the assistance handlers share: a token's hash (a malformed one is a 404), a draft
//! still open, a request still active, room for another file, and the asker's language.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use portal_domain::api::assistance::code;
use portal_domain::Lang;
use sqlx::AnyConnection;

use crate::error::{ApiError, Refusal, Text};
use crate::tokens;

use super::store::{self, DraftRow, Owner, RequestRow};

/// The SHA-256 of the token in the path; a missing or malformed one is a 404 like an unknown
/// one.
pub(crate) fn token_hash(token: Result<Path<String>, PathRejection>) -> Result<Vec<u8>, ApiError> {
    let Ok(Path(token)) = token else {
        return Err(ApiError::NotFound);
    };
    tokens::hash_if_token(&token).ok_or(ApiError::NotFound)
}

/// The token's SHA-256 and the id of a `{token}/.../{id}` path, as [`token_hash`].
pub(crate) fn token_hash_and_id(
    path: Result<Path<(String, i64)>, PathRejection>,
) -> Result<(Vec<u8>, i64), ApiError> {
    let Ok(Path((token, id))) = path else {
        return Err(ApiError::NotFound);
    };
    Ok((token_hash(Ok(Path(token)))?, id))
}

/// The draft with this token's hash, not expired by `now`; 404 if none (or expired).
pub(crate) async fn live_draft(
    conn: &mut AnyConnection,
    hash: &[u8],
    now: i64,
) -> Result<DraftRow, ApiError> {
    store::draft_by_token_hash(conn, hash, now)
        .await?
        .ok_or(ApiError::NotFound)
}

/// 409 once the draft was submitted.
pub(crate) fn ensure_open(row: &DraftRow) -> Result<(), ApiError> {
    if row.request_id.is_some() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::DRAFT_SUBMITTED,
            Text::of(|t| t.application_already_been_submitted_longer),
        )
        .into());
    }
    Ok(())
}

/// 409 once the request was withdrawn, refused or concluded.
pub(crate) fn ensure_active(row: &RequestRow) -> Result<(), ApiError> {
    if row.status().map_err(ApiError::Internal)?.is_closed() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::REQUEST_CLOSED,
            Text::of(|t| t.application_been_withdrawn_ended_so),
        )
        .into());
    }
    Ok(())
}

/// 409 when the owner already has `max` files (of `role`).
pub(crate) async fn check_room(
    conn: &mut AnyConnection,
    owner: Owner,
    role: &str,
    max: usize,
) -> Result<(), ApiError> {
    if store::count_files(conn, owner, role).await? >= max as i64 {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_FILES,
            Text::of(|t| t.you_add_at_most_10),
        )
        .into());
    }
    Ok(())
}

pub(crate) fn lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}
