//! Serving a stored file back: its real type, `nosniff`, never cached, shown or saved under its
//! name (for every service's files).

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

/// Whether the file is asked for as a download (`?download=1`) rather than to be shown.
pub(crate) fn wants_download(params: &DownloadParams) -> bool {
    matches!(
        params.download.as_deref().map(str::trim),
        Some("1" | "true")
    )
}
