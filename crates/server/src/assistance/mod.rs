//! Rights-assistance requests (维权援助申请): drafts that save themselves, evidence uploads,
//! submission, tracking, withdrawal and replies to the center's messages. The JSON shapes and
//! the checks shared with the browser are in `portal_domain::api::assistance`, whose module
//! documentation lists the routes.
//!
//! Secrets. A draft is reached with a draft token, a submitted request with a tracking token:
//! 256 random bits each, of which only the SHA-256 is stored (like booking's manage tokens). A
//! malformed, unknown or expired token is the same 404 as any unknown address. A request can
//! also be looked up by reference + mobile number; that shows its progress and messages but
//! not the answers or the files, and cannot act on it (withdraw, reply, upload), which takes
//! the tracking link.
//!
//! Drafts are kept 30 days after their last change (upload and deletion of files included),
//! then deleted with their files when the next draft is created. Saving a draft never fails
//! because of what is in it: the answer lists every section's status and problems, so the task
//! list shows where the person left off. Only a body that is not JSON (400) or larger than
//! 128 KB (413) is refused.
//!
//! Files. An upload's body is the file itself; its name comes in `?name=` (percent-encoded).
//! The type is taken from the first bytes of the content (JPEG, PNG, WebP, HEIC or PDF), never
//! from the name or `Content-Type`, and the file is served back with that type,
//! `X-Content-Type-Options: nosniff` and `Cache-Control: private, no-store`, only to the holder
//! of the token of the draft or request it belongs to. Contents are stored in the database
//! (`assistance_blobs`, keyed by SHA-256, shared by identical uploads) rather than on disk:
//! then a file and the row that says whose it is are committed together, submitting moves the
//! draft's files to the request in the same transaction that creates the request, and there is
//! no second store to back up or to leave orphans in after a crash. SQLite handles blobs of
//! 10 MB well; at most 10 files per draft keeps a draft under about 100 MB.
//!
//! Limits per client address (`crate::client_ip`), in memory, for the routes anyone can call
//! without a secret: at most [`NEW_DRAFTS_PER_CLIENT`] new drafts and
//! [`UPLOAD_BYTES_PER_CLIENT`] of uploaded files (drafts and replies together) within an hour
//! ([`ClientLimits`]); past them 429 `assistance.drafts_rate_limited` or
//! `assistance.uploads_rate_limited` with `Retry-After`, before the database is touched or the
//! file is read. An upload reserves its declared length (10 MB without one) before a byte is
//! read, so parallel uploads cannot all pass, and counts the bytes really read afterwards,
//! refused files (413, 415) included (`read_within_budget`). A person applying needs one draft and at most 100 MB; the limits leave room
//! for a service hall's terminals behind one address, and keep one address from filling the
//! database (10 files of 10 MB in each of many drafts, kept 30 days).
//!
//! Concurrency. Every write that checks a limit (10 files) or a state (the draft is still open,
//! the request can still be withdrawn) runs in a `BEGIN IMMEDIATE` transaction and reads the
//! state again under the write lock (see `crate::booking` on why IMMEDIATE).
//!
//! Logs name drafts, requests, files and messages by their row ids only: never a name, number,
//! file name or token.

mod file_check;
pub(crate) mod files;
pub(crate) mod store;

use anyhow::Context;
use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use portal_domain::api::assistance::{
    code, format_yuan, initial_review_due, next_deadline, section_reports, ApplicantView,
    AssistanceDetails, AssistanceDraft, AssistanceError, AssistanceLookupRequest,
    AssistanceProgress, AssistanceReference, AssistanceRequest, AssistanceSubmitted,
    AssistanceTracking, CenterMessage, DraftContext, DraftCreated, DraftView, EvidenceFile,
    FactsView, FilePurpose, GiId, MessageReply, ReplyRequest, RequestStatus, SectionStatus,
    SubmittedDraft, TimelineEvent, WithdrawRequest, DRAFT_TTL_DAYS, MAX_FILES, MAX_FILE_BYTES,
    MAX_STAGED_FILES, ONE_CLICK_WITHDRAW_SECS,
};
use portal_domain::api::booking::format_shanghai;
use portal_domain::calendar::Date;
use portal_domain::Lang;
use serde::Deserialize;
use sqlx::{SqliteConnection, SqliteExecutor};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::client_ip::ClientIp;
use crate::clock::shanghai_date;
use crate::error::{ApiError, FieldProblem, Refusal, Text};
use crate::extract::Query;
use crate::extract::{json_or_default, json_rejection};
use crate::idempotency;
use crate::limit::{ClientBudget, Limited};
use crate::rating::{self, Service};
use crate::tokens::{self, new_token, random_error};
use crate::AppState;
use store::{DraftRow, FileRow, Owner, RequestRow};

/// Draft bodies hold at most a few thousand characters of answers.
const MAX_JSON_BYTES: usize = 128 * 1024;
const DRAFT_TTL_SECS: i64 = DRAFT_TTL_DAYS * 24 * 60 * 60;
/// How long a submit's idempotency key is remembered (and its answer, tracking token included).
const IDEMPOTENCY_TTL_SECS: i64 = 24 * 60 * 60;
/// New drafts one client address may start within [`LIMIT_WINDOW_SECS`].
pub const NEW_DRAFTS_PER_CLIENT: u64 = 30;
/// Bytes of files one client address may upload within [`LIMIT_WINDOW_SECS`]: three
/// applications with all their 10 files at the largest size.
pub const UPLOAD_BYTES_PER_CLIENT: u64 = 3 * MAX_FILES as u64 * MAX_FILE_BYTES;
const LIMIT_WINDOW_SECS: i64 = 60 * 60;

/// The limits per client address on new drafts and uploaded bytes (see the module
/// documentation).
#[derive(Debug)]
pub struct ClientLimits {
    drafts: ClientBudget,
    upload_bytes: ClientBudget,
    /// Uploaded files are written to the database one at a time. Writing 10 MB holds SQLite's
    /// write lock for a while; many uploads at once would queue at the lock, where a request
    /// waits 5 seconds at most and then fails (seen as 500s with 34 parallel uploads). Here
    /// they queue without a time limit, each already read and within its budget.
    file_writes: tokio::sync::Semaphore,
}

impl Default for ClientLimits {
    fn default() -> Self {
        ClientLimits {
            drafts: ClientBudget::new(NEW_DRAFTS_PER_CLIENT, LIMIT_WINDOW_SECS),
            upload_bytes: ClientBudget::new(UPLOAD_BYTES_PER_CLIENT, LIMIT_WINDOW_SECS),
            file_writes: tokio::sync::Semaphore::new(1),
        }
    }
}

/// Reads an upload within the client's byte budget: the most it can be is reserved before a
/// byte is read (so parallel uploads cannot all pass), then settled to the bytes really read,
/// whether the file is then stored or refused (413, 415, or a draft that closed meanwhile).
async fn read_within_budget(
    state: &AppState,
    client: Option<std::net::IpAddr>,
    headers: &HeaderMap,
    body: Body,
    now: i64,
) -> Result<files::Upload, ApiError> {
    let budget = &state.assistance.upload_bytes;
    let reservation = budget
        .reserve(client, files::most_bytes(headers), now)
        .map_err(uploads_rate_limited)?;
    let (read, upload) = files::read_upload(headers, body).await;
    budget.settle(reservation, read);
    upload
}

fn drafts_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::DRAFTS_RATE_LIMITED, |minutes, en_minutes| Text {
        zh: format!(
            "一小时内从您所在网络开始的申请已经很多，为保证服务正常，暂时不能开始新的申请。\
             您填写的内容保存在本设备上，不会丢失；本页会自动重试，也可以在 {minutes} 分钟后再试。\
             如需帮助，请拨打 12345 政务服务便民热线。"
        )
        .into(),
        en: format!(
            "Many applications have been started from your network in the last hour, so to \
             keep the service running, new ones are paused for now. What you have typed is \
             kept on this device and will not be lost; this page tries again by itself, or \
             try again in {en_minutes}. For help, call the 12345 government service hotline."
        )
        .into(),
    })
}

fn uploads_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::UPLOADS_RATE_LIMITED, |minutes, en_minutes| Text {
        zh: format!(
            "一小时内从您所在网络上传的文件已经很多，为保证服务正常，暂时不能再上传。\
             已上传的文件和填写的内容都已保存；请在 {minutes} 分钟后再试。\
             如需帮助，请拨打 12345 政务服务便民热线。"
        )
        .into(),
        en: format!(
            "A lot of files have been uploaded from your network in the last hour, so to keep \
             the service running, uploads are paused for now. Your answers and the files \
             already uploaded are saved; please try again in {en_minutes}. For help, call the \
             12345 government service hotline."
        )
        .into(),
    })
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assistance/drafts", post(create_draft))
        .route("/assistance/drafts/{token}", get(get_draft).put(save_draft))
        .route("/assistance/drafts/{token}/files", post(upload_draft_file))
        .route(
            "/assistance/drafts/{token}/files/{id}",
            get(download_draft_file).delete(delete_draft_file),
        )
        .route("/assistance/drafts/{token}/submit", post(submit))
        .route("/assistance/requests/lookup", post(lookup))
        .route("/assistance/requests/{token}", get(track))
        .route("/assistance/requests/{token}/withdraw", post(withdraw))
        .route(
            "/assistance/requests/{token}/files",
            post(upload_request_file),
        )
        .route(
            "/assistance/requests/{token}/files/{id}",
            get(download_request_file).delete(delete_request_file),
        )
        .route(
            "/assistance/requests/{token}/messages/{id}/reply",
            post(reply),
        )
        .route("/assistance/requests/{token}/rating", post(rate))
        // JSON bodies only: uploads read their raw body themselves, with their own limit.
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        // Everything here is about one person's application.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

/// Starts a new, empty draft (and deletes the drafts that have expired).
#[utoipa::path(post, path = "/api/v1/assistance/drafts", tag = "assistance",
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
        .map_err(drafts_rate_limited)?;
    let token = new_token()?;
    let hash = tokens::hash(&token);
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
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
#[utoipa::path(get, path = "/api/v1/assistance/drafts/{token}", tag = "assistance",
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
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let mut tx = state.db.begin().await?;
    let row = store::draft_by_token_hash(&mut tx, &hash, now)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(
        draft_view(&state, &mut tx, &row, lang(&headers), now).await?,
    ))
}

/// Saves the whole draft as it is now, valid or not, and answers with every section's status
/// and problems (messages in the `Accept-Language` language). Send the whole
/// [`AssistanceDraft`]: what is left out is saved as empty. Saving moves the expiry to 30 days
/// from now.
#[utoipa::path(put, path = "/api/v1/assistance/drafts/{token}", tag = "assistance",
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
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let Json(draft) = body.map_err(json_rejection)?;
    let answers = serde_json::to_string(&draft).map_err(internal)?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::draft_by_token_hash(&mut tx, &hash, now)
        .await?
        .ok_or(ApiError::NotFound)?;
    ensure_open(&row)?;
    store::save_draft(&mut tx, row.id, &answers, now, now + DRAFT_TTL_SECS).await?;
    let row = store::draft_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = draft_view(&state, &mut tx, &row, lang(&headers), now).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// The query of an upload.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file's name as the person chose it (percent-encoded in the URL); a path is cut to
    /// its last part. Default `file`.
    pub name: Option<String>,
    /// `evidence` (default) or `authorisation_letter` (drafts only).
    pub purpose: Option<String>,
}

/// Adds an evidence file to the draft. The body is the file itself (any `Content-Type`); its
/// type is read from its content. At most 10 files of at most 10 MB each.
#[utoipa::path(post, path = "/api/v1/assistance/drafts/{token}/files", tag = "assistance",
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
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
    Query(params): Query<UploadParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let purpose = match params.purpose.as_deref().map(str::trim) {
        None | Some("") => FilePurpose::Evidence,
        Some(code) => FilePurpose::from_code(code).ok_or_else(|| {
            ApiError::BadRequest(Text::new(
                "文件用途（purpose）应为 evidence 或 authorisation_letter。",
                "The purpose must be evidence or authorisation_letter.",
            ))
        })?,
    };
    let draft = {
        let mut conn = state.db.acquire().await?;
        let row = store::draft_by_token_hash(&mut conn, &hash, now)
            .await?
            .ok_or(ApiError::NotFound)?;
        ensure_open(&row)?;
        // Before reading up to 10 MB that would be refused anyway.
        check_room(&mut conn, Owner::Draft(row.id), "draft", MAX_FILES).await?;
        row
    };
    let upload = read_within_budget(&state, client, &headers, body, now).await?;
    let name =
        portal_domain::api::assistance::clean_file_name(params.name.as_deref().unwrap_or(""));

    let _writing = state
        .assistance
        .file_writes
        .acquire()
        .await
        .map_err(internal)?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::draft_by_id(&mut tx, draft.id)
        .await?
        .filter(|row| row.expires_at > now)
        .ok_or(ApiError::NotFound)?;
    ensure_open(&row)?;
    check_room(&mut tx, Owner::Draft(row.id), "draft", MAX_FILES).await?;
    let file = store::insert_file(
        &mut tx,
        store::NewFile {
            owner: Owner::Draft(row.id),
            role: "draft",
            name: &name,
            kind: upload.kind,
            purpose,
            content: &upload.content,
            sha256: &upload.sha256,
            now,
        },
    )
    .await?;
    store::touch_draft(&mut tx, row.id, now, now + DRAFT_TTL_SECS).await?;
    tx.commit().await?;
    tracing::info!(
        draft = row.id,
        file = file.id,
        kind = upload.kind.code(),
        size = file.size,
        "assistance draft file stored"
    );
    Ok((
        StatusCode::CREATED,
        Json(file.view().map_err(ApiError::Internal)?),
    )
        .into_response())
}

/// The query of a download.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DownloadParams {
    /// `1` to save the file (`Content-Disposition: attachment`) instead of showing it.
    pub download: Option<String>,
}

/// One file of the draft, with its real type (for previews).
#[utoipa::path(get, path = "/api/v1/assistance/drafts/{token}/files/{id}", tag = "assistance",
    operation_id = "download_assistance_draft_file",
    params(("token" = String, Path, description = "The draft token"),
        ("id" = i64, Path, description = "The file's id"), DownloadParams),
    responses(
        (status = 200, description = "The file, `inline` unless `download=1`",
            content_type = "application/octet-stream", body = String),
        (status = 404, description = "No such file in this draft", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download_draft_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    Query(params): Query<DownloadParams>,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let Ok(Path((token, file_id))) = path else {
        return Err(ApiError::NotFound);
    };
    let hash = token_hash(Some(token))?;
    let mut tx = state.db.begin().await?;
    let draft = store::draft_by_token_hash(&mut tx, &hash, now)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (row, content) = store::file_with_content(&mut tx, Owner::Draft(draft.id), file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    files::serve(&row, content, wants_download(&params))
}

/// Removes a file from the draft.
#[utoipa::path(delete, path = "/api/v1/assistance/drafts/{token}/files/{id}",
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
    let Ok(Path((token, file_id))) = path else {
        return Err(ApiError::NotFound);
    };
    let hash = token_hash(Some(token))?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::draft_by_token_hash(&mut tx, &hash, now)
        .await?
        .ok_or(ApiError::NotFound)?;
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

// ---------------------------------------------------------------------------------------------
// Submitting
// ---------------------------------------------------------------------------------------------

/// Submits the draft: checks every section again, then creates the request with its reference
/// and tracking token, moves the draft's files to it and closes the draft, in one transaction.
/// Send a fresh `Idempotency-Key` per attempt and the same key when retrying: the same key for
/// the same draft gives the same 201 answer (tracking token included) and never a second
/// request.
#[utoipa::path(post, path = "/api/v1/assistance/drafts/{token}/submit", tag = "assistance",
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
    let key = idempotency::key(
        &headers,
        idempotency::KeyRules {
            missing_code: code::IDEMPOTENCY_KEY_MISSING,
            invalid_code: code::IDEMPOTENCY_KEY_INVALID,
            missing: Text::new(
                "缺少请求编号（Idempotency-Key 请求头）。每次提交请附带一个新的编号，重试时使用同一个编号。",
                "The Idempotency-Key header is missing. Send a new key with each submission, and the same key when retrying it.",
            ),
        },
    )?;
    let now = state.clock.now();
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let draft_id = {
        let mut conn = state.db.acquire().await?;
        let row = store::draft_by_token_hash(&mut conn, &hash, now)
            .await?
            .ok_or(ApiError::NotFound)?;
        // A retry of a submission that went through gets the first answer.
        if let Some(answer) = replay(&mut *conn, &key, row.id).await? {
            return Ok(answer);
        }
        ensure_open(&row)?;
        row.id
    };
    let today = shanghai_date(now)?;

    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
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

    let reference = loop {
        let candidate = AssistanceReference::from_random(getrandom::u64().map_err(random_error)?);
        if !store::reference_taken(&mut tx, candidate.compact()).await? {
            break candidate;
        }
    };
    let tracking_token = new_token()?;
    let token_hash = tokens::hash(&tracking_token);
    let due = initial_review_due(&state.calendar(), today).ok();
    let request_id: i64 = sqlx::query_scalar(
        "INSERT INTO assistance_requests (reference, token_hash, status, mobile, answers, \
         submitted_at, submitted_on, initial_review_due, updated_at) \
         VALUES (?, ?, 'submitted', ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(reference.compact())
    .bind(&token_hash)
    .bind(request.applicant.mobile.as_str())
    .bind(serde_json::to_string(&request).map_err(internal)?)
    .bind(now)
    .bind(today.to_string())
    .bind(due.map(|d| d.to_string()))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    store::add_event(&mut tx, request_id, RequestStatus::Submitted, None, now).await?;
    sqlx::query(
        "UPDATE assistance_files SET role = 'evidence', request_id = ?, draft_id = NULL \
         WHERE draft_id = ?",
    )
    .bind(request_id)
    .bind(draft.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE assistance_drafts SET answers = '{}', request_id = ?, updated_at = ?, \
         expires_at = ? WHERE id = ?",
    )
    .bind(request_id)
    .bind(now)
    .bind(now + DRAFT_TTL_SECS)
    .bind(draft.id)
    .execute(&mut *tx)
    .await?;
    let row = store::request_by_id(&mut tx, request_id)
        .await?
        .context("the request just inserted")
        .map_err(ApiError::Internal)?;
    let submitted = AssistanceSubmitted {
        reference: reference.to_string(),
        tracking_token,
        request: tracking(&state, &mut tx, &row, now).await?,
    };
    let answer = serde_json::to_string(&submitted).map_err(internal)?;
    sqlx::query(
        "INSERT INTO assistance_idempotency (key, draft_id, response, created_at) \
         VALUES (?, ?, ?, ?)",
    )
    .bind(&key)
    .bind(draft.id)
    .bind(&answer)
    .bind(now)
    .execute(&mut *tx)
    .await?;
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
    executor: impl SqliteExecutor<'e>,
    key: &str,
    draft_id: i64,
) -> Result<Option<Response>, ApiError> {
    let stored: Option<(i64, String)> =
        sqlx::query_as("SELECT draft_id, response FROM assistance_idempotency WHERE key = ?")
            .bind(key)
            .fetch_optional(executor)
            .await?;
    match stored {
        None => Ok(None),
        Some((id, answer)) if id == draft_id => Ok(Some(idempotency::created_answer(answer))),
        Some(_) => Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::IDEMPOTENCY_KEY_REUSED,
            Text::new(
                "这个请求编号（Idempotency-Key）已用于提交另一份申请。提交新的申请请使用新的编号。",
                "This Idempotency-Key was already used to submit another application. Use a new key for a new application.",
            ),
        )
        .into()),
    }
}

/// 400 with what is still to be done, field by field.
fn incomplete(problems: Vec<(&'static str, AssistanceError)>) -> ApiError {
    let mut refusal = Refusal::new(
        StatusCode::BAD_REQUEST,
        code::DRAFT_INCOMPLETE,
        Text::new(
            "申请还没有填写完整，请按每一项的提示修改后再提交。",
            "The application is not complete yet. See the message beside each answer, then submit again.",
        ),
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

// ---------------------------------------------------------------------------------------------
// Tracking
// ---------------------------------------------------------------------------------------------

/// The request as its applicant follows it: status, timeline, the next deadline, the center's
/// messages, the answers (personal numbers masked) and the files.
#[utoipa::path(get, path = "/api/v1/assistance/requests/{token}", tag = "assistance",
    operation_id = "track_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    responses(
        (status = 200, description = "The request, with `details`", body = AssistanceTracking),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn track(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let mut tx = state.db.begin().await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(tracking(&state, &mut tx, &row, now).await?))
}

/// Finds a request by its reference and the applicant's mobile number: its progress only (see
/// `AssistanceProgress`). An unknown reference and a wrong number give the same 404 and count
/// towards the limit on failed lookups that the booking lookups share (`AppState::lookups`: 5
/// an hour per reference, 30 per client address across every lookup route); once it is reached
/// the answer is 429 `assistance.lookup_rate_limited` before the database is asked, whether the
/// reference exists or not.
#[utoipa::path(post, path = "/api/v1/assistance/requests/lookup", tag = "assistance",
    operation_id = "lookup_assistance_request", request_body = AssistanceLookupRequest,
    responses(
        (status = 200, description = "The request's progress", body = AssistanceProgress),
        (status = 400, description = "Malformed reference or mobile number (field messages)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request with this reference and mobile number",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.lookup_rate_limited`: too many failed lookups \
            of this reference or from this address", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until lookups are accepted again"))),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<AssistanceLookupRequest>, JsonRejection>,
) -> Result<Json<AssistanceProgress>, ApiError> {
    let now = state.clock.now();
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile) = request.parse().map_err(ApiError::fields)?;
    // Its own key space in the shared count: a request's reference is not a booking's.
    let key = format!("assistance {}", reference.compact());
    let attempt = state
        .lookups
        .begin(&key, client.0, now)
        .map_err(lookup_rate_limited)?;
    let found = async {
        let mut tx = state.db.begin().await?;
        match store::request_by_reference_and_mobile(&mut tx, reference.compact(), &mobile).await? {
            Some(row) => Ok::<_, ApiError>(Some(tracking(&state, &mut tx, &row, now).await?)),
            None => Ok(None),
        }
    }
    .await;
    match found {
        Ok(Some(tracking)) => {
            state.lookups.forgive(attempt);
            Ok(Json(AssistanceProgress::from(&tracking)))
        }
        Ok(None) => {
            for rule in attempt.reached() {
                tracing::warn!(
                    rule = rule.as_str(),
                    "assistance lookup limit reached: lookups by reference are refused for a while"
                );
            }
            Err(ApiError::NotFound)
        }
        Err(e) => {
            state.lookups.forgive(attempt);
            Err(e)
        }
    }
}

/// The 429 of a lookup refused by the limit on failed lookups: the same whether the reference
/// exists or not, and whichever limit was reached.
fn lookup_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOOKUP_RATE_LIMITED, |minutes, en_minutes| Text {
        zh: format!(
            "查询未成功的次数过多。为保护申请人的信息，暂时不能用受理编号和手机号码查询。\
             请使用提交申请时得到的跟踪链接查看进度，或在 {minutes} 分钟后再试。"
        )
        .into(),
        en: format!(
            "There have been too many unsuccessful attempts, so to protect applicants, finding \
             a request by reference and mobile number is paused for now. Use the tracking link \
             you got when you applied to see its progress, or try again in {en_minutes}."
        )
        .into(),
    })
}

/// Withdraws the request. Within 10 minutes of submitting it takes nothing more; after that a
/// reason, and only until the request is accepted. Withdrawing a withdrawn request changes
/// nothing (a retry is safe). An empty body is the same as `{}`.
#[utoipa::path(post, path = "/api/v1/assistance/requests/{token}/withdraw",
    tag = "assistance", operation_id = "withdraw_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    request_body = WithdrawRequest,
    responses(
        (status = 200, description = "The withdrawn request", body = AssistanceTracking),
        (status = 400, description = "`validation_failed` (reason too long) or `bad_request`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.not_withdrawable`: accepted, refused or \
            concluded", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`assistance.withdraw_reason_required` (field `reason`): \
            more than 10 minutes after submitting", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let request: WithdrawRequest = json_or_default(body)?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = row.status().map_err(ApiError::Internal)?;
    if status == RequestStatus::Withdrawn {
        return Ok(Json(tracking(&state, &mut tx, &row, now).await?));
    }
    if !status.withdrawable() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::NOT_WITHDRAWABLE,
            Text::new(
                "申请已经受理（或已有处理结果），不能在网上撤回。如需撤回，请联系中心工作人员。",
                "The application has been accepted (or has an outcome), so it can no longer be withdrawn online. To withdraw it, contact the center.",
            ),
        )
        .into());
    }
    let needs_reason = now - row.submitted_at > ONE_CLICK_WITHDRAW_SECS;
    let reason = request.parse(needs_reason).map_err(|problems| {
        if problems
            .iter()
            .any(|(_, e)| *e == AssistanceError::WithdrawReasonMissing)
        {
            Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::WITHDRAW_REASON_REQUIRED,
                Text::new(
                    "提交已超过 10 分钟，撤回申请需要说明原因。",
                    "It is more than 10 minutes since you submitted, so withdrawing needs a reason.",
                ),
            )
            .field("reason", &AssistanceError::WithdrawReasonMissing)
            .into()
        } else {
            ApiError::fields(problems)
        }
    })?;
    store::set_status(
        &mut tx,
        row.id,
        RequestStatus::Withdrawn,
        reason.as_deref(),
        now,
    )
    .await?;
    let row = store::request_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        with_reason = reason.is_some(),
        "assistance request withdrawn"
    );
    Ok(Json(view))
}

/// Uploads a file for a reply to the center (sent with `.../messages/{id}/reply`). Same types
/// and size limit as evidence; at most 10 files waiting to be sent.
#[utoipa::path(post, path = "/api/v1/assistance/requests/{token}/files", tag = "assistance",
    operation_id = "upload_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"), UploadParams),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes, as for a draft"),
    responses(
        (status = 201, description = "Stored, waiting to be sent with a reply", body = EvidenceFile),
        (status = 400, description = "`assistance.file_empty` or `bad_request`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.too_many_files` or \
            `assistance.request_closed`", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`assistance.file_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 415, description = "`assistance.file_type_not_allowed`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.uploads_rate_limited`: too many bytes \
            uploaded from this address within an hour; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn upload_request_file(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
    Query(params): Query<UploadParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let request_id = {
        let mut conn = state.db.acquire().await?;
        let row = store::request_by_token_hash(&mut conn, &hash)
            .await?
            .ok_or(ApiError::NotFound)?;
        ensure_active(&row)?;
        check_room(
            &mut conn,
            Owner::Request(row.id),
            "staged",
            MAX_STAGED_FILES,
        )
        .await?;
        row.id
    };
    let upload = read_within_budget(&state, client, &headers, body, now).await?;
    let name =
        portal_domain::api::assistance::clean_file_name(params.name.as_deref().unwrap_or(""));

    let _writing = state
        .assistance
        .file_writes
        .acquire()
        .await
        .map_err(internal)?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::request_by_id(&mut tx, request_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    ensure_active(&row)?;
    check_room(&mut tx, Owner::Request(row.id), "staged", MAX_STAGED_FILES).await?;
    let file = store::insert_file(
        &mut tx,
        store::NewFile {
            owner: Owner::Request(row.id),
            role: "staged",
            name: &name,
            kind: upload.kind,
            purpose: FilePurpose::Evidence,
            content: &upload.content,
            sha256: &upload.sha256,
            now,
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        file = file.id,
        kind = upload.kind.code(),
        size = file.size,
        "assistance reply file stored"
    );
    Ok((
        StatusCode::CREATED,
        Json(file.view().map_err(ApiError::Internal)?),
    )
        .into_response())
}

/// Removes a file uploaded for a reply that has not been sent yet.
#[utoipa::path(delete, path = "/api/v1/assistance/requests/{token}/files/{id}",
    tag = "assistance", operation_id = "delete_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The request without the file", body = AssistanceTracking),
        (status = 404, description = "No such file in this request", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.file_already_sent`: evidence and files sent \
            with a reply stay", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn delete_request_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let Ok(Path((token, file_id))) = path else {
        return Err(ApiError::NotFound);
    };
    let hash = token_hash(Some(token))?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !store::delete_file(&mut tx, Owner::Request(row.id), "staged", file_id).await? {
        let exists = store::request_files(&mut tx, row.id)
            .await?
            .iter()
            .any(|f| f.id == file_id);
        return Err(if exists {
            Refusal::new(
                StatusCode::CONFLICT,
                code::FILE_ALREADY_SENT,
                Text::new(
                    "这个文件已经提交给中心，不能删除。",
                    "This file has already been sent to the center and cannot be removed.",
                ),
            )
            .into()
        } else {
            ApiError::NotFound
        });
    }
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        file = file_id,
        "assistance reply file deleted"
    );
    Ok(Json(view))
}

/// One file of the request (evidence, files sent with replies, files waiting to be sent).
#[utoipa::path(get, path = "/api/v1/assistance/requests/{token}/files/{id}",
    tag = "assistance", operation_id = "download_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The file's id"), DownloadParams),
    responses(
        (status = 200, description = "The file, `inline` unless `download=1`",
            content_type = "application/octet-stream", body = String),
        (status = 404, description = "No such file in this request", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download_request_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    Query(params): Query<DownloadParams>,
) -> Result<Response, ApiError> {
    let Ok(Path((token, file_id))) = path else {
        return Err(ApiError::NotFound);
    };
    let hash = token_hash(Some(token))?;
    let mut tx = state.db.begin().await?;
    let request = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (row, content) = store::file_with_content(&mut tx, Owner::Request(request.id), file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    files::serve(&row, content, wants_download(&params))
}

/// Answers a message from the center with words, files uploaded to the request, or both: the
/// reply and its files are stored in one transaction. Each message takes one reply; sending
/// the same reply again changes nothing (a retry is safe).
#[utoipa::path(post, path = "/api/v1/assistance/requests/{token}/messages/{id}/reply",
    tag = "assistance", operation_id = "reply_to_assistance_message",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The message's id")),
    request_body = ReplyRequest,
    responses(
        (status = 200, description = "The request with the reply", body = AssistanceTracking),
        (status = 400, description = "`validation_failed`: `text` (empty reply, too long) or \
            `files` (`assistance.reply_file_unknown`, more than 10)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No such message for this request", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.already_replied` or \
            `assistance.request_closed`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    body: Result<Json<ReplyRequest>, JsonRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let Ok(Path((token, message_id))) = path else {
        return Err(ApiError::NotFound);
    };
    let hash = token_hash(Some(token))?;
    let Json(request) = body.map_err(json_rejection)?;
    let (text, file_ids) = request.parse().map_err(ApiError::fields)?;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let message = store::message(&mut tx, row.id, message_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let files = store::request_files(&mut tx, row.id).await?;
    if message.replied() {
        let mut sent: Vec<i64> = files
            .iter()
            .filter(|f| f.message_id == Some(message.id))
            .map(|f| f.id)
            .collect();
        let mut asked = file_ids.clone();
        sent.sort_unstable();
        asked.sort_unstable();
        if message.reply_text == text && sent == asked {
            return Ok(Json(tracking(&state, &mut tx, &row, now).await?));
        }
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::ALREADY_REPLIED,
            Text::new(
                "这条消息已经回复过了。如需补充，请等待中心的新消息或直接联系中心。",
                "You have already replied to this message. To add more, wait for a new message from the center or contact the center.",
            ),
        )
        .into());
    }
    ensure_active(&row)?;
    let staged = |id: &i64| files.iter().any(|f| f.id == *id && f.role == "staged");
    if !file_ids.iter().all(staged) {
        return Err(ApiError::fields(vec![(
            "files",
            AssistanceError::ReplyFileUnknown,
        )]));
    }
    sqlx::query("UPDATE assistance_messages SET reply_text = ?, replied_at = ? WHERE id = ?")
        .bind(&text)
        .bind(now)
        .bind(message.id)
        .execute(&mut *tx)
        .await?;
    for id in &file_ids {
        sqlx::query(
            "UPDATE assistance_files SET role = 'reply', message_id = ? \
             WHERE id = ? AND request_id = ? AND role = 'staged'",
        )
        .bind(message.id)
        .bind(id)
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
    }
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        message_id = message.id,
        files = file_ids.len(),
        "assistance message answered"
    );
    Ok(Json(view))
}

/// Rates the service (好差评) once the request is concluded: five levels and an optional
/// comment, once per request; the timeline then ends with a `rated` step. The same rating sent
/// again answers the same 201.
#[utoipa::path(post, path = "/api/v1/assistance/requests/{token}/rating", tag = "assistance",
    operation_id = "rate_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    request_body = portal_domain::api::rating::RatingRequest,
    responses(
        (status = 201, description = "Rated (or the same rating again)",
            body = portal_domain::api::rating::RatingView),
        (status = 400, description = "`validation_failed`: `level` (`rating.level_missing`, \
            `rating.level_unknown`), `comment` (`rating.comment_too_long`)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`rating.not_ratable`: not concluded; \
            `rating.already_rated`: rated before, differently", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn rate(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Json<portal_domain::api::rating::RatingRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let hash = token_hash(token.ok().map(|Path(t)| t))?;
    let mut conn = state.db.acquire().await?;
    let row = store::request_by_token_hash(&mut conn, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    rating::rate(&state, Service::Request(row.id), body).await
}

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

/// A draft with its files and the task list.
async fn draft_view(
    state: &AppState,
    conn: &mut SqliteConnection,
    row: &DraftRow,
    lang: Lang,
    now: i64,
) -> Result<DraftView, ApiError> {
    let files = views(&store::draft_files(conn, row.id).await?)?;
    let draft = row.draft();
    let sections = {
        let gi_exists = |id: &GiId| state.gi.find(id.as_str()).is_some();
        let context = DraftContext {
            today: shanghai_date(now)?,
            files: &files,
            gi_exists: &gi_exists,
        };
        section_reports(&draft, &context, lang)
    };
    let submitted = match row.request_id {
        None => None,
        Some(id) => {
            let request = store::request_by_id(conn, id)
                .await?
                .context("the request of a submitted draft")
                .map_err(ApiError::Internal)?;
            Some(SubmittedDraft {
                reference: shown_reference(&request.reference),
                submitted_at: format_shanghai(request.submitted_at),
            })
        }
    };
    Ok(DraftView {
        ready_to_submit: submitted.is_none()
            && sections
                .iter()
                .all(|s| s.status == SectionStatus::Completed),
        draft,
        files,
        sections,
        created_at: format_shanghai(row.created_at),
        updated_at: format_shanghai(row.updated_at),
        expires_at: format_shanghai(row.expires_at),
        submitted,
    })
}

/// A request as its applicant tracks it; `full` adds the answers and files (tracking link)
/// and shows the name unmasked.
pub(crate) async fn tracking(
    state: &AppState,
    conn: &mut SqliteConnection,
    row: &RequestRow,
    now: i64,
) -> Result<AssistanceTracking, ApiError> {
    let answers = row.answers().map_err(ApiError::Internal)?;
    let status = row.status().map_err(ApiError::Internal)?;
    let submitted_on = Date::parse(&row.submitted_on)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("request {}: {e}", row.id)))?;
    let mut timeline = Vec::new();
    for event in store::events(conn, row.id).await? {
        timeline.push(TimelineEvent {
            status: RequestStatus::from_code(&event.status)
                .with_context(|| format!("request {}: bad event status", row.id))
                .map_err(ApiError::Internal)?,
            at: format_shanghai(event.at),
            date: shanghai_date(event.at)?,
            note: event.note,
        });
    }
    // 已评价: the last step once the applicant has rated the concluded request.
    let rated = rating::state(conn, Service::Request(row.id)).await?;
    if let Some(at) = rated.rated_at {
        timeline.push(TimelineEvent {
            status: RequestStatus::Rated,
            at: format_shanghai(at),
            date: shanghai_date(at)?,
            note: None,
        });
    }
    let accepted_on = timeline
        .iter()
        .rev()
        .find(|e| e.status == RequestStatus::Accepted)
        .map(|e| e.date);
    let files = store::request_files(conn, row.id).await?;
    let mut messages = Vec::new();
    for message in store::messages(conn, row.id).await? {
        let reply = match message.replied_at {
            None => None,
            Some(sent_at) => Some(MessageReply {
                text: message.reply_text.clone(),
                sent_at: format_shanghai(sent_at),
                files: views(
                    &files
                        .iter()
                        .filter(|f| f.message_id == Some(message.id))
                        .cloned()
                        .collect::<Vec<_>>(),
                )?,
            }),
        };
        messages.push(CenterMessage {
            id: message.id,
            kind: message.kind().map_err(ApiError::Internal)?,
            sent_at: format_shanghai(message.sent_at),
            text: message.body.clone(),
            can_reply: reply.is_none() && !status.is_closed(),
            reply,
        });
    }
    let in_window = now - row.submitted_at <= ONE_CLICK_WITHDRAW_SECS;
    let withdrawable = status.withdrawable();
    let applicant = &answers.applicant;
    let details = {
        let by_role = |role: &str| -> Result<Vec<EvidenceFile>, ApiError> {
            views(
                &files
                    .iter()
                    .filter(|f| f.role == role)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        };
        AssistanceDetails {
            other_party: answers.other_party.clone(),
            facts: FactsView {
                description: answers.facts.description.clone(),
                discovered_on: answers.facts.discovered_on,
                estimated_loss: answers.facts.estimated_loss_fen.map(format_yuan),
                other_actions: answers.facts.other_actions.clone(),
            },
            help: answers.help.clone(),
            evidence: by_role("evidence")?,
            staged_files: by_role("staged")?,
        }
    };
    Ok(AssistanceTracking {
        reference: shown_reference(&row.reference),
        status,
        submitted_at: format_shanghai(row.submitted_at),
        initial_review_due: row
            .initial_review_due
            .as_deref()
            .and_then(|d| Date::parse(d).ok()),
        applicant: ApplicantView {
            kind: applicant.kind,
            name: applicant.name.clone(),
            resident_id: applicant.resident_id.as_ref().map(|id| id.masked()),
            uscc: applicant.uscc.as_ref().map(|uscc| uscc.masked()),
            contact_name: applicant.contact_name.clone(),
            mobile: applicant.mobile.masked(),
            acting_for_someone_else: applicant.acting_for_someone_else,
            representative_name: applicant.representative_name.clone(),
        },
        right: answers.right.clone(),
        timeline,
        next_deadline: next_deadline(&state.calendar(), status, submitted_on, accepted_on),
        messages,
        withdrawable,
        withdraw_needs_reason: !in_window,
        one_click_withdraw_until: (withdrawable && in_window)
            .then(|| format_shanghai(row.submitted_at + ONE_CLICK_WITHDRAW_SECS)),
        details: Some(details),
        can_rate: rated.can_rate,
        rating: rated.rating,
    })
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

pub(crate) fn views(rows: &[FileRow]) -> Result<Vec<EvidenceFile>, ApiError> {
    rows.iter()
        .map(|row| row.view().map_err(ApiError::Internal))
        .collect()
}

/// `WQ-XXXX-XXXX` from the stored 8 characters.
pub(crate) fn shown_reference(compact: &str) -> String {
    AssistanceReference::parse(compact).map_or_else(|_| compact.to_owned(), |r| r.to_string())
}

/// The SHA-256 of a well-formed token; a missing or malformed one is a 404 like an unknown one.
fn token_hash(token: Option<String>) -> Result<Vec<u8>, ApiError> {
    let token = token.ok_or(ApiError::NotFound)?;
    tokens::hash_if_token(&token).ok_or(ApiError::NotFound)
}

/// 409 once the draft was submitted.
fn ensure_open(row: &DraftRow) -> Result<(), ApiError> {
    if row.request_id.is_some() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::DRAFT_SUBMITTED,
            Text::new(
                "这份申请已经提交，不能再修改。请通过提交后得到的查询链接查看进度。",
                "This application has already been submitted and can no longer be changed. Follow it with the tracking link you were given.",
            ),
        )
        .into());
    }
    Ok(())
}

/// 409 once the request was withdrawn, refused or concluded.
fn ensure_active(row: &RequestRow) -> Result<(), ApiError> {
    if row.status().map_err(ApiError::Internal)?.is_closed() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::REQUEST_CLOSED,
            Text::new(
                "这份申请已经撤回或办理完毕，不能再发送材料。如有需要，请提交新的申请或联系中心。",
                "This application has been withdrawn or has ended, so nothing more can be sent. If you need to, make a new application or contact the center.",
            ),
        )
        .into());
    }
    Ok(())
}

/// 409 when the owner already has `max` files (of `role`).
async fn check_room(
    conn: &mut SqliteConnection,
    owner: Owner,
    role: &str,
    max: usize,
) -> Result<(), ApiError> {
    if store::count_files(conn, owner, role).await? >= max as i64 {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_FILES,
            Text::new(
                "最多只能上传 10 个文件。请删除一些文件后再上传。",
                "You can add at most 10 files. Remove some before adding others.",
            ),
        )
        .into());
    }
    Ok(())
}

pub(crate) fn wants_download(params: &DownloadParams) -> bool {
    matches!(
        params.download.as_deref().map(str::trim),
        Some("1" | "true")
    )
}

fn lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

fn internal(e: impl Into<anyhow::Error>) -> ApiError {
    ApiError::Internal(e.into())
}
