//! Submitting a draft (`/assistance/drafts/{token}/submit`): every section checked again, then
//! the request created from it in one transaction, made safe to retry by its idempotency key.

use anyhow::Context;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use portal_domain::api::assistance::{
    code, initial_review_due, AssistanceError, AssistanceRequest, AssistanceSubmitted,
    DraftContext, GiId, RequestStatus,
};
use portal_domain::paths;
use sqlx::AnyExecutor;

use crate::clock::shanghai_date;
use crate::error::{ApiError, FieldProblem, Refusal, Text};
use crate::idempotency;
use crate::tokens::{self, new_token};
use crate::AppState;

use super::checks::{ensure_open, live_draft, token_hash};
use super::store::views::{tracking, views};
use super::store::{self, requests, DRAFT_TTL_SECS};

/// The idempotency key of a submit: its codes, and what the "missing" message asks for.
const KEY_RULES: idempotency::KeyRules = idempotency::KeyRules {
    missing_code: code::IDEMPOTENCY_KEY_MISSING,
    invalid_code: code::IDEMPOTENCY_KEY_INVALID,
    missing: |t| t.assistance_key_missing,
};

/// Submits the draft: checks every section again, then creates the request with its reference
/// and tracking token, moves the draft's files to it and closes the draft, in one transaction.
/// Send a fresh `Idempotency-Key` per attempt and the same key when retrying: the same key for
/// the same draft gives the same 201 answer (tracking token included) and never a second
/// request.
#[utoipa::path(post, path = paths::ASSISTANCE_DRAFT_SUBMIT, tag = "assistance",
    operation_id = "submit_assistance_draft",
    params(("token" = String, Path, description = "The draft token"),
        ("Idempotency-Key" = String, Header,
            description = "1 to 128 printable ASCII characters, new for each submission")),
    responses(
        (status = 201, description = "Submitted. Keep `tracking_token`: it is shown once",
            body = AssistanceSubmitted),
        (status = 400, description = "`assistance.draft_incomplete` with per-field codes \
            (field names such as `applicant.name`), `assistance.idempotency_key_missing` or \
            `assistance.idempotency_key_invalid`", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No draft has this token, or it has expired",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.draft_submitted`: already submitted with \
            another key", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`assistance.idempotency_key_reused`: the key was used \
            for another draft", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let key = idempotency::key(&headers, KEY_RULES)?;
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let draft_id = {
        let mut conn = state.db.acquire().await?;
        let row = live_draft(&mut conn, &hash, now).await?;
        // A retry of a submission that went through gets the first answer.
        if let Some(answer) = replay(&mut *conn, &key, row.id).await? {
            return Ok(answer);
        }
        ensure_open(&row)?;
        row.id
    };
    let today = shanghai_date(now)?;

    let mut tx = crate::db::write(&state.db).await?;
    // Again under the write lock: a request with the same key may have committed meanwhile.
    if let Some(answer) = replay(&mut *tx, &key, draft_id).await? {
        return Ok(answer);
    }
    let draft = store::draft_by_id(&mut tx, draft_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    ensure_open(&draft)?;
    let file_rows = store::draft_files(&mut tx, draft.id).await?;
    let files = views(&file_rows)?;
    let request = {
        let gi_exists = |id: &GiId| state.gi.find(id.as_str()).is_some();
        let context = DraftContext {
            today,
            files: &files,
            gi_exists: &gi_exists,
        };
        AssistanceRequest::parse(&draft.draft(), &context).map_err(incomplete)?
    };

    let reference = requests::new_reference(&mut tx).await?;
    let tracking_token = new_token()?;
    let token_hash = tokens::hash(&tracking_token);
    let due = initial_review_due(&state.calendar(), today).ok();
    let request_id =
        requests::insert(&mut tx, &reference, &token_hash, &request, today, due, now).await?;
    let submitted = store::Event {
        request_id,
        status: RequestStatus::Submitted,
        note: None,
        at: now,
    };
    store::add_event(&mut tx, submitted).await?;
    requests::close_draft(&mut tx, draft.id, request_id, now, now + DRAFT_TTL_SECS).await?;
    let row = store::request_by_id(&mut tx, request_id)
        .await?
        .context("the request just inserted")
        .map_err(ApiError::Internal)?;
    let submitted = AssistanceSubmitted {
        reference: reference.to_string(),
        tracking_token,
        request: tracking(&state, &mut tx, &row, now).await?,
    };
    let answer = serde_json::to_string(&submitted).map_err(ApiError::internal)?;
    requests::remember_answer(&mut tx, &key, draft.id, &answer, now).await?;
    tx.commit().await?;
    tracing::info!(
        draft = draft.id,
        request = request_id,
        files = files.len(),
        "assistance request submitted"
    );
    Ok(idempotency::created_answer(answer))
}

/// The stored answer for `key`, if it was used: for the same draft it is given again, for
/// another draft the key is refused.
async fn replay<'e>(
    executor: impl AnyExecutor<'e>,
    key: &str,
    draft_id: i64,
) -> Result<Option<Response>, ApiError> {
    let stored = idempotency::stored_answer::<i64>(executor, requests::STORED_ANSWER, key).await?;
    match stored {
        None => Ok(None),
        Some((id, answer)) if id == draft_id => Ok(Some(idempotency::created_answer(answer))),
        Some(_) => Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::IDEMPOTENCY_KEY_REUSED,
            Text::of(|t| t.assistance_key_reused),
        )
        .into()),
    }
}

/// 400 with what is still to be done, field by field.
fn incomplete(problems: Vec<(&'static str, AssistanceError)>) -> ApiError {
    let mut refusal = Refusal::new(
        StatusCode::BAD_REQUEST,
        code::DRAFT_INCOMPLETE,
        Text::of(|t| t.application_complete_yet_see_message),
    );
    for (field, problem) in &problems {
        // One message per field: the first problem found.
        if !refusal.fields.iter().any(|f| f.field == *field) {
            refusal
                .fields
                .push(FieldProblem::from_domain(field, problem));
        }
    }
    refusal.into()
}
