//! Serving a stored file back: its real type, `nosniff`, never cached, shown or saved under its
//! name (for every service's files).

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_domain::api::files::FileKind;
use portal_domain::api::percent_encode;
use serde::Deserialize;

use crate::error::ApiError;

/// A stored file as the answer to a download: its real type, `nosniff`, never cached, shown
/// in the browser (`inline`) or saved (`attachment`, with `?download=1`) under its name. A file
/// that does not pass today's checks (`super::check`: one stored before they existed) is only
/// ever saved, never shown in the browser.
pub fn serve(
    name: &str,
    kind: FileKind,
    content: Vec<u8>,
    download: bool,
) -> Result<Response, ApiError> {
    let passes = super::check::check(kind, &content).is_ok();
    let disposition = content_disposition(name, download || !passes);
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

/// The `{id}` and `{file_id}` of a route that serves one file of a case, registration or
/// request. Anything that is not two ids names no file: 404, as for a file that is not there.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct FileIds {
    /// The id of the case, registration or request the file belongs to.
    pub id: i64,
    /// The file's id.
    pub file_id: i64,
}

impl<S: Send + Sync> FromRequestParts<S> for FileIds {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(ids) = Path::<FileIds>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        Ok(ids)
    }
}

/// What a route that serves one file of a case, registration or request is asked: which file
/// (the path's [`FileIds`]) and whether to save it rather than show it ([`DownloadParams`]).
#[derive(Debug, Clone, Copy)]
pub struct FileAsked {
    pub ids: FileIds,
    pub download: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for FileAsked {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let ids = FileIds::from_request_parts(parts, state).await?;
        let crate::extract::Query(params) =
            crate::extract::Query::<DownloadParams>::from_request_parts(parts, state).await?;
        let download = wants_download(&params);
        Ok(FileAsked { ids, download })
    }
}

/// The 200 of a route that serves a stored file (documentation only, see `crate::refusals`).
#[derive(utoipa::IntoResponses)]
#[response(
    status = 200,
    description = "The file, `inline` unless `download=1`",
    content_type = "application/octet-stream"
)]
#[allow(dead_code)]
pub struct FileServed(String);

/// Whether the file is asked for as a download (`?download=1`) rather than to be shown.
pub(crate) fn wants_download(params: &DownloadParams) -> bool {
    matches!(
        params.download.as_deref().map(str::trim),
        Some("1" | "true")
    )
}
