//! Links out of the policy pages: to a document from the library and the search (the
//! policy-document app, so a page load), and to the portal's services a passage is about.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use portal_domain::api::percent_encode;
use portal_domain::api::policies::PolicyService;

use super::texts;
use crate::services::Service;

/// The page of a service a passage is about; the GI lookup filtered to the document's city
/// when `region` is one the GI data has.
pub fn service_href(service: PolicyService, region: Option<&str>) -> String {
    let province = region.and_then(|r| texts::REGIONS.iter().find(|x| x.0 == r));
    match (service, province) {
        (PolicyService::Booking, _) => Service::Booking.href(),
        (PolicyService::Assistance, _) => Service::Assistance.href(),
        (PolicyService::FastTrack, _) => Service::FastTrack.href(),
        (PolicyService::Gi, Some((city, province, _))) => format!(
            "{}?province={}&city={}",
            Service::GiLookup.href(),
            percent_encode(province),
            percent_encode(city)
        ),
        (PolicyService::Gi, None) => Service::GiLookup.href(),
    }
}

/// A link to a document (`/policies/{slug}`, with the search's `?q=` and a passage's `#id`).
/// The document is another app, so following the link loads the page; a plain click (one
/// that opens the document in this tab) first notes where it goes, for the document to behave
/// as after a link inside one app (see [`super::visit::opened_by_link`]).
#[component]
pub fn DocumentLink(
    href: String,
    /// `zh-CN` when the link's text is the document's own words.
    #[prop(default = None)]
    lang: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let target = href.clone();
    let on_click = move |ev: MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain && !ev.default_prevented() {
            super::visit::opening_document(&target);
        }
    };
    view! {
        <a href=href lang=lang on:click=on_click>
            {children()}
        </a>
    }
}
