//! Pre-examination requests in the database: one row per request (`pre_exam_requests`: the
//! answers while a draft, then the request read at submission and its [`Examination`] as JSON,
//! with the columns the queue sorts on), their history (`pre_exam_events`), their documents
//! (`pre_exam_files`: `super::file_store`), the per-firm quotas
//! (`pre_exam_quotas`), the firms' requests for extra quota (`pre_exam_quota_requests`) and the
//! settings (`pre_exam_settings`), shared by the firm's routes and
//! the officers' (`crate::staff::pre_exams`).
//!
//! A request whose reply deadline has passed counts as withdrawn (视为撤回): [`expire_overdue`]
//! applies the domain's `Expire` as the server (`Actor::System`) to every such request of a
//! venue or a firm before any route reads them, so every reader sees the same status and the
//! history says when it happened. No timer is needed: nothing changes for anyone until it is
//! read.

use axum::http::StatusCode;
use portal_domain::api::firm::pre_exam::{
    apply, code, Actor, ExamEvent, Examination, FirmQuotaUpdate, PreExamAction, PreExamAnswers,
    PreExamRequest, PreExamSettings, PreExamStatus, PreExamSummary, Quota, QuotaAsked,
    QuotaOutcome, QuotaRequest,
};
use portal_domain::api::firm::registration::FieldVenue;
use portal_domain::calendar::{Date, HolidayCalendar};
use sqlx::{AnyConnection, AnyPool};

use crate::error::{ApiError, Refusal, Text};
use crate::json_settings;

/// A request with its firm.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct Row {
    pub id: i64,
    pub firm_name: String,
    pub uscc: String,
    pub answers: String,
    pub request: Option<String>,
    pub examination: Option<String>,
    pub reference: Option<String>,
}

const SELECT: &str = "SELECT r.id, f.name AS firm_name, f.uscc, r.answers, \
    r.request, r.examination, r.reference \
    FROM pre_exam_requests r JOIN firms f ON f.id = r.firm_id";

impl Row {
    /// The stored answers (written by this server from the same type, so they read back).
    pub fn answers(&self) -> PreExamAnswers {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }

    /// The request read at submission; none for a draft.
    pub fn request(&self) -> Option<PreExamRequest> {
        serde_json::from_str(self.request.as_deref()?).ok()
    }

    /// The examination; none for a draft.
    pub fn examination(&self) -> Option<Examination> {
        serde_json::from_str(self.examination.as_deref()?).ok()
    }

    pub fn status(&self) -> Option<PreExamStatus> {
        self.examination().map(|e| e.status)
    }

    /// One line of the firm's list or the officers' queue.
    pub fn summary(&self, today: Date, calendar: &HolidayCalendar) -> PreExamSummary {
        let answers = self.answers();
        let exam = self.examination();
        let due_on = exam.as_ref().and_then(|e| e.due_on);
        PreExamSummary {
            id: self.id,
            reference: self.reference.clone(),
            firm_name: self.firm_name.clone(),
            title: answers.title,
            kind: answers.kind,
            venue: answers.venue,
            status: exam.as_ref().map(|e| e.status),
            due_on,
            days_left: due_on.and_then(|d| calendar.working_days_left(today, d).ok()),
        }
    }
}

/// The firm's requests, newest first.
pub(crate) async fn for_firm(conn: &mut AnyConnection, firm_id: i64) -> sqlx::Result<Vec<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.firm_id = $1 ORDER BY r.id DESC LIMIT 500"
    ))
    .bind(firm_id)
    .fetch_all(&mut *conn)
    .await
}

/// One of the firm's requests.
pub(crate) async fn firm_request(
    conn: &mut AnyConnection,
    firm_id: i64,
    id: i64,
) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!("{SELECT} WHERE r.id = $1 AND r.firm_id = $2"))
        .bind(id)
        .bind(firm_id)
        .fetch_optional(&mut *conn)
        .await
}

/// A submitted request of `venue`; none for a draft or another venue's.
pub(crate) async fn venue_request(
    conn: &mut AnyConnection,
    venue: FieldVenue,
    id: i64,
) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.id = $1 AND r.venue = $2 AND r.status IS NOT NULL"
    ))
    .bind(id)
    .bind(venue.code())
    .fetch_optional(&mut *conn)
    .await
}

/// The submitted requests of `venue` (of one status if given): those whose limit runs first,
/// the earliest due first, then the rest, newest first.
pub(crate) async fn queue(
    conn: &mut AnyConnection,
    venue: FieldVenue,
    status: Option<PreExamStatus>,
) -> sqlx::Result<Vec<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.venue = $1 AND r.status IS NOT NULL \
         AND ($2 IS NULL OR r.status = $3) \
         ORDER BY r.due_on IS NULL, r.due_on, r.id DESC LIMIT 500"
    ))
    .bind(venue.code())
    .bind(status.map(|s| s.code()))
    .bind(status.map(|s| s.code()))
    .fetch_all(&mut *conn)
    .await
}

/// A new, empty draft of the firm's; its id.
/// How many drafts (not yet submitted) the firm has.
pub(crate) async fn open_drafts(conn: &mut AnyConnection, firm_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM pre_exam_requests WHERE firm_id = $1 AND status IS NULL",
    )
    .bind(firm_id)
    .fetch_one(&mut *conn)
    .await
}

pub(crate) async fn create_draft(
    conn: &mut AnyConnection,
    firm_id: i64,
    person_id: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO pre_exam_requests (firm_id, person_id, answers, created_at, updated_at) \
         VALUES ($1, $2, '{}', $3, $4) RETURNING id",
    )
    .bind(firm_id)
    .bind(person_id)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

pub(crate) async fn save_answers(
    conn: &mut AnyConnection,
    id: i64,
    answers: &PreExamAnswers,
    now: i64,
) -> Result<(), ApiError> {
    let json = serde_json::to_string(answers).map_err(ApiError::internal)?;
    sqlx::query(
        "UPDATE pre_exam_requests SET answers = $1, venue = $2, kind = $3, updated_at = $4 \
         WHERE id = $5 AND status IS NULL",
    )
    .bind(json)
    .bind(answers.venue.map(|v| v.code()))
    .bind(answers.kind.map(|k| k.code()))
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Submits a draft: its reference, the request read from its answers and the examination.
pub(crate) async fn submit(
    conn: &mut AnyConnection,
    id: i64,
    request: &PreExamRequest,
    state: &Examination,
    now: i64,
) -> Result<(), ApiError> {
    let reference = format!("YS-{}-{:06}", state.submitted_on.year(), id);
    let json = serde_json::to_string(request).map_err(ApiError::internal)?;
    sqlx::query(
        "UPDATE pre_exam_requests SET reference = $1, request = $2, venue = $3, kind = $4, \
         submitted_at = $5, submitted_on = $6, status = 'submitted', updated_at = $7 WHERE id = $8",
    )
    .bind(reference)
    .bind(json)
    .bind(request.venue.code())
    .bind(request.kind.code())
    .bind(now)
    .bind(state.submitted_on.to_string())
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    save_state(conn, id, state, now).await
}

/// Stores the examination and the columns that repeat it.
pub(crate) async fn save_state(
    conn: &mut AnyConnection,
    id: i64,
    state: &Examination,
    now: i64,
) -> Result<(), ApiError> {
    let json = serde_json::to_string(state).map_err(ApiError::internal)?;
    let day = |d: Option<Date>| d.map(|d| d.to_string());
    sqlx::query(
        "UPDATE pre_exam_requests SET examination = $1, status = $2, due_on = $3, \
         amendment_rounds = $4, notice_number = $5, notice_on = $6, national_number = $7, \
         filed_on = $8, granted_on = $9, updated_at = $10 WHERE id = $11",
    )
    .bind(json)
    .bind(state.status.code())
    .bind(day(state.due_on))
    .bind(i64::from(state.amendment_rounds))
    .bind(state.notice.as_ref().map(|n| n.number.clone()))
    .bind(day(state.notice.as_ref().map(|n| n.issued_on)))
    .bind(state.filing.as_ref().map(|f| f.number.to_string()))
    .bind(day(state.filing.as_ref().map(|f| f.filed_on)))
    .bind(day(state.granted_on))
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Who took a step.
#[derive(Debug, Clone, Copy)]
pub(crate) enum By {
    Staff(i64),
    Person(i64),
    System,
}

pub(crate) async fn event(
    conn: &mut AnyConnection,
    request_id: i64,
    event: &ExamEvent,
    by: By,
    now: i64,
) -> Result<(), ApiError> {
    let (staff, person) = match by {
        By::Staff(id) => (Some(id), None),
        By::Person(id) => (None, Some(id)),
        By::System => (None, None),
    };
    let actor = match event.by {
        Actor::Firm => "firm",
        Actor::Officer => "officer",
        Actor::System => "system",
    };
    let detail = serde_json::to_string(&event.detail).map_err(ApiError::internal)?;
    sqlx::query(
        "INSERT INTO pre_exam_events (request_id, at, on_date, actor, staff_id, person_id, \
         action, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(request_id)
    .bind(now)
    .bind(event.on.to_string())
    .bind(actor)
    .bind(staff)
    .bind(person)
    .bind(&event.action)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A request's history, oldest first.
pub(crate) async fn events(
    conn: &mut AnyConnection,
    request_id: i64,
) -> sqlx::Result<Vec<ExamEvent>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT on_date, actor, action, detail FROM pre_exam_events WHERE request_id = $1 \
         ORDER BY id",
    )
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(on, actor, action, detail)| {
            Some(ExamEvent {
                on: Date::parse(&on).ok()?,
                by: match actor.as_str() {
                    "firm" => Actor::Firm,
                    "officer" => Actor::Officer,
                    _ => Actor::System,
                },
                action,
                detail: serde_json::from_str(&detail).unwrap_or_default(),
            })
        })
        .collect())
}

/// Which requests [`expire_overdue`] looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope {
    Firm(i64),
    Venue(FieldVenue),
    One(i64),
}

/// Every request of `scope` waiting for a reply whose deadline has passed becomes withdrawn
/// (视为撤回), by the domain's `Expire`, as the server; each in its own history. Run before a
/// route reads requests (see the module's documentation).
pub(crate) async fn expire_overdue(
    db: &AnyPool,
    scope: Scope,
    (today, now): (Date, i64),
    calendar: &HolidayCalendar,
) -> Result<(), ApiError> {
    let column = match scope {
        Scope::Firm(_) => "firm_id",
        Scope::Venue(_) => "venue",
        Scope::One(_) => "id",
    };
    let overdue = format!(
        "SELECT id FROM pre_exam_requests WHERE status = 'needs_amendment' AND due_on < $1 \
         AND {column} = $2"
    );
    // Each column compared with a value of its own type, so that its index serves.
    let query = sqlx::query_scalar(&overdue).bind(today.to_string());
    let query = match scope {
        Scope::Firm(id) | Scope::One(id) => query.bind(id),
        Scope::Venue(v) => query.bind(v.code()),
    };
    let ids: Vec<i64> = query.fetch_all(db).await?;
    if ids.is_empty() {
        return Ok(());
    }
    let mut tx = crate::db::write(db).await?;
    let settings = settings(&mut tx).await?;
    for id in ids {
        let Some(state) = by_id(&mut tx, id).await?.and_then(|r| r.examination()) else {
            continue;
        };
        // Another request may have expired it, or the firm replied in between.
        let Ok(t) = apply(
            &state,
            &PreExamAction::Expire,
            Actor::System,
            today,
            &settings,
            calendar,
        ) else {
            continue;
        };
        save_state(&mut tx, id, &t.state, now).await?;
        event(&mut tx, id, &t.event, By::System, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn by_id(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!("{SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

// ---------------------------------------------------------------------------------------------
// Settings, quotas, officers' venues
// ---------------------------------------------------------------------------------------------

/// Every submitted request (`firm`: of that firm only) as the numbers read it: its firm's id
/// and name, its request and its examination as stored.
pub(crate) async fn submitted_for_stats(
    conn: &mut AnyConnection,
    firm: Option<i64>,
) -> sqlx::Result<Vec<(i64, String, Option<String>, Option<String>)>> {
    sqlx::query_as(
        "SELECT r.firm_id, f.name, r.request, r.examination FROM pre_exam_requests r \
         JOIN firms f ON f.id = r.firm_id \
         WHERE r.status IS NOT NULL AND ($1 IS NULL OR r.firm_id = $1)",
    )
    .bind(firm)
    .fetch_all(&mut *conn)
    .await
}

/// The table of the pre-examination's settings (`crate::json_settings`).
pub(crate) const SETTINGS: &str = "pre_exam_settings";

/// The settings in force: the administrators' or, until they save some, the shipped
/// (illustrative) defaults.
pub(crate) async fn settings(conn: &mut AnyConnection) -> sqlx::Result<PreExamSettings> {
    json_settings::load(conn, SETTINGS).await
}

/// A firm's quota in `year`: the center's figure for it (or the default), the extra quota,
/// and the requests submitted that year.
pub(crate) async fn quota(
    conn: &mut AnyConnection,
    firm_id: i64,
    year: i32,
    settings: &PreExamSettings,
) -> sqlx::Result<Quota> {
    let set: Option<(Option<i64>, i64)> =
        sqlx::query_as("SELECT own, extra FROM pre_exam_quotas WHERE firm_id = $1 AND year = $2")
            .bind(firm_id)
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?;
    let used: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pre_exam_requests WHERE firm_id = $1 AND submitted_on LIKE $2",
    )
    .bind(firm_id)
    .bind(format!("{year}-%"))
    .fetch_one(&mut *conn)
    .await?;
    let (own, extra) = set.unwrap_or((None, 0));
    let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    Ok(Quota::new(
        year,
        settings,
        own.map(count),
        count(extra),
        count(used),
    ))
}

/// The center's own yearly figure for the firm in `year`, if it set one.
pub(crate) async fn own_quota(
    conn: &mut AnyConnection,
    firm_id: i64,
    year: i32,
) -> sqlx::Result<Option<u32>> {
    let own: Option<Option<i64>> =
        sqlx::query_scalar("SELECT own FROM pre_exam_quotas WHERE firm_id = $1 AND year = $2")
            .bind(firm_id)
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(own
        .flatten()
        .map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX)))
}

pub(crate) async fn save_quota(
    conn: &mut AnyConnection,
    firm_id: i64,
    year: i32,
    update: &FirmQuotaUpdate,
    staff_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO pre_exam_quotas (firm_id, year, own, extra, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (firm_id, year) DO UPDATE SET own = excluded.own, \
         extra = excluded.extra, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by",
    )
    .bind(firm_id)
    .bind(year)
    .bind(update.own.map(i64::from))
    .bind(i64::from(update.extra))
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The firm with this USCC: its id.
pub(crate) async fn firm_by_uscc(
    conn: &mut AnyConnection,
    uscc: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM firms WHERE uscc = $1")
        .bind(uscc)
        .fetch_optional(&mut *conn)
        .await
}

/// The venue whose requests an officer examines.
pub(crate) async fn officer_venue(
    conn: &mut AnyConnection,
    account_id: i64,
) -> sqlx::Result<FieldVenue> {
    let code: Option<String> =
        sqlx::query_scalar("SELECT pre_exam_venue FROM staff_accounts WHERE id = $1")
            .bind(account_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(code
        .as_deref()
        .and_then(FieldVenue::from_code)
        .unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------
// Requests for extra quota (增量额度)
// ---------------------------------------------------------------------------------------------

/// A firm's request for extra quota as stored.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct QuotaRequestRow {
    pub id: i64,
    pub year: i64,
    pub extra: i64,
    pub reason: String,
    pub asked_at: i64,
    pub answered_at: Option<i64>,
    pub outcome: Option<String>,
}

impl QuotaRequestRow {
    pub fn view(&self) -> Result<QuotaRequest, ApiError> {
        Ok(QuotaRequest {
            year: i32::try_from(self.year).unwrap_or_default(),
            extra: u32::try_from(self.extra.max(0)).unwrap_or(u32::MAX),
            reason: self.reason.clone(),
            asked_on: crate::clock::shanghai_date(self.asked_at)?,
            outcome: self.outcome.as_deref().and_then(QuotaOutcome::from_code),
            answered_on: self
                .answered_at
                .map(crate::clock::shanghai_date)
                .transpose()?,
        })
    }
}

const QUOTA_REQUEST: &str = "SELECT id, year, extra, reason, asked_at, answered_at, outcome \
     FROM pre_exam_quota_requests WHERE firm_id = $1";

/// The firm's open request for extra quota, if any.
pub(crate) async fn open_quota_request(
    conn: &mut AnyConnection,
    firm_id: i64,
) -> sqlx::Result<Option<QuotaRequestRow>> {
    sqlx::query_as(&format!("{QUOTA_REQUEST} AND answered_at IS NULL"))
        .bind(firm_id)
        .fetch_optional(&mut *conn)
        .await
}

/// The firm's latest request for extra quota, open or answered.
pub(crate) async fn latest_quota_request(
    conn: &mut AnyConnection,
    firm_id: i64,
) -> sqlx::Result<Option<QuotaRequestRow>> {
    sqlx::query_as(&format!("{QUOTA_REQUEST} ORDER BY id DESC LIMIT 1"))
        .bind(firm_id)
        .fetch_optional(&mut *conn)
        .await
}

/// Records a firm's request (none open: the caller checked, in the same transaction).
pub(crate) async fn ask_quota(
    conn: &mut AnyConnection,
    (firm_id, person_id): (i64, i64),
    year: i32,
    asked: &QuotaAsked,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO pre_exam_quota_requests (firm_id, year, extra, reason, asked_at, asked_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(firm_id)
    .bind(year)
    .bind(i64::from(asked.extra))
    .bind(&asked.reason)
    .bind(now)
    .bind(person_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Closes request `id` with the administrator's outcome.
pub(crate) async fn answer_quota_request(
    conn: &mut AnyConnection,
    id: i64,
    outcome: QuotaOutcome,
    staff_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE pre_exam_quota_requests SET answered_at = $1, answered_by = $2, outcome = $3 \
         WHERE id = $4 AND answered_at IS NULL",
    )
    .bind(now)
    .bind(staff_id)
    .bind(outcome.code())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

/// 404: no such request (or not the firm's, or not the officer's venue).
pub(crate) fn not_found() -> ApiError {
    Refusal::new(
        StatusCode::NOT_FOUND,
        code::NOT_FOUND,
        Text::of(|t| t.pre_exam_not_found),
    )
    .into()
}

/// 409: the answers and documents cannot be changed now (submitted).
pub(crate) fn not_editable() -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code::NOT_EDITABLE,
        Text::of(|t| t.pre_exam_not_editable),
    )
    .into()
}
