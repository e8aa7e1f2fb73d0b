//! Service rating (好差评) by the citizen: the one implementation behind
//! `POST /api/v1/bookings/{token}/rating` and `POST /api/v1/assistance/requests/{token}/rating`
//! (the booking and assistance modules find the service by its token and hand it here), and the
//! `can_rate` and `rating` of their views. The shapes and rules are in
//! `portal_domain::api::rating`; the staff follow-up list and replies in `crate::staff::ratings`.
//!
//! A rating is written in a `BEGIN IMMEDIATE` transaction that reads, under the write lock,
//! whether the service is rated already and whether it can be rated (a booking checked in and
//! still confirmed, a request concluded); the UNIQUE columns of `service_ratings` are the
//! backstop. Logs name ratings and services by row id and level only, never the comment.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::rating::{
    code, CenterReply, RatingLevel, RatingRequest, RatingView, ServiceKind,
};
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::AppState;

/// The service a rating is about, by its row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Service {
    Booking(i64),
    Request(i64),
}

impl Service {
    fn kind(self) -> ServiceKind {
        match self {
            Service::Booking(_) => ServiceKind::Booking,
            Service::Request(_) => ServiceKind::Assistance,
        }
    }

    fn id(self) -> i64 {
        match self {
            Service::Booking(id) | Service::Request(id) => id,
        }
    }

    /// The column of `service_ratings` that names this kind of service.
    fn column(self) -> &'static str {
        match self {
            Service::Booking(_) => "booking_id",
            Service::Request(_) => "request_id",
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
struct RatingRow {
    id: i64,
    level: i64,
    comment: Option<String>,
    rated_at: i64,
    reply_text: Option<String>,
    replied_at: Option<i64>,
}

impl RatingRow {
    fn level(&self) -> Result<RatingLevel, ApiError> {
        RatingLevel::from_score(self.level)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("rating {}: bad level", self.id)))
    }

    fn view(&self) -> Result<RatingView, ApiError> {
        Ok(RatingView {
            level: self.level()?,
            comment: self.comment.clone(),
            rated_at: format_shanghai(self.rated_at),
            reply: self
                .reply_text
                .clone()
                .zip(self.replied_at)
                .map(|(text, at)| CenterReply {
                    text,
                    replied_at: format_shanghai(at),
                }),
        })
    }
}

async fn rating_row(
    conn: &mut AnyConnection,
    service: Service,
) -> Result<Option<RatingRow>, ApiError> {
    let sql = format!(
        "SELECT id, level, comment, rated_at, reply_text, replied_at FROM service_ratings \
         WHERE {} = $1",
        service.column()
    );
    Ok(sqlx::query_as(&sql)
        .bind(service.id())
        .fetch_optional(&mut *conn)
        .await?)
}

/// Whether the service is in a state to be rated (rated or not): a booking checked in at the
/// desk and not cancelled; a concluded request.
async fn ratable(conn: &mut AnyConnection, service: Service) -> Result<bool, ApiError> {
    let sql = match service {
        Service::Booking(_) => {
            "SELECT status = 'confirmed' AND attendance = 'checked_in' FROM bookings WHERE id = $1"
        }
        Service::Request(_) => "SELECT status = 'concluded' FROM assistance_requests WHERE id = $1",
    };
    let ratable: Option<crate::db::Flag> = sqlx::query_scalar(sql)
        .bind(service.id())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(ratable.is_some_and(crate::db::Flag::yes))
}

/// What a citizen's view of the service says about rating it.
pub(crate) struct RatingState {
    /// It can be rated now (ratable and not rated yet).
    pub can_rate: bool,
    pub rating: Option<RatingView>,
    /// When it was rated (Unix seconds): the `rated` step of a request's timeline.
    pub rated_at: Option<i64>,
}

pub(crate) async fn state(
    conn: &mut AnyConnection,
    service: Service,
) -> Result<RatingState, ApiError> {
    let row = rating_row(conn, service).await?;
    let can_rate = row.is_none() && ratable(conn, service).await?;
    Ok(RatingState {
        can_rate,
        rating: row.as_ref().map(RatingRow::view).transpose()?,
        rated_at: row.map(|r| r.rated_at),
    })
}

fn already_rated() -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code::ALREADY_RATED,
        Text::of(|t| t.you_already_rated_service_each),
    )
    .into()
}

fn not_ratable(service: Service) -> ApiError {
    let message = match service {
        Service::Booking(_) => Text::of(|t| t.you_rate_consultation_once_you),
        Service::Request(_) => Text::of(|t| t.you_rate_service_once_your),
    };
    Refusal::new(StatusCode::CONFLICT, code::NOT_RATABLE, message).into()
}

/// What rating a booking or a request answers, beside its own 404 and 409 (documentation
/// only, see `crate::refusals`).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub(crate) enum Rated {
    #[response(status = 201, description = "Rated (or the same rating again)")]
    Rated(portal_domain::api::rating::RatingView),
    #[response(
        status = 400,
        description = "`validation_failed`: `level` (`rating.level_missing`, \
            `rating.level_unknown`), `comment` (`rating.comment_too_long`)"
    )]
    Invalid(portal_domain::api::ApiErrorBody),
}

/// The body of a rating, as the handlers take it (a body that is not one is refused here).
pub(crate) type RatingBody = Result<Json<RatingRequest>, JsonRejection>;

/// Rates the service: 201 with the rating; the same rating again (a retry) answers the same
/// 201; 409 `rating.already_rated` for a different one, `rating.not_ratable` before check-in
/// or conclusion; 400 with field messages for a missing or unknown level or a long comment.
pub(crate) async fn rate(
    state: &AppState,
    service: Service,
    body: RatingBody,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let rating = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    if let Some(existing) = rating_row(&mut tx, service).await? {
        if existing.level()? == rating.level && existing.comment == rating.comment {
            return Ok((StatusCode::CREATED, Json(existing.view()?)).into_response());
        }
        return Err(already_rated());
    }
    if !ratable(&mut tx, service).await? {
        return Err(not_ratable(service));
    }
    let sql = format!(
        "INSERT INTO service_ratings ({}, level, comment, rated_at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
        service.column()
    );
    let id: i64 = sqlx::query_scalar(&sql)
        .bind(service.id())
        .bind(i64::from(rating.level.score()))
        .bind(&rating.comment)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    let view = rating_row(&mut tx, service)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("rating {id} not found after insert")))?
        .view()?;
    tx.commit().await?;
    tracing::info!(
        rating = id,
        service = service.kind().code(),
        service_id = service.id(),
        level = rating.level.score(),
        "service rated"
    );
    Ok((StatusCode::CREATED, Json(view)).into_response())
}
