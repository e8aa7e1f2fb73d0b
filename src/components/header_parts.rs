//! What the portal's header and the workbench's header both draw: the skip link to the main
//! content and the language switch.

use leptos::prelude::*;
use portal_domain::Lang;
use wasm_bindgen::JsCast;

use crate::prefs::{text, use_prefs};

fn skip_to_main(event: web_sys::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// "Skip to content": moves focus to `<main>`. Handled here rather than by the browser: the
/// router would treat `#main` as a navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {text(|s| s.skip_to_content)}
        </a>
    }
}

/// The button that switches the interface to the other language (labelled in that language).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let prefs = use_prefs();
    // The language the button switches to (its label is written in that language).
    let other = move || match prefs.lang.get() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let toggle_language = move |_| prefs.lang.set(other());
    view! {
        <button
            type="button"
            class="button button--ghost"
            lang=move || other().tag()
            on:click=toggle_language
        >
            {text(|s| s.switch_language)}
        </button>
    }
}
