//! Request extractors whose rejections are [`ApiError`]s, so a malformed request gets the same
//! JSON error contract as every other failure: the query string ([`Query`]) and JSON bodies
//! ([`json_rejection`], [`json_or_default`]).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use portal_domain::api::error_code;

use crate::error::{ApiError, Refusal, Text};

/// `axum::extract::Query` with our error body.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> ApiError {
        ApiError::BadRequest(Text::of(|t| t.query_string_request_could_read))
    }
}

/// A body that cannot be read: too large (413) or not JSON of the right shape (400).
pub(crate) fn json_rejection(rejection: JsonRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return payload_too_large();
    }
    not_json()
}

/// A JSON body, or the default for an empty one.
pub(crate) fn json_or_default<T: Default + serde::de::DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            payload_too_large()
        } else {
            ApiError::BadRequest(Text::of(|t| t.request_did_arrive_whole_please))
        }
    })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&body).map_err(|_| not_json())
}

/// 413 `payload_too_large`: more than the route's body limit.
fn payload_too_large() -> ApiError {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        error_code::PAYLOAD_TOO_LARGE,
        Text::of(|t| t.what_was_sent_too_large),
    )
    .into()
}

/// 400 `bad_request`: not JSON, or JSON of another shape.
fn not_json() -> ApiError {
    ApiError::BadRequest(Text::of(|t| t.body_not_readable_json))
}
