use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::app::rel_for;
use crate::prefs::{text, use_prefs};
use crate::services::Service;

fn skip_to_main(event: web_sys::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Skip link, portal name, the language and elder-mode switches, and the main navigation
/// (behind a "menu" button on narrow screens).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let prefs = use_prefs();
    let menu_open = RwSignal::new(false);

    // Close the menu once a link in it has been followed.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });

    let toggle_language = move |_| {
        let next = prefs.s().switch_language_lang;
        prefs.lang.set(next);
    };

    view! {
        // Handled here rather than by the browser: the router would treat `#main` as a navigation.
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {text(|s| s.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="site-header__bar container">
                <A href="/" attr:class="site-header__brand" attr:rel=rel_for("/")>
                    <span class="site-header__name">{text(|s| s.portal_name)}</span>
                    <span class="site-header__owner">{text(|s| s.portal_owner)}</span>
                </A>
                <div class="site-header__tools">
                    <button
                        type="button"
                        class="button button--ghost"
                        lang=move || prefs.s().switch_language_lang.tag()
                        on:click=toggle_language
                    >
                        {text(|s| s.switch_language)}
                    </button>
                    <button
                        type="button"
                        class="button button--ghost"
                        aria-pressed=move || if prefs.elder.get() { "true" } else { "false" }
                        on:click=move |_| prefs.elder.update(|on| *on = !*on)
                    >
                        {text(|s| s.elder_mode)}
                    </button>
                    <button
                        type="button"
                        class="button button--ghost site-header__menu-button"
                        aria-controls="main-nav"
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                        on:click=move |_| menu_open.update(|open| *open = !*open)
                    >
                        {text(|s| s.menu)}
                    </button>
                </div>
            </div>
            <nav
                id="main-nav"
                class="site-nav"
                class:site-nav--open=move || menu_open.get()
                aria-label=text(|s| s.main_nav)
            >
                <ul class="site-nav__list container">
                    <li>
                        <A href="/" exact=true attr:class="site-nav__link" attr:rel=rel_for("/")>
                            {text(|s| s.home)}
                        </A>
                    </li>
                    {Service::ALL
                        .into_iter()
                        .map(|service| {
                            view! {
                                <li>
                                    <A href=service.href() attr:class="site-nav__link" attr:rel=rel_for(&service.href())>
                                        {move || service.title(prefs.lang.get())}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
