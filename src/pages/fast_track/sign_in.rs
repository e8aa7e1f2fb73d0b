//! `/fast-track/sign-in`: the firm's code, the person's mobile number and password. A wrong
//! one of them gets the server's one message for all (it says nothing of which was wrong), too
//! many failures its "try again later"; both in the error summary.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::firm::SignInRequest;

use super::fields::{FirmMobileField, FormButton, PasswordField, UsccField};
use super::texts::{fast_track_texts, ft_text, pick};
use super::{ACCOUNT, SIGN_UP};
use crate::api::{self, ApiError};
use crate::components::form::FormErrorSummary;
use crate::components::submit::{checked, refused, Submit};
use crate::prefs::use_page_title;

/// `?signed_out=1` (after signing out) and `?first=1` (the account page asked for a session).
#[component]
pub fn SignInPage() -> impl IntoView {
    use_page_title(|lang| fast_track_texts(lang).sign_in_heading);
    let query = use_query_map();
    let navigate = use_navigate();
    let uscc = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = Submit::new();
    let errors = form.errors;
    let signed_out = move || query.with(|q| q.get("signed_out").is_some());
    let asked_first = move || query.with(|q| q.get("first").is_some());

    let on_submit = form.on_submit(move |lang| {
        let request = SignInRequest {
            uscc: Some(uscc.get_untracked()),
            mobile: Some(mobile.get_untracked()),
            password: Some(password.get_untracked()),
        };
        let navigate = navigate.clone();
        form.send(
            checked(request, SignInRequest::parse, lang, str::to_owned),
            move |request| async move { api::firm_sign_in(&request, lang).await },
            move |_session| {
                password.set(String::new());
                navigate(ACCOUNT, Default::default());
            },
            move |error| {
                if matches!(error, ApiError::Validation(_)) {
                    // A failed sign-in (401) or too many (429): type the password again.
                    password.set(String::new());
                }
                refused(error, "uscc", &str::to_owned, pick(lang, |t| t.not_sent))
            },
        );
    });

    view! {
        <div class="container page narrow">
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{ft_text(|t| t.sign_in_heading)}</h1>
            {move || signed_out().then(|| view! {
                <p class="notice notice--success" role="status">{ft_text(|t| t.signed_out)}</p>
            })}
            {move || asked_first().then(|| view! { <p class="notice">{ft_text(|t| t.sign_in_first)}</p> })}
            <p class="lead">{ft_text(|t| t.sign_in_lead)}</p>
            <form novalidate on:submit=on_submit>
                <UsccField value=uscc errors=errors/>
                <FirmMobileField value=mobile errors=errors/>
                <PasswordField
                    value=password
                    errors=errors
                    label=|t| t.password_label
                    autocomplete="current-password"
                />
                <FormButton busy=form.busy() label=|t| t.sign_in_button busy_label=|t| t.signing_in/>
            </form>
            <p>
                {ft_text(|t| t.no_account)}" "
                <A href=SIGN_UP>{ft_text(|t| t.register_button)}</A>
            </p>
        </div>
    }
}
