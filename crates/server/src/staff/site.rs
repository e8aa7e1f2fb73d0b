//! Where to go and who runs this site (issue #18), the administrators' side: the contacts of
//! every venue of the service network (not only the ones where consultations are booked) and
//! the site footer. The shapes and checks are `portal_domain::api::admin::VenueContactsUpdate`
//! and `portal_domain::api::site::SiteFooterUpdate`; what citizens see is `crate::site` and the
//! booking views. Each save is audited with the fields it set and cleared.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use portal_domain::api::admin::{AdminVenueContacts, AdminVenueContactsList, VenueContactsUpdate};
use portal_domain::api::site::{SiteFooter, SiteFooterUpdate};
use portal_domain::api::VenueContacts;
use portal_domain::paths;
use sqlx::AnyConnection;

use super::user::Staff;
use crate::audit::audit;
use crate::error::{ApiError, FieldProblem};
use crate::extract::json_rejection;
use crate::site::{footer, save_footer};
use crate::venues::VenueBasics;
use crate::AppState;

#[derive(sqlx::FromRow)]
struct ContactsRow {
    #[sqlx(flatten)]
    basics: VenueBasics,
    address: Option<String>,
    phone: Option<String>,
    opening_hours: Option<String>,
    map_url: Option<String>,
}

const SELECT: &str = "SELECT id, kind, status, name_zh, name_en, address, phone, opening_hours, \
     map_url FROM venues";

impl ContactsRow {
    fn view(self) -> Result<AdminVenueContacts, ApiError> {
        let (kind, status) = self.basics.kind_and_status().map_err(ApiError::Internal)?;
        Ok(AdminVenueContacts {
            id: self.basics.id,
            kind,
            status,
            name_zh: self.basics.name_zh,
            name_en: self.basics.name_en,
            contacts: VenueContacts {
                address: self.address,
                phone: self.phone,
                opening_hours: self.opening_hours,
                map_url: self.map_url,
            },
        })
    }
}

async fn venue(conn: &mut AnyConnection, id: &str) -> Result<Option<ContactsRow>, ApiError> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

fn validation(problems: portal_domain::api::site_errors::SiteProblems) -> ApiError {
    ApiError::Validation(
        problems
            .iter()
            .map(|(field, error)| FieldProblem::from_domain(field, error))
            .collect(),
    )
}

/// For the audit log: which fields are now set and which are empty (the values are the
/// center's public facts, but the log need not copy them).
fn fields_text(fields: &[(&str, bool)]) -> String {
    let named = |set: bool| {
        let list: Vec<&str> = fields
            .iter()
            .filter(|(_, s)| *s == set)
            .map(|(name, _)| *name)
            .collect();
        if list.is_empty() {
            "-".to_owned()
        } else {
            list.join(" ")
        }
    };
    format!("set: {}; empty: {}", named(true), named(false))
}

/// Every venue of the service network with its contacts, in the center's order.
#[utoipa::path(get, path = paths::STAFF_VENUE_CONTACTS, tag = "staff",
    operation_id = "staff_admin_venue_contacts",
    responses(
        (status = 200, description = "Every venue and its contacts", body = AdminVenueContactsList),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn venue_contacts(
    State(state): State<AppState>,
) -> Result<Json<AdminVenueContactsList>, ApiError> {
    let rows: Vec<ContactsRow> = sqlx::query_as(&format!("{SELECT} ORDER BY sort_order, id"))
        .fetch_all(&state.db)
        .await?;
    let items = rows
        .into_iter()
        .map(ContactsRow::view)
        .collect::<Result<_, _>>()?;
    Ok(Json(AdminVenueContactsList { items }))
}

/// Replaces a venue's address, phone, opening hours and map link (a blank one is cleared).
/// The booking pages, the kiosk and the center's "contact us" blocks show them at once.
#[utoipa::path(put, path = paths::STAFF_VENUE_CONTACT, tag = "staff",
    operation_id = "staff_admin_update_venue_contacts", request_body = VenueContactsUpdate,
    params(("id" = String, Path, description = "The venue's id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The venue as it now is", body = AdminVenueContacts),
        (status = 400, description = "`validation_failed`: `address`, `opening_hours` \
            (`admin.too_long`, `admin.control_character`), `phone` (`admin.phone_invalid`), \
            `map_url` (`admin.map_url_invalid`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No venue has this id", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn update_venue_contacts(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<VenueContactsUpdate>, JsonRejection>,
) -> Result<Json<AdminVenueContacts>, ApiError> {
    let Ok(Path(id)) = path else {
        return Err(ApiError::NotFound);
    };
    let mut conn = state.db.acquire().await?;
    venue(&mut conn, &id).await?.ok_or(ApiError::NotFound)?;
    drop(conn);
    let Json(request) = body.map_err(json_rejection)?;
    let contacts = request.parse().map_err(validation)?;

    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query(
        "UPDATE venues SET address = $1, phone = $2, opening_hours = $3, map_url = $4, \
         contacts_updated_at = $5, contacts_updated_by = $6 WHERE id = $7",
    )
    .bind(&contacts.address)
    .bind(&contacts.phone)
    .bind(&contacts.opening_hours)
    .bind(&contacts.map_url)
    .bind(now)
    .bind(user.account_id)
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "venue.contacts",
        ("venue", Some(&id)),
        &fields_text(&[
            ("address", contacts.address.is_some()),
            ("phone", contacts.phone.is_some()),
            ("opening_hours", contacts.opening_hours.is_some()),
            ("map_url", contacts.map_url.is_some()),
        ]),
        now,
    )
    .await?;
    let after = venue(&mut tx, &id).await?.ok_or(ApiError::NotFound)?;
    tx.commit().await?;
    tracing::info!(venue = %id, by = user.account_id, "venue contacts changed");
    Ok(Json(after.view()?))
}

/// The site footer as saved (every field absent until entered).
#[utoipa::path(get, path = paths::STAFF_SITE, tag = "staff",
    operation_id = "staff_admin_site",
    responses(
        (status = 200, description = "The footer", body = SiteFooter),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn show_footer(
    State(state): State<AppState>,
    Staff(_user): Staff,
) -> Result<Json<SiteFooter>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(footer(&mut conn).await?))
}

/// Replaces the footer: 主办单位, 网站标识码, ICP 备案号 and 公安备案号 (a blank one is not
/// shown). Every app page served afterwards carries it (`crate::spa`).
#[utoipa::path(put, path = paths::STAFF_SITE, tag = "staff",
    operation_id = "staff_admin_update_site", request_body = SiteFooterUpdate,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Saved", body = SiteFooter),
        (status = 400, description = "`validation_failed`: `host_organisation` \
            (`admin.too_long`, `admin.control_character`), `website_code` \
            (`admin.website_code_invalid`), `icp_number` (`admin.icp_number_invalid`), \
            `public_security_number` (`admin.public_security_number_invalid`)",
            body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
    ))]
pub async fn update_footer(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<SiteFooterUpdate>, JsonRejection>,
) -> Result<Json<SiteFooter>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let footer_in = request.parse().map_err(validation)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    save_footer(&mut tx, &footer_in, user.account_id, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "site.footer",
        ("site_settings", None),
        &fields_text(&[
            ("host_organisation", footer_in.host_organisation.is_some()),
            ("website_code", footer_in.website_code.is_some()),
            ("icp_number", footer_in.icp_number.is_some()),
            (
                "public_security_number",
                footer_in.public_security_number.is_some(),
            ),
        ]),
        now,
    )
    .await?;
    let saved = footer(&mut tx).await?;
    tx.commit().await?;
    Ok(Json(saved))
}
