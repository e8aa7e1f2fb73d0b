//! A firm's registration (专利预审备案) as the firm sees and fills it in
//! (`/api/v1/firm/registration`): the answers saved as it types, what the eligibility rules say
//! of them, its uploaded materials ([`files`]), and submitting (again, after a request to
//! amend). The officers' side is
//! `crate::staff::registrations`; the shapes and the status machine are in
//! `portal_domain::api::firm::registration`.

pub(crate) mod files;
pub(crate) mod store;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use portal_domain::api::firm::registration::{
    evaluate, missing_materials, FastTrackSettings, FirmRegistration, Outcome, RegistrationAnswers,
    RegistrationError, RegistrationFile, RegistrationStatus,
};
use portal_domain::calendar::Date;
use portal_domain::paths;

use super::accounts::audit;
use super::person::Firm;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::AppState;
use store::{By, Row};

/// What the firm sees: its row, or a new firm's empty draft.
fn view(
    row: Option<&Row>,
    files: Vec<RegistrationFile>,
    firm_name: &str,
    settings: FastTrackSettings,
    today: Date,
) -> FirmRegistration {
    let answers = row.map(Row::answers).unwrap_or_default();
    let status = row.map_or(RegistrationStatus::Draft, Row::status);
    FirmRegistration {
        status,
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
        certificate: row.and_then(|r| r.certificate(&answers, &settings)),
        refusal_reason: row.and_then(|r| r.refusal_reason.clone()),
        answers,
        settings,
        today,
    }
}

async fn current(
    state: &AppState,
    firm_id: i64,
    firm_name: &str,
) -> Result<FirmRegistration, ApiError> {
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    view_of(&mut conn, firm_id, firm_name, today).await
}

/// The firm's registration as it is in the database (an empty draft if it has none).
pub(crate) async fn view_of(
    conn: &mut sqlx::SqliteConnection,
    firm_id: i64,
    firm_name: &str,
    today: Date,
) -> Result<FirmRegistration, ApiError> {
    let settings = store::settings(conn).await?;
    let row = store::for_firm(conn, firm_id).await?;
    let files = store::file_views(conn, row.as_ref().map(|r| r.id)).await?;
    Ok(view(row.as_ref(), files, firm_name, settings, today))
}

/// The firm's registration (an empty draft until it saves something).
#[utoipa::path(get, path = paths::FIRM_REGISTRATION, tag = "firm",
    operation_id = "firm_registration",
    responses(
        (status = 200, description = "The registration", body = FirmRegistration),
        (status = 401, description = "`firm.unauthenticated`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn show(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmRegistration>, ApiError> {
    Ok(Json(
        current(&state, person.firm_id, &person.firm_name).await?,
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
        (status = 401, description = "`firm.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`firm.csrf`", body = portal_domain::api::ApiErrorBody),
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
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let settings = store::settings(&mut tx).await?;
    let problems = answers.problems(&settings.fields, today);
    if !problems.is_empty() {
        return Err(ApiError::fields(problems));
    }
    let json = serde_json::to_string(&answers).map_err(ApiError::internal)?;
    let row = store::editable_for_firm(&mut tx, person.firm_id, now).await?;
    sqlx::query("UPDATE registrations SET answers = ?, updated_at = ? WHERE id = ?")
        .bind(&json)
        .bind(now)
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
    let view = view_of(&mut tx, person.firm_id, &person.firm_name, today).await?;
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
        (status = 401, description = "`firm.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`firm.csrf`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmRegistration>, ApiError> {
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let settings = store::settings(&mut tx).await?;
    let row = store::for_firm(&mut tx, person.firm_id).await?;
    let answers = row.as_ref().map(Row::answers).unwrap_or_default();
    let status = row.as_ref().map_or(RegistrationStatus::Draft, Row::status);
    let files = store::file_views(&mut tx, row.as_ref().map(|r| r.id)).await?;
    if !status.editable() {
        drop(tx);
        return Ok(Json(view(
            row.as_ref(),
            files,
            &person.firm_name,
            settings,
            today,
        )));
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
        "UPDATE registrations SET status = 'submitted', reference = ?, submitted_at = ?, \
         due_on = ?, updated_at = ? WHERE id = ?",
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
    audit(
        &mut tx,
        person.firm_id,
        Some(person.person_id),
        &format!("registration.{action}"),
        &format!("registration {}", row.id),
        now,
    )
    .await?;
    let row = store::by_id(&mut tx, row.id).await?;
    tx.commit().await?;
    Ok(Json(view(
        row.as_ref(),
        files,
        &person.firm_name,
        settings,
        today,
    )))
}
