use leptos::prelude::*;
use leptos_router::components::{Route, Routes, A};
use leptos_router::{path, StaticSegment};
use portal_domain::api::{Venue, VenueKind, VenueStatus};

use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::components::service_notices::ServiceNotices;
use crate::components::venue_contacts::{CenterContacts, VenueContactList};
use crate::i18n::{strings, Strings};
use crate::pages::not_found::NotFound;
use crate::pages::track::TrackPage;
use crate::prefs::{text, use_page_title, use_prefs};
use crate::services::Service;

/// The portal app's routes: home, "track a request", and "page not found" for every path no
/// app owns (`src/main.rs`; prerendered by `crate::prerender`).
#[component]
pub fn PortalApp() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=Home/>
            <Route path=StaticSegment(Service::Track.segment()) view=TrackPage/>
        </Routes>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    use_page_title(|lang| strings(lang).home);
    view! {
        <div class="container page">
            <h1 tabindex="-1">{text(|s| s.home_title)}</h1>
            <p class="lead">{text(|s| s.home_intro)}</p>
            <ServiceNotices/>

            <section aria-labelledby="services-heading">
                <h2 id="services-heading">{text(|s| s.services_heading)}</h2>
                <ul class="service-cards">
                    {Service::ALL
                        .into_iter()
                        .map(|service| view! { <ServiceCard service=service/> })
                        .collect_view()}
                </ul>
            </section>

            <ServiceNetwork/>
            <Contacts/>
        </div>
    }
}

/// A card whose whole area follows its link (the link's `::after` covers the card), while the
/// link's accessible name stays just the service's name.
#[component]
fn ServiceCard(service: Service) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <li class="service-card">
            <h3 class="service-card__title">
                <A href=service.href() attr:class="service-card__link">
                    {move || service.title(prefs.lang.get())}
                </A>
            </h3>
            <p class="service-card__summary">{move || service.summary(prefs.lang.get())}</p>
        </li>
    }
}

#[component]
fn ServiceNetwork() -> impl IntoView {
    let prefs = use_prefs();
    // Venue texts come in both languages, so a language switch does not need a new request.
    let venues = LocalResource::new(move || api::venues(prefs.lang.get_untracked()));
    view! {
        <section aria-labelledby="network-heading">
            <h2 id="network-heading">{text(|s| s.network_heading)}</h2>
            <p>{text(|s| s.network_intro)}</p>
            <Suspense fallback=move || {
                view! { <Loading label=Signal::derive(text(|s| s.network_loading))/> }
            }>
                {move || Suspend::new(async move {
                    // Options rather than `into_any`: each type-erased view costs the WASM
                    // several kilobytes.
                    let (items, failed) = match venues.await {
                        Ok(list) => (Some(list.items), None),
                        Err(error) => (None, Some(error)),
                    };
                    let empty = items.as_ref().is_some_and(Vec::is_empty);
                    view! {
                        {empty.then(|| view! { <p>{text(|s| s.network_empty)}</p> })}
                        {items.filter(|v| !v.is_empty()).map(|items| view! {
                            <ul class="venue-list">
                                {items.into_iter().map(|venue| view! { <VenueCard venue=venue/> }).collect_view()}
                            </ul>
                        })}
                        {failed.map(|error| view! { <ErrorPanel error=error on_retry=move |_| venues.refetch()/> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

fn kind_label(s: &Strings, kind: VenueKind) -> &'static str {
    match kind {
        VenueKind::Center => s.venue_kind_center,
        VenueKind::FastRightsCenter => s.venue_kind_fast_rights,
        VenueKind::SubCenter => s.venue_kind_sub_center,
        VenueKind::Partner => s.venue_kind_partner,
    }
}

#[component]
fn VenueCard(venue: Venue) -> impl IntoView {
    let prefs = use_prefs();
    let being_set_up = venue.status == VenueStatus::BeingSetUp;
    let kind = venue.kind;
    // Contact facts are shown only when an administrator has entered them.
    let contacts = venue.contacts();
    let Venue {
        name_zh,
        name_en,
        summary_zh,
        summary_en,
        ..
    } = venue;
    let name = move || prefs.lang.get().pick(&name_zh, &name_en).to_owned();
    let summary = move || prefs.lang.get().pick(&summary_zh, &summary_en).to_owned();
    view! {
        <li class="venue-card">
            <p class="venue-card__kind">
                {move || kind_label(prefs.s(), kind)}
                {being_set_up
                    .then(|| {
                        view! {
                            <span class="badge badge--pending">
                                {text(|s| s.venue_being_set_up)}
                            </span>
                        }
                    })}
            </p>
            <h3 class="venue-card__name">{name}</h3>
            <p>{summary}</p>
            <VenueContactList contacts=contacts/>
        </li>
    }
}

#[component]
fn Contacts() -> impl IntoView {
    view! {
        <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{text(|s| s.contact_heading)}</h2>
            <p>{text(|s| s.contact_intro)}</p>
            <ul class="list-bullet">
                <li>
                    <a href="tel:12345">{text(|s| s.hotline_12345)}</a>
                </li>
                <li>
                    <a href="tel:12315">{text(|s| s.hotline_12315)}</a>
                </li>
                <li>{text(|s| s.contact_counter)}</li>
            </ul>
            <CenterContacts/>
        </section>
    }
}
