//! The layout pieces the policy pages share: whether the window is wide (filters and tables of
//! contents start open), and the filters panel with its facet sections.

use leptos::prelude::*;

/// A window at least 960 px wide. On phones the filters start folded so the documents come
/// first. (Natively, drawing a first view for the server, there is no window: a phone's.)
pub fn is_wide() -> bool {
    !crate::prerender::ACTIVE
        && window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= 960.0)
}

/// The filters panel, open on a wide window: its facet sections are `children`.
#[component]
pub fn FilterPanel(wide: bool, heading: &'static str, children: Children) -> impl IntoView {
    view! {
        <details class="policy-filters" open=wide>
            <summary class="policy-filters__summary">{heading}</summary>
            // The summary is not a heading: this keeps the outline h1 > h2 > h3.
            <h2 class="visually-hidden">{heading}</h2>
            <div class="facets">{children()}</div>
        </details>
    }
}

/// One facet: its title and the list of its value links (`children`).
#[component]
pub fn FacetSection(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="facet">
            <h3 class="facet__title">{title}</h3>
            <ul class="facet__list">{children()}</ul>
        </section>
    }
}
