//! The policy search box the library and the search page share, and the links to a search.

use leptos::prelude::*;
use portal_domain::api::percent_encode;
use portal_domain::api::policies::{PolicySearch, PolicySearchError, PolicySearchParams};
use portal_domain::Localized;

use super::texts::policy_text;
use crate::components::search_field::SearchField;
use crate::prefs::use_prefs;

/// The search page's URL for a search.
pub fn search_href(search: &PolicySearch) -> String {
    format!("/policies/search?{}", search.to_query_string())
}

pub fn example_href(q: &str) -> String {
    format!("/policies/search?q={}", percent_encode(q))
}

/// The search box: checks what was typed with the shared parser (the server checks again) and
/// hands the cleaned query to `on_search`.
#[component]
pub fn SearchForm(
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
