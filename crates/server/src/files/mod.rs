//! Uploaded files, whatever service takes them (rights-assistance evidence and replies, a firm's
//! registration materials): one way of reading an upload within its limits ([`read`]), checking
//! that it is the type its first bytes say ([`check`]), storing its content ([`blobs`]) and
//! serving it back ([`serve`]). What a file belongs to, and who may see it, is each service's.
//!
//! Limits per client address, counted in the database by every server process together
//! (`crate::limit`): [`UPLOAD_BYTES_PER_CLIENT`] within an hour for every
//! service's uploads together ([`FileLimits`]); past it 429 with the service's code and
//! `Retry-After`, before the file is read. An upload reserves its declared length (10 MB without
//! one) before a byte is read and counts the bytes really read afterwards, refused files
//! (413, 415) included.

pub(crate) mod blobs;
pub(crate) mod check;
pub(crate) mod read;
pub(crate) mod serve;

pub(crate) use read::read_within_budget;
pub(crate) use serve::{serve, wants_download, DownloadParams, FileAsked, FileIds, FileServed};

use portal_domain::api::assistance::MAX_FILES;
use portal_domain::api::files::MAX_FILE_BYTES;

use crate::error::ApiError;
use crate::limit::{ClientBudget, Counts};

/// Bytes of files one client address may upload within [`LIMIT_WINDOW_SECS`]: three
/// rights-assistance applications with all their 10 files at the largest size.
pub const UPLOAD_BYTES_PER_CLIENT: u64 = 3 * MAX_FILES as u64 * MAX_FILE_BYTES;
const LIMIT_WINDOW_SECS: i64 = 60 * 60;

/// The uploaded bytes per client address, and the one-at-a-time writing of files.
#[derive(Debug)]
pub struct FileLimits {
    pub(crate) upload_bytes: ClientBudget,
    /// Uploaded files are written to the database one at a time. Writing 10 MB holds SQLite's
    /// write lock for a while; many uploads at once would queue at the lock, where a request
    /// waits 5 seconds at most and then fails (seen as 500s with 34 parallel uploads). Here
    /// they queue without a time limit, each already read and within its budget.
    pub(crate) file_writes: tokio::sync::Semaphore,
}

impl FileLimits {
    /// Waits for this request's turn to write a file (see `file_writes`); the turn ends when
    /// the permit is dropped, after the transaction.
    pub(crate) async fn one_writer(&self) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        self.file_writes.acquire().await.map_err(ApiError::internal)
    }
}

impl FileLimits {
    pub fn new(counts: &Counts) -> Self {
        FileLimits {
            upload_bytes: ClientBudget::new(
                counts.clone(),
                "upload_bytes",
                UPLOAD_BYTES_PER_CLIENT,
                LIMIT_WINDOW_SECS,
            ),
            file_writes: tokio::sync::Semaphore::new(1),
        }
    }
}
