//! A firm's registration (专利预审备案) as the firm sees and fills it in
//! (`/api/v1/firm/registration`): the answers saved as it types, what the eligibility rules say
//! of them, its uploaded materials ([`files`]), and submitting (again, after a request to
//! amend). The officers' side is
//! `crate::staff::registrations`; the shapes and the status machine are in
//! `portal_domain::api::firm::registration`.

pub(crate) mod files;
pub(crate) mod rounds;
pub(crate) mod store;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use portal_domain::api::firm::registration::{
    evaluate, missing_materials, Cancellation, Certificate, FastTrackSettings, FirmRegistration,
    Outcome, RegistrationAnswers, RegistrationError, RegistrationFile, RegistrationKind,
    RegistrationStatus,
};
use portal_domain::calendar::Date;
use portal_domain::paths;

use super::person::Firm;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::AppState;
use sqlx::AnyConnection;
use store::{By, Row};

/// A firm's rounds as its pages need them: the current one (its latest) and its last
/// registration (registered or cancelled), which may be an earlier round.
pub(crate) struct Rounds {
    pub current: Option<Row>,
    pub last: Option<Row>,
}

impl Rounds {
    pub async fn load(conn: &mut AnyConnection, firm_id: i64) -> sqlx::Result<Rounds> {
        Ok(Rounds {
            current: store::for_firm(conn, firm_id).await?,
            last: store::last_registration(conn, firm_id).await?,
        })
    }

    /// The registration in force.
    pub fn in_force(&self, today: Date) -> Option<&Row> {
        self.last.as_ref().filter(|r| r.in_force(today))
    }

    pub fn certificate(&self, settings: &FastTrackSettings) -> Option<Certificate> {
        let last = self
            .last
            .as_ref()
            .filter(|r| r.status() == RegistrationStatus::Registered)?;
        last.certificate(&last.answers(), settings)
    }

    pub fn cancellation(&self) -> Option<Cancellation> {
        self.last.as_ref().and_then(Row::cancellation)
    }

    /// The rounds the firm may start now (see [`FirmRegistration::may_start`]).
    pub fn may_start(&self, today: Date) -> Vec<RegistrationKind> {
        match &self.current {
            Some(current) if current.status().open() => Vec::new(),
            _ if self.in_force(today).is_some() => vec![RegistrationKind::Change],
            Some(_) => vec![RegistrationKind::Application],
            None => Vec::new(),
        }
    }
}

/// What the firm sees: its current round (or a new firm's empty draft) and its registration.
fn view(
    rounds: &Rounds,
    files: Vec<RegistrationFile>,
    firm_name: &str,
    settings: FastTrackSettings,
    state: &AppState,
    today: Date,
) -> FirmRegistration {
    let row = rounds.current.as_ref();
    let answers = row.map(Row::answers).unwrap_or_default();
    let status = row.map_or(RegistrationStatus::Draft, Row::status);
    FirmRegistration {
        status,
        kind: row.map(Row::kind).unwrap_or_default(),
        reference: row.and_then(|r| r.reference.clone()),
        firm_name: firm_name.to_owned(),
        sections: FirmRegistration::sections_of(&answers, &files, &settings, today),
        files,
        eligibility: evaluate(&answers, &settings.rules, &settings.fields, today),
        defects: if status == RegistrationStatus::NeedsAmendment {
            row.map(Row::defects).unwrap_or_default()
        } else {
            Vec::new()
        },
        due_on: row.and_then(Row::due_on),
        days_left: state.days_left(today, row.and_then(Row::running_due_on)),
        certificate: rounds.certificate(&settings),
        refusal_reason: row
            .filter(|r| r.status() == RegistrationStatus::Refused)
            .and_then(|r| r.refusal_reason.clone()),
        cancellation: rounds.cancellation(),
        may_start: rounds.may_start(today),
        answers,
        settings,
        today,
    }
}

pub(crate) async fn current(
    state: &AppState,
    conn: &mut AnyConnection,
    firm_id: i64,
    firm_name: &str,
) -> Result<FirmRegistration, ApiError> {
    let today = state.today()?;
    let settings = store::settings(conn).await?;
    let rounds = Rounds::load(conn, firm_id).await?;
    let files = store::file_views(conn, rounds.current.as_ref().map(|r| r.id)).await?;
    Ok(view(&rounds, files, firm_name, settings, state, today))
}

/// The firm's registration (an empty draft until it saves something).
#[utoipa::path(get, path = paths::FIRM_REGISTRATION, tag = "firm",
    operation_id = "firm_registration",
    responses(
        (status = 200, description = "The registration", body = FirmRegistration),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn show(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmRegistration>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(
        current(&state, &mut conn, person.firm_id, &person.firm_name).await?,
    ))
}

/// Saves the answers of a draft (or of a registration sent back to amend). Answers may be
/// incomplete; what is given must be right (every problem at once, each at its `section.field`).
#[utoipa::path(put, path = paths::FIRM_REGISTRATION, tag = "firm",
    operation_id = "firm_save_registration",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = RegistrationAnswers,
    responses(
        (status = 200, description = "Saved", body = FirmRegistration),
        (status = 400, description = "`validation_failed`, at `section.field` names", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 409, description = "`registration.not_editable`: submitted and not sent back", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn save(
    State(state): State<AppState>,
    Firm(person): Firm,
    body: Result<Json<RegistrationAnswers>, JsonRejection>,
) -> Result<Json<FirmRegistration>, ApiError> {
    let Json(answers) = body.map_err(json_rejection)?;
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let settings = store::settings(&mut tx).await?;
    ApiError::if_any(answers.problems(&settings.fields, today))?;
    let json = serde_json::to_string(&answers).map_err(ApiError::internal)?;
    let row = store::editable_for_firm(&mut tx, person.firm_id, now).await?;
    sqlx::query("UPDATE registrations SET answers = $1, updated_at = $2 WHERE id = $3")
        .bind(&json)
        .bind(now)
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
    let view = current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Submits the saved answers (or resubmits them after a request to amend): every question
/// answered, nothing wrong, and an explanation when a rule is not met. The registration gets its
/// reference and the review's due day. Submitting what is already submitted changes nothing and
/// answers as `GET` does, so a retried submit is safe.
#[utoipa::path(post, path = paths::FIRM_REGISTRATION_SUBMIT, tag = "firm",
    operation_id = "firm_submit_registration",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Submitted (or already was)", body = FirmRegistration),
        (status = 400, description = "`validation_failed`: what is missing or wrong, at `section.field` names (a required material without a file at `uploads.<purpose>`, `registration.material_missing`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
    ))]
pub async fn submit(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmRegistration>, ApiError> {
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let settings = store::settings(&mut tx).await?;
    let row = store::for_firm(&mut tx, person.firm_id).await?;
    let answers = row.as_ref().map(Row::answers).unwrap_or_default();
    let status = row.as_ref().map_or(RegistrationStatus::Draft, Row::status);
    let files = store::file_views(&mut tx, row.as_ref().map(|r| r.id)).await?;
    if !status.editable() {
        let view = current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
        drop(tx);
        return Ok(Json(view));
    }
    let mut problems = answers.check_for_submission(&settings.fields, today);
    problems.extend(missing_materials(&files, &settings.materials));
    let unmet = evaluate(&answers, &settings.rules, &settings.fields, today)
        .iter()
        .any(|o| o.outcome == Outcome::NotMet);
    let explained = answers
        .explanation
        .as_deref()
        .is_some_and(|e| !e.trim().is_empty());
    if unmet && !explained {
        problems.push((
            "declaration.explanation".into(),
            RegistrationError::ExplanationNeeded,
        ));
    }
    let Some(row) = row.filter(|_| problems.is_empty()) else {
        return Err(ApiError::fields(problems));
    };
    let due = state
        .calendar()
        .add_working_days(today, settings.limits.review_working_days)
        .ok();
    let reference = row
        .reference
        .clone()
        .unwrap_or_else(|| format!("BA-{}-{:06}", today.year(), row.id));
    sqlx::query(
        "UPDATE registrations SET status = 'submitted', reference = $1, submitted_at = $2, \
         due_on = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(&reference)
    .bind(now)
    .bind(due.map(|d| d.to_string()))
    .bind(now)
    .bind(row.id)
    .execute(&mut *tx)
    .await?;
    let action = if status == RegistrationStatus::Draft {
        "submitted"
    } else {
        "resubmitted"
    };
    store::event(
        &mut tx,
        row.id,
        By::Person(person.person_id),
        action,
        "",
        now,
    )
    .await?;
    person
        .audit(
            &mut tx,
            &format!("registration.{action}"),
            &format!("registration {}", row.id),
            now,
        )
        .await?;
    let view = current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
    tx.commit().await?;
    Ok(Json(view))
}
