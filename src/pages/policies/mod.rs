//! The policy library (政策解读): the list of documents (`/policies`), full-text search
//! (`/policies/search`) and a document's page (`/policies/{slug}`). Two apps: the list and the
//! search (`src/bin/policies.rs`), and the document (`src/bin/policy_document.rs`).

mod document;
mod layout;
mod library;
mod links;
mod search;
mod search_form;
mod targets;
mod texts;
mod visit;

pub use document::PolicyDocumentPage;
pub use library::PolicyLibraryPage;
pub use search::PolicySearchPage;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use crate::pages::not_found::NotFound;
use crate::services::Service;

/// The document app's route (`src/bin/policy_document.rs`; a document's page drawn by the
/// server: `crate::prerender`).
#[component]
pub fn PolicyDocumentApp() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            // No document is called "search" (the API has the same rule): that is the library
            // app's page.
            <Route
                path=(StaticSegment(Service::Policies.segment()), ParamSegment("slug"))
                view=PolicyDocumentPage
            />
        </Routes>
    }
}

/// The library app's routes: the list and the search (`src/bin/policies.rs`; prerendered by
/// `crate::prerender`).
#[component]
pub fn PoliciesApp() -> impl IntoView {
    let policies = StaticSegment(Service::Policies.segment());
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=policies view=PolicyLibraryPage/>
            <Route path=(policies, StaticSegment("search")) view=PolicySearchPage/>
        </Routes>
    }
}
