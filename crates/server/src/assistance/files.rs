//! Uploaded files: read with a size limit, typed by their content, served back safely.
//!
//! The body of an upload is the file itself (no multipart), read frame by frame. A declared
//! `Content-Length` over the limit is refused before anything is read. A body that turns out
//! too large while being read is refused too, but the rest of it is read and thrown away (up to
//! [`DRAIN_BYTES`]) first: a browser that is still sending when the server answers and closes
//! the connection reports a network error instead of the 413 and its message.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use portal_domain::api::assistance::{code, FileKind, MAX_FILE_BYTES};
use portal_domain::api::percent_encode;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::store::FileRow;
use crate::error::{ApiError, Refusal, Text};

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
pub async fn read_upload(headers: &HeaderMap, body: Body) -> (u64, Result<Upload, ApiError>) {
    let mut seen: u64 = 0;
    let upload = read(headers, body, &mut seen).await;
    (seen, upload)
}

async fn read(headers: &HeaderMap, body: Body, seen: &mut u64) -> Result<Upload, ApiError> {
    let declared = declared_length(headers);
    if declared.is_some_and(|n| n > DRAIN_BYTES) {
        return Err(too_large());
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
            return Err(too_large());
        }
        if *seen <= MAX_FILE_BYTES {
            content.extend_from_slice(&data);
        }
    }
    if *seen > MAX_FILE_BYTES {
        return Err(too_large());
    }
    if content.is_empty() {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            code::FILE_EMPTY,
            Text::of(|t| t.file_empty_0_bytes_choose),
        )
        .into());
    }
    let Some(kind) = FileKind::sniff(&content) else {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::FILE_TYPE_NOT_ALLOWED,
            Text::of(|t| t.you_only_add_photos_jpg),
        )
        .into());
    };
    super::file_check::check(kind, &content).map_err(super::file_check::refusal)?;
    let sha256 = Sha256::digest(&content).into();
    Ok(Upload {
        content,
        kind,
        sha256,
    })
}

fn too_large() -> ApiError {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        code::FILE_TOO_LARGE,
        Text::of(|t| t.file_too_large_each_file),
    )
    .into()
}

fn interrupted() -> ApiError {
    ApiError::BadRequest(Text::of(|t| t.file_did_arrive_whole_please))
}

/// A stored file as the answer to a download: its real type, `nosniff`, never cached, shown
/// in the browser (`inline`) or saved (`attachment`, with `?download=1`) under its name. A file
/// that does not pass today's checks (`file_check`: one stored before they existed) is only
/// ever saved, never shown in the browser.
pub fn serve(row: &FileRow, content: Vec<u8>, download: bool) -> Result<Response, ApiError> {
    let kind = row.kind().map_err(ApiError::Internal)?;
    let passes = super::file_check::check(kind, &content).is_ok();
    let disposition = content_disposition(&row.name, download || !passes);
    let mut response = (StatusCode::OK, content).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.content_type()),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(|e| ApiError::Internal(e.into()))?,
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// `inline; filename="photo.jpg"; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg` (RFC 6266): an
/// ASCII fallback for old clients, the real name for the others.
pub fn content_disposition(name: &str, download: bool) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let kind = if download { "attachment" } else { "inline" };
    format!(
        "{kind}; filename=\"{fallback}\"; filename*=UTF-8''{}",
        percent_encode(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispositions_quote_safely() {
        assert_eq!(
            content_disposition("照片 1.jpg", false),
            "inline; filename=\"__ 1.jpg\"; filename*=UTF-8''%E7%85%A7%E7%89%87%201.jpg"
        );
        assert_eq!(
            content_disposition("a\"b\\c.pdf", true),
            "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf"
        );
    }
}

/// The query of a download.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DownloadParams {
    /// `1` to save the file (`Content-Disposition: attachment`) instead of showing it.
    pub download: Option<String>,
}

/// Whether the file is asked for as a download (`?download=1`) rather than to be shown.
pub(crate) fn wants_download(params: &DownloadParams) -> bool {
    matches!(
        params.download.as_deref().map(str::trim),
        Some("1" | "true")
    )
}
