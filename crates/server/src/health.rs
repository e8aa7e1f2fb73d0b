//! `GET /api/v1/health` (liveness): used by the run script, the browser tests and any load
//! balancer; `GET /api/v1/health/ready` (readiness): whether this process should be sent
//! requests now.

use std::collections::HashSet;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::{error_code, Health, Readiness};
use portal_domain::paths::{self, below_v1};

use crate::error::{ApiError, Refusal, Text};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(below_v1(paths::HEALTH), get(health))
        .route(below_v1(paths::READY), get(ready))
}

/// The server is up and the database answers.
#[utoipa::path(get, path = paths::HEALTH, tag = "health",
    responses((status = 200, description = "Up, with the size of the seeded data", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let (venues, gi_products): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM venues), (SELECT COUNT(*) FROM gi_products)")
            .fetch_one(&state.db)
            .await?;
    Ok(Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        venues: venues as u32,
        gi_products: gi_products as u32,
    }))
}

/// Ready for requests: the database answers and has applied every migration this binary
/// carries (a replica started with a newer binary than the database has seen is not ready until
/// they are applied).
#[utoipa::path(get, path = paths::READY, tag = "health",
    responses(
        (status = 200, description = "Ready, with the number of migrations applied", body = Readiness),
        (status = 503, description = "`not_ready`: the database does not answer or lacks \
            migrations", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn ready(State(state): State<AppState>) -> Result<Json<Readiness>, ApiError> {
    let not_ready = || -> ApiError {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            error_code::NOT_READY,
            Text::of(|t| t.not_ready),
        )
        .into()
    };
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(&state.db)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "readiness: the database does not answer");
                not_ready()
            })?;
    let applied: HashSet<i64> = applied.into_iter().collect();
    let pending = crate::db::Backend::of_pool(&state.db)
        .migrator()
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .count();
    if pending > 0 {
        tracing::warn!(pending, "readiness: migrations not applied");
        return Err(not_ready());
    }
    Ok(Json(Readiness {
        status: "ready".to_owned(),
        migrations: applied.len() as u32,
    }))
}
