//! `/fast-track/account`: the firm's own page. It asks the server for the session (none: off to
//! the sign-in page), shows who is signed in for which firm, where its registration (备案)
//! stands with the center's messages (`dashboard.rs`), and signs out.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_domain::api::firm::FirmSession;

use super::dashboard::{Dashboard, Row};
use super::people::People;
use super::texts::{fast_track_texts, ft_text};
use super::SIGN_IN;
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn AccountPage() -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    use_page_title(|lang| fast_track_texts(lang).account_heading);
    let session = LocalResource::new(move || api::firm_session(prefs.lang.get_untracked()));
    let loading = move || {
        view! {
            <h1 tabindex="-1">{ft_text(|t| t.account_heading)}</h1>
            <Loading label=Signal::derive(ft_text(|t| t.loading))/>
        }
    };
    view! {
        <div class="container page narrow">
            {move || match session.get() {
                None => loading().into_any(),
                Some(Ok(session)) => view! { <Account session=session/> }.into_any(),
                Some(Err(error)) if api::is_firm_unauthenticated(&error) => {
                    let navigate = navigate.clone();
                    // Not while this view is being built.
                    request_animation_frame(move || {
                        navigate(
                            &format!("{SIGN_IN}?first=1"),
                            NavigateOptions { replace: true, ..Default::default() },
                        )
                    });
                    loading().into_any()
                }
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{ft_text(|t| t.account_heading)}</h1>
                    <ErrorPanel error=error on_retry=move |_| session.refetch()/>
                }
                .into_any(),
            }}
        </div>
    }
}

#[component]
fn Account(session: FirmSession) -> impl IntoView {
    let csrf = session.csrf_token.clone();
    view! {
        <h1 tabindex="-1">{ft_text(|t| t.account_heading)}</h1>
        <dl class="summary-list">
            <Row term=|t| t.firm_term value=session.firm_name/>
            <Row term=|t| t.uscc_term value=session.uscc_masked/>
            <Row term=|t| t.person_term value=session.person_name/>
            <Row term=|t| t.mobile_term value=session.mobile_masked/>
        </dl>
        <Dashboard/>
        <People first=session.first csrf=csrf.clone()/>
        <SignOut csrf=csrf/>
    }
}

/// Signs out and goes to the sign-in page, which says so. A session that had already ended is
/// as good as signed out; anything else is said, with "try again".
#[component]
fn SignOut(csrf: String) -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    let action = Submit::new();
    let busy = action.busy();
    let failed = RwSignal::new(None::<ApiError>);
    let sign_out = Callback::new(move |()| {
        let csrf = csrf.clone();
        let navigate = navigate.clone();
        let lang = prefs.lang.get_untracked();
        failed.set(None);
        action.act(
            move || async move { api::firm_sign_out(&csrf, lang).await },
            move |answer| match answer {
                Err(error) if !api::is_firm_unauthenticated(&error) => failed.set(Some(error)),
                _ => navigate(&format!("{SIGN_IN}?signed_out=1"), Default::default()),
            },
        );
    });
    view! {
        {move || failed.get().map(|error| view! { <ErrorPanel error=error on_retry=sign_out/> })}
        <div class="button-row">
            <button type="button" class="button button--secondary" disabled=move || busy.get()
                on:click=move |_| sign_out.run(())>
                {move || if busy.get() { ft_text(|t| t.signing_out)() } else { ft_text(|t| t.sign_out_button)() }}
            </button>
        </div>
    }
}
