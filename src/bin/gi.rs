//! The geographical-indication lookup app: `/gi` and `/gi/{id}`.

use ip_portal::app::{boot, Shell};
use ip_portal::pages::gi::{GiProductPage, GiSearchPage};
use ip_portal::pages::not_found::NotFound;
use ip_portal::services::Service;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::apps::App;

fn main() {
    boot(|| {
        view! {
            <Shell app=App::Gi>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=StaticSegment(Service::GiLookup.segment()) view=GiSearchPage/>
                    <Route
                        path=(StaticSegment(Service::GiLookup.segment()), ParamSegment("id"))
                        view=GiProductPage
                    />
                </Routes>
            </Shell>
        }
    });
}
