//! The checks the assistance handlers share: a token's hash (a malformed one is a 404), a draft
//! still open, a request still active, room for another file, and the asker's language.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use portal_domain::api::assistance::code;
use portal_domain::Lang;
use sqlx::SqliteConnection;

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

/// 409 once the draft was submitted.
pub(crate) fn ensure_open(row: &DraftRow) -> Result<(), ApiError> {
    if row.request_id.is_some() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::DRAFT_SUBMITTED,
            Text::new(
                "这份申请已经提交，不能再修改。请通过提交后得到的查询链接查看进度。",
                "This application has already been submitted and can no longer be changed. Follow it with the tracking link you were given.",
            ),
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
            Text::new(
                "这份申请已经撤回或办理完毕，不能再发送材料。如有需要，请提交新的申请或联系中心。",
                "This application has been withdrawn or has ended, so nothing more can be sent. If you need to, make a new application or contact the center.",
            ),
        )
        .into());
    }
    Ok(())
}

/// 409 when the owner already has `max` files (of `role`).
pub(crate) async fn check_room(
    conn: &mut SqliteConnection,
    owner: Owner,
    role: &str,
    max: usize,
) -> Result<(), ApiError> {
    if store::count_files(conn, owner, role).await? >= max as i64 {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_FILES,
            Text::new(
                "最多只能上传 10 个文件。请删除一些文件后再上传。",
                "You can add at most 10 files. Remove some before adding others.",
            ),
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
