//! The service network: `GET /api/v1/venues`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::{Venue, VenueKind, VenueList, VenueStatus};
use portal_domain::paths::{self, below_v1};
use serde::Deserialize;

use crate::error::{ApiError, FieldProblem, Text};
use crate::extract::Query;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(below_v1(paths::VENUES), get(list))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VenueFilter {
    /// Only venues of this kind: `center`, `fast_rights_center`, `sub_center` or `partner`.
    kind: Option<String>,
}

/// The venues of the service network in the order the center presents them.
#[utoipa::path(get, path = paths::VENUES, tag = "venues", params(VenueFilter),
    responses(
        (status = 200, description = "The venues", body = VenueList),
        (status = 400, description = "Unknown `kind`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Query(filter): Query<VenueFilter>,
) -> Result<Json<VenueList>, ApiError> {
    let kind = match filter.kind.as_deref() {
        None | Some("") => None,
        Some(value) => Some(VenueKind::parse(value).ok_or_else(|| {
            ApiError::Validation(vec![FieldProblem::new(
                "kind",
                "venue_kind.unknown",
                Text::of(|t| t.kind_must_one_center_fast),
            )])
        })?),
    };

    let rows: Vec<VenueRow> = sqlx::query_as(
        "SELECT id, kind, status, name_zh, name_en, summary_zh, summary_en, address, phone, \
         opening_hours, map_url, source FROM venues WHERE $1 IS NULL OR kind = $1 ORDER BY sort_order, id",
    )
    .bind(kind.map(VenueKind::as_str))
    .fetch_all(&state.db)
    .await?;

    let items = rows
        .into_iter()
        .map(Venue::try_from)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ApiError::Internal)?;
    Ok(Json(VenueList { items }))
}

/// The columns every view of a venue starts with (the list, the booking catalog, the seed file).
#[derive(sqlx::FromRow, Deserialize)]
pub(crate) struct VenueBasics {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub name_zh: String,
    pub name_en: String,
}

impl VenueBasics {
    /// The kind and status; the table's CHECK constraints allow only the known values.
    pub fn kind_and_status(&self) -> anyhow::Result<(VenueKind, VenueStatus)> {
        let kind = VenueKind::parse(&self.kind)
            .ok_or_else(|| anyhow::anyhow!("venue {} has unknown kind", self.id))?;
        let status = match self.status.as_str() {
            "operating" => VenueStatus::Operating,
            "being_set_up" => VenueStatus::BeingSetUp,
            _ => anyhow::bail!("venue {} has unknown status", self.id),
        };
        Ok((kind, status))
    }
}

#[derive(sqlx::FromRow)]
struct VenueRow {
    #[sqlx(flatten)]
    basics: VenueBasics,
    summary_zh: String,
    summary_en: String,
    address: Option<String>,
    phone: Option<String>,
    opening_hours: Option<String>,
    map_url: Option<String>,
    source: String,
}

impl TryFrom<VenueRow> for Venue {
    type Error = anyhow::Error;

    fn try_from(row: VenueRow) -> anyhow::Result<Venue> {
        let (kind, status) = row.basics.kind_and_status()?;
        Ok(Venue {
            id: row.basics.id,
            kind,
            status,
            name_zh: row.basics.name_zh,
            name_en: row.basics.name_en,
            summary_zh: row.summary_zh,
            summary_en: row.summary_en,
            address: row.address,
            phone: row.phone,
            opening_hours: row.opening_hours,
            map_url: row.map_url,
            source: row.source,
        })
    }
}
