use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, ParamSegment, StaticSegment};
use wasm_bindgen::JsCast;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::pages::gi::{GiProductPage, GiSearchPage};
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::service_placeholder::ServicePlaceholder;
use crate::prefs::provide_prefs;
use crate::services::Service;

#[component]
pub fn App() -> impl IntoView {
    provide_prefs();
    view! {
        <Router>
            <FocusOnNavigation/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route
                        path=StaticSegment(Service::Booking.segment())
                        view=|| view! { <ServicePlaceholder service=Service::Booking/> }
                    />
                    <Route
                        path=StaticSegment(Service::Assistance.segment())
                        view=|| view! { <ServicePlaceholder service=Service::Assistance/> }
                    />
                    <Route path=StaticSegment(Service::GiLookup.segment()) view=GiSearchPage/>
                    <Route
                        path=(StaticSegment(Service::GiLookup.segment()), ParamSegment("id"))
                        view=GiProductPage
                    />
                    <Route
                        path=StaticSegment(Service::Policies.segment())
                        view=|| view! { <ServicePlaceholder service=Service::Policies/> }
                    />
                    <Route
                        path=StaticSegment(Service::FastTrack.segment())
                        view=|| view! { <ServicePlaceholder service=Service::FastTrack/> }
                    />
                    <Route
                        path=StaticSegment(Service::Track.segment())
                        view=|| view! { <ServicePlaceholder service=Service::Track/> }
                    />
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// After an in-app navigation, moves focus to the new page's `<h1>` so screen-reader and
/// keyboard users start at the top of the new content (as a full page load would), not on a
/// link that no longer exists. The first load keeps the browser's own focus.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(|| {
                let heading = document()
                    .query_selector("main h1")
                    .ok()
                    .flatten()
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(heading) = heading {
                    let _ = heading.focus();
                }
            });
        }
        path
    });
}
