//! A request's documents as the firm handles them (`/api/v1/firm/pre-exams/{id}/files`):
//! uploading one while the request is a draft or waiting for the firm's amendment, opening one,
//! removing one (while it may be uploaded). Reading, typing, limiting and serving files is the
//! shared `crate::files`; the rows are the pre-examination store's. The officers open them
//! through `crate::staff::pre_exams`.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::files::clean_file_name;
use portal_domain::api::firm::pre_exam::{
    code, Document, FirmPreExam, PreExamFile, PreExamStatus, MAX_FILES_PER_DOCUMENT,
};
use portal_domain::paths;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::super::person::Firm;
use super::store::{self, Row};
use super::{file_store, RequestId};
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::files::{self, read_within_budget, DownloadParams, FileAsked, FileIds, FileServed};
use crate::firms::file_table::PRE_EXAM_FILES;
use crate::AppState;

/// The query of an upload.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreExamUploadParams {
    /// What the file is: `request`, `description`, `claims`, `abstract`, `drawings`,
    /// `design_views`, `design_brief`, `self_check` or `joint_rnd_agreement`.
    pub document: Option<String>,
    /// The file's name as the person chose it (percent-encoded in the URL); a path is cut to
    /// its last part. Default `file`.
    pub name: Option<String>,
}

fn document(params: &PreExamUploadParams) -> Result<Document, ApiError> {
    params
        .document
        .as_deref()
        .and_then(Document::from_code)
        .ok_or_else(|| ApiError::BadRequest(Text::of(|t| t.pre_exam_document_unknown)))
}

/// Whether the firm may change the request's documents: a draft, or waiting for its amendment.
fn changeable(row: &Row) -> bool {
    row.examination.is_none() || row.status() == Some(PreExamStatus::NeedsAmendment)
}

/// The firm's request whose documents may change now: 404 if not the firm's, 409 if not now.
async fn changeable_request(
    conn: &mut AnyConnection,
    firm_id: i64,
    id: i64,
) -> Result<Row, ApiError> {
    let row = store::firm_request(conn, firm_id, id)
        .await?
        .ok_or_else(store::not_found)?;
    if !changeable(&row) {
        return Err(store::not_editable());
    }
    Ok(row)
}

/// 409 when the document already has its most files.
async fn check_room(
    conn: &mut AnyConnection,
    request_id: i64,
    document: Document,
) -> Result<(), ApiError> {
    let (code, most) = (document.code(), MAX_FILES_PER_DOCUMENT);
    if PRE_EXAM_FILES.full(conn, request_id, code, most).await? {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_FILES,
            Text::with(|t| t.pre_exam_too_many_files(MAX_FILES_PER_DOCUMENT)),
        )
        .into());
    }
    Ok(())
}

/// Adds a file to one of the request's documents. The body is the file itself (any
/// `Content-Type`); its type is read from its content: a PDF, or for a design's views also a
/// JPEG or PNG photo.
#[utoipa::path(post, path = paths::FIRM_PRE_EXAM_FILES, tag = "firm",
    operation_id = "firm_upload_pre_exam_file",
    params(("id" = i64, Path, description = "The request's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
        PreExamUploadParams),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes: a PDF (a design's views: also a JPEG or PNG), at most \
            10 MB (10 × 1024 × 1024 bytes)"),
    responses(
        (status = 201, description = "Stored", body = PreExamFile),
        (status = 400, description = "`pre_exam.file_empty`, or `bad_request` (unknown \
            `document`, upload interrupted)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 404, description = "`pre_exam.not_found`", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.too_many_files` or `pre_exam.not_editable`", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`pre_exam.file_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 415, description = "`pre_exam.file_type_not_allowed` (also a type the \
            document does not take), `pre_exam.file_damaged` or \
            `pre_exam.file_active_content`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`pre_exam.uploads_rate_limited`; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Firm(person): Firm,
    RequestId(id): RequestId,
    headers: HeaderMap,
    Query(params): Query<PreExamUploadParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let document = document(&params)?;
    let now = state.clock.now();
    // Before reading up to 10 MB that would be refused anyway.
    {
        let mut conn = state.db.acquire().await?;
        changeable_request(&mut conn, person.firm_id, id).await?;
        check_room(&mut conn, id, document).await?;
    }
    let upload = read_within_budget(&state, client, &headers, body, now, &code::FILES).await?;
    if !document.accepts(upload.kind) {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::FILE_TYPE_NOT_ALLOWED,
            Text::of(|t| t.pre_exam_file_not_for_document),
        )
        .into());
    }
    let name = clean_file_name(params.name.as_deref().unwrap_or(""));

    let _writing = state.files.one_writer().await?;
    let mut tx = crate::db::write(&state.db).await?;
    changeable_request(&mut tx, person.firm_id, id).await?;
    check_room(&mut tx, id, document).await?;
    let owner = (id, document.code());
    let file = PRE_EXAM_FILES
        .add_by(&mut tx, &person, owner, (&name, &upload), now)
        .await?;
    tx.commit().await?;
    tracing::info!(
        pre_exam = id,
        file = file.id,
        size = file.size,
        "pre-exam file stored"
    );
    Ok((StatusCode::CREATED, Json(file_store::file_view(&file)?)).into_response())
}

/// One of the firm's own files, with its real type.
#[utoipa::path(get, path = paths::FIRM_PRE_EXAM_FILE, tag = "firm",
    operation_id = "firm_pre_exam_file",
    params(FileIds, DownloadParams),
    responses(
        FileServed,
        crate::refusals::FirmSignedIn,
        (status = 404, description = "No such file in the firm's request", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download(
    State(state): State<AppState>,
    Firm(person): Firm,
    asked: FileAsked,
) -> Result<Response, ApiError> {
    let FileIds { id, file_id } = asked.ids;
    let mut conn = state.db.acquire().await?;
    store::firm_request(&mut conn, person.firm_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (file, content) = PRE_EXAM_FILES
        .with_content(&mut conn, id, file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    files::serve(&file.name, file.kind()?, content, asked.download)
}

/// Removes one of the request's files (while its documents may change).
#[utoipa::path(delete, path = paths::FIRM_PRE_EXAM_FILE, tag = "firm",
    operation_id = "firm_delete_pre_exam_file",
    params(FileIds,
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The request without the file", body = FirmPreExam),
        crate::refusals::FirmWriting,
        (status = 404, description = "No such file in the firm's request", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam.not_editable`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    Firm(person): Firm,
    FileIds { id, file_id }: FileIds,
) -> Result<Json<FirmPreExam>, ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    changeable_request(&mut tx, person.firm_id, id).await?;
    if !PRE_EXAM_FILES
        .remove_by(&mut tx, &person, (id, file_id), now)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    let view = super::view(&state, &mut tx, person.firm_id, id).await?;
    tx.commit().await?;
    Ok(Json(view))
}
