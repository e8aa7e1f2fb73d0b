//! The workbench's own frame: a skip link, the workbench name, who is signed in, the language
//! switch, sign out, and the pages the account's roles open.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::auth::use_auth;
use super::page_table::PAGES;
use super::texts::tr;
use crate::api;
use crate::components::header_parts::{LanguageSwitch, SkipLink};
use crate::components::submit::Submit;
use crate::prefs::{text, use_prefs};

#[component]
pub fn StaffHeader() -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let navigate = use_navigate();
    let sending = Submit::new();
    let busy = sending.busy();
    let log_out = move |_| {
        let navigate = navigate.clone();
        sending.act(
            move || {
                let csrf = auth.csrf();
                async move { api::staff_logout(&csrf, prefs.lang.get_untracked()).await }
            },
            // Whatever the answer (an ended session included), this browser is signed out.
            move |_| {
                auth.expired.set(false);
                auth.state.set(Some(None));
                navigate("/staff/login?signed_out=1", Default::default());
            },
        );
    };
    let who = move || {
        auth.state.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| (s.display_name.clone(), s.username.clone(), s.roles.clone()))
        })
    };

    view! {
        <SkipLink/>
        <header class="site-header staff-header">
            <div class="site-header__bar container">
                <p class="site-header__brand">
                    <span class="site-header__name">{tr(|t| t.workbench)}</span>
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
                                {tr(|t| t.signed_in_as)}<strong>{name}</strong>" ("{username}")"
                                <span class="staff-header__roles">{roles}</span>
                            </p>
                        }
                    })}
                    <LanguageSwitch/>
                    {move || who().is_some().then(|| view! {
                        <button type="button" class="button button--ghost" on:click=log_out.clone() disabled=move || busy.get()>
                            {tr(|t| t.log_out)}
                        </button>
                    })}
                </div>
            </div>
            {move || who().is_some().then(|| view! {
                <nav class="staff-nav" aria-label=tr(|t| t.staff_nav)>
                    <ul class="staff-nav__list container">
                        {PAGES
                            .into_iter()
                            .filter(|entry| auth.has_any(entry.roles))
                            .map(|entry| view! {
                                <li>
                                    <A href=entry.path exact={entry.path == "/staff"} attr:class="site-nav__link">{tr(entry.label)}</A>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </nav>
            })}
        </header>
    }
}
