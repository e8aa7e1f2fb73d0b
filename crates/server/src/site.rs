//! Who runs this site and how to reach the center (issue #18): `GET /api/v1/site` (may be
//! cached for a minute), and the same JSON written into every app page as a data block
//! (`crate::spa`), which the footers and the pages that tell people to contact the center read
//! without a request of their own. Administrators set the footer (`crate::staff::site`); the
//! center's contacts are its venue's.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::site::{public_security_href, CenterContacts, SiteFooter, SiteInfo};
use portal_domain::api::VenueContacts;
use portal_domain::paths::{self, below_v1};
use sqlx::AnyConnection;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        below_v1(paths::SITE),
        get(info).layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=60"),
        )),
    )
}

/// The footer's administrator data (each field absent until entered) and the center's
/// contacts (absent until some are entered).
#[utoipa::path(get, path = paths::SITE, tag = "site",
    operation_id = "site_info",
    responses((status = 200, description = "The footer and the center's contacts", body = SiteInfo)))]
pub async fn info(State(state): State<AppState>) -> Result<Json<SiteInfo>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(load(&mut conn).await?))
}

/// What `GET /api/v1/site` answers, also written into every app page (`crate::spa`).
pub(crate) async fn load(conn: &mut AnyConnection) -> sqlx::Result<SiteInfo> {
    let footer = footer(&mut *conn).await?;
    let center: Option<CenterRow> = sqlx::query_as(
        "SELECT name_zh, name_en, address, phone, opening_hours, map_url FROM venues \
         WHERE kind = 'center' ORDER BY sort_order, id LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    let center = center.and_then(|row| {
        let contacts = VenueContacts {
            address: row.address,
            phone: row.phone,
            opening_hours: row.opening_hours,
            map_url: row.map_url,
        };
        (!contacts.is_empty()).then_some(CenterContacts {
            name_zh: row.name_zh,
            name_en: row.name_en,
            contacts,
        })
    });
    let public_security_href = footer
        .public_security_number
        .as_deref()
        .and_then(public_security_href);
    Ok(SiteInfo {
        footer,
        public_security_href,
        center,
    })
}

/// The footer as saved (all `None` before an administrator saves one).
pub(crate) async fn footer(conn: &mut AnyConnection) -> sqlx::Result<SiteFooter> {
    let row: Option<FooterRow> = sqlx::query_as(
        "SELECT host_organisation, website_code, icp_number, public_security_number \
         FROM site_settings WHERE id = 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map_or_else(SiteFooter::default, |r| SiteFooter {
        host_organisation: r.host_organisation,
        website_code: r.website_code,
        icp_number: r.icp_number,
        public_security_number: r.public_security_number,
    }))
}

#[derive(sqlx::FromRow)]
struct CenterRow {
    name_zh: String,
    name_en: String,
    address: Option<String>,
    phone: Option<String>,
    opening_hours: Option<String>,
    map_url: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FooterRow {
    host_organisation: Option<String>,
    website_code: Option<String>,
    icp_number: Option<String>,
    public_security_number: Option<String>,
}

/// Replaces the footer (checked by the caller).
pub(crate) async fn save_footer(
    conn: &mut AnyConnection,
    footer: &SiteFooter,
    staff_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO site_settings (id, host_organisation, website_code, icp_number, \
         public_security_number, updated_at, updated_by) VALUES (1, $1, $2, $3, $4, $5, $6) \
         ON CONFLICT (id) DO UPDATE SET host_organisation = excluded.host_organisation, \
         website_code = excluded.website_code, icp_number = excluded.icp_number, \
         public_security_number = excluded.public_security_number, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(&footer.host_organisation)
    .bind(&footer.website_code)
    .bind(&footer.icp_number)
    .bind(&footer.public_security_number)
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
