//! The routes of a submitted request: tracking it (by tracking token, or its progress by
//! reference + mobile number), withdrawing it, files for replies, replies and the rating.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use portal_domain::api::assistance::{
    code, has_second_fact, AssistanceError, AssistanceLookupRequest, AssistanceProgress,
    AssistanceTracking, EvidenceFile, NewLink, NewLinkRequest, ReplyRequest, RequestStatus,
    WithdrawRequest, ONE_CLICK_WITHDRAW_SECS,
};
use portal_domain::paths;
use portal_domain::reference::AssistanceReference;

use crate::audit::audit;
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::Query;
use crate::extract::{json_or_default, json_rejection};
use crate::limit::Limited;
use crate::lookup;
use crate::rating::{self, RatingBody, Service};
use crate::{tokens, AppState};

use super::checks::{ensure_active, token_hash, token_hash_and_id};
use super::store::views::tracking;
use super::store::{self, requests, Owner};
use super::uploads::{self, Destination, Incoming, UploadParams};
use crate::files::{wants_download, DownloadParams};

/// The request as its applicant follows it: status, timeline, the next deadline, the center's
/// messages, the answers (personal numbers masked) and the files.
#[utoipa::path(get, path = paths::ASSISTANCE_REQUEST, tag = "assistance",
    operation_id = "track_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    responses(
        (status = 200, description = "The request, with `details`", body = AssistanceTracking),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn track(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let mut tx = state.db.begin().await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(tracking(&state, &mut tx, &row, now).await?))
}

/// A request's key in the failed-lookup count the booking lookups share: its own key space, as
/// a request's reference is not a booking's.
fn lookup_key(reference: &AssistanceReference) -> String {
    format!("assistance {}", reference.compact())
}

/// A lookup of a request by reference + mobile number (the progress, a new link) within the
/// shared limit on failed lookups, counted under the reference's key.
async fn limited<T>(
    state: &AppState,
    client: &ClientIp,
    reference: &AssistanceReference,
    now: i64,
    find: impl std::future::Future<Output = Result<Option<T>, ApiError>>,
) -> Result<T, ApiError> {
    let key = lookup_key(reference);
    lookup::limited(
        state,
        client,
        &key,
        now,
        lookup_rate_limited,
        "assistance",
        find,
    )
    .await
}

/// Finds a request by its reference and the applicant's mobile number: its progress only (see
/// `AssistanceProgress`). An unknown reference and a wrong number give the same 404 and count
/// towards the limit on failed lookups that the booking lookups share (`AppState::lookups`: 5
/// an hour per reference, 30 per client address across every lookup route); once it is reached
/// the answer is 429 `assistance.lookup_rate_limited` before the request is looked for, whether the
/// reference exists or not.
#[utoipa::path(post, path = paths::ASSISTANCE_LOOKUP, tag = "assistance",
    operation_id = "lookup_assistance_request", request_body = AssistanceLookupRequest,
    responses(
        (status = 200, description = "The request's progress", body = AssistanceProgress),
        (status = 400, description = "Malformed reference or mobile number (field messages)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request with this reference and mobile number",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.lookup_rate_limited`: too many failed lookups \
            of this reference or from this address", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until lookups are accepted again"))),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<AssistanceLookupRequest>, JsonRejection>,
) -> Result<Json<AssistanceProgress>, ApiError> {
    let now = state.clock.now();
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile) = request.parse().map_err(ApiError::fields)?;
    let find = async {
        let mut tx = state.db.begin().await?;
        match store::request_by_reference_and_mobile(&mut tx, reference.compact(), &mobile).await? {
            Some(row) => Ok(Some(tracking(&state, &mut tx, &row, now).await?)),
            None => Ok(None),
        }
    };
    let tracking = limited(&state, &client, &reference, now, find).await?;
    Ok(Json(AssistanceProgress::from(&tracking)))
}

/// Gives a new tracking link to someone who lost theirs and proves three facts of the
/// application: its reference, the mobile number and the last 6 characters of the ID number or
/// credit code given in it. The old link stops working at once. Counted like a lookup (the same
/// shared limit, the same key): a wrong answer to any of the three is the same 404, and counts.
/// A request that holds neither number is 409 `assistance.no_second_fact` (the applicant asks at
/// the counter), said only to someone who gave the right reference and mobile number. The
/// staff audit log records that a link was issued (never the token or the facts).
#[utoipa::path(post, path = paths::ASSISTANCE_NEW_LINK, tag = "assistance",
    operation_id = "new_assistance_tracking_link", request_body = NewLinkRequest,
    responses(
        (status = 200, description = "The new tracking token; the old one no longer works", body = NewLink),
        (status = 400, description = "Malformed reference, mobile number or ID characters (field messages)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request with this reference, mobile number and ID characters",
            body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.no_second_fact`: the request holds no ID number or \
            credit code to prove", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.lookup_rate_limited`: too many failed lookups \
            of this reference or from this address", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until lookups are accepted again"))),
    ))]
pub async fn new_link(
    State(state): State<AppState>,
    client: ClientIp,
    body: Result<Json<NewLinkRequest>, JsonRejection>,
) -> Result<Json<NewLink>, ApiError> {
    let now = state.clock.now();
    let Json(request) = body.map_err(json_rejection)?;
    let (reference, mobile, tail) = request.parse().map_err(ApiError::fields)?;
    let issue = async {
        let mut tx = state.db.begin().await?;
        let Some(row) =
            store::request_by_reference_and_mobile(&mut tx, reference.compact(), &mobile).await?
        else {
            return Ok(None);
        };
        let applicant = row.answers().map_err(ApiError::Internal)?.applicant;
        if !has_second_fact(&applicant) {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                code::NO_SECOND_FACT,
                Text::of(|t| t.no_second_fact_for_new_link),
            )
            .into());
        }
        if !tail.proves(&applicant) {
            return Ok(None);
        }
        let token = tokens::new_token()?;
        store::replace_token(&mut tx, row.id, &tokens::hash(&token), now).await?;
        audit(
            &mut tx,
            None,
            "assistance.new_tracking_link",
            ("assistance_request", Some(&row.reference)),
            "a new tracking link was given to the applicant, who proved the reference, the \
             mobile number and the last characters of an ID number; the old link no longer works",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(NewLink { token }))
    };
    // The lookup's limit and key: a failed try here and there count together.
    let link = limited(&state, &client, &reference, now, issue).await?;
    Ok(Json(link))
}

/// The 429 of a lookup refused by the limit on failed lookups: the same whether the reference
/// exists or not, and whichever limit was reached.
fn lookup_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOOKUP_RATE_LIMITED, |t, minutes| {
        t.assistance_lookup_rate_limited(minutes)
    })
}

/// Withdraws the request. Within 10 minutes of submitting it takes nothing more; after that a
/// reason, and only until the request is accepted. Withdrawing a withdrawn request changes
/// nothing (a retry is safe). An empty body is the same as `{}`.
#[utoipa::path(post, path = paths::ASSISTANCE_WITHDRAW,
    tag = "assistance", operation_id = "withdraw_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    request_body = WithdrawRequest,
    responses(
        (status = 200, description = "The withdrawn request", body = AssistanceTracking),
        (status = 400, description = "`validation_failed` (reason too long) or `bad_request`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.not_withdrawable`: accepted, refused or \
            concluded", body = portal_domain::api::ApiErrorBody),
        (status = 422, description = "`assistance.withdraw_reason_required` (field `reason`): \
            more than 10 minutes after submitting", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let request: WithdrawRequest = json_or_default(body)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = row.status().map_err(ApiError::Internal)?;
    if status == RequestStatus::Withdrawn {
        return Ok(Json(tracking(&state, &mut tx, &row, now).await?));
    }
    if !status.withdrawable() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::NOT_WITHDRAWABLE,
            Text::of(|t| t.application_been_accepted_outcome_so),
        )
        .into());
    }
    let needs_reason = now - row.submitted_at > ONE_CLICK_WITHDRAW_SECS;
    let reason = request.parse(needs_reason).map_err(|problems| {
        if problems
            .iter()
            .any(|(_, e)| *e == AssistanceError::WithdrawReasonMissing)
        {
            Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code::WITHDRAW_REASON_REQUIRED,
                Text::of(|t| t.more_than_10_minutes_since),
            )
            .field("reason", &AssistanceError::WithdrawReasonMissing)
            .into()
        } else {
            ApiError::fields(problems)
        }
    })?;
    store::set_status(
        &mut tx,
        store::Event {
            request_id: row.id,
            status: RequestStatus::Withdrawn,
            note: reason.as_deref(),
            at: now,
        },
    )
    .await?;
    let row = store::request_by_id(&mut tx, row.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        with_reason = reason.is_some(),
        "assistance request withdrawn"
    );
    Ok(Json(view))
}

/// Uploads a file for a reply to the center (sent with `.../messages/{id}/reply`). Same types
/// and size limit as evidence; at most 10 files waiting to be sent.
#[utoipa::path(post, path = paths::ASSISTANCE_REQUEST_FILES, tag = "assistance",
    operation_id = "upload_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"), UploadParams),
    request_body(content = String, content_type = "application/octet-stream",
        description = "The file's bytes, as for a draft"),
    responses(
        (status = 201, description = "Stored, waiting to be sent with a reply", body = EvidenceFile),
        (status = 400, description = "`assistance.file_empty` or `bad_request`",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.too_many_files` or \
            `assistance.request_closed`", body = portal_domain::api::ApiErrorBody),
        (status = 413, description = "`assistance.file_too_large`", body = portal_domain::api::ApiErrorBody),
        (status = 415, description = "`assistance.file_type_not_allowed`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`assistance.uploads_rate_limited`: too many bytes \
            uploaded from this address within an hour; see `Retry-After`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn upload_request_file(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    incoming: Incoming,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let hash = token_hash(token)?;
    let request_id = {
        let mut conn = state.db.acquire().await?;
        let row = store::request_by_token_hash(&mut conn, &hash)
            .await?
            .ok_or(ApiError::NotFound)?;
        ensure_active(&row)?;
        row.id
    };
    let to = Destination::Request { id: request_id };
    uploads::store(&state, incoming, to, now).await
}

/// Removes a file uploaded for a reply that has not been sent yet.
#[utoipa::path(delete, path = paths::ASSISTANCE_REQUEST_FILE,
    tag = "assistance", operation_id = "delete_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The request without the file", body = AssistanceTracking),
        (status = 404, description = "No such file in this request", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.file_already_sent`: evidence and files sent \
            with a reply stay", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn delete_request_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let (hash, file_id) = token_hash_and_id(path)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !store::delete_file(&mut tx, Owner::Request(row.id), "staged", file_id).await? {
        let exists = store::request_files(&mut tx, row.id)
            .await?
            .iter()
            .any(|f| f.id == file_id);
        return Err(if exists {
            Refusal::new(
                StatusCode::CONFLICT,
                code::FILE_ALREADY_SENT,
                Text::of(|t| t.file_already_been_sent_center),
            )
            .into()
        } else {
            ApiError::NotFound
        });
    }
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        file = file_id,
        "assistance reply file deleted"
    );
    Ok(Json(view))
}

/// One file of the request (evidence, files sent with replies, files waiting to be sent).
#[utoipa::path(get, path = paths::ASSISTANCE_REQUEST_FILE,
    tag = "assistance", operation_id = "download_assistance_request_file",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The file's id"), DownloadParams),
    responses(
        crate::files::FileServed,
        (status = 404, description = "No such file in this request", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn download_request_file(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    Query(params): Query<DownloadParams>,
) -> Result<Response, ApiError> {
    let (hash, file_id) = token_hash_and_id(path)?;
    let mut tx = state.db.begin().await?;
    let request = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let owner = Owner::Request(request.id);
    uploads::serve(&mut tx, owner, file_id, wants_download(&params)).await
}

/// Answers a message from the center with words, files uploaded to the request, or both: the
/// reply and its files are stored in one transaction. Each message takes one reply; sending
/// the same reply again changes nothing (a retry is safe).
#[utoipa::path(post, path = paths::ASSISTANCE_REPLY,
    tag = "assistance", operation_id = "reply_to_assistance_message",
    params(("token" = String, Path, description = "The tracking token"),
        ("id" = i64, Path, description = "The message's id")),
    request_body = ReplyRequest,
    responses(
        (status = 200, description = "The request with the reply", body = AssistanceTracking),
        (status = 400, description = "`validation_failed`: `text` (empty reply, too long) or \
            `files` (`assistance.reply_file_unknown`, more than 10)",
            body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No such message for this request", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`assistance.already_replied` or \
            `assistance.request_closed`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    path: Result<Path<(String, i64)>, PathRejection>,
    body: Result<Json<ReplyRequest>, JsonRejection>,
) -> Result<Json<AssistanceTracking>, ApiError> {
    let now = state.clock.now();
    let (hash, message_id) = token_hash_and_id(path)?;
    let Json(request) = body.map_err(json_rejection)?;
    let (text, file_ids) = request.parse().map_err(ApiError::fields)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = store::request_by_token_hash(&mut tx, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    let message = store::message(&mut tx, row.id, message_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let files = store::request_files(&mut tx, row.id).await?;
    if message.replied() {
        let mut sent: Vec<i64> = files
            .iter()
            .filter(|f| f.message_id == Some(message.id))
            .map(|f| f.id)
            .collect();
        let mut asked = file_ids.clone();
        sent.sort_unstable();
        asked.sort_unstable();
        if message.reply_text == text && sent == asked {
            return Ok(Json(tracking(&state, &mut tx, &row, now).await?));
        }
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::ALREADY_REPLIED,
            Text::of(|t| t.you_already_replied_message_add),
        )
        .into());
    }
    ensure_active(&row)?;
    let staged = |id: &i64| files.iter().any(|f| f.id == *id && f.role == "staged");
    if !file_ids.iter().all(staged) {
        return Err(ApiError::fields(vec![(
            "files",
            AssistanceError::ReplyFileUnknown,
        )]));
    }
    requests::reply(&mut tx, row.id, message.id, text.as_deref(), &file_ids, now).await?;
    let view = tracking(&state, &mut tx, &row, now).await?;
    tx.commit().await?;
    tracing::info!(
        request = row.id,
        message_id = message.id,
        files = file_ids.len(),
        "assistance message answered"
    );
    Ok(Json(view))
}

/// Rates the service (好差评) once the request is concluded: five levels and an optional
/// comment, once per request; the timeline then ends with a `rated` step. The same rating sent
/// again answers the same 201.
#[utoipa::path(post, path = paths::ASSISTANCE_RATING, tag = "assistance",
    operation_id = "rate_assistance_request",
    params(("token" = String, Path, description = "The tracking token")),
    request_body = portal_domain::api::rating::RatingRequest,
    responses(
        crate::rating::Rated,
        (status = 404, description = "No request has this token", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`rating.not_ratable`: not concluded; \
            `rating.already_rated`: rated before, differently", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn rate_request(
    State(state): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    body: RatingBody,
) -> Result<Response, ApiError> {
    let hash = token_hash(token)?;
    let mut conn = state.db.acquire().await?;
    let row = store::request_by_token_hash(&mut conn, &hash)
        .await?
        .ok_or(ApiError::NotFound)?;
    drop(conn);
    rating::rate(&state, Service::Request(row.id), body).await
}
