//! A firm's requests for extra pre-examination quota (增量额度, issue #15), asked online
//! (`/api/v1/firm/pre-exam-quota-request`): the quota with the latest request, and asking. A
//! firm has at most one open request; asking again with the same number and reason while it is
//! open answers it again (200), so a retried submit is safe without an idempotency key, and any
//! other ask is refused (409 `pre_exam_quota.request_open`). An administrator answers it by
//! saving the firm's quota (`crate::staff::pre_exams::update_quota`). All SQL is in the store.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::pre_exam::{quota_code, FirmQuotaRequests, QuotaAsk, QuotaRequest};
use portal_domain::paths;

use super::{not_registered, registered, store};
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::firms::person::Firm;
use crate::AppState;

/// The firm's quota this year and its latest request for more (open while it has no outcome).
#[utoipa::path(get, path = paths::FIRM_PRE_EXAM_QUOTA_REQUEST, tag = "firm",
    operation_id = "firm_pre_exam_quota_requests",
    responses(
        (status = 200, description = "The quota and the latest request", body = FirmQuotaRequests),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn show(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmQuotaRequests>, ApiError> {
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    let settings = store::settings(&mut conn).await?;
    let latest = store::latest_quota_request(&mut conn, person.firm_id).await?;
    Ok(Json(FirmQuotaRequests {
        quota: store::quota(&mut conn, person.firm_id, today.year(), &settings).await?,
        latest: latest.map(|r| r.view()).transpose()?,
        registered: registered(&mut conn, person.firm_id, today).await?,
    }))
}

/// Asks for `extra` more requests this year, with the reason (checked by the domain's
/// `QuotaAsk::parse`, as the page does). The same ask again while it is open answers 200 with it.
#[utoipa::path(post, path = paths::FIRM_PRE_EXAM_QUOTA_REQUEST, tag = "firm",
    operation_id = "firm_ask_pre_exam_quota",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = QuotaAsk,
    responses(
        (status = 201, description = "Asked", body = QuotaRequest),
        (status = 200, description = "The same ask was already open: it, unchanged", body = QuotaRequest),
        (status = 400, description = "`validation_failed` at `extra` (`pre_exam_quota.extra_out_of_range`) and `reason` (`pre_exam_quota.reason_missing`, `…reason_too_long`, `…control_character`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmSignedIn,
        (status = 403, description = "`firm.csrf`, or `pre_exam.not_registered`: no registration in force", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`pre_exam_quota.request_open`: another request is open", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn ask(
    State(state): State<AppState>,
    Firm(person): Firm,
    body: Result<Json<QuotaAsk>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(ask) = body.map_err(json_rejection)?;
    let asked = ask.parse().map_err(ApiError::fields)?;
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    if let Some(open) = store::open_quota_request(&mut tx, person.firm_id).await? {
        let view = open.view()?;
        if view.extra == asked.extra && view.reason == asked.reason {
            return Ok(Json(view).into_response());
        }
        let (date, extra) = (view.asked_on.to_string(), view.extra);
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            quota_code::OPEN,
            Text::with(move |t| t.pre_exam_quota_request_open(&date, extra)),
        )
        .into());
    }
    if !registered(&mut tx, person.firm_id, today).await? {
        return Err(not_registered());
    }
    let ids = (person.firm_id, person.person_id);
    store::ask_quota(&mut tx, ids, today.year(), &asked, now).await?;
    person
        .audit(
            &mut tx,
            "pre_exam.quota_requested",
            &format!("{} more in {}", asked.extra, today.year()),
            now,
        )
        .await?;
    let view = store::open_quota_request(&mut tx, person.firm_id)
        .await?
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("the request just asked is gone")))?
        .view()?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}
