//! The registration's uploaded materials as the firm handles them
//! (`/api/v1/firm/registration/files`): uploading one (while the registration can be changed:
//! a draft or sent back to amend; the first upload creates the draft), opening one, removing
//! one. Reading, typing, limiting and serving files is the shared `crate::files`; the rows are
//! the registration store's. The officers open them through `crate::staff::registrations`.

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::files::clean_file_name;
use portal_domain::api::firm::registration::{
    code, FirmRegistration, Material, RegistrationFile, MAX_FILES_PER_MATERIAL,
};
use portal_domain::paths;
use serde::Deserialize;

use super::super::person::Firm;
use super::store;
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::files::{self, read_within_budget, wants_download, DownloadParams};
use crate::firms::file_table::REGISTRATION_FILES;
use crate::AppState;

/// The query of an upload.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationUploadParams {
    /// What the file is: `business_licence`, `social_insurance`, `declaration` or `rnd_proof`.
    pub purpose: Option<String>,
    /// The file's name as the person chose it (percent-encoded in the URL); a path is cut to
    /// its last part. Default `file`.
    pub name: Option<String>,
}

fn purpose(params: &RegistrationUploadParams) -> Result<Material, ApiError> {
    params
        .purpose
        .as_deref()
        .and_then(Material::from_code)
        .ok_or_else(|| ApiError::BadRequest(Text::of(|t| t.registration_purpose_unknown)))
}

/// 409 when the material already has its most files.
async fn check_room(
    conn: &mut sqlx::AnyConnection,
    registration_id: i64,
    purpose: Material,
) -> Result<(), ApiError> {
    let (code, most) = (purpose.code(), MAX_FILES_PER_MATERIAL);
    if REGISTRATION_FILES
        .full(conn, registration_id, code, most)
        .await?
    {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::TOO_MANY_FILES,
            Text::with(|t| t.registration_too_many_files(MAX_FILES_PER_MATERIAL)),
        )
        .into());
    }
    Ok(())
}

/// Adds a file to one of the registration's materials. The body is the file itself (any
/// `Content-Type`); its type is read from its content. At most 5 files per material, of at most
/// 10 MB each.
#[utoipa::path(post, path = paths::FIRM_REGISTRATION_FILES, tag = "firm",
    operation_id = "firm_upload_registration_file",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
        RegistrationUploadParams),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes: a JPEG, PNG, WebP or HEIC photo or a PDF, at most \
            10 MB (10 × 1024 × 1024 bytes)"),
    responses(
        (status = 201, description = "Stored", body = RegistrationFile),
        (status = 400, description = "`registration.file_empty`, or `bad_request` (unknown \
            `purpose`, upload interrupted)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 409, description = "`registration.too_many_files` (already 5 of this \
            material) or `registration.not_editable`", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`registration.file_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 415, description = "`registration.file_type_not_allowed`, \
            `registration.file_damaged` or `registration.file_active_content`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`registration.uploads_rate_limited`: too many bytes \
            uploaded from this address within an hour; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Firm(person): Firm,
    headers: HeaderMap,
    Query(params): Query<RegistrationUploadParams>,
    body: Body,
) -> Result<Response, ApiError> {
    let purpose = purpose(&params)?;
    let now = state.clock.now();
    // Before reading up to 10 MB that would be refused anyway.
    {
        let mut conn = state.db.acquire().await?;
        if let Some(row) = store::for_firm(&mut conn, person.firm_id).await? {
            if !row.status().editable() {
                return Err(store::not_editable());
            }
            check_room(&mut conn, row.id, purpose).await?;
        }
    }
    let upload = read_within_budget(&state, client, &headers, body, now, &code::FILES).await?;
    let name = clean_file_name(params.name.as_deref().unwrap_or(""));

    let _writing = state.files.one_writer().await?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::editable_for_firm(&mut tx, person.firm_id, now).await?;
    check_room(&mut tx, row.id, purpose).await?;
    let owner = (row.id, purpose.code());
    let file = REGISTRATION_FILES
        .add_by(&mut tx, &person, owner, (&name, &upload), now)
        .await?;
    tx.commit().await?;
    tracing::info!(
        registration = row.id,
        file = file.id,
        size = file.size,
        "registration file stored"
    );
    Ok((StatusCode::CREATED, Json(store::file_view(&file)?)).into_response())
}

fn file_id(path: Result<Path<i64>, PathRejection>) -> Result<i64, ApiError> {
    path.map(|Path(id)| id).map_err(|_| ApiError::NotFound)
}

/// One of the firm's own files, with its real type.
#[utoipa::path(get, path = paths::FIRM_REGISTRATION_FILE, tag = "firm",
    operation_id = "firm_registration_file",
    params(("id" = i64, Path, description = "The file's id"), DownloadParams),
    responses(
        crate::files::FileServed,
        crate::refusals::FirmSignedIn,
        (status = 404, description = "No such file in the firm's registration", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download(
    State(state): State<AppState>,
    Firm(person): Firm,
    path: Result<Path<i64>, PathRejection>,
    Query(params): Query<DownloadParams>,
) -> Result<Response, ApiError> {
    let file_id = file_id(path)?;
    let mut conn = state.db.acquire().await?;
    let row = store::for_firm(&mut conn, person.firm_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (file, content) = REGISTRATION_FILES
        .with_content(&mut conn, row.id, file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    files::serve(&file.name, file.kind()?, content, wants_download(&params))
}

/// Removes one of the registration's files (while it can be changed).
#[utoipa::path(delete, path = paths::FIRM_REGISTRATION_FILE, tag = "firm",
    operation_id = "firm_delete_registration_file",
    params(("id" = i64, Path, description = "The file's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The registration without the file", body = FirmRegistration),
        crate::refusals::FirmWriting,
        (status = 404, description = "No such file in the firm's registration", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`registration.not_editable`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    Firm(person): Firm,
    path: Result<Path<i64>, PathRejection>,
) -> Result<Json<FirmRegistration>, ApiError> {
    let file_id = file_id(path)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::for_firm(&mut tx, person.firm_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !row.status().editable() {
        return Err(store::not_editable());
    }
    let ids = (row.id, file_id);
    if !REGISTRATION_FILES
        .remove_by(&mut tx, &person, ids, now)
        .await?
    {
        return Err(ApiError::NotFound);
    }
    let view = super::current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
    tx.commit().await?;
    Ok(Json(view))
}
