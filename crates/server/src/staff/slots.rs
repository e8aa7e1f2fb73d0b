//! The booking desk's slots, for reception and administrators: a day's slots at a venue with
//! their seats, bookings and closures; closing a slot or a whole day (which cancels the
//! bookings in it), reopening it, and adding seats to a slot. The shapes, rules and codes are
//! in `portal_domain::api::desk`; the booking routes read closures and added seats through
//! `crate::booking::capacity`.
//!
//! Every change runs in one `BEGIN IMMEDIATE` transaction with its audit row, so it queues with
//! the bookings that take seats (see `crate::booking`): a booking is either made before a
//! closure (and cancelled by it) or refused after it, never slipped in between.
//!
//! Cancelled by the center: `status = 'cancelled'`, `cancelled_by = 'center'`, `closure_id`,
//! `sequence` + 1 (the calendar file becomes a `METHOD:CANCEL`). Only bookings that have not
//! started are cancelled (closing today's whole day leaves the morning's past bookings as they
//! were). The audit summary holds the venue, date, slot and how many were cancelled; never
//! names or numbers.

use portal_domain::paths;
use std::collections::HashMap;

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::booking::NamedRef;
use portal_domain::api::desk::{
    code, Closure, ClosureCreated, ClosureRequest, DeskError, DeskSlot, DeskSlots, SeatsRequest,
    SlotsParams, MAX_SEATS_PER_SLOT,
};
use portal_domain::calendar::{Date, DayKind};
use portal_domain::time::{format_shanghai, shanghai_unix_seconds, SlotTime};
use sqlx::AnyConnection;

use super::user::Staff;
use crate::audit::audit;
use crate::booking::store::{self, VenueConfig};
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::extract::Query;
use crate::AppState;

#[derive(Debug, sqlx::FromRow)]
struct ClosureRow {
    id: i64,
    venue_id: String,
    date: String,
    start_time: Option<String>,
    reason: String,
    closed_by: String,
    closed_at: i64,
    reopened_at: Option<i64>,
}

const CLOSURE_SELECT: &str = "SELECT c.id, c.venue_id, c.date, c.start_time, c.reason, \
     a.display_name AS closed_by, c.closed_at, c.reopened_at \
     FROM booking_closures c JOIN staff_accounts a ON a.id = c.closed_by";

impl ClosureRow {
    fn view(&self) -> Result<Closure, ApiError> {
        Ok(Closure {
            id: self.id,
            venue_id: self.venue_id.clone(),
            date: Date::parse(&self.date).map_err(|_| {
                ApiError::Internal(anyhow::anyhow!("closure {} has a bad date", self.id))
            })?,
            start_time: self.start_time.clone(),
            reason: self.reason.clone(),
            closed_by: self.closed_by.clone(),
            closed_at: format_shanghai(self.closed_at),
            reopened_at: self.reopened_at.map(format_shanghai),
        })
    }

    /// `slot=09:30` or `slot=day`, for the audit log.
    fn what(&self) -> String {
        format!(
            "venue={} date={} slot={}",
            self.venue_id,
            self.date,
            self.start_time.as_deref().unwrap_or("day")
        )
    }
}

async fn closure_row(conn: &mut AnyConnection, id: i64) -> Result<ClosureRow, ApiError> {
    sqlx::query_as(&format!("{CLOSURE_SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The venue, if consultations are booked there; the `venue` field's message otherwise.
async fn bookable_venue(state: &AppState, id: &str) -> Result<VenueConfig, ApiError> {
    match store::venue(&state.db, id)
        .await
        .map_err(ApiError::Internal)?
    {
        Some(venue) if venue.bookable() => Ok(venue),
        Some(_) => Err(ApiError::fields(vec![(
            "venue",
            DeskError::VenueNotBookable,
        )])),
        None => Err(ApiError::fields(vec![("venue", DeskError::VenueUnknown)])),
    }
}

/// The slots of `date` at `venue` as the desk sees them at `now`.
async fn day_slots(
    conn: &mut AnyConnection,
    state: &AppState,
    venue: &VenueConfig,
    date: Date,
    now: i64,
) -> Result<DeskSlots, ApiError> {
    let day_kind = state.calendar().day_kind(date).ok();
    let starts = if day_kind.as_ref().is_some_and(DayKind::is_working) {
        venue.slot_starts()
    } else {
        Vec::new()
    };
    let midnight = SlotTime::from_minutes(0).expect("00:00");
    let booked = crate::booking::capacity::held_between(
        &mut *conn,
        &venue.id,
        shanghai_unix_seconds(date, midnight),
        shanghai_unix_seconds(date.add_days(1), midnight),
    )
    .await?;
    let extra: HashMap<i64, i64> = sqlx::query_as(
        "SELECT starts_at, extra FROM booking_extra_seats WHERE venue_id = $1 AND date = $2",
    )
    .bind(&venue.id)
    .bind(date.to_string())
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let closures: Vec<ClosureRow> = sqlx::query_as(&format!(
        "{CLOSURE_SELECT} WHERE c.venue_id = $1 AND c.date = $2 AND c.reopened_at IS NULL"
    ))
    .bind(&venue.id)
    .bind(date.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let day_closure = closures
        .iter()
        .find(|c| c.start_time.is_none())
        .map(ClosureRow::view)
        .transpose()?;
    let count = |n: Option<&i64>| n.copied().unwrap_or(0).clamp(0, i64::from(u16::MAX)) as u16;
    let mut slots = Vec::with_capacity(starts.len());
    for start in starts {
        let Some(end) = start.plus(venue.slot_minutes) else {
            continue;
        };
        let at = shanghai_unix_seconds(date, start);
        let time = start.to_string();
        let own = closures
            .iter()
            .find(|c| c.start_time.as_deref() == Some(time.as_str()))
            .map(ClosureRow::view)
            .transpose()?;
        let extra_seats = count(extra.get(&at));
        slots.push(DeskSlot {
            time,
            end_time: end.to_string(),
            seats: venue.seats_per_slot,
            extra_seats,
            capacity: venue.seats_per_slot.saturating_add(extra_seats),
            booked: crate::booking::capacity::held(&booked, at, shanghai_unix_seconds(date, end)),
            past: at <= now,
            closure: own.or_else(|| day_closure.clone()),
        });
    }
    Ok(DeskSlots {
        venue: NamedRef {
            id: venue.id.clone(),
            name_zh: venue.name_zh.clone(),
            name_en: venue.name_en.clone(),
        },
        date,
        day_kind,
        day_closure,
        slots,
        max_capacity: MAX_SEATS_PER_SLOT,
    })
}

/// The day is a working day of a published year, and has not passed.
fn check_day(state: &AppState, date: Date, today: Date) -> Option<DeskError> {
    match state.calendar().day_kind(date) {
        Err(e) => Some(DeskError::NotPublished(e)),
        Ok(kind) if !kind.is_working() => Some(DeskError::NotWorkingDay),
        Ok(_) if date < today => Some(DeskError::DatePast),
        Ok(_) => None,
    }
}

/// The slot's start, if `time` is one of the venue's slots that has not started at `now`; the
/// field messages otherwise.
fn check_slot(
    state: &AppState,
    venue: &VenueConfig,
    date: Date,
    time: SlotTime,
    now: i64,
) -> Result<i64, ApiError> {
    let today = state.today()?;
    let mut problems = Vec::new();
    if let Some(e) = check_day(state, date, today) {
        problems.push(("date", e));
    } else if venue.slot_end(time).is_none() {
        problems.push(("start_time", DeskError::NotASlot));
    } else if shanghai_unix_seconds(date, time) <= now {
        problems.push(("start_time", DeskError::SlotPast));
    }
    if problems.is_empty() {
        Ok(shanghai_unix_seconds(date, time))
    } else {
        Err(ApiError::fields(problems))
    }
}

/// The slots of a day at a venue: seats (the venue's and those added), confirmed bookings,
/// whether each has started, and the closures.
#[utoipa::path(get, path = paths::STAFF_SLOTS, tag = "staff",
    operation_id = "staff_list_slots", params(SlotsParams),
    responses(
        (status = 200, description = "The day's slots in time order (none on a day that is not \
            a working day)", body = DeskSlots),
        (status = 400, description = "`validation_failed`: `venue` missing, unknown or being \
            set up; `date` not a date", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: reception and administrators only",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list_slots(
    State(state): State<AppState>,
    Query(params): Query<SlotsParams>,
) -> Result<Json<DeskSlots>, ApiError> {
    let (venue, date) = params.parse().map_err(ApiError::fields)?;
    let date = match date {
        Some(date) => date,
        None => state.today()?,
    };
    let venue = bookable_venue(&state, &venue).await?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(
        day_slots(&mut conn, &state, &venue, date, state.clock.now()).await?,
    ))
}

/// Closes a slot (`start_time`) or a whole working day (`start_time` `null`) at a venue, and
/// cancels every confirmed booking in it that has not started, in one transaction. Their
/// holders see the reason on their booking's page and can choose a new time for the same
/// booking.
#[utoipa::path(post, path = paths::STAFF_CLOSURES, tag = "staff",
    operation_id = "staff_close_slot", request_body = ClosureRequest,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 201, description = "Closed; `cancelled` bookings were cancelled", body = ClosureCreated),
        (status = 400, description = "`validation_failed` with field messages: `venue` (missing, \
            unknown, being set up), `date` (not a date, not a working day, passed), `start_time` \
            (not one of the venue's slots, started), `reason` (missing, over 200 characters)",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 409, description = "`staff.already_closed`: the slot or its day is closed already",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn close(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<ClosureRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let new = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let today = state.today()?;
    let venue = bookable_venue(&state, &new.venue).await?;
    // The slot's time (Unix seconds), or `None` for the whole day.
    let slot = match new.start_time {
        Some(time) => {
            let start = check_slot(&state, &venue, new.date, time, now)?;
            Some((start, start + i64::from(venue.slot_minutes) * 60))
        }
        None => {
            if let Some(e) = check_day(&state, new.date, today) {
                return Err(ApiError::fields(vec![("date", e)]));
            }
            None
        }
    };
    let start_time = new.start_time.map(|t| t.to_string());

    let mut tx = crate::db::write(&state.db).await?;
    let closed_already: crate::db::Flag = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM booking_closures WHERE venue_id = $1 AND date = $2 \
         AND reopened_at IS NULL AND (start_time IS NULL OR start_time = $3))",
    )
    .bind(&venue.id)
    .bind(new.date.to_string())
    .bind(&start_time)
    .fetch_one(&mut *tx)
    .await?;
    if closed_already.yes() {
        let message = if start_time.is_some() {
            Text::of(|t| t.slot_its_whole_day_closed)
        } else {
            Text::of(|t| t.whole_day_closed_already)
        };
        return Err(Refusal::new(StatusCode::CONFLICT, code::ALREADY_CLOSED, message).into());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO booking_closures (venue_id, date, start_time, reason, closed_by, closed_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&venue.id)
    .bind(new.date.to_string())
    .bind(&start_time)
    .bind(&new.reason)
    .bind(user.account_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    // Every booking in the slot: those that overlap it (see `crate::booking::capacity`).
    let cancelled = sqlx::query(
        "UPDATE bookings SET status = 'cancelled', cancelled_by = 'center', closure_id = $1, \
         sequence = sequence + 1, updated_at = $2 \
         WHERE venue_id = $3 AND date = $4 AND status = 'confirmed' AND starts_at > $5 \
         AND ($6 IS NULL OR (starts_at < $7 AND ends_at > $8))",
    )
    .bind(id)
    .bind(now)
    .bind(&venue.id)
    .bind(new.date.to_string())
    .bind(now)
    .bind(slot.map(|(start, _)| start))
    .bind(slot.map(|(_, end)| end))
    .bind(slot.map(|(start, _)| start))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let row = closure_row(&mut tx, id).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "booking.close",
        ("closure", Some(&id.to_string())),
        &format!("{} cancelled={cancelled}", row.what()),
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        closure = id,
        by = user.account_id,
        cancelled,
        "slot closed, its bookings cancelled"
    );
    let created = ClosureCreated {
        closure: row.view()?,
        cancelled: cancelled.try_into().unwrap_or(u32::MAX),
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// Reopens a closed slot or day: it can be booked again. The bookings the closure cancelled stay
/// cancelled (their holders were told and can choose a new time). Reopening again changes
/// nothing.
#[utoipa::path(delete, path = paths::STAFF_CLOSURE, tag = "staff",
    operation_id = "staff_reopen_slot",
    params(("id" = i64, Path, description = "The closure's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Reopened (`reopened_at` set)", body = Closure),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such closure", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reopen(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<Closure>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = closure_row(&mut tx, id).await?;
    if row.reopened_at.is_some() {
        return Ok(Json(row.view()?));
    }
    sqlx::query("UPDATE booking_closures SET reopened_by = $1, reopened_at = $2 WHERE id = $3")
        .bind(user.account_id)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "booking.reopen",
        ("closure", Some(&id.to_string())),
        &row.what(),
        now,
    )
    .await?;
    let row = closure_row(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(closure = id, by = user.account_id, "slot reopened");
    Ok(Json(row.view()?))
}

/// Adds seats to a slot that has not started: 1 to 20 at a time, at most 50 in the slot in all.
/// The answer is the slot with its new capacity.
#[utoipa::path(post, path = paths::STAFF_SLOT_SEATS, tag = "staff",
    operation_id = "staff_add_seats", request_body = SeatsRequest,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
        ("Idempotency-Key" = String, Header, description = "New for each action, the same when retrying it (see `staff::replay`)")),
    responses(
        (status = 200, description = "The slot with its new capacity", body = DeskSlot),
        (status = 400, description = "`validation_failed` with field messages: `venue`, `date` \
            (not a working day, passed), `start_time` (not a slot, started), `add` (not 1–20, \
            or `staff.seats_over_limit`: more than 50 in the slot); \
            `staff.idempotency_key_missing` / `_invalid`",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 409, description = "`staff.request_in_progress`: the first request with this \
            key is still running", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`staff.idempotency_key_reused`: the key was used for \
            another change", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn add_seats(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<SeatsRequest>, JsonRejection>,
) -> Result<Json<DeskSlot>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let new = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let venue = bookable_venue(&state, &new.venue).await?;
    let starts_at = check_slot(&state, &venue, new.date, new.start_time, now)?;
    let time = new.start_time.to_string();

    let mut tx = crate::db::write(&state.db).await?;
    let seats =
        crate::booking::capacity::seats_of(&mut tx, &venue.id, starts_at, venue.seats_per_slot)
            .await?;
    let room = MAX_SEATS_PER_SLOT.saturating_sub(seats);
    if new.add > room {
        return Err(ApiError::fields(vec![(
            "add",
            DeskError::OverLimit { can_add: room },
        )]));
    }
    sqlx::query(
        "INSERT INTO booking_extra_seats \
         (venue_id, starts_at, date, start_time, extra, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (venue_id, starts_at) DO UPDATE SET extra = booking_extra_seats.extra + excluded.extra, \
         updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(&venue.id)
    .bind(starts_at)
    .bind(new.date.to_string())
    .bind(&time)
    .bind(i64::from(new.add))
    .bind(user.account_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let capacity = seats + new.add;
    audit(
        &mut tx,
        Some(user.account_id),
        "booking.add_seats",
        ("slot", Some(&format!("{}@{}T{time}", venue.id, new.date))),
        &format!("added={} capacity={capacity}", new.add),
        now,
    )
    .await?;
    let day = day_slots(&mut tx, &state, &venue, new.date, now).await?;
    tx.commit().await?;
    tracing::info!(
        by = user.account_id,
        venue = %venue.id,
        added = new.add,
        capacity,
        "seats added to a slot"
    );
    day.slots
        .into_iter()
        .find(|s| s.time == time)
        .map(Json)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the slot just given seats")))
}
