//! Geographical-indication product lookup: the search page (`/gi`) and a product's page
//! (`/gi/{id}`).

mod last_search;
mod product;
mod search;
mod terms;
mod texts;

pub use product::GiProductPage;
pub use search::GiSearchPage;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::pages::not_found::NotFound;
use crate::services::Service;

/// The GI lookup app's routes (`src/bin/gi.rs`; the search page prerendered, a product's page
/// drawn by the server: `crate::prerender`).
#[component]
pub fn GiApp() -> impl IntoView {
    let gi = StaticSegment(Service::GiLookup.segment());
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=gi view=GiSearchPage/>
            <Route path=(gi, ParamSegment("id")) view=GiProductPage/>
        </Routes>
    }
}
