//! The fast track's registrations as the center's pre-examination officers review them (the
//! queue, a registration in full, and the review steps), and the administrators' settings of
//! the fast track (fields, eligibility rules, time limits, required materials). Every view of a
//! registration or of one of its files, and every step, is in the staff audit log; each step is also in the registration's own history.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use portal_domain::api::firm::registration::{
    code, evaluate, ActionKind, FastTrackSettings, QueueItem, RegistrationQueue,
    RegistrationStatus, ReviewAction, ReviewEvent, StaffRegistration,
};
use portal_domain::calendar::Date;
use portal_domain::paths;
use sqlx::AnyConnection;

mod lifecycle;

use super::audit::{audit_read, serve_viewed};
use super::user::{Staff, StaffUser};
use crate::audit::audit;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::files::{DownloadParams, FileAsked, FileIds, FileServed};
use crate::firms::file_table::REGISTRATION_FILES;
use crate::firms::registration::store::{self, wrong_status, By, Row};
use crate::json_settings;
use crate::AppState;

fn not_found() -> ApiError {
    Refusal::new(
        StatusCode::NOT_FOUND,
        code::NOT_FOUND,
        Text::of(|t| t.registration_not_found),
    )
    .into()
}

fn registration_id(path: Result<Path<i64>, PathRejection>) -> Result<i64, ApiError> {
    path.map(|Path(id)| id).map_err(|_| not_found())
}

/// Every submitted registration, those waiting for the center first, the earliest due first.
#[utoipa::path(get, path = paths::STAFF_REGISTRATIONS, tag = "staff",
    operation_id = "staff_list_registrations",
    responses(
        (status = 200, description = "The queue", body = RegistrationQueue),
        crate::refusals::StaffReading,
    ))]
pub async fn list(
    State(state): State<AppState>,
    Staff(_user): Staff,
) -> Result<Json<RegistrationQueue>, ApiError> {
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    let items = store::queue(&mut conn)
        .await?
        .iter()
        .map(|r| QueueItem {
            id: r.id,
            reference: r.reference.clone().unwrap_or_default(),
            firm_name: r.firm_name.clone(),
            status: r.status(),
            kind: r.kind(),
            submitted_at: r.submitted_at.unwrap_or_default(),
            due_on: r.due_on(),
            overdue: r.overdue(today),
            days_left: state.days_left(today, r.running_due_on()),
            assignee: r.assignee.clone(),
        })
        .collect();
    Ok(Json(RegistrationQueue { items }))
}

/// A history entry: when, the officer or the firm's person, the step and what it said.
type EventRow = (i64, Option<String>, Option<String>, String, String);

async fn detail(
    conn: &mut AnyConnection,
    state: &AppState,
    row: &Row,
    today: Date,
) -> Result<StaffRegistration, ApiError> {
    let settings = store::settings(conn).await?;
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT e.at, s.display_name, p.name, e.action, e.detail FROM registration_events e \
         LEFT JOIN staff_accounts s ON s.id = e.staff_id \
         LEFT JOIN firm_people p ON p.id = e.person_id \
         WHERE e.registration_id = $1 ORDER BY e.at, e.id",
    )
    .bind(row.id)
    .fetch_all(&mut *conn)
    .await?;
    let rounds = store::rounds(conn, row.firm_id).await?;
    let answers = row.answers();
    let files = store::file_views(conn, Some(row.id)).await?;
    Ok(StaffRegistration {
        files,
        materials: settings.materials.clone(),
        id: row.id,
        reference: row.reference.clone().unwrap_or_default(),
        firm_name: row.firm_name.clone(),
        uscc: row.uscc.clone(),
        status: row.status(),
        kind: row.kind(),
        eligibility: evaluate(&answers, &settings.rules, &settings.fields, today),
        certificate: row.certificate(&answers, &settings),
        answers,
        defects: row.defects(),
        due_on: row.due_on(),
        overdue: row.overdue(today),
        days_left: state.days_left(today, row.running_due_on()),
        assignee: row.assignee.clone(),
        refusal_reason: row.refusal_reason.clone(),
        cancellation: row.cancellation(),
        rounds: rounds
            .iter()
            .filter(|r| r.id != row.id)
            .map(Row::summary)
            .collect(),
        rules: settings.rules,
        fields: settings.fields,
        events: events
            .into_iter()
            .map(|(at, staff, person, action, detail)| ReviewEvent {
                at,
                by: staff.or(person).unwrap_or_default(),
                action,
                detail,
            })
            .collect(),
    })
}

/// A submitted registration in full, with its history (the view is in the audit log).
#[utoipa::path(get, path = paths::STAFF_REGISTRATION, tag = "staff",
    operation_id = "staff_get_registration",
    params(("id" = i64, Path, description = "The registration's id")),
    responses(
        (status = 200, description = "The registration", body = StaffRegistration),
        crate::refusals::StaffReading,
        (status = 404, description = "`registration.not_found`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn show(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<StaffRegistration>, ApiError> {
    let id = registration_id(path)?;
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    let row = store::by_id(&mut conn, id)
        .await?
        .filter(|r| r.status() != RegistrationStatus::Draft)
        .ok_or_else(not_found)?;
    let view = detail(&mut conn, &state, &row, today).await?;
    drop(conn);
    audit_read(
        &state,
        &user,
        "registration.viewed",
        ("registration", Some(&id.to_string())),
    )
    .await?;
    Ok(Json(view))
}

/// One file of a submitted registration, with its real type (every view is in the audit log).
#[utoipa::path(get, path = paths::STAFF_REGISTRATION_FILE, tag = "staff",
    operation_id = "staff_registration_file",
    params(FileIds, DownloadParams),
    responses(
        FileServed,
        crate::refusals::StaffReading,
        (status = 404, description = "No such file in a submitted registration", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn registration_file(
    State(state): State<AppState>,
    Staff(user): Staff,
    asked: FileAsked,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    store::by_id(&mut conn, asked.ids.id)
        .await?
        .filter(|r| r.status() != RegistrationStatus::Draft)
        .ok_or(ApiError::NotFound)?;
    let (row, content) = REGISTRATION_FILES
        .with_content(&mut conn, asked.ids.id, asked.ids.file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    let viewed = ("registration.file_viewed", "registration_file");
    let kind = row.kind()?;
    serve_viewed(&state, &user, viewed, asked, (&row.name, kind, content)).await
}

/// One review step: `start` (take it), `amend` (send it back with every defect), `register`,
/// `refuse` (with the reason) or `note` (internal). A step that does not fit the status is
/// refused with 409 `registration.wrong_status`.
#[utoipa::path(post, path = paths::STAFF_REGISTRATION_ACTIONS, tag = "staff",
    operation_id = "staff_review_registration",
    params(
        ("id" = i64, Path, description = "The registration's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = ReviewAction,
    responses(
        (status = 200, description = "Done", body = StaffRegistration),
        (status = 400, description = "`validation_failed`: `defects`, `text`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "`registration.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`registration.wrong_status`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn act(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<ReviewAction>, JsonRejection>,
) -> Result<Json<StaffRegistration>, ApiError> {
    let id = registration_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let action = request.parse().map_err(ApiError::fields)?;
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::by_id(&mut tx, id)
        .await?
        .filter(|r| r.status() != RegistrationStatus::Draft)
        .ok_or_else(not_found)?;
    let settings = store::settings(&mut tx).await?;
    let (event_on, detail_text) =
        step(&mut tx, &state, &user, &row, &action, &settings, today, now).await?;
    store::event(
        &mut tx,
        event_on,
        By::Staff(user.account_id),
        action.action.code(),
        &detail_text,
        now,
    )
    .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        &format!("registration.{}", action.action.code()),
        ("registration", Some(&id.to_string())),
        "review step",
        now,
    )
    .await?;
    let row = store::by_id(&mut tx, id).await?.ok_or_else(not_found)?;
    let view = detail(&mut tx, &state, &row, today).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Applies one step to the row; returns the round whose history records it (the row, or the
/// new round of a re-check) and what the history says.
#[allow(clippy::too_many_arguments)]
async fn step(
    tx: &mut AnyConnection,
    state: &AppState,
    user: &StaffUser,
    row: &Row,
    action: &ReviewAction,
    settings: &FastTrackSettings,
    today: Date,
    now: i64,
) -> Result<(i64, String), ApiError> {
    use RegistrationStatus as S;
    let status = row.status();
    let working_days = |n| {
        state
            .calendar()
            .add_working_days(today, n)
            .ok()
            .map(|d| d.to_string())
    };
    let text = action.text.clone().unwrap_or_default();
    let on_row = |detail: String| Ok((row.id, detail));
    match action.action {
        ActionKind::Start if status == S::Submitted => {
            sqlx::query(
                "UPDATE registrations SET status = 'under_review', assignee_id = $1, \
                 updated_at = $2 WHERE id = $3",
            )
            .bind(user.account_id)
            .bind(now)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
            on_row(String::new())
        }
        ActionKind::Amend if status == S::UnderReview => {
            let defects = serde_json::to_string(&action.defects).map_err(ApiError::internal)?;
            sqlx::query(
                "UPDATE registrations SET status = 'needs_amendment', defects = $1, due_on = $2, \
                 updated_at = $3 WHERE id = $4",
            )
            .bind(&defects)
            .bind(working_days(settings.limits.amendment_working_days))
            .bind(now)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
            on_row(defects_text(action))
        }
        ActionKind::Register if status == S::UnderReview => {
            on_row(lifecycle::register(tx, row, settings, today, now).await?)
        }
        ActionKind::Refuse if status == S::UnderReview => {
            sqlx::query(
                "UPDATE registrations SET status = 'refused', refusal_reason = $1, due_on = NULL, \
                 updated_at = $2 WHERE id = $3",
            )
            .bind(&text)
            .bind(now)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
            on_row(text)
        }
        ActionKind::Recheck if row.in_force(today) => {
            let due = working_days(settings.limits.amendment_working_days);
            let id = lifecycle::recheck(tx, row, &action.defects, due, today, now).await?;
            Ok((id, defects_text(action)))
        }
        ActionKind::Cancel if status == S::Registered => {
            let reason = action.reason.ok_or_else(wrong_status)?;
            lifecycle::cancel(tx, row, reason, &text, today, now).await?;
            on_row(format!(
                "{}: {text}",
                reason.label(portal_domain::lang::Lang::Zh)
            ))
        }
        ActionKind::Note => on_row(text),
        _ => Err(wrong_status()),
    }
}

/// The defects as the history keeps them: one per line, each after its section's code.
fn defects_text(action: &ReviewAction) -> String {
    action
        .defects
        .iter()
        .map(|d| format!("[{}] {}", d.section.code(), d.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `months` later, on the same day of the month or, where that month is shorter, its last day
/// (a registration made on 31 January for one month ends on 28 or 29 February).
pub(crate) fn add_months(date: Date, months: u32) -> Date {
    let index = date.year() * 12 + i32::from(date.month()) - 1 + months as i32;
    let (year, month) = (index / 12, (index % 12) as u8 + 1);
    (1..=date.day())
        .rev()
        .find_map(|day| Date::new(year, month, day).ok())
        .unwrap_or(date)
}

/// The fast track's fields, eligibility rules and time limits (the shipped illustrative
/// defaults until an administrator saves some).
#[utoipa::path(get, path = paths::STAFF_FAST_TRACK_SETTINGS, tag = "staff",
    operation_id = "staff_fast_track_settings",
    responses(
        (status = 200, description = "The settings", body = FastTrackSettings),
        crate::refusals::StaffReading,
    ))]
pub async fn settings(
    State(state): State<AppState>,
    Staff(_user): Staff,
) -> Result<Json<FastTrackSettings>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(store::settings(&mut conn).await?))
}

/// Replaces the fast track's settings (every problem at once). Registrations already made keep
/// their due days and validity; the new rules apply from now on.
#[utoipa::path(put, path = paths::STAFF_FAST_TRACK_SETTINGS, tag = "staff",
    operation_id = "staff_update_fast_track_settings",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = FastTrackSettings,
    responses(
        (status = 200, description = "Saved", body = FastTrackSettings),
        (status = 400, description = "`validation_failed`: `fields`, `rules.…`, `limits.…`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
    ))]
pub async fn update_settings(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<FastTrackSettings>, JsonRejection>,
) -> Result<Json<FastTrackSettings>, ApiError> {
    let Json(settings) = body.map_err(json_rejection)?;
    ApiError::if_any(settings.problems())?;
    let saved = (store::SETTINGS, &settings);
    let changed = (
        "fast_track.settings_updated",
        "fields, rules and time limits replaced",
    );
    json_settings::replace(&state, saved, user.account_id, changed).await?;
    Ok(Json(settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_on_the_same_day_or_the_last_of_a_shorter_month() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(add_months(d("2026-11-20"), 24), d("2028-11-20"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2027-12-15"), 1), d("2028-01-15"));
    }
}
