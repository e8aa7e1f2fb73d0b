//! The limits per client address on new drafts and uploaded bytes (see the `assistance` module
//! documentation), and reading an upload within its byte budget.

use axum::body::Body;
use axum::http::HeaderMap;
use portal_domain::api::assistance::{code, MAX_FILES, MAX_FILE_BYTES};

use crate::error::ApiError;
use crate::limit::{ClientBudget, Limited};
use crate::AppState;

use super::files::{self};

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
    pub(crate) drafts: ClientBudget,
    pub(crate) upload_bytes: ClientBudget,
    /// Uploaded files are written to the database one at a time. Writing 10 MB holds SQLite's
    /// write lock for a while; many uploads at once would queue at the lock, where a request
    /// waits 5 seconds at most and then fails (seen as 500s with 34 parallel uploads). Here
    /// they queue without a time limit, each already read and within its budget.
    pub(crate) file_writes: tokio::sync::Semaphore,
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
pub(crate) async fn read_within_budget(
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

pub(crate) fn drafts_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::DRAFTS_RATE_LIMITED, |t, minutes| {
        t.assistance_drafts_rate_limited(minutes)
    })
}

pub(crate) fn uploads_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::UPLOADS_RATE_LIMITED, |t, minutes| {
        t.assistance_uploads_rate_limited(minutes)
    })
}
