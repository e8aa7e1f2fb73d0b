//! The routes of a draft (`/assistance/drafts/...`): starting one, reading and saving it, and
//! its files.

use anyhow::Context;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::assistance::{
    AssistanceDraft, DraftCreated, DraftView, EvidenceFile, FilePurpose,
};
use portal_domain::paths;

use crate::client_ip::ClientIp;
use crate::error::{ApiError, Text};
use crate::extract::json_rejection;
use crate::extract::Query;
use crate::tokens::{self, new_token};
use crate::AppState;

use super::checks::{ensure_open, lang, live_draft, token_hash, token_hash_and_id};
use super::limits::drafts_rate_limited;
use super::store::views::draft_view;
use super::store::{self, Owner, DRAFT_TTL_SECS, IDEMPOTENCY_TTL_SECS};
use super::uploads::{self, Destination, Incoming, UploadParams};
use crate::files::{wants_download, DownloadParams};

/// Starts a new, empty draft (and deletes the drafts that have expired).
#[utoipa::path(post, path = paths::ASSISTANCE_DRAFTS, tag = "assistance",
    operation_id = "create_assistance_draft",
    responses(
        (status = 201, description = "The new draft. Keep `token`: it is the only way back to \
            the draft", body = DraftCreated),
        (status = 429, description = "`assistance.drafts_rate_limited`: too many new drafts \
            from this address within an hour; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn create_draft(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    state
        .assistance
        .drafts
        .take(client, 1, now)
        .await?
        .map_err(drafts_rate_limited)?;
    let token = new_token()?;
    let hash = tokens::hash(&token);
    let mut tx = crate::db::write(&state.db).await?;
    let expired = store::delete_expired(&mut tx, now, now - IDEMPOTENCY_TTL_SECS).await?;
    let id = store::insert_draft(&mut tx, &hash, now, now + DRAFT_TTL_SECS).await?;
    let row = store::draft_by_id(&mut tx, id)
        .await?
        .context("the draft just inserted")
        .map_err(ApiError::Internal)?;
    let view = draft_view(&state, &mut tx, &row, lang(&headers), now).await?;
    tx.commit().await?;
    if expired > 0 {
        tracing::info!(count = expired, "expired assistance drafts deleted");
    }
    tracing::info!(draft = id, "assistance draft created");
    Ok((StatusCode::CREATED, Json(DraftCreated { token, view })).into_response())
}

/// The draft with its files and the status of each section of the task list.
#[utoipa::path(get, path = paths::ASSISTANCE_DRAFT, tag = "assistance",
    operation_id = "get_assistance_draft",
    params(("token" = String, Path, description = "The draft token")),
    responses(
        (status = 200, description = "The draft; `submitted` is set once it was submitted",
            body = DraftView),
        (status = 404, description = "No draft has this token, or it has expired",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn get_draft(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<DraftView>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let mut tx = state.db.begin().await?;
    let row = live_draft(&mut tx, &hash, now).await?;
    Ok(Json(
        draft_view(&state, &mut tx, &row, lang(&headers), now).await?,
    ))
}

/// Saves the whole draft as it is now, valid or not, and answers with every section's status
/// and problems (messages in the `Accept-Language` language). Send the whole
/// [`AssistanceDraft`]: what is left out is saved as empty. Saving moves the expiry to 30 days
/// from now.
#[utoipa::path(put, path = paths::ASSISTANCE_DRAFT, tag = "assistance",
    operation_id = "save_assistance_draft",
    params(("token" = String, Path, description = "The draft token")),
    request_body = AssistanceDraft,
    responses(
        (status = 200, description = "Saved. `sections` says what is done, in progress or \
            wrong", body = DraftView),
        (status = 400, description = "`bad_request`: not JSON, or a value of the wrong type \
            (e.g. a number where text is expected)", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No draft has this token, or it has expired",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.draft_submitted`: the draft was submitted \
            and can no longer change", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`payload_too_large`: more than 128 KB",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn save_draft(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
    body: Result<Json<AssistanceDraft>, JsonRejection>,
) -> Result<Json<DraftView>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let Json(draft) = body.map_err(json_rejection)?;
    let answers = serde_json::to_string(&draft).map_err(ApiError::internal)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = live_draft(&mut tx, &hash, now).await?;
    ensure_open(&row)?;
    store::save_draft(&mut tx, row.id, &answers, now, now + DRAFT_TTL_SECS).await?;
    let row = store::draft_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = draft_view(&state, &mut tx, &row, lang(&headers), now).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Adds an evidence file to the draft. The body is the file itself (any `Content-Type`); its
/// type is read from its content. At most 10 files of at most 10 MB each.
#[utoipa::path(post, path = paths::ASSISTANCE_DRAFT_FILES, tag = "assistance",
    operation_id = "upload_assistance_draft_file",
    params(("token" = String, Path, description = "The draft token"), UploadParams),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes: a JPEG, PNG, WebP or HEIC photo or a PDF, at most \
            10 MB (10 × 1024 × 1024 bytes)"),
    responses(
        (status = 201, description = "Stored", body = EvidenceFile),
        (status = 400, description = "`assistance.file_empty`, or `bad_request` (unknown \
            `purpose`, upload interrupted)", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No draft has this token, or it has expired",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.too_many_files` (already 10) or \
            `assistance.draft_submitted`", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`assistance.file_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 415, description = "`assistance.file_type_not_allowed`: the content is not \
            an accepted type (e.g. a program renamed .jpg)", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.uploads_rate_limited`: too many bytes \
            uploaded from this address within an hour; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn upload_draft_file(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    incoming: Incoming,
) -> Result<Response, ApiError> {
    let purpose = match incoming.params.purpose.as_deref().map(str::trim) {
        None | Some("") => FilePurpose::Evidence,
        Some(code) => FilePurpose::from_code(code).ok_or_else(|| {
            ApiError::BadRequest(Text::of(|t| t.purpose_must_evidence_authorisation_letter))
        })?,
    };
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let draft_id = {
        let mut conn = state.db.acquire().await?;
        let row = live_draft(&mut conn, &hash, now).await?;
        ensure_open(&row)?;
        row.id
    };
    let to = Destination::Draft {
        id: draft_id,
        purpose,
    };
    uploads::store(&state, incoming, to, now).await
}

/// One file of the draft, with its real type (for previews).
#[utoipa::path(get, path = paths::ASSISTANCE_DRAFT_FILE, tag = "assistance",
    operation_id = "download_assistance_draft_file",
    params(("token" = String, Path, description = "The draft token"),
        ("id" = i64, Path, description = "The file's id"), DownloadParams),
    responses(
        crate::files::FileServed,
        (status = 404, description = "No such file in this draft", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download_draft_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    Query(params): Query<DownloadParams>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let (hash, file_id) = token_hash_and_id(path)?;
    let mut tx = state.db.begin().await?;
    let draft = live_draft(&mut tx, &hash, now).await?;
    uploads::serve(
        &mut tx,
        Owner::Draft(draft.id),
        file_id,
        wants_download(&params),
    )
    .await
}

/// Removes a file from the draft.
#[utoipa::path(delete, path = paths::ASSISTANCE_DRAFT_FILE,
    tag = "assistance", operation_id = "delete_assistance_draft_file",
    params(("token" = String, Path, description = "The draft token"),
        ("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The draft without the file", body = DraftView),
        (status = 404, description = "No such file in this draft", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.draft_submitted`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn delete_draft_file(
    State(state): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, i64)>, PathRejection>,
) -> Result<Json<DraftView>, ApiError> {
    let now = state.clock.now();
    let (hash, file_id) = token_hash_and_id(path)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = live_draft(&mut tx, &hash, now).await?;
    ensure_open(&row)?;
    if !store::delete_file(&mut tx, Owner::Draft(row.id), "draft", file_id).await? {
        return Err(ApiError::NotFound);
    }
    store::touch_draft(&mut tx, row.id, now, now + DRAFT_TTL_SECS).await?;
    let row = store::draft_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = draft_view(&state, &mut tx, &row, lang(&headers), now).await?;
    tx.commit().await?;
    tracing::info!(
        draft = row.id,
        file = file_id,
        "assistance draft file deleted"
    );
    Ok(Json(view))
}
