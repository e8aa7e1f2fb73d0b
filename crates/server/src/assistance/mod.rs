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
//! Limits per client address (`crate::client_ip`), counted in the database by every server
//! process together (`crate::limit`), for the routes anyone can call
//! without a secret: at most [`limits::NEW_DRAFTS_PER_CLIENT`] new drafts and
//! [`crate::files::UPLOAD_BYTES_PER_CLIENT`] of uploaded files (drafts, replies and every other service's uploads together) within an hour
//! ([`ClientLimits`]); past them 429 `assistance.drafts_rate_limited` or
//! `assistance.uploads_rate_limited` with `Retry-After`, before a draft is made or the file is
//! read. An upload reserves its declared length (10 MB without one) before a byte is
//! read, so parallel uploads cannot all pass, and counts the bytes really read afterwards,
//! refused files (413, 415) included (`crate::files::read_within_budget`). A person applying needs one draft and at most 100 MB; the limits leave room
//! for a service hall's terminals behind one address, and keep one address from filling the
//! database (10 files of 10 MB in each of many drafts, kept 30 days).
//!
//! Concurrency. Every write that checks a limit (10 files) or a state (the draft is still open,
//! the request can still be withdrawn) runs in a `BEGIN IMMEDIATE` transaction and reads the
//! state again under the write lock (see `crate::booking` on why IMMEDIATE).
//!
//! Logs name drafts, requests, files and messages by their row ids only: never a name, number,
//! file name or token.

use portal_domain::paths::{self, below_v1};
pub(crate) mod checks;
pub(crate) mod drafts;
pub(crate) mod limits;
pub(crate) mod requests;
pub(crate) mod store;
pub(crate) mod submit;
pub(crate) mod uploads;

pub use limits::ClientLimits;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use drafts::{
    create_draft, delete_draft_file, download_draft_file, get_draft, save_draft, upload_draft_file,
};
use requests::{
    delete_request_file, download_request_file, lookup, new_link, rate_request, reply, track,
    upload_request_file, withdraw,
};
use submit::submit;

/// Draft bodies hold at most a few thousand characters of answers.
const MAX_JSON_BYTES: usize = 128 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(below_v1(paths::ASSISTANCE_DRAFTS), post(create_draft))
        .route(
            below_v1(paths::ASSISTANCE_DRAFT),
            get(get_draft).put(save_draft),
        )
        .route(
            below_v1(paths::ASSISTANCE_DRAFT_FILES),
            post(upload_draft_file),
        )
        .route(
            below_v1(paths::ASSISTANCE_DRAFT_FILE),
            get(download_draft_file).delete(delete_draft_file),
        )
        .route(below_v1(paths::ASSISTANCE_DRAFT_SUBMIT), post(submit))
        .route(below_v1(paths::ASSISTANCE_LOOKUP), post(lookup))
        .route(below_v1(paths::ASSISTANCE_NEW_LINK), post(new_link))
        .route(below_v1(paths::ASSISTANCE_REQUEST), get(track))
        .route(below_v1(paths::ASSISTANCE_WITHDRAW), post(withdraw))
        .route(
            below_v1(paths::ASSISTANCE_REQUEST_FILES),
            post(upload_request_file),
        )
        .route(
            below_v1(paths::ASSISTANCE_REQUEST_FILE),
            get(download_request_file).delete(delete_request_file),
        )
        .route(below_v1(paths::ASSISTANCE_REPLY), post(reply))
        .route(below_v1(paths::ASSISTANCE_RATING), post(rate_request))
        // JSON bodies only: uploads read their raw body themselves, with their own limit.
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES))
        // Everything here is about one person's application.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}
