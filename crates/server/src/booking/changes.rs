//! Changing a booking: moving it to another slot (rebooking one the center cancelled) and
//! cancelling it, by manage token or by reference + mobile number.

use anyhow::Context;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::booking::{
    check_date, code, Booking, BookingError, BookingStatus, BookingSummary, LookupRequest,
    LookupRescheduleRequest, RescheduleRequest, MAX_UPCOMING_PER_MOBILE,
};
use portal_domain::calendar::Date;
use portal_domain::ids::MobileNumber;
use portal_domain::paths;
use portal_domain::time::{shanghai_unix_seconds, SlotTime};

use super::catalog::{free_seat, NoSeat};
use super::create::field_conflict;
use super::manage::{by_lookup, by_reference, by_token};
use super::store::writes;
use super::store::writes::Placement;
use super::store::{self, BookingRow};
use crate::client_ip::ClientIp;
use crate::clock::shanghai_date;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::AppState;

/// Moves the booking to another slot of the same venue, for the same topic, until 2 hours before
/// its start. The new seat is taken and the old one released in one transaction, so the booking
/// is never without a seat nor holding two; the reference and manage token stay the same and
/// `sequence` rises by one. Moving to the slot it already has changes nothing (a retry is safe).
#[utoipa::path(post, path = paths::BOOKING_RESCHEDULE, tag = "booking",
    operation_id = "reschedule_booking",
    params(("token" = String, Path, description = "The manage token")),
    request_body = RescheduleRequest,
    responses(
        (status = 200, description = "The booking at its new time", body = Booking),
        (status = 400, description = "Field messages for `date` and `time`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.slot_full` (with `details.next_available`), \
            `booking.change_too_late`, `booking.already_cancelled` or `booking.mobile_overlap`",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reschedule(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Json<RescheduleRequest>, JsonRejection>,
) -> Result<Json<Booking>, ApiError> {
    let row = by_token(&state, token).await?;
    let Json(request) = body.map_err(json_rejection)?;
    let (date, time) = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let moved = move_booking(&state, &row, date, time, now).await?;
    Ok(Json(moved.holder_view(now).map_err(ApiError::Internal)?))
}

/// Moves the booking found by its reference and mobile number, by the same rules and with the
/// same answers as `POST /api/v1/bookings/{token}/reschedule`; the answer is masked as the
/// lookup's. An unknown reference and a wrong number give the same 404 as the lookup.
#[utoipa::path(post, path = paths::BOOKING_LOOKUP_RESCHEDULE, tag = "booking",
    operation_id = "reschedule_booking_by_reference", request_body = LookupRescheduleRequest,
    responses(
        (status = 200, description = "The booking at its new time, masked", body = BookingSummary),
        (status = 400, description = "Field messages for `reference`, `mobile`, `date` and `time`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking with this reference and mobile number",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.slot_full` (with `details.next_available`), \
            `booking.change_too_late`, `booking.already_cancelled` or `booking.mobile_overlap`",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`booking.lookup_rate_limited`: too many failed lookups of this \
            reference (5 an hour) or from this address (30 an hour); every lookup is refused \
            until `Retry-After` seconds have passed", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until a lookup may be made again"))),
    ))]
pub async fn lookup_reschedule(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<LookupRescheduleRequest>, JsonRejection>,
) -> Result<Json<BookingSummary>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let request = request.parse().map_err(ApiError::fields)?;
    let row = by_reference(&state, &client, &request.reference, &request.mobile).await?;
    let now = state.clock.now();
    let moved = move_booking(&state, &row, request.date, request.time, now).await?;
    Ok(Json(moved.summary(now).map_err(ApiError::Internal)?))
}

/// Moves `row` to `date` at `time`, as both reschedule routes do, and gives the booking as it
/// then is. The new seat is taken and the old one released by one statement in one
/// `BEGIN IMMEDIATE` transaction; moving to the slot it already has changes nothing.
///
/// A booking the center cancelled by closing its slot is rebooked the same way: moved to the
/// new slot and confirmed again (same reference and manage link, `sequence` + 1), whatever the
/// cut-off of its old slot; the new slot follows the usual rules, and as it becomes an upcoming
/// booking again, so does the limit of upcoming bookings per mobile number.
async fn move_booking(
    state: &AppState,
    row: &BookingRow,
    date: Date,
    time: SlotTime,
    now: i64,
) -> Result<BookingRow, ApiError> {
    check_movable(row, now)?;
    let venue = store::venue(&state.db, &row.venue_id)
        .await
        .map_err(ApiError::Internal)?
        .context("the venue of a booking")
        .map_err(ApiError::Internal)?;
    let today = shanghai_date(now)?;
    let mut problems = Vec::new();
    // The venue's settings may have changed since the booking was made: a new time is only
    // given where and for what new bookings are taken (the booking itself stays as it is).
    if !venue.bookable() {
        problems.push(("venue", BookingError::VenueNotBookable));
    } else if !venue.offers(&row.topic_id) {
        problems.push(("topic", BookingError::TopicNotOffered));
    }
    if let Err(e) = check_date(&state.calendar(), today, date) {
        problems.push(("date", e));
    }
    let end = venue.slot_end(time);
    if end.is_none() {
        problems.push(("time", BookingError::TimeNotOffered));
    }
    let (Some(end), true) = (end, problems.is_empty()) else {
        return Err(ApiError::fields(problems));
    };
    let starts_at = shanghai_unix_seconds(date, time);
    let ends_at = shanghai_unix_seconds(date, end);

    let mut tx = crate::db::write(&state.db).await?;
    // Read again under the write lock: another request may have moved or cancelled it.
    let current = store::booking_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    check_movable(&current, now)?;
    let rebook = current.center_cancelled();
    if current.starts_at == starts_at && !rebook {
        return Ok(current);
    }
    if rebook
        && store::upcoming_for_mobile(
            &mut tx,
            // Stored numbers were parsed before they were stored.
            &MobileNumber::parse(&current.mobile).map_err(ApiError::internal)?,
            now,
        )
        .await?
            >= i64::from(MAX_UPCOMING_PER_MOBILE)
    {
        return Err(field_conflict(
            code::MOBILE_LIMIT,
            "time",
            BookingError::MobileLimit,
        ));
    }
    if store::mobile_overlaps(
        &mut tx,
        &current.mobile,
        starts_at,
        ends_at,
        Some(current.id),
    )
    .await?
    {
        return Err(field_conflict(
            code::MOBILE_OVERLAP,
            "time",
            BookingError::MobileOverlap,
        ));
    }
    let slot = (date, time, starts_at, ends_at);
    let seat = match free_seat(&mut tx, &venue, slot, Some(current.id)).await? {
        Ok(seat) => seat,
        Err(no_seat) => {
            drop(tx);
            return Err(no_seat.answer(state, &venue, today, starts_at).await);
        }
    };
    let placement = Placement {
        venue_id: &venue.id,
        date,
        time,
        end,
        starts_at,
        ends_at,
        seat,
    };
    // One statement moves the booking: the new seat is held and the old one free from the same
    // commit on. A rebooked booking is confirmed again by the same statement.
    if !writes::move_to(&mut tx, current.id, placement, now).await? {
        drop(tx);
        return Err(NoSeat::Full.answer(state, &venue, today, starts_at).await);
    }
    let moved = store::booking_by_id(&mut tx, current.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    if rebook {
        tracing::info!(
            booking = current.id,
            seat,
            "booking cancelled by the center rebooked"
        );
    } else {
        tracing::info!(booking = current.id, seat, "booking rescheduled");
    }
    Ok(moved)
}

/// Cancels the booking, until 2 hours before its start; its seat is free at once and `sequence`
/// rises by one. Cancelling a cancelled booking changes nothing (a retry is safe).
#[utoipa::path(post, path = paths::BOOKING_CANCEL, tag = "booking",
    operation_id = "cancel_booking",
    params(("token" = String, Path, description = "The manage token")),
    responses(
        (status = 200, description = "The cancelled booking", body = Booking),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.cancel_too_late`: less than 2 hours before the start",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<Booking>, ApiError> {
    let row = by_token(&state, token).await?;
    let now = state.clock.now();
    let cancelled = cancel_booking(&state, &row, now).await?;
    Ok(Json(
        cancelled.holder_view(now).map_err(ApiError::Internal)?,
    ))
}

/// Cancels the booking found by its reference and mobile number, by the same rules and with the
/// same answers as `POST /api/v1/bookings/{token}/cancel`; the answer is masked as the lookup's.
/// An unknown reference and a wrong number give the same 404 as the lookup.
#[utoipa::path(post, path = paths::BOOKING_LOOKUP_CANCEL, tag = "booking",
    operation_id = "cancel_booking_by_reference", request_body = LookupRequest,
    responses(
        (status = 200, description = "The cancelled booking, masked", body = BookingSummary),
        (status = 400, description = "Malformed reference or mobile number (field messages)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking with this reference and mobile number",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.cancel_too_late`: less than 2 hours before the start",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`booking.lookup_rate_limited`: too many failed lookups of this \
            reference (5 an hour) or from this address (30 an hour); every lookup is refused \
            until `Retry-After` seconds have passed", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until a lookup may be made again"))),
    ))]
pub async fn lookup_cancel(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<LookupRequest>, JsonRejection>,
) -> Result<Json<BookingSummary>, ApiError> {
    let row = by_lookup(&state, &client, body).await?;
    let now = state.clock.now();
    let cancelled = cancel_booking(&state, &row, now).await?;
    Ok(Json(cancelled.summary(now).map_err(ApiError::Internal)?))
}

/// Cancels `row`, as both cancel routes do, and gives the booking as it then is. A cancelled
/// booking is given back unchanged.
async fn cancel_booking(
    state: &AppState,
    row: &BookingRow,
    now: i64,
) -> Result<BookingRow, ApiError> {
    let mut tx = crate::db::write(&state.db).await?;
    let current = store::booking_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if current.status() == BookingStatus::Cancelled {
        return Ok(current);
    }
    check_changeable(&current, now, code::CANCEL_TOO_LATE)?;
    writes::cancel_by_citizen(&mut tx, current.id, now).await?;
    let cancelled = store::booking_by_id(&mut tx, current.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    tracing::info!(booking = current.id, "booking cancelled");
    Ok(cancelled)
}

/// What moving needs: a booking the center cancelled can always be moved (rebooked) unless its
/// personal data was erased; any other
/// must be changeable ([`check_changeable`]).
fn check_movable(row: &BookingRow, now: i64) -> Result<(), ApiError> {
    // Once its personal data is erased a booking cannot be rebooked: it names nobody.
    if row.center_cancelled() && row.anonymised_at.is_none() {
        return Ok(());
    }
    check_changeable(row, now, code::CHANGE_TOO_LATE)
}

/// 409 unless the booking is confirmed and its start is at least 2 hours away.
fn check_changeable(row: &BookingRow, now: i64, too_late: &'static str) -> Result<(), ApiError> {
    if row.status() == BookingStatus::Cancelled {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::ALREADY_CANCELLED,
            Text::of(|t| t.booking_been_cancelled_changed_come),
        )
        .into());
    }
    if now > row.change_deadline() {
        let message = if too_late == code::CANCEL_TOO_LATE {
            Text::of(|t| t.too_late_to_cancel_online)
        } else {
            Text::of(|t| t.too_late_to_move_online)
        };
        return Err(Refusal::new(StatusCode::CONFLICT, too_late, message).into());
    }
    Ok(())
}
