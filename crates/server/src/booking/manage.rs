//! Finding a booking: by its manage token or by reference + mobile number (limited, see
//! `crate::lookup`), its view, calendar file and rating.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::booking::{code, Booking, BookingSummary, LookupRequest};
use portal_domain::ids::MobileNumber;
use portal_domain::paths;
use portal_domain::reference::BookingReference;

use super::ics;
use super::store::{self, BookingRow};
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::limit::Limited;
use crate::lookup;
use crate::rating::{self, RatingBody, Service};
use crate::retention;
use crate::tokens;
use crate::AppState;

/// The booking, as its holder sees it (the name in full; mobile number and USCC masked).
#[utoipa::path(get, path = paths::BOOKING, tag = "booking",
    operation_id = "get_booking",
    params(("token" = String, Path, description = "The manage token from the 201 answer")),
    responses(
        (status = 200, description = "The booking", body = Booking),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn manage(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<Booking>, ApiError> {
    let row = by_token(&state, token).await?;
    let mut view = row
        .holder_view(state.clock.now())
        .map_err(ApiError::Internal)?;
    let rated = rating::state(&mut *state.db.acquire().await?, Service::Booking(row.id)).await?;
    view.can_rate = rated.can_rate;
    view.rating = rated.rating;
    Ok(Json(view))
}

/// Rates the consultation (好差评) once the desk has checked the person in: five levels and an
/// optional comment, once per booking. The same rating sent again answers the same 201.
#[utoipa::path(post, path = paths::BOOKING_RATING, tag = "booking",
    operation_id = "rate_booking",
    params(("token" = String, Path, description = "The manage token")),
    request_body = portal_domain::api::rating::RatingRequest,
    responses(
        crate::rating::Rated,
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`rating.not_ratable`: not checked in (or cancelled); \
            `rating.already_rated`: rated before, differently", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn rate_booking(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: RatingBody,
) -> Result<Response, ApiError> {
    let row = by_token(&state, token).await?;
    rating::rate(&state, Service::Booking(row.id), body).await
}

/// Erases the booking's personal data at its holder's request, once the appointment is over or
/// the booking cancelled: name, mobile number, organisation and USCC, description and the
/// adjustments asked for. What is left (reference, venue, topic, time, status) is answered; the
/// lookup by reference + mobile number no longer finds it, and a booking the center cancelled
/// can no longer be rebooked. Erasing an erased booking changes nothing (a retry is safe).
#[utoipa::path(post, path = paths::BOOKING_ERASE, tag = "booking",
    operation_id = "erase_booking",
    params(("token" = String, Path, description = "The manage token")),
    responses(
        (status = 200, description = "What is left of the booking (`anonymised` true)", body = Booking),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.not_over`: the appointment is not over yet and the \
            booking is not cancelled", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn erase(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<Booking>, ApiError> {
    let row = by_token(&state, token).await?;
    let now = state.clock.now();
    if row.anonymised_at.is_none() && !row.erasable(now) {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::NOT_OVER,
            Text::of(|t| t.booking_not_over_erase_later),
        )
        .into());
    }
    let mut tx = crate::db::write(&state.db).await?;
    if retention::erase_booking(&mut tx, row.id, now).await? {
        tracing::info!(
            booking = row.id,
            "booking's personal data erased by its holder"
        );
    }
    let erased = store::booking_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    let mut view = erased.holder_view(now).map_err(ApiError::Internal)?;
    let rated = rating::state(&mut *state.db.acquire().await?, Service::Booking(row.id)).await?;
    view.can_rate = rated.can_rate;
    view.rating = rated.rating;
    Ok(Json(view))
}

/// Finds a booking by its reference and the mobile number it was made with. An unknown
/// reference and a wrong number give the same 404. The answer is masked and has no manage token.
#[utoipa::path(post, path = paths::BOOKING_LOOKUP, tag = "booking",
    operation_id = "lookup_booking", request_body = LookupRequest,
    responses(
        (status = 200, description = "The booking, masked", body = BookingSummary),
        (status = 400, description = "Malformed reference or mobile number (field messages)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking with this reference and mobile number",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`booking.lookup_rate_limited`: too many failed lookups of this \
            reference (5 an hour) or from this address (30 an hour); every lookup is refused \
            until `Retry-After` seconds have passed", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until a lookup may be made again"))),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<LookupRequest>, JsonRejection>,
) -> Result<Json<BookingSummary>, ApiError> {
    let row = by_lookup(&state, &client, body).await?;
    let mut view = row.summary(state.clock.now()).map_err(ApiError::Internal)?;
    let rated = rating::state(&mut *state.db.acquire().await?, Service::Booking(row.id)).await?;
    view.can_rate = rated.can_rate;
    view.rating = rated.rating;
    Ok(Json(view))
}

/// The booking as a calendar file: stable UID, SEQUENCE rising with every change, and
/// `METHOD:CANCEL` once cancelled. Times in UTC.
#[utoipa::path(get, path = paths::BOOKING_CALENDAR, tag = "booking",
    operation_id = "booking_calendar",
    params(("token" = String, Path, description = "The manage token")),
    responses(
        (status = 200, description = "An iCalendar file with one event",
            content_type = "text/calendar; charset=utf-8", body = String),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn calendar(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let token = token.map(|Path(t)| t).unwrap_or_default();
    let manage_url = state
        .public_url
        .as_deref()
        .map(|base| format!("{base}/booking/manage/{token}"));
    let row = by_token(&state, Ok(Path(token))).await?;
    let body = ics::calendar(&row, manage_url.as_deref()).map_err(ApiError::Internal)?;
    let disposition = format!("attachment; filename=\"booking-{}.ics\"", row.reference);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

/// The booking a manage token opens. A token that is malformed or unknown is the same 404 as
/// any other unknown address.
pub(super) async fn by_token(
    state: &AppState,
    token: Result<Path<String>, PathRejection>,
) -> Result<BookingRow, ApiError> {
    let Ok(Path(token)) = token else {
        return Err(ApiError::NotFound);
    };
    let hash = tokens::hash_if_token(&token).ok_or(ApiError::NotFound)?;
    store::booking_by_token_hash(&state.db, &hash)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The booking a reference and mobile number find. An unknown reference and a wrong number are
/// the same 404 (one query for both, see `store::booking_by_reference_and_mobile`), and count
/// towards the limit on failed lookups; once it is reached the answer is 429 without a query
/// (see the module documentation).
pub(super) async fn by_reference(
    state: &AppState,
    client: &ClientIp,
    reference: &BookingReference,
    mobile: &MobileNumber,
) -> Result<BookingRow, ApiError> {
    let find = async {
        Ok(store::booking_by_reference_and_mobile(&state.db, reference.compact(), mobile).await?)
    };
    let now = state.clock.now();
    lookup::limited(
        state,
        client,
        reference.compact(),
        now,
        lookup_rate_limited,
        "booking",
        find,
    )
    .await
}

/// The booking a lookup body (reference + mobile number) finds, as [`by_reference`]; field
/// messages for a malformed reference or number.
pub(super) async fn by_lookup(
    state: &AppState,
    client: &ClientIp,
    body: Result<Json<LookupRequest>, JsonRejection>,
) -> Result<BookingRow, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile) = request.parse().map_err(ApiError::fields)?;
    by_reference(state, client, &reference, &mobile).await
}

/// The 429 of a lookup refused by the limit on failed lookups. It says nothing about whether
/// the reference exists, and the same whichever limit was reached.
fn lookup_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOOKUP_RATE_LIMITED, |t, minutes| {
        t.booking_lookup_rate_limited(minutes)
    })
}
