//! Personal data (issue #18): the retention periods (public, for the privacy notice; the
//! administrators' page and its "apply now"), and a booking holder erasing their booking's
//! personal data. Built on the client's shared calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::admin::{RetentionRun, RetentionSettings, RetentionUpdate};
use portal_domain::api::booking::Booking;
use portal_domain::{paths, Lang};

use super::{get_json, send_empty, send_json, with_csrf, ApiError};

/// The periods in force, for the privacy notice.
pub async fn retention(lang: Lang) -> Result<RetentionSettings, ApiError> {
    get_json(paths::PRIVACY_RETENTION, lang).await
}

/// Erases the booking's personal data (once the appointment is over or it is cancelled).
pub async fn erase_booking(token: &str, lang: Lang) -> Result<Booking, ApiError> {
    let path = paths::fill(paths::BOOKING_ERASE, &[token]);
    send_empty(Request::post(&path), lang).await
}

pub async fn staff_retention(lang: Lang) -> Result<RetentionSettings, ApiError> {
    get_json(paths::STAFF_RETENTION, lang).await
}

pub async fn staff_update_retention(
    update: &RetentionUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<RetentionSettings, ApiError> {
    send_json(
        with_csrf(Request::put(paths::STAFF_RETENTION), csrf),
        update,
        lang,
    )
    .await
}

pub async fn staff_run_retention(csrf: &str, lang: Lang) -> Result<RetentionRun, ApiError> {
    send_empty(
        with_csrf(Request::post(paths::STAFF_RETENTION_RUN), csrf),
        lang,
    )
    .await
}
