//! Where to go and who runs this site (issue #18), the administrators' calls: every venue's
//! contacts and the site footer. (The public side reads them from the page: `components::site_info`.)

use gloo_net::http::Request;
use portal_domain::api::admin::{AdminVenueContacts, AdminVenueContactsList, VenueContactsUpdate};
use portal_domain::api::site::{SiteFooter, SiteFooterUpdate};
use portal_domain::{paths, Lang};

use super::{get_json, send_json, with_csrf, ApiError};

pub async fn staff_venue_contacts(lang: Lang) -> Result<AdminVenueContactsList, ApiError> {
    get_json(paths::STAFF_VENUE_CONTACTS, lang).await
}

pub async fn staff_update_venue_contacts(
    id: &str,
    update: &VenueContactsUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<AdminVenueContacts, ApiError> {
    let path = paths::fill(paths::STAFF_VENUE_CONTACT, &[id]);
    send_json(with_csrf(Request::put(&path), csrf), update, lang).await
}

pub async fn staff_site_footer(lang: Lang) -> Result<SiteFooter, ApiError> {
    get_json(paths::STAFF_SITE, lang).await
}

pub async fn staff_update_site_footer(
    update: &SiteFooterUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<SiteFooter, ApiError> {
    send_json(
        with_csrf(Request::put(paths::STAFF_SITE), csrf),
        update,
        lang,
    )
    .await
}
