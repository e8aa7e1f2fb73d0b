//! Service notices (通知公告): `GET /api/v1/notices` for everyone (what is in force today). The
//! administrators' handlers are `crate::staff::notices`, added by the staff route table under
//! `/api/v1/staff/admin/notices` (so the guard decides who may call them); both read and write
//! through [`store`]. The shapes and the input checks are in `portal_domain::api::notices`.

use portal_domain::paths::{self, below_v1};
pub(crate) mod store;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::notices::NoticeList;

use crate::error::ApiError;
use crate::AppState;
use store::NoticeRow;

pub fn router() -> Router<AppState> {
    Router::new().route(below_v1(paths::NOTICES), get(in_force))
}

/// The notices in force today: important first, then the newest.
#[utoipa::path(get, path = paths::NOTICES, tag = "notices",
    responses((status = 200, description = "The notices shown today", body = NoticeList)))]
pub async fn in_force(State(state): State<AppState>) -> Result<Json<NoticeList>, ApiError> {
    let rows = store::in_force(&state.db, state.today()?).await?;
    let items = rows
        .iter()
        .map(NoticeRow::notice)
        .collect::<Result<_, _>>()?;
    Ok(Json(NoticeList { items }))
}
