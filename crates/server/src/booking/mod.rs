//! Consultation booking (预约咨询): what can be booked where, the free slots, and booking,
//! rescheduling and cancelling without ever double-booking. The JSON shapes and the shared
//! checks are in `portal_domain::api::booking`, whose module documentation lists the routes.
//!
//! Double booking: every write that takes a seat runs in one transaction started with
//! `BEGIN IMMEDIATE`, which takes SQLite's write lock at the start. A DEFERRED transaction would
//! read the seats under a shared lock and only try to upgrade at its first write; two of them
//! doing that at once deadlock and one gets "database is locked" at once, without waiting for
//! the busy timeout. With IMMEDIATE, writers queue on the lock (busy_timeout, 5 s), and each
//! sees the seats as the previous one left them. The partial unique index on
//! (venue, start, seat) in the schema is the database's own backstop.
//!
//! Personal data: names, mobile numbers and USCCs go into the database and back to the holder
//! of the manage token (mobile and USCC masked even then), never into logs: the log lines here
//! name bookings by their row id only.
//!
//! Guessing mobile numbers: a reference is printed on slips and is not a secret, so the lookups
//! by reference + mobile number (`/bookings/lookup`, `/lookup/reschedule`, `/lookup/cancel`,
//! which share one count) are limited by `crate::limit::LookupLimiter`, in memory. After 5 failed
//! lookups (404s) of one reference within an hour, or 30 from one client address (an IPv6
//! address by its /64), every lookup of that reference, or from that address, answers 429
//! `booking.lookup_rate_limited` with `Retry-After`, even with the right number, until the
//! oldest of those failures is an hour old. The answer is the same whether the reference
//! exists or not; it is given before the database is asked, so a refused lookup costs nothing;
//! a lookup that finds the booking does not count. The time is the server's `Clock`. The
//! manage-token routes are not limited: 256 random bits cannot be guessed. The client address
//! is the TCP peer's, or behind a trusted reverse proxy the one it forwards (`crate::client_ip`,
//! `PORTAL_TRUSTED_PROXIES`). Only the fact that a limit was
//! reached is logged (which rule), never the reference, the number or the address.

pub(crate) mod capacity;
mod ics;
pub(crate) mod per_address;
mod seed;
pub(crate) mod store;

pub use seed::seed_if_empty;

use anyhow::Context;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use portal_domain::api::booking::{
    booking_window, check_date, code, shanghai_unix_seconds, Availability, AvailabilityParams,
    AvailableDay, AvailableSlot, Booking, BookingCreated, BookingError, BookingReference,
    BookingRequest, BookingStatus, BookingSummary, BookingVenue, BookingVenueList, LookupRequest,
    LookupRescheduleRequest, RescheduleRequest, SlotOffer, SlotTakenDetails, SlotTime, TopicList,
    VenueParams, MAX_UPCOMING_PER_MOBILE,
};
use portal_domain::calendar::{Date, DayKind};
use portal_domain::ids::MobileNumber;
use sha2::{Digest, Sha256};
use sqlx::SqliteExecutor;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::client_ip::ClientIp;
use crate::clock::shanghai_date as today;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::extract::Query;
use crate::idempotency;
use crate::limit::Limited;
use crate::rating::{self, Service};
use crate::tokens::{self, new_token, random_error};
use crate::AppState;
use store::{BookingRow, VenueConfig};

/// Booking bodies are a few kilobytes at most (500 characters of description); anything far
/// larger is refused before it is read.
const MAX_BODY_BYTES: usize = 64 * 1024;
/// How long an idempotency key is remembered (and its answer, manage token included, kept).
const IDEMPOTENCY_TTL_SECS: i64 = 24 * 60 * 60;
/// Slots offered when the one asked for has just been taken.
const MAX_ALTERNATIVES: usize = 5;

pub fn router() -> Router<AppState> {
    let catalog = Router::new()
        .route("/booking/topics", get(topics))
        .route("/booking/venues", get(venues))
        .route("/booking/availability", get(availability));
    let bookings = Router::new()
        .route("/bookings", post(create))
        .route("/bookings/lookup", post(lookup))
        // Static segments win over `{token}`: these never reach the token routes.
        .route("/bookings/lookup/reschedule", post(lookup_reschedule))
        .route("/bookings/lookup/cancel", post(lookup_cancel))
        .route("/bookings/{token}", get(manage))
        .route("/bookings/{token}/reschedule", post(reschedule))
        .route("/bookings/{token}/cancel", post(cancel))
        .route("/bookings/{token}/calendar.ics", get(calendar))
        .route("/bookings/{token}/rating", post(rate))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Answers about one person's booking must not stay in a shared or browser cache.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    catalog.merge(bookings)
}

// ---------------------------------------------------------------------------------------------
// What can be booked
// ---------------------------------------------------------------------------------------------

/// The consultation topics with what to bring, in the order the center presents them.
#[utoipa::path(get, path = "/api/v1/booking/topics", tag = "booking",
    operation_id = "list_booking_topics",
    responses((status = 200, description = "The topics", body = TopicList)))]
pub async fn topics(State(state): State<AppState>) -> Result<Json<TopicList>, ApiError> {
    let items = store::topics(&state.db).await.map_err(ApiError::Internal)?;
    Ok(Json(TopicList { items }))
}

/// The venues where consultations are booked, those offering `topic` only when it is given.
/// A venue being set up is listed with `bookable: false`.
#[utoipa::path(get, path = "/api/v1/booking/venues", tag = "booking",
    operation_id = "list_booking_venues", params(VenueParams),
    responses(
        (status = 200, description = "The venues; `defaults_confirmed: false` means the hours \
            are defaults an administrator has not confirmed", body = BookingVenueList),
        (status = 400, description = "Unknown topic (`booking.topic_unknown`)",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn venues(
    State(state): State<AppState>,
    Query(params): Query<VenueParams>,
) -> Result<Json<BookingVenueList>, ApiError> {
    let topic = params
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(topic) = topic {
        let known = topic.len() <= 64
            && store::topic(&state.db, topic)
                .await
                .map_err(ApiError::Internal)?
                .is_some();
        if !known {
            return Err(ApiError::fields(vec![(
                "topic",
                BookingError::TopicUnknown,
            )]));
        }
    }
    let items = store::venues(&state.db)
        .await
        .map_err(ApiError::Internal)?
        .into_iter()
        .filter(|v| topic.is_none_or(|t| v.offers(t)))
        .map(|v| BookingVenue {
            bookable: v.bookable(),
            id: v.id,
            kind: v.kind,
            status: v.status,
            name_zh: v.name_zh,
            name_en: v.name_en,
            address: v.address,
            topics: v.topics,
            opening_hours: v.opening_hours,
            slot_minutes: v.slot_minutes,
            seats_per_slot: v.seats_per_slot,
            defaults_confirmed: v.defaults_confirmed,
        })
        .collect();
    Ok(Json(BookingVenueList { items }))
}

/// Every slot of the booking window at a venue for a topic, with its free seats (0 = full).
/// The window runs from the next working day to the 15th working day ahead, by the official
/// calendar; it stops at a year whose holidays are not published (`unpublished_year`).
#[utoipa::path(get, path = "/api/v1/booking/availability", tag = "booking",
    operation_id = "booking_availability", params(AvailabilityParams),
    responses(
        (status = 200, description = "The bookable days and their slots", body = Availability),
        (status = 400, description = "Missing or unknown venue or topic, a venue being set up \
            (`booking.venue_not_bookable`), or a topic the venue does not offer \
            (`booking.topic_not_offered`)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn availability(
    State(state): State<AppState>,
    Query(params): Query<AvailabilityParams>,
) -> Result<Json<Availability>, ApiError> {
    let query = params.parse().map_err(ApiError::fields)?;
    let (venue, _) = venue_and_topic(&state, &query.venue, &query.topic).await?;
    let today = today(state.clock.now())?;
    let (days, unpublished_year) = open_days(&state, &venue, today).await?;
    Ok(Json(Availability {
        venue_id: venue.id,
        topic_id: query.topic,
        today,
        slot_minutes: venue.slot_minutes,
        seats_per_slot: venue.seats_per_slot,
        defaults_confirmed: venue.defaults_confirmed,
        days,
        unpublished_year,
    }))
}

/// The venue and topic, if the venue is bookable and offers the topic; field errors otherwise.
async fn venue_and_topic(
    state: &AppState,
    venue_id: &str,
    topic_id: &str,
) -> Result<(VenueConfig, portal_domain::api::booking::Topic), ApiError> {
    let venue = store::venue(&state.db, venue_id)
        .await
        .map_err(ApiError::Internal)?;
    let topic = store::topic(&state.db, topic_id)
        .await
        .map_err(ApiError::Internal)?;
    let mut problems = Vec::new();
    match &venue {
        None => problems.push(("venue", BookingError::VenueUnknown)),
        Some(v) if !v.bookable() => problems.push(("venue", BookingError::VenueNotBookable)),
        Some(_) => {}
    }
    match (&venue, &topic) {
        (_, None) => problems.push(("topic", BookingError::TopicUnknown)),
        (Some(v), Some(t)) if !v.offers(&t.id) => {
            problems.push(("topic", BookingError::TopicNotOffered))
        }
        _ => {}
    }
    match (venue, topic) {
        (Some(venue), Some(topic)) if problems.is_empty() => Ok((venue, topic)),
        _ => Err(ApiError::fields(problems)),
    }
}

/// The days of the booking window with every slot and its free seats.
async fn open_days(
    state: &AppState,
    venue: &VenueConfig,
    today: Date,
) -> Result<(Vec<AvailableDay>, Option<i32>), ApiError> {
    let calendar = state.calendar();
    let window = booking_window(&calendar, today);
    let unpublished_year = window.truncated.map(|np| np.year);
    let (Some(&first), Some(&last)) = (window.days.first(), window.days.last()) else {
        return Ok((vec![], unpublished_year));
    };
    let midnight = SlotTime::from_minutes(0).expect("00:00");
    let end_of_day = SlotTime::from_minutes(24 * 60).expect("24:00");
    let (from, to) = (
        shanghai_unix_seconds(first, midnight),
        shanghai_unix_seconds(last, end_of_day),
    );
    let taken = capacity::held_between(&state.db, &venue.id, from, to).await?;
    // Closed slots are not offered; added seats count.
    let closed = capacity::closed_between(&state.db, &venue.id, first, last).await?;
    let extra = capacity::extra_between(&state.db, &venue.id, from, to).await?;
    let starts = venue.slot_starts();
    let days = window
        .days
        .iter()
        .map(|&date| AvailableDay {
            date,
            // Every day of the window is in a published year, so this never falls back.
            day_kind: calendar.day_kind(date).unwrap_or(DayKind::Working),
            slots: starts
                .iter()
                .filter_map(|&start| {
                    let end = start.plus(venue.slot_minutes)?;
                    if capacity::is_closed(&closed, &date.to_string(), &start.to_string()) {
                        return None;
                    }
                    let at = shanghai_unix_seconds(date, start);
                    let held = capacity::held(&taken, at, shanghai_unix_seconds(date, end));
                    let seats = venue
                        .seats_per_slot
                        .saturating_add(extra.get(&at).copied().unwrap_or(0));
                    Some(AvailableSlot {
                        time: start.to_string(),
                        end_time: end.to_string(),
                        remaining: seats.saturating_sub(held),
                    })
                })
                .collect(),
        })
        .collect();
    Ok((days, unpublished_year))
}

/// The 409 answer for a slot that has no seat left, offering the next free slots of the same
/// venue (the ones after the requested slot first, then earlier ones).
async fn slot_full(state: &AppState, venue: &VenueConfig, today: Date, requested: i64) -> ApiError {
    slot_refused(
        state,
        venue,
        today,
        requested,
        code::SLOT_FULL,
        Text::new(
            "这个时段刚刚约满了。请从其他可预约的时间中另选一个。",
            "This time has just been fully booked. Please choose one of the other free times.",
        ),
    )
    .await
}

/// The 409 answer for a slot the center has closed, with the same offers as [`slot_full`].
async fn slot_closed(
    state: &AppState,
    venue: &VenueConfig,
    today: Date,
    requested: i64,
) -> ApiError {
    slot_refused(
        state,
        venue,
        today,
        requested,
        code::SLOT_CLOSED,
        Text::new(
            "服务中心已关闭这个时段，不能预约。请从其他可预约的时间中另选一个。",
            "The center has closed this time, so it cannot be booked. Please choose one of the other free times.",
        ),
    )
    .await
}

async fn slot_refused(
    state: &AppState,
    venue: &VenueConfig,
    today: Date,
    requested: i64,
    code: &'static str,
    message: Text,
) -> ApiError {
    let days = match open_days(state, venue, today).await {
        Ok((days, _)) => days,
        Err(error) => return error,
    };
    let mut offers: Vec<(i64, SlotOffer)> = days
        .into_iter()
        .flat_map(|day| {
            day.slots.into_iter().filter_map(move |slot| {
                let start = shanghai_unix_seconds(day.date, SlotTime::parse(&slot.time)?);
                (slot.remaining > 0 && start != requested).then(|| {
                    let offer = SlotOffer {
                        date: day.date,
                        time: slot.time,
                        end_time: slot.end_time,
                        remaining: slot.remaining,
                    };
                    (start, offer)
                })
            })
        })
        .collect();
    // Later slots first, in time order; then the earlier ones, nearest first.
    offers.sort_by_key(|(start, _)| {
        if *start > requested {
            (0, *start - requested)
        } else {
            (1, requested - *start)
        }
    });
    let next_available = offers
        .into_iter()
        .take(MAX_ALTERNATIVES)
        .map(|(_, offer)| offer)
        .collect();
    let details = serde_json::to_value(SlotTakenDetails { next_available }).unwrap_or_default();
    Refusal::new(StatusCode::CONFLICT, code, message)
        .details(details)
        .into()
}

// ---------------------------------------------------------------------------------------------
// Booking
// ---------------------------------------------------------------------------------------------

/// Books a consultation. Send a fresh `Idempotency-Key` (e.g. a UUID) per booking attempt and
/// the same key when retrying it: the same key with the same body gives the same 201 answer
/// (manage token included) and never a second booking.
#[utoipa::path(post, path = "/api/v1/bookings", tag = "booking", operation_id = "create_booking",
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
    let key = idempotency::key(
        &headers,
        idempotency::KeyRules {
            missing_code: code::IDEMPOTENCY_KEY_MISSING,
            invalid_code: code::IDEMPOTENCY_KEY_INVALID,
            missing: Text::new(
                "缺少请求编号（Idempotency-Key 请求头）。每次预约请附带一个新的编号，重试时使用同一个编号。",
                "The Idempotency-Key header is missing. Send a new key with each booking, and the same key when retrying it.",
            ),
        },
    )?;
    let Json(request) = body.map_err(json_rejection)?;
    let new = request.parse().map_err(ApiError::fields)?;
    // The parsed request, so that the same booking typed differently ("138 1234 5678" and
    // "13812345678") counts as the same body.
    let request_hash = Sha256::digest(serde_json::to_vec(&new).map_err(internal)?).to_vec();

    // A retry of a booking that was made gets the first answer before anything that may have
    // changed since (the clock, the seats) is looked at.
    if let Some(answer) = replay(&state.db, &key, &request_hash).await? {
        return Ok(answer);
    }

    let now = state.clock.now();
    let today = today(now)?;
    let venue = store::venue(&state.db, &new.venue)
        .await
        .map_err(ApiError::Internal)?;
    let topic = store::topic(&state.db, &new.topic)
        .await
        .map_err(ApiError::Internal)?;
    let mut problems = Vec::new();
    match &venue {
        None => problems.push(("venue", BookingError::VenueUnknown)),
        Some(v) if !v.bookable() => problems.push(("venue", BookingError::VenueNotBookable)),
        Some(_) => {}
    }
    match (&venue, &topic) {
        (_, None) => problems.push(("topic", BookingError::TopicUnknown)),
        (Some(v), Some(t)) if !v.offers(&t.id) => {
            problems.push(("topic", BookingError::TopicNotOffered))
        }
        _ => {}
    }
    if let Err(e) = check_date(&state.calendar(), today, new.date) {
        problems.push(("date", e));
    }
    let end = venue.as_ref().and_then(|v| v.slot_end(new.time));
    if venue.is_some() && end.is_none() {
        problems.push(("time", BookingError::TimeNotOffered));
    }
    let (Some(venue), Some(topic), Some(end), true) = (venue, topic, end, problems.is_empty())
    else {
        return Err(ApiError::fields(problems));
    };
    let starts_at = shanghai_unix_seconds(new.date, new.time);
    let ends_at = shanghai_unix_seconds(new.date, end);
    let token = new_token()?;
    let token_hash = tokens::hash(&token);

    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    // Again under the write lock: a request with the same key may have committed meanwhile.
    if let Some(answer) = replay(&mut *tx, &key, &request_hash).await? {
        return Ok(answer);
    }
    sqlx::query("DELETE FROM booking_idempotency WHERE created_at < ?")
        .bind(now - IDEMPOTENCY_TTL_SECS)
        .execute(&mut *tx)
        .await?;
    // The service hall's own addresses are neither limited nor tagged (so the desk does not
    // see the hall's kiosks as one person booking in bulk).
    let exempt = client
        .0
        .is_some_and(|ip| state.booking_limit_exempt.contains(ip));
    let client_tag = match exempt {
        true => None,
        false => per_address::client_tag(&mut tx, client.0).await?,
    };
    if let Some(tag) = &client_tag {
        per_address::check_new_booking(&mut tx, tag, now).await?;
    }
    // One answer whether the number holds too many bookings or one at this time, counted like
    // a failed lookup: a stranger trying someone's number learns little, and not often (see
    // `code::MOBILE_UNAVAILABLE`).
    if store::upcoming_for_mobile(&mut tx, &new.mobile, now).await?
        >= i64::from(MAX_UPCOMING_PER_MOBILE)
        || store::mobile_overlaps(&mut tx, new.mobile.as_str(), starts_at, ends_at, None).await?
    {
        drop(tx);
        let key = format!("mobile {}", new.mobile.as_str());
        let attempt = state
            .lookups
            .begin(&key, client.0, now)
            .map_err(mobile_rate_limited)?;
        for rule in attempt.reached() {
            tracing::warn!(
                rule = rule.as_str(),
                "booking refusal limit reached: new bookings refused for a while"
            );
        }
        return Err(field_conflict(
            code::MOBILE_UNAVAILABLE,
            "mobile",
            BookingError::MobileUnavailable,
        ));
    }
    if capacity::closure_of(&mut tx, &venue.id, new.date, &new.time.to_string())
        .await?
        .is_some()
    {
        drop(tx);
        return Err(slot_closed(&state, &venue, today, starts_at).await);
    }
    let seats = capacity::seats_of(&mut tx, &venue.id, starts_at, venue.seats_per_slot).await?;
    let Some(seat) =
        capacity::free_seat(&mut tx, &venue.id, (starts_at, ends_at), seats, None).await?
    else {
        drop(tx);
        return Err(slot_full(&state, &venue, today, starts_at).await);
    };
    let reference = loop {
        let candidate = BookingReference::from_random(getrandom::u64().map_err(random_error)?);
        let taken: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM bookings WHERE reference = ?)")
                .bind(candidate.compact())
                .fetch_one(&mut *tx)
                .await?;
        if !taken {
            break candidate;
        }
    };
    let id: Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO bookings (reference, token_hash, venue_id, topic_id, date, start_time, \
         end_time, starts_at, ends_at, seat, status, sequence, name, mobile, organisation, uscc, \
         description, wheelchair_access, sign_language_interpreter, other_adjustments, \
         for_someone_else, created_at, updated_at, client_tag) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         RETURNING id",
    )
    .bind(reference.compact())
    .bind(&token_hash)
    .bind(&venue.id)
    .bind(&topic.id)
    .bind(new.date.to_string())
    .bind(new.time.to_string())
    .bind(end.to_string())
    .bind(starts_at)
    .bind(ends_at)
    .bind(seat)
    .bind(&new.name)
    .bind(new.mobile.as_str())
    .bind(&new.organisation)
    .bind(new.uscc.as_ref().map(|u| u.as_str()))
    .bind(&new.description)
    .bind(new.wheelchair_access)
    .bind(new.sign_language_interpreter)
    .bind(&new.other_adjustments)
    .bind(new.for_someone_else)
    .bind(now)
    .bind(now)
    .bind(&client_tag)
    .fetch_one(&mut *tx)
    .await;
    let id = match id {
        Ok(id) => id,
        Err(e) if seat_taken(&e) => {
            drop(tx);
            return Err(slot_full(&state, &venue, today, starts_at).await);
        }
        Err(e) => return Err(e.into()),
    };
    let row = store::booking_by_id(&mut tx, id)
        .await?
        .context("the booking just inserted")
        .map_err(ApiError::Internal)?;
    let created = BookingCreated {
        manage_token: token,
        booking: row.holder_view(now).map_err(ApiError::Internal)?,
    };
    let answer = serde_json::to_string(&created).map_err(internal)?;
    sqlx::query(
        "INSERT INTO booking_idempotency (key, request_hash, booking_id, response, created_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&key)
    .bind(&request_hash)
    .bind(id)
    .bind(&answer)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(booking = id, venue = %venue.id, topic = %topic.id, seat, "booking created");
    Ok(idempotency::created_answer(answer))
}

/// The stored answer for `key`, if that key was used: the same body gets it again, another body
/// gets 422.
async fn replay<'e>(
    executor: impl SqliteExecutor<'e>,
    key: &str,
    request_hash: &[u8],
) -> Result<Option<Response>, ApiError> {
    let stored: Option<(Vec<u8>, String)> =
        sqlx::query_as("SELECT request_hash, response FROM booking_idempotency WHERE key = ?")
            .bind(key)
            .fetch_optional(executor)
            .await?;
    match stored {
        None => Ok(None),
        Some((hash, answer)) if hash == request_hash => Ok(Some(idempotency::created_answer(answer))),
        Some(_) => Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::IDEMPOTENCY_KEY_REUSED,
            Text::new(
                "这个请求编号（Idempotency-Key）已用于另一份不同的预约。请为新的预约使用新的编号。",
                "This Idempotency-Key was already used for a different booking request. Use a new key for a new booking.",
            ),
        )
        .into()),
    }
}

fn field_conflict(code: &'static str, field: &str, error: BookingError) -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code,
        Text::new(
            "无法完成预约，请查看提示。",
            "The booking cannot be made. See the message beside the answer.",
        ),
    )
    .field(field, &error)
    .into()
}

// ---------------------------------------------------------------------------------------------
// Managing a booking
// ---------------------------------------------------------------------------------------------

/// The booking, as its holder sees it (the name in full; mobile number and USCC masked).
#[utoipa::path(get, path = "/api/v1/bookings/{token}", tag = "booking",
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
#[utoipa::path(post, path = "/api/v1/bookings/{token}/rating", tag = "booking",
    operation_id = "rate_booking",
    params(("token" = String, Path, description = "The manage token")),
    request_body = portal_domain::api::rating::RatingRequest,
    responses(
        (status = 201, description = "Rated (or the same rating again)",
            body = portal_domain::api::rating::RatingView),
        (status = 400, description = "`validation_failed`: `level` (`rating.level_missing`, \
            `rating.level_unknown`), `comment` (`rating.comment_too_long`)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No booking has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`rating.not_ratable`: not checked in (or cancelled); \
            `rating.already_rated`: rated before, differently", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn rate(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Json<portal_domain::api::rating::RatingRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let row = by_token(&state, token).await?;
    rating::rate(&state, Service::Booking(row.id), body).await
}

/// Finds a booking by its reference and the mobile number it was made with. An unknown
/// reference and a wrong number give the same 404. The answer is masked and has no manage token.
#[utoipa::path(post, path = "/api/v1/bookings/lookup", tag = "booking",
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
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile) = request.parse().map_err(ApiError::fields)?;
    let row = by_reference(&state, &client, &reference, &mobile).await?;
    let mut view = row.summary(state.clock.now()).map_err(ApiError::Internal)?;
    let rated = rating::state(&mut *state.db.acquire().await?, Service::Booking(row.id)).await?;
    view.can_rate = rated.can_rate;
    view.rating = rated.rating;
    Ok(Json(view))
}

/// Moves the booking to another slot of the same venue, for the same topic, until 2 hours before
/// its start. The new seat is taken and the old one released in one transaction, so the booking
/// is never without a seat nor holding two; the reference and manage token stay the same and
/// `sequence` rises by one. Moving to the slot it already has changes nothing (a retry is safe).
#[utoipa::path(post, path = "/api/v1/bookings/{token}/reschedule", tag = "booking",
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
#[utoipa::path(post, path = "/api/v1/bookings/lookup/reschedule", tag = "booking",
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
    let today = today(now)?;
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

    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
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
            &MobileNumber::parse(&current.mobile).map_err(internal)?,
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
    if capacity::closure_of(&mut tx, &venue.id, date, &time.to_string())
        .await?
        .is_some()
    {
        drop(tx);
        return Err(slot_closed(state, &venue, today, starts_at).await);
    }
    let seats = capacity::seats_of(&mut tx, &venue.id, starts_at, venue.seats_per_slot).await?;
    let Some(seat) = capacity::free_seat(
        &mut tx,
        &venue.id,
        (starts_at, ends_at),
        seats,
        Some(current.id),
    )
    .await?
    else {
        drop(tx);
        return Err(slot_full(state, &venue, today, starts_at).await);
    };
    // One statement moves the booking: the new seat is held and the old one free from the same
    // commit on. A rebooked booking is confirmed again by the same statement.
    let moved = sqlx::query(
        "UPDATE bookings SET date = ?, start_time = ?, end_time = ?, starts_at = ?, ends_at = ?, \
         seat = ?, status = 'confirmed', cancelled_by = NULL, closure_id = NULL, \
         sequence = sequence + 1, updated_at = ? WHERE id = ?",
    )
    .bind(date.to_string())
    .bind(time.to_string())
    .bind(end.to_string())
    .bind(starts_at)
    .bind(ends_at)
    .bind(seat)
    .bind(now)
    .bind(current.id)
    .execute(&mut *tx)
    .await;
    match moved {
        Ok(_) => {}
        Err(e) if seat_taken(&e) => {
            drop(tx);
            return Err(slot_full(state, &venue, today, starts_at).await);
        }
        Err(e) => return Err(e.into()),
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
#[utoipa::path(post, path = "/api/v1/bookings/{token}/cancel", tag = "booking",
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
#[utoipa::path(post, path = "/api/v1/bookings/lookup/cancel", tag = "booking",
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
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile) = request.parse().map_err(ApiError::fields)?;
    let row = by_reference(&state, &client, &reference, &mobile).await?;
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
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let current = store::booking_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if current.status() == BookingStatus::Cancelled {
        return Ok(current);
    }
    check_changeable(&current, now, code::CANCEL_TOO_LATE)?;
    sqlx::query(
        "UPDATE bookings SET status = 'cancelled', cancelled_by = 'citizen', \
         sequence = sequence + 1, updated_at = ? WHERE id = ?",
    )
    .bind(now)
    .bind(current.id)
    .execute(&mut *tx)
    .await?;
    let cancelled = store::booking_by_id(&mut tx, current.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    tracing::info!(booking = current.id, "booking cancelled");
    Ok(cancelled)
}

/// The booking as a calendar file: stable UID, SEQUENCE rising with every change, and
/// `METHOD:CANCEL` once cancelled. Times in UTC.
#[utoipa::path(get, path = "/api/v1/bookings/{token}/calendar.ics", tag = "booking",
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
    let row = by_token(&state, token).await?;
    let body = ics::calendar(&row).map_err(ApiError::Internal)?;
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
async fn by_token(
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
async fn by_reference(
    state: &AppState,
    client: &ClientIp,
    reference: &BookingReference,
    mobile: &MobileNumber,
) -> Result<BookingRow, ApiError> {
    let attempt = state
        .lookups
        .begin(reference.compact(), client.0, state.clock.now())
        .map_err(lookup_rate_limited)?;
    match store::booking_by_reference_and_mobile(&state.db, reference.compact(), mobile).await {
        Ok(Some(row)) => {
            state.lookups.forgive(attempt);
            Ok(row)
        }
        Ok(None) => {
            for rule in attempt.reached() {
                tracing::warn!(
                    rule = rule.as_str(),
                    window_secs = crate::limit::WINDOW_SECS,
                    "booking lookup limit reached: lookups by reference are refused for a while"
                );
            }
            Err(ApiError::NotFound)
        }
        Err(e) => {
            state.lookups.forgive(attempt);
            Err(e.into())
        }
    }
}

/// The 429 of a new booking refused after too many `booking.mobile_unavailable` refusals for its
/// number or from its address.
fn mobile_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::MOBILE_RATE_LIMITED, |minutes, en_minutes| Text {
        zh: format!(
            "这个手机号码或您所在的网络被拒绝的预约过多，请在 {minutes} 分钟后再试。\
             如果您已经预约过，请用预约号和手机号码查找您的预约。"
        )
        .into(),
        en: format!(
            "Too many bookings have been refused for this mobile number or from your network. \
             Try again in {en_minutes}. If you have booked before, find your booking with its \
             reference and mobile number."
        )
        .into(),
    })
}

/// The 429 of a lookup refused by the limit on failed lookups. It says nothing about whether
/// the reference exists, and the same whichever limit was reached.
fn lookup_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOOKUP_RATE_LIMITED, |minutes, en_minutes| Text {
        zh: format!(
            "查询未成功的次数过多。为保护预约信息，暂时不能用预约号和手机号码查询。\
             请使用预约确认页上的管理链接查看、改期或取消预约，或在 {minutes} 分钟后再试；\
             如需帮助，请拨打 12345 政务服务便民热线。"
        )
        .into(),
        en: format!(
            "There have been too many unsuccessful attempts, so to protect bookings, finding \
             a booking by reference and mobile number is paused for now. Use the manage link \
             from your confirmation page to see, move or cancel your booking, or try again in \
             {en_minutes}. For help, call the 12345 government service hotline."
        )
        .into(),
    })
}

/// The partial unique index on (venue, start, seat) refused a write. Under `BEGIN IMMEDIATE`
/// the seat was free when it was read, so only a writer outside this server (staff editing the
/// table) could cause it; the answer is then the same as for a full slot, not a 500.
fn seat_taken(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db)
        if db.is_unique_violation() && db.message().contains("bookings.seat"))
}

/// What moving needs: a booking the center cancelled can always be moved (rebooked); any other
/// must be changeable ([`check_changeable`]).
fn check_movable(row: &BookingRow, now: i64) -> Result<(), ApiError> {
    if row.center_cancelled() {
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
            Text::new(
                "这个预约已经取消，不能再更改。如需咨询，请重新预约。",
                "This booking has been cancelled and cannot be changed. To come in, make a new booking.",
            ),
        )
        .into());
    }
    if now > row.change_deadline() {
        let message = if too_late == code::CANCEL_TOO_LATE {
            Text::new(
                "距离预约开始已不足 2 小时，无法在网上取消。如不能前来，请直接联系咨询地点。",
                "The consultation starts in less than 2 hours, so it can no longer be cancelled online. If you cannot come, please contact the venue directly.",
            )
        } else {
            Text::new(
                "距离预约开始已不足 2 小时，无法在网上改期。如不能按时前来，请直接联系咨询地点。",
                "The consultation starts in less than 2 hours, so it can no longer be moved online. If you cannot come on time, please contact the venue directly.",
            )
        };
        return Err(Refusal::new(StatusCode::CONFLICT, too_late, message).into());
    }
    Ok(())
}

fn internal(e: impl Into<anyhow::Error>) -> ApiError {
    ApiError::Internal(e.into())
}
