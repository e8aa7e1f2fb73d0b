//! Booking a consultation (`POST /api/v1/bookings`): the checks, the limits per address and
//! per mobile number, the seat, and the idempotency key that makes a retry safe.

use anyhow::Context;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use portal_domain::api::booking::{
    check_date, code, BookingCreated, BookingError, BookingRequest, NewBooking, Topic,
    MAX_UPCOMING_PER_MOBILE,
};
use portal_domain::calendar::Date;
use portal_domain::ids::MobileNumber;
use portal_domain::paths;
use portal_domain::time::{shanghai_unix_seconds, SlotTime};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, AnyExecutor};

use super::catalog::{free_seat, venue_and_topic_problems, NoSeat};
use super::per_address;
use super::store::writes;
use super::store::writes::Placement;
use super::store::{self, VenueConfig};
use crate::client_ip::ClientIp;
use crate::clock::shanghai_date;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::idempotency;
use crate::limit::Limited;
use crate::tokens::{self, new_token};
use crate::AppState;

/// The idempotency key of a new booking: its codes, and what the "missing" message asks for.
const KEY_RULES: idempotency::KeyRules = idempotency::KeyRules {
    missing_code: code::IDEMPOTENCY_KEY_MISSING,
    invalid_code: code::IDEMPOTENCY_KEY_INVALID,
    missing: |t| t.booking_key_missing,
};

/// How long an idempotency key is remembered (and its answer, manage token included, kept).
const IDEMPOTENCY_TTL_SECS: i64 = 24 * 60 * 60;

/// Books a consultation. Send a fresh `Idempotency-Key` (e.g. a UUID) per booking attempt and
/// the same key when retrying it: the same key with the same body gives the same 201 answer
/// (manage token included) and never a second booking.
#[utoipa::path(post, path = paths::BOOKINGS, tag = "booking", operation_id = "create_booking",
    params(("Idempotency-Key" = String, Header,
        description = "1 to 128 printable ASCII characters, new for each booking attempt")),
    request_body = BookingRequest,
    responses(
        (status = 201, description = "Booked. Keep `manage_token`: it is the only way to see, \
            move or cancel the booking, and is shown once", body = BookingCreated),
        (status = 400, description = "`validation_failed` with per-field codes (see \
            `BookingError`), `booking.idempotency_key_missing`, \
            `booking.idempotency_key_invalid` or `bad_request` (not JSON)",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`booking.slot_full` (with `details.next_available`, see \
            SlotTakenDetails), `booking.slot_closed` or `booking.mobile_unavailable` (field \
            `mobile`: too many upcoming bookings or one at this time, not saying which)",
            body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`payload_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`booking.idempotency_key_reused`: the key was used for a \
            different request", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`booking.address_rate_limited`: 6 new bookings within the \
            hour or 20 within 24 hours from this client address; `booking.mobile_rate_limited`: \
            too many `booking.mobile_unavailable` refusals for this number or address", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until a new booking is accepted"))),
    ))]
pub async fn create(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Result<Json<BookingRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let key = idempotency::key(&headers, KEY_RULES)?;
    let Json(request) = body.map_err(json_rejection)?;
    let new = request.parse().map_err(ApiError::fields)?;
    // The parsed request, so that the same booking typed differently ("138 1234 5678" and
    // "13812345678") counts as the same body.
    let request_hash =
        Sha256::digest(serde_json::to_vec(&new).map_err(ApiError::internal)?).to_vec();

    // A retry of a booking that was made gets the first answer before anything that may have
    // changed since (the clock, the seats) is looked at.
    if let Some(answer) = replay(&state.db, &key, &request_hash).await? {
        return Ok(answer);
    }

    let now = state.clock.now();
    let today = shanghai_date(now)?;
    let (venue, topic, end) = checked_slot(&state, &new, today).await?;
    let starts_at = shanghai_unix_seconds(new.date, new.time);
    let ends_at = shanghai_unix_seconds(new.date, end);
    let token = new_token()?;

    let mut tx = crate::db::write(&state.db).await?;
    // Again under the write lock: a request with the same key may have committed meanwhile.
    if let Some(answer) = replay(&mut *tx, &key, &request_hash).await? {
        return Ok(answer);
    }
    writes::forget_answers_before(&mut tx, now - IDEMPOTENCY_TTL_SECS).await?;
    let client_tag = tag_within_limit(&state, &mut tx, &client, now).await?;
    // One answer whether the number holds too many bookings or one at this time, counted like
    // a failed lookup: a stranger trying someone's number learns little, and not often (see
    // `code::MOBILE_UNAVAILABLE`).
    if store::upcoming_for_mobile(&mut tx, &new.mobile, now).await?
        >= i64::from(MAX_UPCOMING_PER_MOBILE)
        || store::mobile_overlaps(&mut tx, new.mobile.as_str(), starts_at, ends_at, None).await?
    {
        drop(tx);
        return Err(mobile_unavailable(&state, &client, &new.mobile, now).await?);
    }
    let slot = (new.date, new.time, starts_at, ends_at);
    let seat = match free_seat(&mut tx, &venue, slot, None).await? {
        Ok(seat) => seat,
        Err(no_seat) => {
            drop(tx);
            return Err(no_seat.answer(&state, &venue, today, starts_at).await);
        }
    };
    let placement = Placement {
        venue_id: &venue.id,
        date: new.date,
        time: new.time,
        end,
        starts_at,
        ends_at,
        seat,
    };
    let reference = writes::new_reference(&mut tx).await?;
    let token_hash = tokens::hash(&token);
    let inserted = writes::insert(
        &mut tx,
        &reference,
        &token_hash,
        &topic.id,
        &new,
        placement,
        client_tag.as_deref(),
        now,
    )
    .await?;
    let Some(id) = inserted else {
        drop(tx);
        return Err(NoSeat::Full.answer(&state, &venue, today, starts_at).await);
    };
    let row = store::booking_by_id(&mut tx, id)
        .await?
        .context("the booking just inserted")
        .map_err(ApiError::Internal)?;
    let created = BookingCreated {
        manage_token: token,
        booking: row.holder_view(now).map_err(ApiError::Internal)?,
    };
    let answer = serde_json::to_string(&created).map_err(ApiError::internal)?;
    writes::remember_answer(&mut tx, &key, &request_hash, id, &answer, now).await?;
    tx.commit().await?;
    tracing::info!(booking = id, venue = %venue.id, topic = %topic.id, seat, "booking created");
    Ok(idempotency::created_answer(answer))
}

/// The venue, topic and end of the slot asked for, if the venue is bookable and offers the
/// topic and the date and time can be booked; field errors for every problem otherwise.
async fn checked_slot(
    state: &AppState,
    new: &NewBooking,
    today: Date,
) -> Result<(VenueConfig, Topic, SlotTime), ApiError> {
    let (venue, topic, mut problems) =
        venue_and_topic_problems(state, &new.venue, &new.topic).await?;
    if let Err(e) = check_date(&state.calendar(), today, new.date) {
        problems.push(("date", e));
    }
    let end = venue.as_ref().and_then(|v| v.slot_end(new.time));
    if venue.is_some() && end.is_none() {
        problems.push(("time", BookingError::TimeNotOffered));
    }
    match (venue, topic, end) {
        (Some(venue), Some(topic), Some(end)) if problems.is_empty() => Ok((venue, topic, end)),
        _ => Err(ApiError::fields(problems)),
    }
}

/// The client's tag for the limit on new bookings per address, once checked against that
/// limit. The service hall's own addresses are neither limited nor tagged (so the desk does not
/// see the hall's kiosks as one person booking in bulk).
async fn tag_within_limit(
    state: &AppState,
    conn: &mut AnyConnection,
    client: &ClientIp,
    now: i64,
) -> Result<Option<Vec<u8>>, ApiError> {
    let exempt = client
        .0
        .is_some_and(|ip| state.booking_limit_exempt.contains(ip));
    let client_tag = match exempt {
        true => None,
        false => per_address::client_tag(conn, client.0).await?,
    };
    if let Some(tag) = &client_tag {
        per_address::check_new_booking(conn, tag, now).await?;
    }
    Ok(client_tag)
}

/// The 409 `booking.mobile_unavailable`, counted for the number and the address; the 429 once
/// too many were counted. Counted in a write transaction of its own: call it after the
/// booking's transaction is dropped.
async fn mobile_unavailable(
    state: &AppState,
    client: &ClientIp,
    mobile: &MobileNumber,
    now: i64,
) -> Result<ApiError, ApiError> {
    let key = format!("mobile {}", mobile.as_str());
    let attempt = match state.lookups.begin(&key, client.0, now).await? {
        Ok(attempt) => attempt,
        Err(limited) => return Ok(mobile_rate_limited(limited)),
    };
    for rule in attempt.reached() {
        tracing::warn!(
            rule = rule.as_str(),
            "booking refusal limit reached: new bookings refused for a while"
        );
    }
    Ok(field_conflict(
        code::MOBILE_UNAVAILABLE,
        "mobile",
        BookingError::MobileUnavailable,
    ))
}

/// The stored answer for `key`, if that key was used: the same body gets it again, another body
/// gets 422.
async fn replay<'e>(
    executor: impl AnyExecutor<'e>,
    key: &str,
    request_hash: &[u8],
) -> Result<Option<Response>, ApiError> {
    match idempotency::stored_answer::<Vec<u8>>(executor, writes::STORED_ANSWER, key).await? {
        None => Ok(None),
        Some((hash, answer)) if hash == request_hash => {
            Ok(Some(idempotency::created_answer(answer)))
        }
        Some(_) => Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::IDEMPOTENCY_KEY_REUSED,
            Text::of(|t| t.booking_key_reused),
        )
        .into()),
    }
}

pub(super) fn field_conflict(code: &'static str, field: &str, error: BookingError) -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code,
        Text::of(|t| t.booking_made_see_message_beside),
    )
    .field(field, &error)
    .into()
}

/// The 429 of a new booking refused after too many `booking.mobile_unavailable` refusals for its
/// number or from its address.
fn mobile_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::MOBILE_RATE_LIMITED, |t, minutes| {
        t.booking_mobile_rate_limited(minutes)
    })
}
