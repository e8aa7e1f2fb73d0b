//! Storing an uploaded file, for a draft (evidence, an authorisation letter) or for a reply to
//! the center (staged on the request): one path for both ([`Incoming`], [`store`]); and serving
//! one back ([`serve`]). Room is checked before the body is
//! read; the body is read within the client's byte budget (`crate::files`); files are written
//! one at a time (`FileLimits::file_writes`) in a `BEGIN IMMEDIATE` transaction that checks the
//! owner and the room again.

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::assistance::{FilePurpose, MAX_FILES, MAX_STAGED_FILES};
use serde::Deserialize;
use sqlx::AnyConnection;

use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::extract::Query;
use crate::files;
use crate::AppState;

use super::checks::{check_room, ensure_active, ensure_open};
use super::store::{self, Owner, DRAFT_TTL_SECS};
use crate::files::read_within_budget;
use portal_domain::api::assistance::code;
use std::net::IpAddr;

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

/// An upload as it arrives: who sends it (its bytes count against the sender's budget), its
/// headers (the length it announces), what it is ([`UploadParams`]) and its bytes, not read yet.
pub(crate) struct Incoming {
    client: Option<IpAddr>,
    headers: HeaderMap,
    pub params: UploadParams,
    body: Body,
}

impl FromRequest<AppState> for Incoming {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let (mut parts, body) = request.into_parts();
        let Ok(ClientIp(client)) = ClientIp::from_request_parts(&mut parts, state).await;
        let Query(params) = Query::<UploadParams>::from_request_parts(&mut parts, state).await?;
        let headers = parts.headers;
        Ok(Incoming {
            client,
            headers,
            params,
            body,
        })
    }
}

/// Where an upload goes.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Destination {
    /// A draft's files (evidence or an authorisation letter); the draft's expiry moves on.
    Draft { id: i64, purpose: FilePurpose },
    /// A request's files waiting to be sent with a reply.
    Request { id: i64 },
}

impl Destination {
    fn owner(self) -> Owner {
        match self {
            Destination::Draft { id, .. } => Owner::Draft(id),
            Destination::Request { id } => Owner::Request(id),
        }
    }

    fn role(self) -> &'static str {
        match self {
            Destination::Draft { .. } => "draft",
            Destination::Request { .. } => "staged",
        }
    }

    fn max_files(self) -> usize {
        match self {
            Destination::Draft { .. } => MAX_FILES,
            Destination::Request { .. } => MAX_STAGED_FILES,
        }
    }

    fn purpose(self) -> FilePurpose {
        match self {
            Destination::Draft { purpose, .. } => purpose,
            Destination::Request { .. } => FilePurpose::Evidence,
        }
    }

    /// 409 when there is no room for another file.
    async fn check_room(self, conn: &mut AnyConnection) -> Result<(), ApiError> {
        check_room(conn, self.owner(), self.role(), self.max_files()).await
    }

    /// The draft is still there and open, or the request still active: read again under the
    /// write lock.
    async fn check_open(self, conn: &mut AnyConnection, now: i64) -> Result<(), ApiError> {
        match self {
            Destination::Draft { id, .. } => {
                let row = store::draft_by_id(conn, id)
                    .await?
                    .filter(|row| row.expires_at > now)
                    .ok_or(ApiError::NotFound)?;
                ensure_open(&row)
            }
            Destination::Request { id } => {
                let row = store::request_by_id(conn, id)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                ensure_active(&row)
            }
        }
    }
}

/// Stores the upload in `body` for a draft or request whose token was checked (found, open):
/// 201 with the file.
pub(crate) async fn store(
    state: &AppState,
    incoming: Incoming,
    to: Destination,
    now: i64,
) -> Result<Response, ApiError> {
    let Incoming {
        client,
        headers,
        params,
        body,
    } = incoming;
    // Before reading up to 10 MB that would be refused anyway.
    to.check_room(&mut *state.db.acquire().await?).await?;
    let upload = read_within_budget(state, client, &headers, body, now, &code::FILES).await?;
    let name =
        portal_domain::api::assistance::clean_file_name(params.name.as_deref().unwrap_or(""));

    let _writing = state.files.one_writer().await?;
    let mut tx = crate::db::write(&state.db).await?;
    to.check_open(&mut tx, now).await?;
    to.check_room(&mut tx).await?;
    let file = store::insert_file(
        &mut tx,
        store::NewFile {
            owner: to.owner(),
            role: to.role(),
            name: &name,
            kind: upload.kind,
            purpose: to.purpose(),
            content: &upload.content,
            sha256: &upload.sha256,
            now,
        },
    )
    .await?;
    if let Destination::Draft { id, .. } = to {
        store::touch_draft(&mut tx, id, now, now + DRAFT_TTL_SECS).await?;
    }
    tx.commit().await?;
    let (kind, size) = (upload.kind.code(), file.size);
    match to {
        Destination::Draft { id, .. } => tracing::info!(
            draft = id,
            file = file.id,
            kind,
            size,
            "assistance draft file stored"
        ),
        Destination::Request { id } => tracing::info!(
            request = id,
            file = file.id,
            kind,
            size,
            "assistance reply file stored"
        ),
    }
    Ok((
        StatusCode::CREATED,
        Json(file.view().map_err(ApiError::Internal)?),
    )
        .into_response())
}

/// One file of a draft or request (its owner found by token), with its real type.
pub(crate) async fn serve(
    conn: &mut AnyConnection,
    owner: Owner,
    file_id: i64,
    download: bool,
) -> Result<Response, ApiError> {
    let (row, content) = store::file_with_content(conn, owner, file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let kind = row.kind().map_err(ApiError::Internal)?;
    files::serve(&row.name, kind, content, download)
}
