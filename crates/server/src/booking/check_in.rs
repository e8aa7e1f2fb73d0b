//! Checking in by the person at the service hall's kiosk: by reference + the last four digits of
//! the booking's mobile number (limited with the lookups by reference: `crate::lookup`, the
//! same count), or by the manage link the booking's QR code holds. It follows the desk's rule
//! of when check-in is open (`portal_domain::api::booking::check_in_window`) and records the
//! same attendance as the desk (`super::attendance::write_attendance`), with an audit entry
//! saying it was the kiosk.
//!
//! An unknown reference and wrong digits are the same 404, which counts as a failed lookup;
//! only with the right digits does the answer say anything about the booking (not today, too
//! early, cancelled). Checking in again answers 200 with `already_checked_in`.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::booking::{
    check_in_opens_text, check_in_window, code, mask_name, CheckInRequest, CheckInWindow,
    CheckedIn, NamedRef,
};
use portal_domain::api::staff::Attendance;
use portal_domain::calendar::Date;
use portal_domain::paths;
use portal_domain::time::format_shanghai;

use super::attendance::write_attendance;
use super::manage::by_token;
use super::store::{self, BookingRow};
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::limit::Limited;
use crate::lookup;
use crate::AppState;

/// What the audit log says of a check-in made by the person at the kiosk.
pub const KIOSK_AUDIT_SUMMARY: &str = "checked_in by the person at the kiosk";

/// Checks the person in on the day of their booking, found by its reference and the last four
/// digits of its mobile number.
#[utoipa::path(post, path = paths::BOOKING_CHECK_IN, tag = "booking",
    operation_id = "check_in_booking", request_body = CheckInRequest,
    responses(
        (status = 200, description = "Checked in (or checked in before: `already_checked_in`)",
            body = CheckedIn),
        (status = 400, description = "`validation_failed`: `reference` (`booking.reference_missing`, \
            `booking.reference_format`), `mobile_last_four` (`booking.mobile_last_four_missing`, \
            `booking.mobile_last_four_format`)", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking with this reference and these digits (the same \
            answer for an unknown reference)", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.check_in_not_today`, `booking.check_in_too_early` \
            (the message says from what time), `booking.check_in_cancelled`, \
            `booking.check_in_not_attended`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`booking.lookup_rate_limited`: too many failed lookups of this \
            reference (5 an hour) or from this address (30 an hour), counted with the lookups by \
            reference + mobile number", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until a check-in may be tried again"))),
    ))]
pub async fn check_in(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<CheckInRequest>, JsonRejection>,
) -> Result<Json<CheckedIn>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, last_four) = request.parse().map_err(ApiError::fields)?;
    let find = async {
        Ok(store::booking_by_reference_and_last_four(
            &state.db,
            reference.compact(),
            last_four.as_str(),
        )
        .await?)
    };
    let now = state.clock.now();
    let row = lookup::limited(
        &state,
        &client,
        reference.compact(),
        now,
        check_in_rate_limited,
        "booking check-in",
        find,
    )
    .await?;
    record(&state, row.id).await
}

/// Checks the person in with the manage link their booking's QR code holds (read by the kiosk's
/// camera).
#[utoipa::path(post, path = paths::BOOKING_TOKEN_CHECK_IN, tag = "booking",
    operation_id = "check_in_booking_by_token",
    params(("token" = String, Path, description = "The manage token")),
    responses(
        (status = 200, description = "Checked in (or checked in before: `already_checked_in`)",
            body = CheckedIn),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.check_in_not_today`, `booking.check_in_too_early` \
            (the message says from what time), `booking.check_in_cancelled`, \
            `booking.check_in_not_attended`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn check_in_by_token(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<CheckedIn>, ApiError> {
    let row = by_token(&state, token).await?;
    record(&state, row.id).await
}

/// Checks booking `id` in at the server's `now`, unless it is cancelled, marked as not attended
/// or outside the check-in window; already checked in, it answers as it is.
async fn record(state: &AppState, id: i64) -> Result<Json<CheckedIn>, ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::booking_by_id(&mut tx, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (attendance, attendance_at): (Option<String>, Option<i64>) =
        sqlx::query_as("SELECT attendance, attendance_at FROM bookings WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    if row.status == "cancelled" {
        return Err(conflict(
            code::CHECK_IN_CANCELLED,
            Text::of(|t| t.check_in_cancelled),
        ));
    }
    match attendance.as_deref().and_then(Attendance::from_code) {
        Some(Attendance::CheckedIn) => {
            return view(&row, attendance_at.unwrap_or(now), true).map(Json)
        }
        Some(Attendance::NoShow) => {
            return Err(conflict(
                code::CHECK_IN_NOT_ATTENDED,
                Text::of(|t| t.check_in_not_attended),
            ))
        }
        None => {}
    }
    let date = Date::parse(&row.date)
        .map_err(|_| ApiError::Internal(anyhow::anyhow!("booking {id} has a bad date")))?;
    match check_in_window(now, row.starts_at, date) {
        CheckInWindow::OtherDay => {
            return Err(conflict(
                code::CHECK_IN_NOT_TODAY,
                Text::with(|t| t.check_in_not_today(&row.date)),
            ))
        }
        CheckInWindow::TooEarly => {
            let opens = check_in_opens_text(&row.start_time);
            return Err(conflict(
                code::CHECK_IN_TOO_EARLY,
                Text::with(|t| t.check_in_too_early(&opens)),
            ));
        }
        CheckInWindow::Open => {}
    }
    write_attendance(
        &mut tx,
        id,
        Attendance::CheckedIn,
        None,
        KIOSK_AUDIT_SUMMARY,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(booking = id, "booking checked in at the kiosk");
    view(&row, now, false).map(Json)
}

/// What the kiosk shows and prints: the masked name, no mobile number.
fn view(row: &BookingRow, checked_in_at: i64, already: bool) -> Result<CheckedIn, ApiError> {
    Ok(CheckedIn {
        reference: row.shown_reference(),
        name: mask_name(&row.name),
        venue: NamedRef {
            id: row.venue_id.clone(),
            name_zh: row.venue_name_zh.clone(),
            name_en: row.venue_name_en.clone(),
        },
        venue_address: row.venue_address.clone(),
        venue_contacts: row.venue_contacts(),
        topic: NamedRef {
            id: row.topic_id.clone(),
            name_zh: row.topic_name_zh.clone(),
            name_en: row.topic_name_en.clone(),
        },
        date: Date::parse(&row.date).map_err(|_| {
            ApiError::Internal(anyhow::anyhow!("booking {} has a bad date", row.id))
        })?,
        start_time: row.start_time.clone(),
        end_time: row.end_time.clone(),
        checked_in_at: format_shanghai(checked_in_at),
        already_checked_in: already,
    })
}

fn conflict(code: &'static str, message: Text) -> ApiError {
    Refusal::new(StatusCode::CONFLICT, code, message).into()
}

/// The 429 of a check-in refused by the limit on failed lookups (the lookups' code, a message
/// that sends the person to the desk).
fn check_in_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOOKUP_RATE_LIMITED, |t, minutes| {
        t.check_in_rate_limited(minutes)
    })
}
