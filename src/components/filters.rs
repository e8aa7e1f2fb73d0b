//! The pieces every search page with filters shares (GI lookup, policy library): facet links
//! with counts, the chosen filters as removable chips, and the error summary for a link whose
//! parameters cannot be used.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::ApiErrorBody;

use crate::i18n::strings;
use crate::prefs::{text, use_prefs};

/// One facet value: a link that applies (or, when chosen, removes) the filter, with its count.
#[component]
pub fn FacetLink(
    href: String,
    selected: bool,
    /// As shown (reactive, e.g. "the 2010s" follows the language).
    #[prop(into)]
    label: Signal<String>,
    /// The label is a Chinese data value (marked `lang="zh-CN"` under an English interface).
    #[prop(into)]
    zh: Signal<bool>,
    count: u32,
    /// Drawn under the value, e.g. the province's bar.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        // A plain link (the router still handles it): the router's <A> marks every link to
        // the same path `aria-current="page"`, whatever its query; only the chosen value is
        // current here.
        <a href=href class="facet__link" aria-current=selected.then_some("true")>
            <span class="facet__value" lang=move || zh.get().then_some("zh-CN")>{label}</span>
            <span class="facet__count">{count}</span>
            {children.map(|c| c())}
        </a>
    }
}

/// The chosen filters, each a link to the same page without it, and a link to clear them all.
#[component]
pub fn ActiveFilters(
    /// (label, the label is a Chinese data value, the URL without this filter).
    chips: Vec<(String, bool, String)>,
    clear_href: String,
) -> impl IntoView {
    let prefs = use_prefs();
    if chips.is_empty() {
        return None;
    }
    Some(view! {
        <div class="active-filters">
            <h3 class="active-filters__title">{text(|s| s.active_filters)}</h3>
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
                                        strings(prefs.lang.get()).remove_filter(&aria)
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
            <A href=clear_href attr:class="active-filters__clear">{text(|s| s.clear_all)}</A>
        </div>
    })
}

/// Parameters that cannot be used (typically a hand-edited link): what is wrong, and a way to
/// start again.
#[component]
pub fn ErrorSummary(
    /// (field, message) pairs; see [`field_messages`].
    fields: Vec<(String, String)>,
    /// The id of the page's search box: a message about `q` links to it (the filters are
    /// links, not fields).
    query_input: &'static str,
    clear_href: String,
) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary__title">{text(|s| s.error_summary_title)}</h2>
            <ul>
                {fields
                    .into_iter()
                    .map(|(field, message)| {
                        let (linked, plain) = if field == "q" {
                            (Some(message), None)
                        } else {
                            (None, Some(message))
                        };
                        view! {
                            <li>
                                {linked.map(|m| view! { <a href=format!("#{query_input}")>{m}</a> })}
                                {plain}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>
                <A href=clear_href>{text(|s| s.clear_all)}</A>
            </p>
        </div>
    }
}

/// The server's per-field messages (already in the interface language), or its one message.
pub fn field_messages(body: &ApiErrorBody) -> Vec<(String, String)> {
    if body.fields.is_empty() {
        return vec![(String::new(), body.message.clone())];
    }
    body.fields
        .iter()
        .map(|(field, e)| (field.clone(), e.message.clone()))
        .collect()
}
