//! A registered firm's pre-examination requests (专利预审申请, issue #15) as the firm sees and
//! fills them in (`/api/v1/firm/pre-exams`): drafts saved as it types, its documents
//! ([`files`]), submitting (once: a retried submit answers as `GET` does), replying to an
//! amendment request and reporting the national filing after passing; asking for extra quota
//! ([`quota_requests`]). The officers' side is
//! `crate::staff::pre_exams`; the rules, the examination's states and the shapes are in
//! `portal_domain::api::firm::pre_exam`.
//!
//! Starting and submitting a request need a registration in force (part 1's
//! `super::registration::Rounds::in_force`). A request whose reply deadline has passed is
//! withdrawn when next read (`store::expire_overdue`).

pub(crate) mod exam;
pub(crate) mod file_store;
pub(crate) mod files;
pub(crate) mod quota_requests;
pub(crate) mod stats;
pub(crate) mod store;

use axum::extract::rejection::JsonRejection;
use axum::extract::FromRequestParts;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::pre_exam::{
    check_submission, code, documents_for, submit as submit_exam, Actor, FilingReport, FirmNumbers,
    FirmPreExam, FirmPreExamList, PreExamAction, PreExamAnswers, MAX_OPEN_DRAFTS,
};
use portal_domain::calendar::Date;
use portal_domain::paths;
use sqlx::AnyConnection;

use super::person::Firm;
use super::registration::Rounds;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::AppState;
use store::{By, Row, Scope};

/// The `{id}` of a pre-examination request's route. Anything that is not an id names no
/// request: 404 `pre_exam.not_found`, as for a request that is not there (or not the caller's).
pub(crate) struct RequestId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(id) = Path::<i64>::from_request_parts(parts, state)
            .await
            .map_err(|_| store::not_found())?;
        Ok(RequestId(id))
    }
}

/// Whether the firm has a registration in force today.
async fn registered(conn: &mut AnyConnection, firm_id: i64, today: Date) -> sqlx::Result<bool> {
    Ok(Rounds::load(conn, firm_id).await?.in_force(today).is_some())
}

/// 403: the firm has no registration in force.
fn not_registered() -> ApiError {
    Refusal::new(
        StatusCode::FORBIDDEN,
        code::NOT_REGISTERED,
        Text::of(|t| t.pre_exam_not_registered),
    )
    .into()
}

/// The firm's request `id` as it sees it.
pub(crate) async fn view(
    state: &AppState,
    conn: &mut AnyConnection,
    firm_id: i64,
    id: i64,
) -> Result<FirmPreExam, ApiError> {
    let today = state.today()?;
    let row = store::firm_request(conn, firm_id, id)
        .await?
        .ok_or_else(store::not_found)?;
    let settings = store::settings(conn).await?;
    let fields = crate::firms::registration::store::settings(conn)
        .await?
        .fields;
    let quota = store::quota(conn, firm_id, today.year(), &settings).await?;
    let answers = row.answers();
    let examination = row.examination();
    let days_left = state.days_left(today, examination.as_ref().and_then(|e| e.due_on));
    Ok(FirmPreExam {
        id: row.id,
        reference: row.reference.clone(),
        documents: documents_for(&answers),
        files: file_store::file_views(conn, row.id).await?,
        events: store::events(conn, row.id).await?,
        answers,
        examination,
        days_left,
        fields,
        settings,
        quota,
        today,
    })
}

/// The firm's request `id` for a change: 404 if it is not the firm's.
async fn own(conn: &mut AnyConnection, firm_id: i64, id: i64) -> Result<Row, ApiError> {
    store::firm_request(conn, firm_id, id)
        .await?
        .ok_or_else(store::not_found)
}

/// Withdraws the firm's requests whose reply deadline has passed (see `store::expire_overdue`).
async fn expire(state: &AppState, scope: Scope) -> Result<(), ApiError> {
    let today = (state.today()?, state.clock.now());
    store::expire_overdue(&state.db, scope, today, &state.calendar()).await
}

/// The firm's requests, newest first, with its quota this year.
#[utoipa::path(get, path = paths::FIRM_PRE_EXAMS, tag = "firm",
    operation_id = "firm_pre_exams",
    responses(
        (status = 200, description = "The requests", body = FirmPreExamList),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn list(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmPreExamList>, ApiError> {
    expire(&state, Scope::Firm(person.firm_id)).await?;
    let today = state.today()?;
    let calendar = state.calendar();
    let mut conn = state.db.acquire().await?;
    let settings = store::settings(&mut conn).await?;
    let items = store::for_firm(&mut conn, person.firm_id)
        .await?
        .iter()
        .map(|r| r.summary(today, &calendar))
        .collect();
    Ok(Json(FirmPreExamList {
        items,
        quota: store::quota(&mut conn, person.firm_id, today.year(), &settings).await?,
        registered: registered(&mut conn, person.firm_id, today).await?,
        today,
        quota_request: store::open_quota_request(&mut conn, person.firm_id)
            .await?
            .map(|r| r.view())
            .transpose()?,
    }))
}

/// The firm's own numbers: the center's computation (`pre_exam_stats`) over its requests only.
/// Apart from the list so that the list's page does not load them.
#[utoipa::path(get, path = paths::FIRM_PRE_EXAM_NUMBERS, tag = "firm",
    operation_id = "firm_pre_exam_numbers",
    responses(
        (status = 200, description = "The firm's numbers", body = FirmNumbers),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn numbers(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmNumbers>, ApiError> {
    expire(&state, Scope::Firm(person.firm_id)).await?;
    let mut conn = state.db.acquire().await?;
    let all = stats::stats(&mut conn, &state, Some(person.firm_id)).await?;
    Ok(Json(FirmNumbers::from(&all)))
}

/// Starts a new, empty draft (a firm with a registration in force only).
#[utoipa::path(post, path = paths::FIRM_PRE_EXAMS, tag = "firm",
    operation_id = "firm_create_pre_exam",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 201, description = "The new draft", body = FirmPreExam),
        crate::refusals::FirmSignedIn,
        (status = 403, description = "`firm.csrf`, or `pre_exam.not_registered`: no registration in force", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.too_many_drafts`: 20 drafts not yet submitted", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Response, ApiError> {
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    if !registered(&mut tx, person.firm_id, today).await? {
        return Err(not_registered());
    }
    if store::open_drafts(&mut tx, person.firm_id).await? >= MAX_OPEN_DRAFTS as i64 {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_DRAFTS,
            Text::with(|t| t.pre_exam_too_many_drafts(MAX_OPEN_DRAFTS)),
        )
        .into());
    }
    let id = store::create_draft(&mut tx, person.firm_id, person.person_id, now).await?;
    person
        .audit(&mut tx, "pre_exam.created", &format!("pre_exam {id}"), now)
        .await?;
    let view = view(&state, &mut tx, person.firm_id, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// One of the firm's requests, with its examination and history.
#[utoipa::path(get, path = paths::FIRM_PRE_EXAM, tag = "firm",
    operation_id = "firm_pre_exam",
    params(("id" = i64, Path, description = "The request's id")),
    responses(
        (status = 200, description = "The request", body = FirmPreExam),
        crate::refusals::FirmSignedIn,
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn show(
    State(state): State<AppState>,
    Firm(person): Firm,
    RequestId(id): RequestId,
) -> Result<Json<FirmPreExam>, ApiError> {
    expire(&state, Scope::Firm(person.firm_id)).await?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(view(&state, &mut conn, person.firm_id, id).await?))
}

/// Saves a draft's answers. Answers may be incomplete; what is given must be right (every
/// problem at once, each at its field: a class outside the venue's fields names the fields it
/// serves; an exclusion answered "yes" says why).
#[utoipa::path(put, path = paths::FIRM_PRE_EXAM, tag = "firm",
    operation_id = "firm_save_pre_exam",
    params(("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = PreExamAnswers,
    responses(
        (status = 200, description = "Saved", body = FirmPreExam),
        (status = 400, description = "`validation_failed`, at the answers' field names", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.not_editable`: submitted", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn save(
    State(state): State<AppState>,
    Firm(person): Firm,
    RequestId(id): RequestId,
    body: Result<Json<PreExamAnswers>, JsonRejection>,
) -> Result<Json<FirmPreExam>, ApiError> {
    let Json(answers) = body.map_err(json_rejection)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = own(&mut tx, person.firm_id, id).await?;
    if row.examination.is_some() {
        return Err(store::not_editable());
    }
    let fields = crate::firms::registration::store::settings(&mut tx)
        .await?
        .fields;
    ApiError::if_any(answers.problems(&fields))?;
    store::save_answers(&mut tx, id, &answers, now).await?;
    let view = view(&state, &mut tx, person.firm_id, id).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Submits a draft: every question answered, nothing excluded, the class served by the venue,
/// a file for every document, a registration in force and quota left. The request gets its
/// reference (`YS-<year>-<id>`) and the acceptance limit. Submitting what is already submitted
/// changes nothing and answers as `GET` does, so a retried submit is safe.
#[utoipa::path(post, path = paths::FIRM_PRE_EXAM_SUBMIT, tag = "firm",
    operation_id = "firm_submit_pre_exam",
    params(("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Submitted (or already was)", body = FirmPreExam),
        (status = 400, description = "`validation_failed`: every missing or wrong answer and missing document (`documents.<code>`, `pre_exam.document_missing`) at once", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmSignedIn,
        (status = 403, description = "`firm.csrf`, or `pre_exam.not_registered`", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.quota_used`: the year's quota is used (ask for more), or `calendar.not_published`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    Firm(person): Firm,
    RequestId(id): RequestId,
) -> Result<Json<FirmPreExam>, ApiError> {
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = own(&mut tx, person.firm_id, id).await?;
    if row.examination.is_none() {
        if !registered(&mut tx, person.firm_id, today).await? {
            return Err(not_registered());
        }
        let fields = crate::firms::registration::store::settings(&mut tx)
            .await?
            .fields;
        let files = file_store::file_views(&mut tx, id).await?;
        let request =
            check_submission(&row.answers(), &files, &fields).map_err(ApiError::fields)?;
        let settings = store::settings(&mut tx).await?;
        let quota = store::quota(&mut tx, person.firm_id, today.year(), &settings).await?;
        let t = submit_exam(&request, &quota, today, &settings, &state.calendar())
            .map_err(|e| exam::refusal(StatusCode::CONFLICT, &e))?;
        store::submit(&mut tx, id, &request, &t.state, now).await?;
        store::event(&mut tx, id, &t.event, By::Person(person.person_id), now).await?;
        person
            .audit(
                &mut tx,
                "pre_exam.submitted",
                &format!("pre_exam {id}"),
                now,
            )
            .await?;
    }
    let view = view(&state, &mut tx, person.firm_id, id).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// A firm's step on its submitted request, by the domain's rules.
async fn firm_step(
    state: &AppState,
    person: &super::FirmPerson,
    id: i64,
    action: PreExamAction,
) -> Result<Json<FirmPreExam>, ApiError> {
    expire(state, Scope::One(id)).await?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = own(&mut tx, person.firm_id, id).await?;
    let exam = row.examination().ok_or_else(|| {
        exam::refused(
            &action,
            portal_domain::api::firm::pre_exam::PreExamError::WrongStatus,
        )
    })?;
    let by = (Actor::Firm, By::Person(person.person_id));
    exam::act(&mut tx, state, (id, &exam), &action, by, now).await?;
    person
        .audit(
            &mut tx,
            &format!("pre_exam.{}", action.code()),
            &format!("pre_exam {id}"),
            now,
        )
        .await?;
    let view = view(state, &mut tx, person.firm_id, id).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// The firm's reply to an amendment request (its amended documents uploaded first), within the
/// reply deadline: the request goes back to examination.
#[utoipa::path(post, path = paths::FIRM_PRE_EXAM_REPLY, tag = "firm",
    operation_id = "firm_reply_pre_exam",
    params(("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Replied", body = FirmPreExam),
        crate::refusals::FirmWriting,
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.wrong_status` (not waiting for a reply, or withdrawn: the deadline passed)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    Firm(person): Firm,
    RequestId(id): RequestId,
) -> Result<Json<FirmPreExam>, ApiError> {
    firm_step(&state, &person, id, PreExamAction::Reply).await
}

/// The national application filed after passing: its number (checked with its ZC 0006 check
/// character, its kind digit against the request's kind, its year against the filing date) and
/// filing date.
#[utoipa::path(post, path = paths::FIRM_PRE_EXAM_FILING, tag = "firm",
    operation_id = "firm_report_pre_exam_filing",
    params(("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = FilingReport,
    responses(
        (status = 200, description = "Reported", body = FirmPreExam),
        (status = 400, description = "`validation_failed` at `number` (`patent_number.…`, `pre_exam.number_kind`, `pre_exam.number_year`) or `filed_on`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.wrong_status`: not passed", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn filing(
    State(state): State<AppState>,
    Firm(person): Firm,
    RequestId(id): RequestId,
    body: Result<Json<FilingReport>, JsonRejection>,
) -> Result<Json<FirmPreExam>, ApiError> {
    let Json(report) = body.map_err(json_rejection)?;
    firm_step(&state, &person, id, PreExamAction::ReportFiling(report)).await
}
