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
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_domain::api::gi::percent_encode;
use portal_domain::api::policies::{
    PolicySearch, PolicySearchError, PolicySearchParams, PolicySummary,
};
use portal_domain::api::ApiErrorBody;
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

/// The messages of a 400 answer, per field.
fn field_messages(body: &ApiErrorBody) -> Vec<(String, String)> {
    if body.fields.is_empty() {
        return vec![(String::new(), body.message.clone())];
    }
    body.fields
        .iter()
        .map(|(field, e)| (field.clone(), e.message.clone()))
        .collect()
}

/// Parameters that cannot be used (typically a hand-edited link): what is wrong and a way to
/// start again.
#[component]
fn ErrorSummary(fields: Vec<(String, String)>, clear_href: String) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary__title">{policy_text(|t| t.error_summary_title)}</h2>
            <ul>
                {fields
                    .into_iter()
                    .map(|(field, message)| {
                        // Only the search box is a field; the filters are links.
                        let (linked, plain) = if field == "q" {
                            (Some(message), None)
                        } else {
                            (None, Some(message))
                        };
                        view! {
                            <li>
                                {linked.map(|m| view! { <a href="#policies-q">{m}</a> })}
                                {plain}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                <A href=clear_href>{policy_text(|t| t.clear_all)}</A>
            </p>
        </div>
    }
}

/// One facet value: a link that applies (or, when chosen, removes) the filter, with its count.
#[component]
fn FacetLink(
    href: String,
    selected: bool,
    /// As shown; `zh` when it is a Chinese data value.
    label: String,
    zh: bool,
    count: usize,
) -> impl IntoView {
    view! {
        <A href=href attr:class="facet__link" attr:aria-current=selected.then_some("true")>
            <span class="facet__value" lang=zh.then_some("zh-CN")>{label}</span>
            <span class="facet__count">{count}</span>
        </A>
    }
}

/// The chosen filters as chips that remove them, and "clear all".
#[component]
fn ActiveFilters(
    /// (label, Chinese data value?, the URL without this filter).
    chips: Vec<(String, bool, String)>,
    clear_href: String,
) -> impl IntoView {
    let prefs = use_prefs();
    if chips.is_empty() {
        return None;
    }
    Some(view! {
        <div class="active-filters">
            <h3 class="active-filters__title">{policy_text(|t| t.active_filters)}</h3>
            <ul class="chips">
                {chips
                    .into_iter()
                    .map(|(label, zh, without)| {
                        let aria = label.clone();
                        view! {
                            <li>
                                <A
                                    href=without
                                    attr:class="chip"
                                    attr:aria-label=move || {
                                        (texts::policy_texts(prefs.lang.get()).remove_filter)(&aria)
                                    }
                                >
                                    <span lang=zh.then_some("zh-CN")>{label}</span>
                                    <span aria-hidden="true">" ×"</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <A href=clear_href attr:class="active-filters__clear">{policy_text(|t| t.clear_all)}</A>
        </div>
    })
}
