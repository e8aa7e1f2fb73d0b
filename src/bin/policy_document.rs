//! A policy document with its interpretation: `/policies/{slug}`. Its own app because the
//! library, the search and the document together were over the 200 KB budget.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::policies::PolicyDocumentPage;
use ip_portal::services::Service;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::PolicyDocument>
                <Routes fallback=|| view! { <NotFound/> }>
                    // No document is called "search" (the API has the same rule): that is the
                    // library app's page.
                    <Route
                        path=(StaticSegment(Service::Policies.segment()), ParamSegment("slug"))
                        view=PolicyDocumentPage
                    />
                </Routes>
            </Shell>
        }
    });
}
