//! Request extractors whose rejections are [`ApiError`]s, so a malformed request gets the same
//! JSON error contract as every other failure.

use axum::extract::rejection::QueryRejection;
use axum::extract::FromRequestParts;

use crate::error::{ApiError, Text};

/// `axum::extract::Query` with our error body.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> ApiError {
        ApiError::BadRequest(Text::new(
            "请求地址中的查询参数无法识别。",
            "The query string of the request could not be read.",
        ))
    }
}
