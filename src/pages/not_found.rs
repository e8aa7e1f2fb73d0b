use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::strings;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn NotFound() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| strings(lang).not_found_title);
    view! {
        <div class="container page">
            <h1 tabindex="-1">{move || prefs.s().not_found_title}</h1>
            <p>{move || prefs.s().not_found_body}</p>
            <p>{move || prefs.s().not_found_help}</p>
            <p>
                <A href="/" attr:class="button">{move || prefs.s().back_home}</A>
            </p>
        </div>
    }
}
