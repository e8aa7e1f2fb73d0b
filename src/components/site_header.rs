use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::header_parts::{LanguageSwitch, SkipLink};
use crate::prefs::{text, use_prefs};
use crate::services::Service;

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

    view! {
        <SkipLink/>
        <header class="site-header">
            <div class="site-header__bar container">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">{text(|s| s.portal_name)}</span>
                    <span class="site-header__owner">{text(|s| s.portal_owner)}</span>
                </A>
                <div class="site-header__tools">
                    <LanguageSwitch/>
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
                        <A href="/" exact=true attr:class="site-nav__link">
                            {text(|s| s.home)}
                        </A>
                    </li>
                    {Service::ALL
                        .into_iter()
                        .map(|service| {
                            view! {
                                <li>
                                    <A href=service.href() attr:class="site-nav__link">
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
