//! The workbench's own frame: a skip link, the workbench name, who is signed in, the language
//! switch, sign out, and the pages the account's roles open.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::auth::{use_auth, PAGES};
use super::texts::{tr, LOG_OUT, SIGNED_IN_AS, STAFF_NAV, WORKBENCH};
use crate::api;
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

#[component]
pub fn StaffHeader() -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let toggle_language = move |_| {
        let next = prefs.s().switch_language_lang;
        prefs.lang.set(next);
    };
    let log_out = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let csrf = auth.csrf();
        let navigate = navigate.clone();
        spawn_local(async move {
            // Whatever the answer (an ended session included), this browser is signed out.
            let _ = api::staff_logout(&csrf, prefs.lang.get_untracked()).await;
            busy.set(false);
            auth.expired.set(false);
            auth.state.set(Some(None));
            navigate("/staff/login?signed_out=1", Default::default());
        });
    };
    let who = move || {
        auth.state.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| (s.display_name.clone(), s.username.clone(), s.roles.clone()))
        })
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {text(|s| s.skip_to_content)}
        </a>
        <header class="site-header staff-header">
            <div class="site-header__bar container">
                <p class="site-header__brand">
                    <span class="site-header__name">{tr(WORKBENCH)}</span>
                    <span class="site-header__owner">{text(|s| s.portal_owner)}</span>
                </p>
                <div class="site-header__tools">
                    {move || who().map(|(name, username, roles)| {
                        let roles = move || {
                            let lang = prefs.lang.get();
                            roles.iter().map(|r| r.label(lang)).collect::<Vec<_>>().join(" · ")
                        };
                        view! {
                            <p class="staff-header__who">
                                {tr(SIGNED_IN_AS)}<strong>{name}</strong>" ("{username}")"
                                <span class="staff-header__roles">{roles}</span>
                            </p>
                        }
                    })}
                    <button
                        type="button"
                        class="button button--ghost"
                        lang=move || prefs.s().switch_language_lang.tag()
                        on:click=toggle_language
                    >
                        {text(|s| s.switch_language)}
                    </button>
                    {move || who().is_some().then(|| view! {
                        <button type="button" class="button button--ghost" on:click=log_out.clone() disabled=move || busy.get()>
                            {tr(LOG_OUT)}
                        </button>
                    })}
                </div>
            </div>
            {move || who().is_some().then(|| view! {
                <nav class="staff-nav" aria-label=tr(STAFF_NAV)>
                    <ul class="staff-nav__list container">
                        {PAGES
                            .into_iter()
                            .filter(|(_, _, roles)| auth.has_any(roles))
                            .map(|(href, label, _)| view! {
                                <li>
                                    <A href=href exact={href == "/staff"} attr:class="site-nav__link">{tr(label)}</A>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </nav>
            })}
        </header>
    }
}
