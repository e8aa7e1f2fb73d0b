//! The case queue of rights-assistance requests, for case handlers.
//!
//! Staff see a request unmasked (names, resident ID, mobile number, USCC in full); the
//! server logs none of it, only row ids. A change of status follows
//! `portal_domain::api::staff::allowed_transitions` and inserts an `assistance_events` row, so
//! it shows on the applicant's tracking timeline, with the refusal reason or the outcome as its
//! note. Messages go to `assistance_messages`, which the tracking page shows and the applicant
//! may answer once. Internal notes go to `staff_case_notes`, which no citizen route reads.
//! Any case handler may act on any case; assignment says who is looking after it.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::assistance::{Deadline, RequestStatus, RightType};
use portal_domain::api::staff::{
    allowed_transitions, code, normalise_username, AssignRequest, CaseDetail, CaseHandler,
    CaseList, CaseNote, CaseSummary, MessageRequest, NoteRequest, StaffError, TransitionRequest,
};
use portal_domain::calendar::{Date, HolidayCalendar};
use portal_domain::paths;
use portal_domain::reference::AssistanceReference;
use portal_domain::time::format_shanghai;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::audit::{audit_read, serve_viewed};
use super::paging::PageParams;
use super::user::Staff;
use crate::assistance::store::views::{shown_reference, tracking, views};
use crate::assistance::store::{self as requests, Owner};
use crate::audit::audit;
use crate::clock::shanghai_date;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::extract::Query;
use crate::files::{DownloadParams, FileAsked, FileIds, FileServed};
use crate::AppState;

/// A request as the queue needs it.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct QueueRow {
    id: i64,
    reference: String,
    status: String,
    right_type: Option<String>,
    submitted_at: i64,
    submitted_on: String,
    assignee: Option<String>,
    assignee_name: Option<String>,
    accepted_at: Option<i64>,
}

const QUEUE_SELECT: &str = "SELECT r.id, r.reference, r.status, \
     json_extract(r.answers, '$.right.type') AS right_type, r.submitted_at, r.submitted_on, \
     a.username AS assignee, a.display_name AS assignee_name, \
     (SELECT MAX(e.at) FROM assistance_events e WHERE e.request_id = r.id \
      AND e.status = 'accepted') AS accepted_at \
     FROM assistance_requests r LEFT JOIN staff_accounts a ON a.id = r.assignee_id";

/// Working days from `today` to `due`: 0 on the day, negative once past (at least -1), `None`
/// where the calendar is not published.
pub(crate) fn working_days_left(calendar: &HolidayCalendar, today: Date, due: Date) -> Option<i32> {
    let count = |from: Date, to: Date| -> Option<i32> {
        let mut n = 0;
        let mut day = from;
        while day < to {
            day = day.checked_add_days(1)?;
            n += i32::from(calendar.is_working_day(day).ok()?);
        }
        Some(n)
    };
    if due >= today {
        count(today, due)
    } else {
        count(due, today).map(|n| -n.max(1))
    }
}

fn summary(
    calendar: &HolidayCalendar,
    today: Date,
    row: &QueueRow,
) -> Result<CaseSummary, ApiError> {
    let bad = |what: &str| ApiError::Internal(anyhow::anyhow!("request {}: bad {what}", row.id));
    let status = RequestStatus::from_code(&row.status).ok_or_else(|| bad("status"))?;
    let right_type = row
        .right_type
        .as_deref()
        .and_then(RightType::from_code)
        .ok_or_else(|| bad("right type"))?;
    let submitted_on = Date::parse(&row.submitted_on).map_err(|_| bad("submission date"))?;
    let accepted_on = row.accepted_at.and_then(Date::from_unix_seconds_shanghai);
    let next_deadline: Option<Deadline> =
        portal_domain::api::assistance::next_deadline(calendar, status, submitted_on, accepted_on);
    let due = next_deadline.as_ref().and_then(|d| d.due);
    Ok(CaseSummary {
        id: row.id,
        reference: shown_reference(&row.reference),
        right_type,
        status,
        assignee: row.assignee.clone(),
        assignee_name: row.assignee_name.clone(),
        submitted_at: format_shanghai(row.submitted_at),
        submitted_on,
        working_days_left: due.and_then(|due| working_days_left(calendar, today, due)),
        overdue: due.is_some_and(|due| due < today),
        next_deadline,
    })
}

/// Every request matching `filter` (SQL condition on `r`/`a`), summarised, oldest first.
pub(crate) async fn summaries(
    state: &AppState,
    conn: &mut AnyConnection,
    filter: &str,
    binds: &[String],
) -> Result<Vec<CaseSummary>, ApiError> {
    let sql = format!("{QUEUE_SELECT} WHERE {filter} ORDER BY r.submitted_at, r.id");
    let mut query = sqlx::query_as::<_, QueueRow>(&sql);
    for bind in binds {
        query = query.bind(bind);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let today = state.today()?;
    let calendar = state.calendar();
    rows.iter()
        .map(|row| summary(&calendar, today, row))
        .collect()
}

/// The filters of the queue.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseParams {
    /// A status code, `open` (default: every status but rejected, concluded and withdrawn) or
    /// `all`.
    pub status: Option<String>,
    /// A username, `me`, or `none` for unassigned cases.
    pub assignee: Option<String>,
    /// `true` (or `1`): only cases whose next deadline has passed.
    pub overdue: Option<String>,
    /// A request's reference as people type or read it out (`WQ-K7QX-M2PD`, `k7qx m2pd`): that
    /// one case, in any status unless `status` is given too.
    pub reference: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

fn bad_filter(message: Text) -> ApiError {
    ApiError::BadRequest(message)
}

/// The queue: requests by status, assignee and overdue, oldest submission first.
#[utoipa::path(get, path = paths::STAFF_CASES, tag = "staff",
    operation_id = "staff_list_cases", params(CaseParams),
    responses(
        (status = 200, description = "One page of the queue", body = CaseList),
        (status = 400, description = "`bad_request`: unknown status or overdue value, or a \
            reference that is not one",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: case handlers only", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list_cases(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(params): Query<CaseParams>,
) -> Result<Json<CaseList>, ApiError> {
    let mut conditions = vec!["1 = 1".to_owned()];
    let mut binds = Vec::new();
    let reference = match params.reference.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            AssistanceReference::read(text)
                .map_err(|_| bad_filter(Text::of(|t| t.reference_filter_format)))?,
        ),
    };
    if let Some(reference) = &reference {
        conditions.push(format!("r.reference = ${}", binds.len() + 1));
        binds.push(reference.compact().to_owned());
    }
    match params.status.as_deref().map(str::trim) {
        // A reference names one case: found whatever its status.
        None | Some("") if reference.is_some() => {}
        None | Some("") | Some("open") => {
            conditions.push("r.status NOT IN ('rejected', 'concluded', 'withdrawn')".to_owned())
        }
        Some("all") => {}
        Some(code) => {
            let status = RequestStatus::from_code(code)
                .ok_or_else(|| bad_filter(Text::of(|t| t.status_filter_known_status)))?;
            conditions.push(format!("r.status = ${}", binds.len() + 1));
            binds.push(status.code().to_owned());
        }
    }
    match params.assignee.as_deref().map(str::trim) {
        None | Some("") => {}
        Some("none") => conditions.push("r.assignee_id IS NULL".to_owned()),
        Some("me") => {
            conditions.push(format!("a.username = ${}", binds.len() + 1));
            binds.push(user.username.clone());
        }
        Some(username) => {
            conditions.push(format!("a.username = ${}", binds.len() + 1));
            binds.push(normalise_username(username));
        }
    }
    let overdue_only = match params.overdue.as_deref().map(str::trim) {
        None | Some("") | Some("false" | "0") => false,
        Some("true" | "1") => true,
        Some(_) => return Err(bad_filter(Text::of(|t| t.overdue_must_true_false))),
    };
    let mut conn = state.db.acquire().await?;
    let mut items = summaries(&state, &mut conn, &conditions.join(" AND "), &binds).await?;
    if overdue_only {
        items.retain(|c| c.overdue);
    }
    let (page, per_page, offset) = PageParams {
        page: params.page,
        per_page: params.per_page,
    }
    .resolve();
    let total = items.len() as u32;
    let items = items
        .into_iter()
        .skip(offset as usize)
        .take(per_page as usize)
        .collect();
    Ok(Json(CaseList {
        items,
        total,
        page,
        per_page,
    }))
}

/// Ends a staff change to case `id`: the audit row (`action` by `actor`, with `summary`), then
/// the case as it now stands, read in the same transaction, which is then committed.
async fn commit_case_change(
    action: &str,
    (state, mut tx): (&AppState, sqlx::Transaction<'_, sqlx::Any>),
    id: i64,
    actor: i64,
    now: i64,
    summary: &str,
) -> Result<CaseDetail, ApiError> {
    audit(
        &mut tx,
        Some(actor),
        action,
        ("case", Some(&id.to_string())),
        summary,
        now,
    )
    .await?;
    let view = detail(state, &mut tx, id).await?;
    tx.commit().await?;
    Ok(view)
}

/// The whole case as staff see it.
async fn detail(
    state: &AppState,
    conn: &mut AnyConnection,
    id: i64,
) -> Result<CaseDetail, ApiError> {
    let row = requests::request_by_id(conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let summary = summaries(state, conn, "r.id = CAST($1 AS BIGINT)", &[id.to_string()])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)?;
    let view = tracking(state, conn, &row, state.clock.now()).await?;
    let files = requests::request_files(conn, id)
        .await?
        .into_iter()
        .filter(|f| f.role != "staged")
        .collect::<Vec<_>>();
    let notes: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT n.id, a.username, n.body, n.at FROM staff_case_notes n \
         JOIN staff_accounts a ON a.id = n.author_id WHERE n.request_id = $1 ORDER BY n.at, n.id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(CaseDetail {
        allowed_transitions: allowed_transitions(summary.status).to_vec(),
        today: shanghai_date(state.clock.now())?,
        anonymised: row.anonymised_at.is_some(),
        summary,
        answers: row.answers().map_err(ApiError::Internal)?,
        files: views(&files)?,
        timeline: view.timeline,
        messages: view.messages,
        notes: notes
            .into_iter()
            .map(|(id, author, text, at)| CaseNote {
                id,
                author,
                text,
                at: format_shanghai(at),
            })
            .collect(),
    })
}

fn case_id(path: Result<Path<i64>, PathRejection>) -> Result<i64, ApiError> {
    path.map(|Path(id)| id).map_err(|_| ApiError::NotFound)
}

/// One case with everything: answers unmasked, files, timeline, messages, internal notes and
/// where it can go next.
#[utoipa::path(get, path = paths::STAFF_CASE, tag = "staff",
    operation_id = "staff_get_case",
    params(("id" = i64, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        crate::refusals::StaffReading,
        (status = 404, description = "No such case", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn get_case(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<CaseDetail>, ApiError> {
    let id = case_id(path)?;
    let mut conn = state.db.acquire().await?;
    let detail = detail(&state, &mut conn, id).await?;
    drop(conn);
    audit_read(&state, &user, "case.read", ("case", Some(&id.to_string()))).await?;
    Ok(Json(detail))
}

/// A file of the case: evidence or a file sent with a reply (not one the applicant has not
/// sent yet).
#[utoipa::path(get, path = paths::STAFF_CASE_FILE, tag = "staff",
    operation_id = "staff_case_file",
    params(FileIds, DownloadParams),
    responses(
        FileServed,
        crate::refusals::StaffReading,
        (status = 404, description = "No such file in this case", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn case_file(
    State(state): State<AppState>,
    Staff(user): Staff,
    asked: FileAsked,
) -> Result<Response, ApiError> {
    let mut conn = state.db.acquire().await?;
    let (row, content) =
        requests::file_with_content(&mut conn, Owner::Request(asked.ids.id), asked.ids.file_id)
            .await?
            .filter(|(row, _)| row.role != "staged")
            .ok_or(ApiError::NotFound)?;
    drop(conn);
    let kind = row.kind().map_err(ApiError::Internal)?;
    let viewed = ("evidence.read", "case_file");
    serve_viewed(&state, &user, viewed, asked, (&row.name, kind, content)).await
}

/// The request's current status under the write lock; 404 if there is no such request.
async fn current_status(conn: &mut AnyConnection, id: i64) -> Result<RequestStatus, ApiError> {
    requests::request_by_id(conn, id)
        .await?
        .ok_or(ApiError::NotFound)?
        .status()
        .map_err(ApiError::Internal)
}

/// Every active case handler, by name: whom a case can be given to.
#[utoipa::path(get, path = paths::STAFF_HANDLERS, tag = "staff",
    operation_id = "staff_list_handlers",
    responses(
        (status = 200, description = "Active case handlers, by name", body = Vec<CaseHandler>),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.forbidden`: case handlers only", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn handlers(State(state): State<AppState>) -> Result<Json<Vec<CaseHandler>>, ApiError> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT a.username, a.display_name FROM staff_accounts a JOIN staff_account_roles r \
         ON r.account_id = a.id WHERE a.active = 1 AND r.role = 'case_handler' \
         ORDER BY a.display_name, a.username",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|(username, display_name)| CaseHandler {
                username,
                display_name,
            })
            .collect(),
    ))
}

/// Gives the case to a case handler, or takes it off whoever has it (`username: null`).
#[utoipa::path(post, path = paths::STAFF_CASE_ASSIGN, tag = "staff",
    operation_id = "staff_assign_case", request_body = AssignRequest,
    params(("id" = i64, Path, description = "The case's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        (status = 400, description = "`validation_failed`: `username` \
            (`staff.assignee_unknown`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such case", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn assign(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<AssignRequest>, JsonRejection>,
) -> Result<Json<CaseDetail>, ApiError> {
    let id = case_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let username = request
        .username
        .as_deref()
        .map(normalise_username)
        .filter(|u| !u.is_empty());
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    current_status(&mut tx, id).await?;
    let assignee: Option<i64> = match &username {
        None => None,
        Some(username) => Some(
            sqlx::query_scalar(
                "SELECT a.id FROM staff_accounts a JOIN staff_account_roles r \
                 ON r.account_id = a.id WHERE a.username = $1 AND a.active = 1 \
                 AND r.role = 'case_handler'",
            )
            .bind(username)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| ApiError::fields(vec![("username", StaffError::AssigneeUnknown)]))?,
        ),
    };
    sqlx::query("UPDATE assistance_requests SET assignee_id = $1 WHERE id = $2")
        .bind(assignee)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let summary = match &username {
        Some(username) => format!("assigned to {username}"),
        None => "unassigned".to_owned(),
    };
    let view = commit_case_change(
        "case.assign",
        (&state, tx),
        id,
        user.account_id,
        now,
        &summary,
    )
    .await?;
    tracing::info!(
        request = id,
        assignee,
        by = user.account_id,
        "case assigned"
    );
    Ok(Json(view))
}

/// Moves the case to another status, by the transition table; the applicant's timeline shows
/// it at once, with the reason (不予受理) or the outcome (已办结).
#[utoipa::path(post, path = paths::STAFF_CASE_TRANSITION, tag = "staff",
    operation_id = "staff_transition_case", request_body = TransitionRequest,
    params(("id" = i64, Path, description = "The case's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The case in its new status", body = CaseDetail),
        (status = 400, description = "`validation_failed`: `to` missing, `reason` required for \
            rejected (`staff.reason_required`), `outcome` required for concluded \
            (`staff.outcome_required`), either given where it is not used \
            (`staff.not_used_here`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such case", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.illegal_transition`: `details.from` and \
            `details.allowed` (the statuses it can go to)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn transition(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<TransitionRequest>, JsonRejection>,
) -> Result<Json<CaseDetail>, ApiError> {
    let id = case_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let (to, note) = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let from = current_status(&mut tx, id).await?;
    let allowed = allowed_transitions(from);
    if !allowed.contains(&to) {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::ILLEGAL_TRANSITION,
            Text::of(|t| t.case_go_from_its_current),
        )
        .details(serde_json::json!({
            "from": from,
            "to": to,
            "allowed": allowed,
        }))
        .into());
    }
    let event = requests::Event {
        request_id: id,
        status: to,
        note: note.as_deref(),
        at: now,
    };
    requests::set_status(&mut tx, event).await?;
    let view = commit_case_change(
        "case.transition",
        (&state, tx),
        id,
        user.account_id,
        now,
        &format!("{} -> {}", from.code(), to.code()),
    )
    .await?;
    tracing::info!(
        request = id,
        from = from.code(),
        to = to.code(),
        by = user.account_id,
        "case status changed"
    );
    Ok(Json(view))
}

/// Sends the applicant a message (`info`, or `more_material_requested` while the case is
/// open); the tracking page shows it and the applicant can answer it once.
#[utoipa::path(post, path = paths::STAFF_CASE_MESSAGES, tag = "staff",
    operation_id = "staff_message_case", request_body = MessageRequest,
    params(("id" = i64, Path, description = "The case's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
        ("Idempotency-Key" = String, Header, description = "New for each action, the same when retrying it (see `staff::replay`)")),
    responses(
        (status = 201, description = "Sent; the case with it", body = CaseDetail),
        (status = 400, description = "`validation_failed`: `kind`, `text`; \
            `staff.idempotency_key_missing` / `_invalid`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such case", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.case_closed`: more material cannot be asked for \
            on a closed case; `staff.request_in_progress`: the first request with this key is \
            still running", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`staff.idempotency_key_reused`: the key was used for \
            another change", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn send_message(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<MessageRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let id = case_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let now = state.clock.now();
    let message = request
        .parse(shanghai_date(now)?)
        .map_err(ApiError::fields)?;
    let (kind, text) = (message.kind, message.text);
    let mut tx = crate::db::write(&state.db).await?;
    let status = current_status(&mut tx, id).await?;
    if kind == portal_domain::api::assistance::MessageKind::MoreMaterialRequested
        && status.is_closed()
    {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::CASE_CLOSED,
            Text::of(|t| t.case_ended_accepted_concluded_withdrawn),
        )
        .into());
    }
    let message_id: i64 = sqlx::query_scalar(
        "INSERT INTO assistance_messages (request_id, kind, body, sent_at, reply_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(id)
    .bind(kind.code())
    .bind(&text)
    .bind(now)
    .bind(message.reply_by.map(|day| day.to_string()))
    .fetch_one(&mut *tx)
    .await?;
    let view = commit_case_change(
        "case.message",
        (&state, tx),
        id,
        user.account_id,
        now,
        &format!("message {message_id} sent ({})", kind.code()),
    )
    .await?;
    tracing::info!(
        request = id,
        message_id,
        by = user.account_id,
        "case message sent"
    );
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Adds an internal note: staff only, never shown to the applicant.
#[utoipa::path(post, path = paths::STAFF_CASE_NOTES, tag = "staff",
    operation_id = "staff_note_case", request_body = NoteRequest,
    params(("id" = i64, Path, description = "The case's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
        ("Idempotency-Key" = String, Header, description = "New for each action, the same when retrying it (see `staff::replay`)")),
    responses(
        (status = 201, description = "Added; the case with it", body = CaseDetail),
        (status = 400, description = "`validation_failed`: `text`; \
            `staff.idempotency_key_missing` / `_invalid`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such case", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.request_in_progress`: the first request with this \
            key is still running", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`staff.idempotency_key_reused`: the key was used for \
            another change", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn add_note(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<NoteRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let id = case_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let text = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    current_status(&mut tx, id).await?;
    let note_id: i64 = sqlx::query_scalar(
        "INSERT INTO staff_case_notes (request_id, author_id, body, at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(id)
    .bind(user.account_id)
    .bind(&text)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let view = commit_case_change(
        "case.note",
        (&state, tx),
        id,
        user.account_id,
        now,
        &format!("note {note_id} added"),
    )
    .await?;
    tracing::info!(
        request = id,
        note = note_id,
        by = user.account_id,
        "case note added"
    );
    Ok((StatusCode::CREATED, Json(view)).into_response())
}
