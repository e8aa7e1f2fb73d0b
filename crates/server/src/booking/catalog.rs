//! What can be booked: the topics, the venues and the free slots of the booking window, and
//! the 409 answers for a slot that is full or closed, which offer the next free slots.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::booking::{
    booking_window, code, Availability, AvailabilityParams, AvailableDay, AvailableSlot,
    BookingError, BookingVenueList, SlotOffer, SlotTakenDetails, Topic, TopicList, VenueParams,
};
use portal_domain::calendar::{Date, DayKind};
use portal_domain::paths;
use portal_domain::time::{shanghai_unix_seconds, SlotTime};
use sqlx::AnyConnection;

use super::capacity;
use super::store::{self, VenueConfig};
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::AppState;

/// Slots offered when the one asked for has just been taken.
const MAX_ALTERNATIVES: usize = 5;

/// The consultation topics with what to bring, in the order the center presents them.
#[utoipa::path(get, path = paths::BOOKING_TOPICS, tag = "booking",
    operation_id = "list_booking_topics",
    responses((status = 200, description = "The topics", body = TopicList)))]
pub async fn topics(State(state): State<AppState>) -> Result<Json<TopicList>, ApiError> {
    let items = store::topics(&state.db).await.map_err(ApiError::Internal)?;
    Ok(Json(TopicList { items }))
}

/// The venues where consultations are booked, those offering `topic` only when it is given.
/// A venue being set up is listed with `bookable: false`.
#[utoipa::path(get, path = paths::BOOKING_VENUES, tag = "booking",
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
        .map(VenueConfig::public_view)
        .collect();
    Ok(Json(BookingVenueList { items }))
}

/// Every slot of the booking window at a venue for a topic, with its free seats (0 = full).
/// The window runs from the next working day to the 15th working day ahead, by the official
/// calendar; it stops at a year whose holidays are not published (`unpublished_year`).
#[utoipa::path(get, path = paths::BOOKING_AVAILABILITY, tag = "booking",
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
    let today = state.today()?;
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
) -> Result<(VenueConfig, Topic), ApiError> {
    match venue_and_topic_problems(state, venue_id, topic_id).await? {
        (Some(venue), Some(topic), problems) if problems.is_empty() => Ok((venue, topic)),
        (_, _, problems) => Err(ApiError::fields(problems)),
    }
}

/// The venue and topic as far as they exist, with the problems of booking this topic at this
/// venue: unknown, not bookable, not offered.
pub(super) async fn venue_and_topic_problems(
    state: &AppState,
    venue_id: &str,
    topic_id: &str,
) -> Result<VenueTopicProblems, ApiError> {
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
    Ok((venue, topic, problems))
}

type VenueTopicProblems = (
    Option<VenueConfig>,
    Option<Topic>,
    Vec<(&'static str, BookingError)>,
);

/// Why a slot has no seat to give.
#[derive(Debug, Clone, Copy)]
pub(super) enum NoSeat {
    /// The center closed it.
    Closed,
    /// Every seat is held.
    Full,
}

impl NoSeat {
    /// The 409 answer, offering the next free slots ([`slot_closed`], [`slot_full`]). Call it
    /// after the transaction that found no seat has ended.
    pub(super) async fn answer(
        self,
        state: &AppState,
        venue: &VenueConfig,
        today: Date,
        requested: i64,
    ) -> ApiError {
        match self {
            NoSeat::Closed => slot_closed(state, venue, today, requested).await,
            NoSeat::Full => slot_full(state, venue, today, requested).await,
        }
    }
}

/// A free seat of the slot (`date`, `time`, its start and end), unless the center closed it or
/// it is full; `except` is a booking whose own seat counts as free (the one being moved).
pub(super) async fn free_seat(
    conn: &mut AnyConnection,
    venue: &VenueConfig,
    (date, time, starts_at, ends_at): (Date, SlotTime, i64, i64),
    except: Option<i64>,
) -> Result<Result<i64, NoSeat>, ApiError> {
    if capacity::closure_of(conn, &venue.id, date, &time.to_string())
        .await?
        .is_some()
    {
        return Ok(Err(NoSeat::Closed));
    }
    let seats = capacity::seats_of(conn, &venue.id, starts_at, venue.seats_per_slot).await?;
    Ok(
        capacity::free_seat(conn, &venue.id, (starts_at, ends_at), seats, except)
            .await?
            .ok_or(NoSeat::Full),
    )
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
        Text::of(|t| t.time_just_been_fully_booked),
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
        Text::of(|t| t.center_closed_time_so_booked),
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
