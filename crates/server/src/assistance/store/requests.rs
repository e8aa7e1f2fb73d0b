//! Writing requests: submitting a draft (the request row under a fresh reference, the draft's
//! files moved to it, the draft closed, the answer kept by idempotency key) and an applicant's
//! reply to a message with its files.

use portal_domain::api::assistance::AssistanceRequest;
use portal_domain::calendar::Date;
use portal_domain::reference::AssistanceReference;
use sqlx::AnyConnection;

use crate::error::ApiError;
use crate::tokens::random_error;

/// A reference no request has: random, drawn again while one is taken.
pub async fn new_reference(conn: &mut AnyConnection) -> Result<AssistanceReference, ApiError> {
    loop {
        let candidate = AssistanceReference::from_random(getrandom::u64().map_err(random_error)?);
        if !super::reference_taken(conn, candidate.compact()).await? {
            return Ok(candidate);
        }
    }
}

/// Writes the submitted request; its id.
pub async fn insert(
    conn: &mut AnyConnection,
    reference: &AssistanceReference,
    token_hash: &[u8],
    request: &AssistanceRequest,
    submitted_on: Date,
    initial_review_due: Option<Date>,
    now: i64,
) -> Result<i64, ApiError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO assistance_requests (reference, token_hash, status, mobile, answers, \
         submitted_at, submitted_on, initial_review_due, updated_at) \
         VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(reference.compact())
    .bind(token_hash)
    .bind(request.applicant.mobile.as_ref().map(|m| m.as_str()))
    .bind(serde_json::to_string(request).map_err(ApiError::internal)?)
    .bind(now)
    .bind(submitted_on.to_string())
    .bind(initial_review_due.map(|d| d.to_string()))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?)
}

/// Moves the draft's files to the request as its evidence, and closes the draft: its answers
/// are emptied and it points at the request until it expires.
pub async fn close_draft(
    conn: &mut AnyConnection,
    draft_id: i64,
    request_id: i64,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE assistance_files SET role = 'evidence', request_id = $1, draft_id = NULL \
         WHERE draft_id = $2",
    )
    .bind(request_id)
    .bind(draft_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE assistance_drafts SET answers = '{}', request_id = $1, updated_at = $2, \
         expires_at = $3 WHERE id = $4",
    )
    .bind(request_id)
    .bind(now)
    .bind(expires_at)
    .bind(draft_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Reads the draft and answer stored for a submit's idempotency key (see
/// [`crate::idempotency::stored_answer`]).
pub const STORED_ANSWER: &str =
    "SELECT draft_id, response FROM assistance_idempotency WHERE key = $1";

/// Keeps the answer given to a submit under its idempotency key.
pub async fn remember_answer(
    conn: &mut AnyConnection,
    key: &str,
    draft_id: i64,
    answer: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO assistance_idempotency (key, draft_id, response, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(key)
    .bind(draft_id)
    .bind(answer)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Stores the reply to message `message_id` of request `request_id`, and sends the staged
/// files `file_ids` with it.
pub async fn reply(
    conn: &mut AnyConnection,
    request_id: i64,
    message_id: i64,
    text: Option<&str>,
    file_ids: &[i64],
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE assistance_messages SET reply_text = $1, replied_at = $2 WHERE id = $3")
        .bind(text)
        .bind(now)
        .bind(message_id)
        .execute(&mut *conn)
        .await?;
    for id in file_ids {
        sqlx::query(
            "UPDATE assistance_files SET role = 'reply', message_id = $1 \
             WHERE id = $2 AND request_id = $3 AND role = 'staged'",
        )
        .bind(message_id)
        .bind(id)
        .bind(request_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
