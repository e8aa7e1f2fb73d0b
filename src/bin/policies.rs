//! The policy library app: `/policies`, `/policies/search` and `/policies/{slug}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::service_placeholder::ServicePlaceholder;
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
                    <Route
                        path=StaticSegment(Service::Policies.segment())
                        view=|| view! { <ServicePlaceholder service=Service::Policies/> }
                    />
                </Routes>
            </Shell>
        }
    });
}
