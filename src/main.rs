//! The portal app: home, "track a request", and "page not found".

use ip_portal::app::{boot, Shell};
use ip_portal::pages::home::Home;
use ip_portal::pages::not_found::NotFound;
use ip_portal::pages::track::TrackPage;
use ip_portal::services::Service;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{path, StaticSegment};
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Portal>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route
                        path=StaticSegment(Service::Track.segment())
                        view=TrackPage
                    />
                </Routes>
            </Shell>
        }
    });
}
