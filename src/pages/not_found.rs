use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::strings;
use crate::prefs::{text, use_page_title};

#[component]
pub fn NotFound() -> impl IntoView {
    use_page_title(|lang| strings(lang).not_found_title);
    view! {
        <div class="container page">
            <h1 tabindex="-1">{text(|s| s.not_found_title)}</h1>
            <p>{text(|s| s.not_found_body)}</p>
            <p>{text(|s| s.not_found_help)}</p>
            <p>
                <A href="/" attr:class="button">{text(|s| s.back_home)}</A>
            </p>
        </div>
    }
}
