//! The follow-up of bad service ratings (好差评: 不满意, 非常不满意), for every role: the list,
//! those awaiting a reply first, and the reply the citizen sees where they rated. Good ratings
//! are only counted (the overview). A reply is given once: the same words again answer the same
//! 200, other words 409 `rating.already_answered`; it is audited in its transaction. The
//! citizen's side is `crate::rating`.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::rating::{
    code, FollowUp, FollowUpItem, FollowUpList, FollowUpReply, LevelCount, RatingCounts,
    RatingLevel, RatingReplyRequest, ServiceKind,
};
use portal_domain::paths;
use portal_domain::reference::BookingReference;
use portal_domain::time::format_shanghai;
use serde::Deserialize;
use sqlx::AnyConnection;

use super::paging::PageParams;
use super::user::Staff;
use crate::assistance::store::views::shown_reference;
use crate::audit::audit;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::extract::Query;
use crate::AppState;

/// A bad rating with what the list shows of its service.
#[derive(Debug, sqlx::FromRow)]
struct FollowUpRow {
    id: i64,
    booking_id: Option<i64>,
    request_id: Option<i64>,
    reference: Option<String>,
    level: i64,
    comment: Option<String>,
    rated_at: i64,
    reply_text: Option<String>,
    replied_at: Option<i64>,
    replied_by: Option<String>,
}

const FOLLOW_UP_SELECT: &str = "SELECT r.id, r.booking_id, r.request_id, \
     COALESCE(b.reference, q.reference) AS reference, r.level, r.comment, r.rated_at, \
     r.reply_text, r.replied_at, a.username AS replied_by \
     FROM service_ratings r \
     LEFT JOIN bookings b ON b.id = r.booking_id \
     LEFT JOIN assistance_requests q ON q.id = r.request_id \
     LEFT JOIN staff_accounts a ON a.id = r.replied_by";

impl FollowUpRow {
    fn item(self) -> Result<FollowUpItem, ApiError> {
        let bad =
            |what: &str| ApiError::Internal(anyhow::anyhow!("rating {}: bad {what}", self.id));
        let level = RatingLevel::from_score(self.level).ok_or_else(|| bad("level"))?;
        let compact = self.reference.clone().ok_or_else(|| bad("service"))?;
        let (service, target_id, reference) = match (self.booking_id, self.request_id) {
            (Some(id), None) => (
                ServiceKind::Booking,
                id,
                BookingReference::parse(&compact).map_or(compact, |r| r.to_string()),
            ),
            (None, Some(id)) => (ServiceKind::Assistance, id, shown_reference(&compact)),
            _ => return Err(bad("service")),
        };
        Ok(FollowUpItem {
            id: self.id,
            service,
            reference,
            target_id,
            level,
            comment: self.comment,
            rated_at: format_shanghai(self.rated_at),
            reply: self
                .reply_text
                .zip(self.replied_at)
                .map(|(text, at)| FollowUpReply {
                    text,
                    replied_at: format_shanghai(at),
                    replied_by: self.replied_by,
                }),
        })
    }
}

/// `?follow_up=&page=&per_page=` of the list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowUpParams {
    /// `open` (default: awaiting a reply), `answered` or `all`.
    pub follow_up: Option<String>,
    /// From 1 (default 1).
    pub page: Option<u32>,
    /// 1–200 (default 50).
    pub per_page: Option<u32>,
}

/// Bad ratings awaiting a reply.
async fn awaiting_reply(conn: &mut AnyConnection) -> Result<u32, ApiError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM service_ratings WHERE level <= 2 AND replied_at IS NULL",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(n.max(0) as u32)
}

/// The bad ratings to follow up: those awaiting a reply first, then oldest first.
#[utoipa::path(get, path = paths::STAFF_RATINGS, tag = "staff",
    operation_id = "staff_list_ratings", params(FollowUpParams),
    responses(
        (status = 200, description = "One page of bad ratings", body = FollowUpList),
        (status = 400, description = "`bad_request`: unknown `follow_up` value",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
    ))]
pub async fn list_ratings(
    State(state): State<AppState>,
    Query(params): Query<FollowUpParams>,
) -> Result<Json<FollowUpList>, ApiError> {
    let follow_up = FollowUp::parse(params.follow_up.as_deref())
        .ok_or_else(|| ApiError::BadRequest(Text::of(|t| t.follow_up_must_open_answered)))?;
    let condition = match follow_up {
        FollowUp::Open => "r.level <= 2 AND r.replied_at IS NULL",
        FollowUp::Answered => "r.level <= 2 AND r.replied_at IS NOT NULL",
        FollowUp::All => "r.level <= 2",
    };
    let (page, per_page, offset) = PageParams {
        page: params.page,
        per_page: params.per_page,
    }
    .resolve();
    let mut conn = state.db.acquire().await?;
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM service_ratings r WHERE {condition}"
    ))
    .fetch_one(&mut *conn)
    .await?;
    let rows: Vec<FollowUpRow> = sqlx::query_as(&format!(
        "{FOLLOW_UP_SELECT} WHERE {condition} \
         ORDER BY r.replied_at IS NOT NULL, r.rated_at, r.id LIMIT $1 OFFSET $2"
    ))
    .bind(i64::from(per_page))
    .bind(i64::from(offset))
    .fetch_all(&mut *conn)
    .await?;
    Ok(Json(FollowUpList {
        follow_up,
        items: rows
            .into_iter()
            .map(FollowUpRow::item)
            .collect::<Result<_, _>>()?,
        total: total.max(0) as u32,
        page,
        per_page,
        awaiting_reply: awaiting_reply(&mut conn).await?,
    }))
}

async fn follow_up_item(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<FollowUpItem>, ApiError> {
    let row: Option<FollowUpRow> = sqlx::query_as(&format!("{FOLLOW_UP_SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(FollowUpRow::item).transpose()
}

/// Answers a bad rating; the citizen sees the reply where they rated. Once: the same words
/// again answer the same 200.
#[utoipa::path(post, path = paths::STAFF_RATING_REPLY, tag = "staff",
    operation_id = "staff_reply_rating", request_body = RatingReplyRequest,
    params(("id" = i64, Path, description = "The rating's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The rating with its reply", body = FollowUpItem),
        (status = 400, description = "`validation_failed`: `text` (`rating.reply_missing`, \
            `rating.reply_too_long`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.csrf`", body = portal_domain::api::ApiErrorBody),
        (status = 404, description = "No such rating", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`rating.not_bad`: only bad ratings are answered; \
            `rating.already_answered`: answered before, with other words",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<i64>, PathRejection>,
    body: Result<Json<RatingReplyRequest>, JsonRejection>,
) -> Result<Json<FollowUpItem>, ApiError> {
    let id = path.map(|Path(id)| id).map_err(|_| ApiError::NotFound)?;
    let Json(request) = body.map_err(json_rejection)?;
    let text = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let item = follow_up_item(&mut tx, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !item.level.is_bad() {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::NOT_BAD,
            Text::of(|t| t.only_dissatisfied_very_dissatisfied_ratings),
        )
        .into());
    }
    if let Some(existing) = &item.reply {
        if existing.text == text {
            return Ok(Json(item));
        }
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::ALREADY_ANSWERED,
            Text::of(|t| t.rating_already_been_answered_person),
        )
        .into());
    }
    sqlx::query(
        "UPDATE service_ratings SET reply_text = $1, replied_by = $2, replied_at = $3 WHERE id = $4",
    )
    .bind(&text)
    .bind(user.account_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let service = match item.service {
        ServiceKind::Booking => "booking",
        ServiceKind::Assistance => "case",
    };
    audit(
        &mut tx,
        Some(user.account_id),
        "rating.reply",
        ("rating", Some(&id.to_string())),
        &format!(
            "replied to a {} rating of {service} {}",
            item.level.code(),
            item.target_id
        ),
        now,
    )
    .await?;
    let item = follow_up_item(&mut tx, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    tracing::info!(rating = id, by = user.account_id, "rating answered");
    Ok(Json(item))
}

/// The ratings of the overview: every level (zeros included) and the bad ones awaiting a reply.
pub(crate) async fn counts(conn: &mut AnyConnection) -> Result<RatingCounts, ApiError> {
    let per_level: Vec<(i64, i64)> =
        sqlx::query_as("SELECT level, COUNT(*) FROM service_ratings GROUP BY level")
            .fetch_all(&mut *conn)
            .await?;
    let by_level: Vec<LevelCount> = RatingLevel::ALL
        .iter()
        .map(|level| LevelCount {
            level: *level,
            count: per_level
                .iter()
                .find(|(score, _)| *score == i64::from(level.score()))
                .map_or(0, |(_, n)| (*n).max(0) as u32),
        })
        .collect();
    Ok(RatingCounts {
        total: by_level.iter().map(|c| c.count).sum(),
        by_level,
        awaiting_reply: awaiting_reply(conn).await?,
    })
}
