//! Checking in at the service hall's kiosk (`/api/v1/bookings/check-in` and
//! `/api/v1/bookings/{token}/check-in`). Built on the client's shared calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::booking::{CheckInRequest, CheckedIn};
use portal_domain::{paths, Lang};

use super::{send_empty, send_json, ApiError};

/// By reference + the last four digits of the booking's mobile number.
pub async fn check_in_booking(request: &CheckInRequest, lang: Lang) -> Result<CheckedIn, ApiError> {
    send_json(Request::post(paths::BOOKING_CHECK_IN), request, lang).await
}

/// By the manage token the booking's QR code holds.
pub async fn check_in_booking_by_token(token: &str, lang: Lang) -> Result<CheckedIn, ApiError> {
    let path = paths::fill(paths::BOOKING_TOKEN_CHECK_IN, &[token]);
    send_empty(Request::post(&path), lang).await
}
