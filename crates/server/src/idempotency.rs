//! Idempotency keys of the submits that create something (a booking, an assistance request):
//! reading the `Idempotency-Key` header and answering a replay with the stored 201. Each service
//! keeps its own table, because what makes "the same request" differs (the body's hash for a
//! booking, the draft for an assistance request).

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use sqlx::{Any, AnyExecutor};

use crate::error::{ApiError, Refusal, Text};

/// Longest key accepted (a UUID is 36).
pub const MAX_KEY_CHARS: usize = 128;

/// The stable error codes and the "missing" message of one service's submit.
pub struct KeyRules {
    pub missing_code: &'static str,
    pub invalid_code: &'static str,
    /// What to send a new key with, in both languages ("each booking").
    pub missing: crate::texts::Pick,
}

/// The trimmed key: 1 to 128 printable ASCII characters, else 400 with the service's code.
pub fn key(headers: &HeaderMap, rules: KeyRules) -> Result<String, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            rules.missing_code,
            Text::of(rules.missing),
        )
        .into());
    };
    let key = value.to_str().ok().map(str::trim).filter(|key| {
        !key.is_empty() && key.len() <= MAX_KEY_CHARS && key.bytes().all(|b| b.is_ascii_graphic())
    });
    key.map(str::to_owned).ok_or_else(|| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            rules.invalid_code,
            Text::of(|t| t.idempotency_key_must_1_128),
        )
        .into()
    })
}

/// The 201 answer, as first sent or replayed from the stored JSON.
pub fn created_answer(json: String) -> Response {
    (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response()
}

/// What was stored for `key` in one service's table: what makes a retry "the same request"
/// (the `T` column) and the answer given. `select` is the service's query, with `key` its one
/// parameter.
pub async fn stored_answer<'e, T>(
    executor: impl AnyExecutor<'e>,
    select: &'static str,
    key: &str,
) -> sqlx::Result<Option<(T, String)>>
where
    T: for<'r> sqlx::Decode<'r, Any> + sqlx::Type<Any> + Send + Unpin,
{
    sqlx::query_as(select)
        .bind(key)
        .fetch_optional(executor)
        .await
}
