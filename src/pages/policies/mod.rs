//! The policy library (政策解读): the list of documents (`/policies`), full-text search
//! (`/policies/search`) and a document's page (`/policies/{slug}`).

mod document;
mod library;
mod search;
mod targets;
mod texts;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_domain::api::percent_encode;
use portal_domain::api::policies::{
    PolicySearch, PolicySearchError, PolicySearchParams, PolicySummary,
};
use portal_domain::{Lang, Localized};

pub use document::PolicyDocumentPage;
pub use library::PolicyLibraryPage;
pub use search::PolicySearchPage;
use texts::policy_text;

use crate::api::{self, ApiError};
use crate::components::search_field::SearchField;
use crate::prefs::use_prefs;

const LAST_LIST_KEY: &str = "portal.policies.last_list";

/// Remembers the list or search page's URL, for the document page's "back" link. Kept in
/// sessionStorage: it survives a reload of the document and ends with the tab.
fn remember_list_href(href: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(LAST_LIST_KEY, href);
    }
}

fn last_list_href() -> String {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LAST_LIST_KEY).ok().flatten())
        .filter(|h| h.starts_with("/policies"))
        .unwrap_or_else(|| "/policies".to_owned())
}

/// The documents of the library, fetched once per visit: they change only when the server
/// restarts, and the list and the search both need them.
async fn policy_list(lang: Lang) -> Result<Vec<PolicySummary>, ApiError> {
    static LIST: OnceLock<Vec<PolicySummary>> = OnceLock::new();
    if let Some(list) = LIST.get() {
        return Ok(list.clone());
    }
    let list = api::policies(lang).await?.items;
    Ok(LIST.get_or_init(|| list).clone())
}

static FIRST_PAGE: AtomicBool = AtomicBool::new(true);

/// True for the first page this app shows after it was loaded (opened or reloaded), false after
/// any navigation inside the app. A document restores the reading position only then.
fn is_first_page() -> bool {
    FIRST_PAGE.swap(false, Ordering::Relaxed)
}

/// The search page's URL for a search.
fn search_href(search: &PolicySearch) -> String {
    format!("/policies/search?{}", search.to_query_string())
}

fn example_href(q: &str) -> String {
    format!("/policies/search?q={}", percent_encode(q))
}

/// The search box: checks what was typed with the shared parser (the server checks again) and
/// hands the cleaned query to `on_search`.
#[component]
fn SearchForm(
    /// What the box shows: follows the URL (Back, links).
    #[prop(into)]
    value: Signal<String>,
    #[prop(into)] on_search: Callback<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let input = RwSignal::new(value.get_untracked());
    Effect::new(move |_| input.set(value.get()));
    let error = RwSignal::new(None::<PolicySearchError>);
    let submit = move || {
        let params = PolicySearchParams {
            q: Some(input.get_untracked()),
            ..PolicySearchParams::default()
        };
        match PolicySearch::parse(&params) {
            Ok(search) => {
                error.set(None);
                on_search.run(search.q);
            }
            Err(errors) => error.set(errors.first().map(|e| e.1)),
        }
    };
    view! {
        <SearchField
            id="policies-q"
            label=Signal::derive(policy_text(|t| t.search_label))
            hint=Signal::derive(policy_text(|t| t.search_hint))
            button=Signal::derive(policy_text(|t| t.search_button))
            value=input
            error=Signal::derive(move || error.get().map(|e| e.message(prefs.lang.get())))
            on_submit=move |_| submit()
        />
    }
}

/// Navigates within the app (a new history entry, scrolled to the top).
fn use_go() -> impl Fn(&str) + Clone {
    let navigate = use_navigate();
    move |href: &str| navigate(href, NavigateOptions::default())
}
