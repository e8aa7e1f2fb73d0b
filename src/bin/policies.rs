//! The policy library app: `/policies` (the list) and `/policies/search`. A document,
//! `/policies/{slug}`, is the policy-document app (`src/bin/policy_document.rs`).

use ip_portal::app::{boot, Shell};
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::policies::{PolicyLibraryPage, PolicySearchPage};
use ip_portal::services::Service;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::StaticSegment;
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Policies>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=StaticSegment(Service::Policies.segment()) view=PolicyLibraryPage/>
                    <Route
                        path=(StaticSegment(Service::Policies.segment()), StaticSegment("search"))
                        view=PolicySearchPage
                    />
                </Routes>
            </Shell>
        }
    });
}
