//! The assistance service's store: reading and writing drafts, requests, their files, events
//! and messages (here), submitting and replying ([`requests`]), and the applicant's views of
//! the rows ([`views`]). Every function takes a connection, so the caller decides what runs in
//! one transaction.

pub mod requests;
pub mod views;

use anyhow::Context;
use portal_domain::api::assistance::{
    AssistanceDraft, AssistanceRequest, EvidenceFile, FileKind, FilePurpose, MessageKind,
    RequestStatus, DRAFT_TTL_DAYS,
};
use portal_domain::calendar::Date;
use portal_domain::ids::MobileNumber;
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use crate::files::blobs;
use crate::tokens::hex;

/// How long a draft is kept after its last change.
pub const DRAFT_TTL_SECS: i64 = DRAFT_TTL_DAYS * 24 * 60 * 60;
/// How long a submit's idempotency key is remembered (and its answer, tracking token included).
pub const IDEMPOTENCY_TTL_SECS: i64 = 24 * 60 * 60;

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

#[derive(Debug, sqlx::FromRow)]
pub struct DraftRow {
    pub id: i64,
    pub answers: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub request_id: Option<i64>,
}

impl DraftRow {
    /// The saved answers. A row holds what `save_draft` wrote, so this only fails if someone
    /// edited the table by hand; the draft then reads as empty rather than failing.
    pub fn draft(&self) -> AssistanceDraft {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }
}

const DRAFT_SELECT: &str =
    "SELECT id, answers, created_at, updated_at, expires_at, request_id FROM assistance_drafts";

/// The draft with this token hash, unless it has expired.
pub async fn draft_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &[u8],
    now: i64,
) -> sqlx::Result<Option<DraftRow>> {
    sqlx::query_as(&format!(
        "{DRAFT_SELECT} WHERE token_hash = $1 AND expires_at > $2"
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await
}

pub async fn draft_by_id(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<DraftRow>> {
    sqlx::query_as(&format!("{DRAFT_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn insert_draft(
    conn: &mut AnyConnection,
    token_hash: &[u8],
    now: i64,
    expires_at: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO assistance_drafts (token_hash, answers, created_at, updated_at, expires_at) \
         VALUES ($1, '{}', $2, $3, $4) RETURNING id",
    )
    .bind(token_hash)
    .bind(now)
    .bind(now)
    .bind(expires_at)
    .fetch_one(&mut *conn)
    .await
}

pub async fn save_draft(
    conn: &mut AnyConnection,
    id: i64,
    answers: &str,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    update_draft(conn, id, Some(answers), now, expires_at).await
}

/// Moves the expiry of a draft on (an upload or a deletion is a change too).
pub async fn touch_draft(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    update_draft(conn, id, None, now, expires_at).await
}

/// Stamps a draft as changed at `now`, with new answers if `answers` is given.
async fn update_draft(
    conn: &mut AnyConnection,
    id: i64,
    answers: Option<&str>,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE assistance_drafts SET answers = COALESCE($1, answers), updated_at = $2, \
         expires_at = $3 WHERE id = $4",
    )
    .bind(answers)
    .bind(now)
    .bind(expires_at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes the drafts that expired before `now` with their files (and the contents no other
/// file uses), and idempotency keys older than `keys_before`. Returns how many drafts went.
pub async fn delete_expired(
    conn: &mut AnyConnection,
    now: i64,
    keys_before: i64,
) -> sqlx::Result<u64> {
    sqlx::query("DELETE FROM assistance_idempotency WHERE created_at < $1")
        .bind(keys_before)
        .execute(&mut *conn)
        .await?;
    let query = sqlx::query("DELETE FROM assistance_drafts WHERE expires_at <= $1").bind(now);
    blobs::delete_rows(conn, query).await
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: i64,
    pub sha256: Vec<u8>,
    pub role: String,
    pub message_id: Option<i64>,
    pub name: String,
    pub kind: String,
    pub size: i64,
    pub purpose: String,
    pub uploaded_at: i64,
}

impl FileRow {
    pub fn kind(&self) -> anyhow::Result<FileKind> {
        FileKind::from_code(&self.kind).with_context(|| format!("file {} has a bad kind", self.id))
    }

    pub fn view(&self) -> anyhow::Result<EvidenceFile> {
        let kind = self.kind()?;
        Ok(EvidenceFile {
            id: self.id,
            name: self.name.clone(),
            kind,
            content_type: kind.content_type().to_owned(),
            size: self.size.max(0) as u64,
            sha256: hex(&self.sha256),
            purpose: FilePurpose::from_code(&self.purpose)
                .with_context(|| format!("file {} has a bad purpose", self.id))?,
            uploaded_at: format_shanghai(self.uploaded_at),
        })
    }
}

const FILE_COLUMNS: &str = "id, sha256, role, message_id, name, kind, size, purpose, uploaded_at";

pub async fn draft_files(conn: &mut AnyConnection, draft_id: i64) -> sqlx::Result<Vec<FileRow>> {
    sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS} FROM assistance_files WHERE draft_id = $1 ORDER BY uploaded_at, id"
    ))
    .bind(draft_id)
    .fetch_all(&mut *conn)
    .await
}

/// Every file of a request: evidence, staged and sent with replies.
pub async fn request_files(
    conn: &mut AnyConnection,
    request_id: i64,
) -> sqlx::Result<Vec<FileRow>> {
    sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS} FROM assistance_files WHERE request_id = $1 ORDER BY uploaded_at, id"
    ))
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await
}

/// Whose a file is.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Draft(i64),
    Request(i64),
}

/// One file of a draft or request with its content; `None` if it is not theirs.
pub async fn file_with_content(
    conn: &mut AnyConnection,
    owner: Owner,
    file_id: i64,
) -> sqlx::Result<Option<(FileRow, Vec<u8>)>> {
    let (column, owner_id) = match owner {
        Owner::Draft(id) => ("draft_id", id),
        Owner::Request(id) => ("request_id", id),
    };
    let select =
        format!("SELECT {FILE_COLUMNS} FROM assistance_files WHERE id = $1 AND {column} = $2");
    blobs::row_with_content(conn, &select, (file_id, owner_id), |r: &FileRow| &r.sha256).await
}

/// A file about to be stored.
pub struct NewFile<'a> {
    pub owner: Owner,
    pub role: &'static str,
    pub name: &'a str,
    pub kind: FileKind,
    pub purpose: FilePurpose,
    pub content: &'a [u8],
    pub sha256: &'a [u8],
    pub now: i64,
}

/// Stores the content (once per distinct content) and the file row.
pub async fn insert_file(conn: &mut AnyConnection, file: NewFile<'_>) -> sqlx::Result<FileRow> {
    blobs::put(conn, file.sha256, file.content).await?;
    let (draft_id, request_id) = match file.owner {
        Owner::Draft(id) => (Some(id), None),
        Owner::Request(id) => (None, Some(id)),
    };
    sqlx::query_as(&format!(
        "INSERT INTO assistance_files (sha256, role, draft_id, request_id, name, kind, size, \
         purpose, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {FILE_COLUMNS}"
    ))
    .bind(file.sha256)
    .bind(file.role)
    .bind(draft_id)
    .bind(request_id)
    .bind(file.name)
    .bind(file.kind.code())
    .bind(file.content.len() as i64)
    .bind(file.purpose.code())
    .bind(file.now)
    .fetch_one(&mut *conn)
    .await
}

/// How many files a draft has, or a request has in `role`.
pub async fn count_files(conn: &mut AnyConnection, owner: Owner, role: &str) -> sqlx::Result<i64> {
    match owner {
        Owner::Draft(id) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM assistance_files WHERE draft_id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await
        }
        Owner::Request(id) => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM assistance_files WHERE request_id = $1 AND role = $2",
            )
            .bind(id)
            .bind(role)
            .fetch_one(&mut *conn)
            .await
        }
    }
}

/// Deletes one file row (if it is the owner's and in `role`) and its content if nothing else
/// uses it. Returns whether a row was deleted.
pub async fn delete_file(
    conn: &mut AnyConnection,
    owner: Owner,
    role: &str,
    file_id: i64,
) -> sqlx::Result<bool> {
    let (column, owner_id) = match owner {
        Owner::Draft(id) => ("draft_id", id),
        Owner::Request(id) => ("request_id", id),
    };
    let delete =
        format!("DELETE FROM assistance_files WHERE id = $1 AND {column} = $2 AND role = $3");
    let query = sqlx::query(&delete).bind(file_id).bind(owner_id).bind(role);
    Ok(blobs::delete_rows(conn, query).await? > 0)
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

#[derive(Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub reference: String,
    pub status: String,
    pub answers: String,
    pub submitted_at: i64,
    pub submitted_on: String,
    pub initial_review_due: Option<String>,
    /// When its personal data was deleted (migration 0020, `crate::retention`).
    pub anonymised_at: Option<i64>,
}

impl RequestRow {
    pub fn status(&self) -> anyhow::Result<RequestStatus> {
        RequestStatus::from_code(&self.status)
            .with_context(|| format!("request {} has a bad status", self.id))
    }

    pub fn answers(&self) -> anyhow::Result<AssistanceRequest> {
        serde_json::from_str(&self.answers)
            .with_context(|| format!("request {} has unreadable answers", self.id))
    }
}

const REQUEST_SELECT: &str = "SELECT id, reference, status, answers, submitted_at, \
     submitted_on, initial_review_due, anonymised_at FROM assistance_requests";

pub async fn request_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &[u8],
) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("{REQUEST_SELECT} WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(&mut *conn)
        .await
}

pub async fn request_by_id(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!("{REQUEST_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// One query for both conditions, so an unknown reference and a wrong mobile number take the
/// same path and give the same answer.
pub async fn request_by_reference_and_mobile(
    conn: &mut AnyConnection,
    reference: &str,
    mobile: &MobileNumber,
) -> sqlx::Result<Option<RequestRow>> {
    sqlx::query_as(&format!(
        "{REQUEST_SELECT} WHERE reference = $1 AND mobile = $2"
    ))
    .bind(reference)
    .bind(mobile.as_str())
    .fetch_optional(&mut *conn)
    .await
}

/// Gives the request a new tracking token (its SHA-256): the old link stops working.
pub async fn replace_token(
    conn: &mut AnyConnection,
    id: i64,
    token_hash: &[u8],
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE assistance_requests SET token_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(token_hash)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn reference_taken(conn: &mut AnyConnection, reference: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM assistance_requests WHERE reference = $1)")
        .bind(reference)
        .fetch_one(&mut *conn)
        .await
        .map(crate::db::Flag::yes)
}

/// One step of a request's timeline: the status it went to, when, and the note shown with it.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub request_id: i64,
    pub status: RequestStatus,
    pub note: Option<&'a str>,
    pub at: i64,
}

/// Changes the status and adds the event to the timeline.
pub async fn set_status(conn: &mut AnyConnection, event: Event<'_>) -> sqlx::Result<()> {
    sqlx::query("UPDATE assistance_requests SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(event.status.code())
        .bind(event.at)
        .bind(event.request_id)
        .execute(&mut *conn)
        .await?;
    add_event(conn, event).await
}

pub async fn add_event(conn: &mut AnyConnection, event: Event<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO assistance_events (request_id, status, at, note) VALUES ($1, $2, $3, $4)",
    )
    .bind(event.request_id)
    .bind(event.status.code())
    .bind(event.at)
    .bind(event.note)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub status: String,
    pub at: i64,
    pub note: Option<String>,
}

pub async fn events(conn: &mut AnyConnection, request_id: i64) -> sqlx::Result<Vec<EventRow>> {
    sqlx::query_as(
        "SELECT status, at, note FROM assistance_events WHERE request_id = $1 ORDER BY at, id",
    )
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await
}

#[derive(Debug, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub kind: String,
    pub body: String,
    pub sent_at: i64,
    pub reply_text: Option<String>,
    pub replied_at: Option<i64>,
    /// `YYYY-MM-DD`.
    pub reply_by: Option<String>,
}

impl MessageRow {
    pub fn kind(&self) -> anyhow::Result<MessageKind> {
        MessageKind::from_code(&self.kind)
            .with_context(|| format!("message {} has a bad kind", self.id))
    }

    pub fn reply_by(&self) -> anyhow::Result<Option<Date>> {
        self.reply_by
            .as_deref()
            .map(|day| {
                Date::parse(day).map_err(|_| anyhow::anyhow!("message {} has a bad day", self.id))
            })
            .transpose()
    }

    pub fn replied(&self) -> bool {
        self.replied_at.is_some()
    }
}

const MESSAGE_SELECT: &str =
    "SELECT id, kind, body, sent_at, reply_text, replied_at, reply_by FROM assistance_messages";

pub async fn messages(conn: &mut AnyConnection, request_id: i64) -> sqlx::Result<Vec<MessageRow>> {
    sqlx::query_as(&format!(
        "{MESSAGE_SELECT} WHERE request_id = $1 ORDER BY sent_at, id"
    ))
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await
}

pub async fn message(
    conn: &mut AnyConnection,
    request_id: i64,
    message_id: i64,
) -> sqlx::Result<Option<MessageRow>> {
    sqlx::query_as(&format!(
        "{MESSAGE_SELECT} WHERE request_id = $1 AND id = $2"
    ))
    .bind(request_id)
    .bind(message_id)
    .fetch_optional(&mut *conn)
    .await
}
