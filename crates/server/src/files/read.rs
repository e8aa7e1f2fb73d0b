//! Reading an upload: with a size limit and within the client's byte budget, typed by its
//! content.
//!
//! The body of an upload is the file itself (no multipart), read frame by frame. A declared
//! `Content-Length` over the limit is refused before anything is read. A body that turns out
//! too large while being read is refused too, but the rest of it is read and thrown away (up to
//! [`DRAIN_BYTES`]) first: a browser that is still sending when the server answers and closes
//! the connection reports a network error instead of the 413 and its message.

use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use http_body_util::BodyExt;
use portal_domain::api::files::{FileCodes, FileKind, MAX_FILE_BYTES};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, Refusal, Text};
use crate::AppState;

/// How much of a too-large body is read and dropped so that the client gets the answer.
const DRAIN_BYTES: u64 = 3 * MAX_FILE_BYTES;

/// A file that was read whole and whose content is an accepted type.
pub struct Upload {
    pub content: Vec<u8>,
    pub kind: FileKind,
    pub sha256: [u8; 32],
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// The most an upload with these headers can add to a file store: its declared length, or
/// [`MAX_FILE_BYTES`] when it declares none or more (then it is refused once read).
pub fn most_bytes(headers: &HeaderMap) -> u64 {
    declared_length(headers)
        .filter(|&n| n <= MAX_FILE_BYTES)
        .unwrap_or(MAX_FILE_BYTES)
        .max(1)
}

/// Reads the body of an upload: at most [`MAX_FILE_BYTES`], not empty, and a JPEG, PNG, WebP,
/// HEIC or PDF by its first bytes (the name and the declared type are not trusted). Answers
/// how many bytes were read as well, whatever the outcome: they count against the client's
/// budget even when the file is refused.
pub async fn read_upload(
    headers: &HeaderMap,
    body: Body,
    codes: &FileCodes,
) -> (u64, Result<Upload, ApiError>) {
    let mut seen: u64 = 0;
    let upload = read(headers, body, &mut seen, codes).await;
    (seen, upload)
}

/// Reads an upload within the client's byte budget (one for every service's uploads): the most
/// it can be is reserved before a byte is read (so parallel uploads cannot all pass), then
/// settled to the bytes really read, whether the file is then stored or refused (413, 415, or
/// an owner that closed meanwhile).
///
/// The budget is counted in the database (`crate::limit`): reserving and settling are writes,
/// and take their turn with the file writes ([`super::FileLimits::one_writer`]). Otherwise,
/// while uploads are written one after another, each holding SQLite's write lock for a while,
/// a count waiting for the lock could miss its chance again and again until its 5 seconds run
/// out (seen as 500s with 34 parallel uploads from one address).
pub(crate) async fn read_within_budget(
    state: &AppState,
    client: Option<std::net::IpAddr>,
    headers: &HeaderMap,
    body: Body,
    now: i64,
    codes: &FileCodes,
) -> Result<Upload, ApiError> {
    let budget = &state.files.upload_bytes;
    let reserved = {
        let _turn = state.files.one_writer().await?;
        budget.reserve(client, most_bytes(headers), now).await?
    };
    let reservation = reserved.map_err(|limited| {
        limited.refusal(codes.rate_limited, |t, minutes| {
            t.assistance_uploads_rate_limited(minutes)
        })
    })?;
    let (read, upload) = read_upload(headers, body, codes).await;
    {
        let _turn = state.files.one_writer().await?;
        budget.settle(reservation, read).await?;
    }
    upload
}

async fn read(
    headers: &HeaderMap,
    body: Body,
    seen: &mut u64,
    codes: &FileCodes,
) -> Result<Upload, ApiError> {
    let declared = declared_length(headers);
    if declared.is_some_and(|n| n > DRAIN_BYTES) {
        return Err(too_large(codes));
    }
    let mut body = body;
    let mut content = Vec::with_capacity(declared.unwrap_or(0).min(MAX_FILE_BYTES) as usize);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| interrupted())?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        *seen += data.len() as u64;
        if *seen > DRAIN_BYTES {
            return Err(too_large(codes));
        }
        if *seen <= MAX_FILE_BYTES {
            content.extend_from_slice(&data);
        }
    }
    if *seen > MAX_FILE_BYTES {
        return Err(too_large(codes));
    }
    if content.is_empty() {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            codes.empty,
            Text::of(|t| t.file_empty_0_bytes_choose),
        )
        .into());
    }
    let Some(kind) = FileKind::sniff(&content) else {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            codes.type_not_allowed,
            Text::of(|t| t.you_only_add_photos_jpg),
        )
        .into());
    };
    super::check::check(kind, &content).map_err(|p| super::check::refusal(p, codes))?;
    let sha256 = Sha256::digest(&content).into();
    Ok(Upload {
        content,
        kind,
        sha256,
    })
}

fn too_large(codes: &FileCodes) -> ApiError {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        codes.too_large,
        Text::of(|t| t.file_too_large_each_file),
    )
    .into()
}

fn interrupted() -> ApiError {
    ApiError::BadRequest(Text::of(|t| t.file_did_arrive_whole_please))
}
