//! Staff changes are safe to retry: a write sent again with the same `Idempotency-Key` gets the
//! first answer instead of being done twice (a message sent twice, "add 2 seats" adding 4).
//!
//! Every staff route that changes something takes the header; the ones that are not idempotent
//! by nature need it ([`KEY_REQUIRED`]: a message, an internal note, adding seats), else 400
//! `staff.idempotency_key_missing`. Keys belong to the account that sent them: the first
//! request with a key claims it (`staff_idempotency`, migration 0014) before it is carried out,
//! and its answer is stored when it succeeded (a refusal changed nothing and is not stored, so
//! its retry runs again). A
//! key sent again while its first request is still running gets 409
//! `staff.request_in_progress`; with another method, path or body, 422
//! `staff.idempotency_key_reused`. Keys are kept 24 hours.

use axum::body::{to_bytes, Body};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use portal_domain::api::staff::code;
use portal_domain::paths;
use sha2::{Digest, Sha256};

use super::user::StaffUser;
use crate::error::{ApiError, Refusal, Text};
use crate::idempotency;
use crate::AppState;

/// Routes (path templates, as `portal_domain::paths` writes them) whose writes must carry a key.
pub const KEY_REQUIRED: [&str; 3] = [
    paths::STAFF_CASE_MESSAGES,
    paths::STAFF_CASE_NOTES,
    paths::STAFF_SLOT_SEATS,
];
/// Routes whose answers carry a secret (a password link) that must not be stored: a retry
/// runs again and makes a new link, which ends the earlier one.
const NEVER_STORED: [&str; 1] = [paths::STAFF_FIRM_PASSWORD_LINK];
/// How long a key and its answer are kept.
const KEEP_SECS: i64 = 24 * 60 * 60;
/// Staff bodies are small (see `staff::MAX_BODY_BYTES`); answers too.
const MAX_BYTES: usize = 1024 * 1024;

/// The middleware, inside the guard (which has put the [`StaffUser`] in the request).
pub async fn replay(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match run(&state, request, next).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn run(state: &AppState, request: Request, next: Next) -> Result<Response, ApiError> {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return Ok(next.run(request).await);
    }
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    if NEVER_STORED.contains(&template.as_str()) {
        return Ok(next.run(request).await);
    }
    let required = KEY_REQUIRED.contains(&template.as_str());
    if !required && !request.headers().contains_key("idempotency-key") {
        return Ok(next.run(request).await);
    }
    let key = idempotency::key(
        request.headers(),
        idempotency::KeyRules {
            missing_code: code::IDEMPOTENCY_KEY_MISSING,
            invalid_code: code::IDEMPOTENCY_KEY_INVALID,
            missing: |t| t.staff_key_missing,
        },
    )?;
    let Some(account) = request
        .extensions()
        .get::<StaffUser>()
        .map(|u| u.account_id)
    else {
        return Ok(next.run(request).await);
    };
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_BYTES)
        .await
        .map_err(|_| ApiError::BadRequest(Text::of(|t| t.request_too_large)))?;
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str().as_bytes());
    hasher.update(b" ");
    hasher.update(parts.uri.path().as_bytes());
    hasher.update(b"\n");
    hasher.update(&bytes);
    let fingerprint = hasher.finalize().to_vec();
    let now = state.clock.now();

    if let Some(answer) = claim(state, account, &key, &fingerprint, now).await? {
        return Ok(answer);
    }
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let (parts, body) = response.into_parts();
    let body = to_bytes(body, MAX_BYTES).await.unwrap_or_default();
    let status = parts.status;
    if !status.is_success() {
        // A refusal changed nothing: not stored, so the retry runs again (and its error body,
        // written in the caller's language by `error::localize` outside this layer, is never
        // replayed half-made).
        sqlx::query("DELETE FROM staff_idempotency WHERE account_id = $1 AND key = $2")
            .bind(account)
            .bind(&key)
            .execute(&state.db)
            .await?;
    } else {
        sqlx::query(
            "UPDATE staff_idempotency SET status = $1, response = $2 WHERE account_id = $3 AND key = $4",
        )
        .bind(i64::from(status.as_u16()))
        .bind(body.to_vec())
        .bind(account)
        .bind(&key)
        .execute(&state.db)
        .await?;
    }
    Ok(Response::from_parts(parts, Body::from(body)))
}

/// A claimed key: the request's fingerprint, and its answer once stored (status, body).
type Stored = (Vec<u8>, Option<i64>, Option<Vec<u8>>);

/// Claims `key` for this request (`None`: go ahead), or answers for it: the stored answer of
/// the same request, or a refusal.
async fn claim(
    state: &AppState,
    account: i64,
    key: &str,
    fingerprint: &[u8],
    now: i64,
) -> Result<Option<Response>, ApiError> {
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query("DELETE FROM staff_idempotency WHERE created_at < $1")
        .bind(now - KEEP_SECS)
        .execute(&mut *tx)
        .await?;
    let stored: Option<Stored> = sqlx::query_as(
        "SELECT fingerprint, status, response FROM staff_idempotency \
         WHERE account_id = $1 AND key = $2",
    )
    .bind(account)
    .bind(key)
    .fetch_optional(&mut *tx)
    .await?;
    let answer = match stored {
        None => {
            sqlx::query(
                "INSERT INTO staff_idempotency (account_id, key, fingerprint, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(account)
            .bind(key)
            .bind(fingerprint)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            None
        }
        Some((stored, _, _)) if stored != fingerprint => {
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::IDEMPOTENCY_KEY_REUSED,
                Text::of(|t| t.idempotency_key_was_used_for),
            )
            .into())
        }
        Some((_, None, _)) => {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                code::REQUEST_IN_PROGRESS,
                Text::of(|t| t.same_action_still_being_carried),
            )
            .into())
        }
        Some((_, Some(status), body)) => {
            let status = u16::try_from(status)
                .ok()
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::OK);
            let mut response = (status, body.unwrap_or_default()).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            Some(response)
        }
    };
    tx.commit().await?;
    Ok(answer)
}
