use leptos::prelude::*;

/// A polite "loading" message: announced by screen readers, with a spinner for sighted users
/// that stops for people who ask for reduced motion (CSS).
#[component]
pub fn Loading(#[prop(into)] label: Signal<&'static str>) -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {move || label.get()}
        </p>
    }
}
