//! The booking desk, for reception: the day's bookings with contact details in full, check-in
//! and no-shows.
//!
//! Attendance is kept in `bookings.attendance` beside `status`: a checked-in booking stays
//! `confirmed` and keeps its seat, so the booking routes and the seat index are unchanged.
//! - Check-in is open from 2 hours before the start (when the applicant can no longer move or
//!   cancel the booking online) until the end of the booking's day (Asia/Shanghai): people come
//!   early or late, but not on another day.
//! - A booking is marked as not attended once its slot has ended, that day or later.
//! - Recording the same again changes nothing (a retry is safe); recording the other way is
//!   refused (409 `staff.attendance_recorded`), and a cancelled booking takes neither (409
//!   `staff.booking_cancelled`).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::booking::{check_in_window, BookingStatus, CheckInWindow, NamedRef};
use portal_domain::api::staff::{code, Attendance, DeskBooking, DeskBookingList};
use portal_domain::calendar::Date;
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::audit::audit_read;
use super::user::Staff;
use crate::booking::attendance::write_attendance;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::AppState;

#[derive(Debug, sqlx::FromRow)]
pub(super) struct DeskRow {
    pub(super) id: i64,
    reference: String,
    status: String,
    attendance: Option<String>,
    attendance_at: Option<i64>,
    venue_id: String,
    venue_name_zh: String,
    venue_name_en: String,
    topic_id: String,
    topic_name_zh: String,
    topic_name_en: String,
    date: String,
    start_time: String,
    end_time: String,
    pub(super) starts_at: i64,
    ends_at: i64,
    name: String,
    mobile: String,
    organisation: Option<String>,
    uscc: Option<String>,
    description: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    wheelchair_access: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    sign_language_interpreter: bool,
    other_adjustments: Option<String>,
    #[sqlx(try_from = "crate::db::Flag")]
    for_someone_else: bool,
    anonymised_at: Option<i64>,
}

const DESK_SELECT: &str = "SELECT b.id, b.reference, b.status, b.attendance, b.attendance_at, \
     b.venue_id, v.name_zh AS venue_name_zh, v.name_en AS venue_name_en, b.topic_id, \
     t.name_zh AS topic_name_zh, t.name_en AS topic_name_en, b.date, b.start_time, b.end_time, \
     b.starts_at, b.ends_at, b.name, b.mobile, b.organisation, b.uscc, b.description, \
     b.wheelchair_access, b.sign_language_interpreter, b.other_adjustments, b.for_someone_else, b.anonymised_at \
     FROM bookings b JOIN venues v ON v.id = b.venue_id JOIN booking_topics t ON t.id = b.topic_id";

impl DeskRow {
    fn status(&self) -> BookingStatus {
        if self.status == "cancelled" {
            BookingStatus::Cancelled
        } else {
            BookingStatus::Confirmed
        }
    }

    fn attendance(&self) -> Option<Attendance> {
        self.attendance.as_deref().and_then(Attendance::from_code)
    }

    /// Check-in is open at `now` (whatever was recorded): the rule the kiosk follows too.
    fn check_in_open(&self, now: i64) -> bool {
        Date::parse(&self.date)
            .is_ok_and(|date| check_in_window(now, self.starts_at, date) == CheckInWindow::Open)
    }

    pub(super) fn view(&self, now: i64) -> Result<DeskBooking, ApiError> {
        let confirmed = self.status() == BookingStatus::Confirmed;
        Ok(DeskBooking {
            id: self.id,
            reference: match self.reference.get(..4).zip(self.reference.get(4..)) {
                Some((a, b)) => format!("{a}-{b}"),
                None => self.reference.clone(),
            },
            status: self.status(),
            attendance: self.attendance(),
            attendance_at: self.attendance_at.map(format_shanghai),
            venue: NamedRef {
                id: self.venue_id.clone(),
                name_zh: self.venue_name_zh.clone(),
                name_en: self.venue_name_en.clone(),
            },
            topic: NamedRef {
                id: self.topic_id.clone(),
                name_zh: self.topic_name_zh.clone(),
                name_en: self.topic_name_en.clone(),
            },
            date: Date::parse(&self.date).map_err(|_| {
                ApiError::Internal(anyhow::anyhow!("booking {} has a bad date", self.id))
            })?,
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            name: self.name.clone(),
            mobile: self.mobile.clone(),
            organisation: self.organisation.clone(),
            uscc: self.uscc.clone(),
            description: self.description.clone(),
            wheelchair_access: self.wheelchair_access,
            sign_language_interpreter: self.sign_language_interpreter,
            other_adjustments: self.other_adjustments.clone(),
            for_someone_else: self.for_someone_else,
            can_check_in: confirmed && self.attendance.is_none() && self.check_in_open(now),
            can_mark_no_show: confirmed && self.attendance.is_none() && now >= self.ends_at,
            anonymised: self.anonymised_at.is_some(),
        })
    }
}

/// `?venue=&date=` of the desk list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeskParams {
    /// A venue id; all venues when absent.
    pub venue: Option<String>,
    /// `YYYY-MM-DD`; today (Asia/Shanghai) when absent.
    pub date: Option<String>,
}

/// The bookings of a day, all venues or one: contact details in full.
#[utoipa::path(get, path = paths::STAFF_BOOKINGS, tag = "staff",
    operation_id = "staff_list_bookings", params(DeskParams),
    responses(
        (status = 200, description = "The day's bookings by start time", body = DeskBookingList),
        (status = 400, description = "`bad_request`: the date is not a date",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: reception only", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list_bookings(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(params): Query<DeskParams>,
) -> Result<Json<DeskBookingList>, ApiError> {
    let now = state.clock.now();
    let date = match params
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => Date::parse(d)
            .map_err(|_| ApiError::BadRequest(Text::of(|t| t.date_must_written_yyyy_mm)))?,
        None => state.today()?,
    };
    let venue = params
        .venue
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    let rows: Vec<DeskRow> = sqlx::query_as(&format!(
        "{DESK_SELECT} WHERE b.date = $1 AND ($2 IS NULL OR b.venue_id = $3) \
         ORDER BY b.starts_at, v.sort_order, b.venue_id, b.seat, b.id"
    ))
    .bind(date.to_string())
    .bind(&venue)
    .bind(&venue)
    .fetch_all(&state.db)
    .await?;
    let items = rows
        .iter()
        .map(|row| row.view(now))
        .collect::<Result<_, _>>()?;
    let day = date.to_string();
    audit_read(&state, &user, "desk.day_list.read", ("day", Some(&day))).await?;
    Ok(Json(DeskBookingList { date, venue, items }))
}

pub(super) async fn desk_row(conn: &mut AnyConnection, id: i64) -> Result<DeskRow, ApiError> {
    sqlx::query_as(&format!("{DESK_SELECT} WHERE b.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(ApiError::NotFound)
}

fn conflict(code: &'static str, message: Text) -> ApiError {
    Refusal::new(StatusCode::CONFLICT, code, message).into()
}

async fn record(
    state: &AppState,
    user_id: i64,
    path: Result<Path<i64>, PathRejection>,
    attendance: Attendance,
) -> Result<Json<DeskBooking>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = desk_row(&mut tx, id).await?;
    if row.status() == BookingStatus::Cancelled {
        return Err(conflict(
            code::BOOKING_CANCELLED,
            Text::of(|t| t.booking_was_cancelled),
        ));
    }
    match row.attendance() {
        Some(recorded) if recorded == attendance => return Ok(Json(row.view(now)?)),
        Some(_) => {
            return Err(conflict(
                code::ATTENDANCE_RECORDED,
                Text::of(|t| t.attendance_for_booking_already_been),
            ))
        }
        None => {}
    }
    match attendance {
        Attendance::CheckedIn if !row.check_in_open(now) => {
            return Err(conflict(
                code::CHECK_IN_NOT_OPEN,
                Text::of(|t| t.check_in_opens_2_hours),
            ))
        }
        Attendance::NoShow if now < row.ends_at => {
            return Err(conflict(
                code::NO_SHOW_TOO_EARLY,
                Text::of(|t| t.booking_marked_as_attended_only),
            ))
        }
        _ => {}
    }
    write_attendance(
        &mut tx,
        id,
        attendance,
        Some(user_id),
        attendance.code(),
        now,
    )
    .await?;
    let row = desk_row(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(
        booking = id,
        by = user_id,
        attendance = attendance.code(),
        "booking attendance recorded"
    );
    Ok(Json(row.view(now)?))
}

/// Checks the person in: from 2 hours before the start until the end of that day.
#[utoipa::path(post, path = paths::STAFF_BOOKING_CHECK_IN, tag = "staff",
    operation_id = "staff_check_in_booking",
    params(("id" = i64, Path, description = "The booking's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Checked in (again: unchanged)", body = DeskBooking),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such booking", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.check_in_not_open`, `staff.booking_cancelled` or \
            `staff.attendance_recorded`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn check_in(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<DeskBooking>, ApiError> {
    record(&state, user.account_id, path, Attendance::CheckedIn).await
}

/// Marks the booking as not attended, once its slot has ended.
#[utoipa::path(post, path = paths::STAFF_BOOKING_NO_SHOW, tag = "staff",
    operation_id = "staff_no_show_booking",
    params(("id" = i64, Path, description = "The booking's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Marked (again: unchanged)", body = DeskBooking),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such booking", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.no_show_too_early`, `staff.booking_cancelled` or \
            `staff.attendance_recorded`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn no_show(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<DeskBooking>, ApiError> {
    record(&state, user.account_id, path, Attendance::NoShow).await
}
