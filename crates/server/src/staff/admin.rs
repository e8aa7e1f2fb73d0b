//! What administrators maintain (issue #7): the booking settings of each venue and the official
//! holiday calendar. The shapes and checks are in `portal_domain::api::admin`.
//!
//! Venue settings are read from the database by every availability query and booking
//! (`booking::store::venues`, nothing cached), so a change applies to the next one. Bookings
//! already made keep their times and seats: a smaller number of seats or other hours only
//! change what is offered from now on.
//!
//! The holiday calendar the server works with (`crate::SharedCalendar`, `AppState::calendar()`)
//! is the seed file `data/seed/cn_public_holidays.json` with the years of `holiday_years` laid
//! over it (the database's version of a year wins; `crate::holiday_calendar`). It is built at
//! start and rebuilt by every publication inside the publication's `BEGIN IMMEDIATE`
//! transaction, then swapped in before the commit: writers take turns on SQLite's write lock, so
//! the calendars are swapped in the order the years were written. If the commit fails, the calendar is rebuilt from what the
//! database holds.

use portal_domain::paths;
use std::collections::BTreeMap;

use anyhow::Context;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::admin::{
    code, days_off, AdminError, AdminVenue, AdminVenueList, HolidayOrigin, HolidayYear,
    HolidayYearList, HolidayYearRequest, VenueBooking, VenueBookingUpdate,
};
use portal_domain::api::booking::{NamedRef, OpeningHours};
use portal_domain::api::VenueStatus;
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use super::user::Staff;
use crate::audit::audit;
use crate::booking::store;
use crate::error::{ApiError, FieldProblem, Refusal, Text};
use crate::extract::json_rejection;
use crate::holiday_calendar::{build_calendar, load_calendar, seed_calendar_file, year_rows};
use crate::AppState;

// ---------------------------------------------------------------------------------------------
// Venue booking settings
// ---------------------------------------------------------------------------------------------

fn validation(problems: Vec<(String, AdminError)>) -> ApiError {
    ApiError::Validation(
        problems
            .iter()
            .map(|(field, error)| FieldProblem::from_domain(field, error))
            .collect(),
    )
}

fn admin_venue(v: store::VenueConfig) -> AdminVenue {
    AdminVenue {
        id: v.id,
        kind: v.kind,
        status: v.status,
        name_zh: v.name_zh,
        name_en: v.name_en,
        slot_minutes: v.slot_minutes,
        seats_per_slot: v.seats_per_slot,
        opening_hours: v.opening_hours,
        topics: v.topics,
        defaults_confirmed: v.defaults_confirmed,
    }
}

fn status_code(status: VenueStatus) -> &'static str {
    match status {
        VenueStatus::Operating => "operating",
        VenueStatus::BeingSetUp => "being_set_up",
    }
}

/// For the audit log: settings, no personal data.
fn settings_text(
    status: VenueStatus,
    slot: u16,
    seats: u16,
    hours: &[OpeningHours],
    topics: &[String],
) -> String {
    let hours: Vec<String> = hours
        .iter()
        .map(|h| format!("{}-{}", h.opens, h.closes))
        .collect();
    format!(
        "{}, {slot} min slots, {seats} seats, hours {}, topics {}",
        status_code(status),
        hours.join(" "),
        topics.join(" ")
    )
}

/// Every venue where consultations are booked, with its booking settings, and every topic.
#[utoipa::path(get, path = paths::STAFF_VENUES, tag = "staff",
    operation_id = "staff_admin_venues",
    responses(
        (status = 200, description = "The venues and the topics they can offer", body = AdminVenueList),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn list_venues(State(state): State<AppState>) -> Result<Json<AdminVenueList>, ApiError> {
    let venues = store::venues(&state.db).await.map_err(ApiError::Internal)?;
    let topics = store::topics(&state.db).await.map_err(ApiError::Internal)?;
    Ok(Json(AdminVenueList {
        items: venues.into_iter().map(admin_venue).collect(),
        topics: topics
            .into_iter()
            .map(|t| NamedRef {
                id: t.id,
                name_zh: t.name_zh,
                name_en: t.name_en,
            })
            .collect(),
    }))
}

/// Replaces a venue's booking settings and marks them confirmed. Bookings already made keep
/// their times and seats; availability uses the new settings at once.
#[utoipa::path(put, path = paths::STAFF_VENUE_BOOKING, tag = "staff",
    operation_id = "staff_admin_update_venue_booking", request_body = VenueBookingUpdate,
    params(("id" = String, Path, description = "The venue's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The venue as it now is", body = AdminVenue),
        (status = 400, description = "`validation_failed`: `slot_minutes` (10–240), \
            `seats_per_slot` (1–50), `opening_hours` / `opening_hours.{i}.opens|closes` (HH:MM, \
            in order, not overlapping, each holding a slot), `topics` (at least one, known)",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No venue where consultations are booked has this id", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn update_venue_booking(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<VenueBookingUpdate>, JsonRejection>,
) -> Result<Json<AdminVenue>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let before = store::venue(&state.db, &id)
        .await
        .map_err(ApiError::Internal)?
        .ok_or(ApiError::NotFound)?;
    let Json(request) = body.map_err(json_rejection)?;
    let known: Vec<String> = store::topics(&state.db)
        .await
        .map_err(ApiError::Internal)?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let VenueBooking {
        status,
        slot_minutes,
        seats_per_slot,
        opening_hours,
        topics,
    } = request.parse(&known).map_err(validation)?;
    let status = status.unwrap_or(before.status);

    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query(
        "UPDATE booking_venues SET slot_minutes = $1, seats_per_slot = $2, defaults_confirmed = 1 \
         WHERE venue_id = $3",
    )
    .bind(i64::from(slot_minutes))
    .bind(i64::from(seats_per_slot))
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM booking_opening_hours WHERE venue_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for hours in &opening_hours {
        sqlx::query(
            "INSERT INTO booking_opening_hours (venue_id, opens, closes) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(&hours.opens)
        .bind(&hours.closes)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("DELETE FROM booking_venue_topics WHERE venue_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    for topic in &topics {
        sqlx::query("INSERT INTO booking_venue_topics (venue_id, topic_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(topic)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE venues SET status = $1 WHERE id = $2")
        .bind(status_code(status))
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let summary = format!(
        "{}; before: {}{}",
        settings_text(
            status,
            slot_minutes,
            seats_per_slot,
            &opening_hours,
            &topics
        ),
        settings_text(
            before.status,
            before.slot_minutes,
            before.seats_per_slot,
            &before.opening_hours,
            &before.topics
        ),
        if before.defaults_confirmed {
            ""
        } else {
            " (defaults, now confirmed)"
        }
    );
    audit(
        &mut tx,
        Some(user.account_id),
        "venue.booking_settings",
        ("venue", Some(&id)),
        &summary,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(venue = %id, by = user.account_id, "venue booking settings changed");
    let after = store::venue(&state.db, &id)
        .await
        .map_err(ApiError::Internal)?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(admin_venue(after)))
}

// ---------------------------------------------------------------------------------------------
// The holiday calendar
// ---------------------------------------------------------------------------------------------

/// Every published year: the seed file's, with the database's laid over them.
async fn years(conn: &mut AnyConnection, current_year: i32) -> anyhow::Result<Vec<HolidayYear>> {
    let mut years: BTreeMap<i32, HolidayYear> = BTreeMap::new();
    for (key, entry) in seed_calendar_file()?.years {
        let year: i32 = key.parse().with_context(|| format!("seed year {key}"))?;
        years.insert(
            year,
            HolidayYear {
                year,
                origin: HolidayOrigin::SeedFile,
                source_title: entry.source,
                source_url: None,
                holidays: entry.holidays,
                working_days: entry.working_days,
                published_at: None,
                published_by: None,
                editable: year >= current_year,
            },
        );
    }
    for row in year_rows(conn).await? {
        let (mut holidays, mut working_days) = row.days()?;
        holidays.sort_by_key(|h| h.from);
        working_days.sort();
        let year = row.year as i32;
        years.insert(
            year,
            HolidayYear {
                year,
                origin: HolidayOrigin::Published,
                source_title: row.source_title,
                source_url: Some(row.source_url),
                holidays,
                working_days,
                published_at: Some(format_shanghai(row.published_at)),
                published_by: row.published_by,
                editable: year >= current_year,
            },
        );
    }
    Ok(years.into_values().collect())
}

/// Every year of the official calendar the server works with, and where each comes from.
#[utoipa::path(get, path = paths::STAFF_HOLIDAYS, tag = "staff",
    operation_id = "staff_admin_holidays",
    responses(
        (status = 200, description = "The published years", body = HolidayYearList),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn list_holidays(
    State(state): State<AppState>,
) -> Result<Json<HolidayYearList>, ApiError> {
    let current_year = state.today()?.year();
    let mut conn = state.db.acquire().await?;
    let items = years(&mut conn, current_year)
        .await
        .map_err(ApiError::Internal)?;
    Ok(Json(HolidayYearList {
        current_year,
        items,
    }))
}

/// A year as the path gives it: exactly 4 digits, a year the portal accepts from outside.
fn path_year(path: Result<Path<String>, PathRejection>) -> Option<i32> {
    let Ok(Path(year)) = path else { return None };
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .then(|| year.parse::<i32>().ok())
        .flatten()
        .filter(|y| portal_domain::calendar::accepts_year(*y))
}

/// Publishes a year's public holidays and adjusted working days from the official notice, or
/// corrects a published year (the seed file's included). Booking windows and working-day
/// deadlines use it at once.
#[utoipa::path(put, path = paths::STAFF_HOLIDAY_YEAR, tag = "staff",
    operation_id = "staff_admin_publish_holiday_year", request_body = HolidayYearRequest,
    params(("year" = String, Path, description = "The year, 4 digits"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The year as it is now published", body = HolidayYear),
        (status = 400, description = "`validation_failed`: `source_title`, `source_url`, \
            `holidays` / `holidays.{i}.name|from|to`, `working_days` / `working_days.{i}` \
            (`date.*`, `calendar.*` as the seed file is checked, `admin.*`)",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "Not a 4-digit year", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`admin.year_past`: the year is before the current one",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn publish_holiday_year(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<HolidayYearRequest>, JsonRejection>,
) -> Result<Json<HolidayYear>, ApiError> {
    let year = path_year(path).ok_or(ApiError::NotFound)?;
    let current_year = state.today()?.year();
    if year < current_year {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::YEAR_PAST,
            Text::of(|t| t.only_year_later_years_published),
        )
        .into());
    }
    let Json(request) = body.map_err(json_rejection)?;
    let checked = request.parse(year).map_err(validation)?;

    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let replaced: Option<i64> =
        sqlx::query_scalar("SELECT year FROM holiday_years WHERE year = $1")
            .bind(year)
            .fetch_optional(&mut *tx)
            .await?;
    let in_seed = seed_calendar_file()
        .map_err(ApiError::Internal)?
        .years
        .contains_key(&format!("{year:04}"));
    sqlx::query(
        "INSERT INTO holiday_years (year, source_title, source_url, holidays, working_days, \
         published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (year) DO UPDATE SET source_title = excluded.source_title, \
         source_url = excluded.source_url, holidays = excluded.holidays, \
         working_days = excluded.working_days, published_at = excluded.published_at, \
         published_by = excluded.published_by",
    )
    .bind(year)
    .bind(&checked.source_title)
    .bind(&checked.source_url)
    .bind(serde_json::to_string(&checked.holidays).map_err(|e| ApiError::Internal(e.into()))?)
    .bind(serde_json::to_string(&checked.working_days).map_err(|e| ApiError::Internal(e.into()))?)
    .bind(now)
    .bind(user.account_id)
    .execute(&mut *tx)
    .await?;
    let summary = format!(
        "holiday ranges: {} ({} days off), adjusted working days: {}; {}",
        checked.holidays.len(),
        days_off(&checked.holidays),
        checked.working_days.len(),
        match (replaced.is_some(), in_seed) {
            (true, _) => "replaces the year published before",
            (false, true) => "corrects the seed file's year",
            (false, false) => "newly published",
        }
    );
    audit(
        &mut tx,
        Some(user.account_id),
        "holidays.publish",
        ("holiday_year", Some(&year.to_string())),
        &summary,
        now,
    )
    .await?;
    // Checked as a whole with the other years, then swapped in while the write lock is held.
    let calendar = build_calendar(&mut tx).await.map_err(ApiError::Internal)?;
    let view = years(&mut tx, current_year)
        .await
        .map_err(ApiError::Internal)?
        .into_iter()
        .find(|y| y.year == year)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("year {year} not found after saving")))?;
    state.holiday_calendar.replace(calendar);
    if let Err(error) = tx.commit().await {
        // Back to what the database holds.
        if let Ok(calendar) = load_calendar(&state.db).await {
            state.holiday_calendar.replace(calendar);
        }
        return Err(error.into());
    }
    tracing::info!(year, by = user.account_id, "holiday year published");
    Ok(Json(view))
}
