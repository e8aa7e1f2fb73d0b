//! `GET /api/v1/health`: used by the run script, the browser tests and any load balancer.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::Health;
use portal_domain::paths::{self, below_v1};

use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(below_v1(paths::HEALTH), get(health))
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
