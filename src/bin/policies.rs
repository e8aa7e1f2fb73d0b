//! The policy library app: `/policies`, `/policies/search` and `/policies/{slug}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::policies::{PolicyDocumentPage, PolicyLibraryPage, PolicySearchPage};
use ip_portal::services::Service;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Policies>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=StaticSegment(Service::Policies.segment()) view=PolicyLibraryPage/>
                    // A fixed segment wins over the slug: no document is called "search" (the API
                    // has the same rule).
                    <Route
                        path=(StaticSegment(Service::Policies.segment()), StaticSegment("search"))
                        view=PolicySearchPage
                    />
                    <Route
                        path=(StaticSegment(Service::Policies.segment()), ParamSegment("slug"))
                        view=PolicyDocumentPage
                    />
                </Routes>
            </Shell>
        }
    });
}
