//! `/fast-track/sign-up`: a firm's account (GOV.UK question page: error summary, messages at
//! the fields, answers kept when something goes wrong). The domain's checks run first, so a
//! firm registered outside the city is told at once, at its code. The answer never says whether
//! the firm already had an account, and the password is kept nowhere but in the box.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::{SignUpReceived, SignUpRequest};

use super::fields::{error_at, FirmMobileField, FormButton, NewPasswordField, UsccField};
use super::texts::{fast_track_texts, ft_text, pick};
use super::{items, SIGN_IN};
use crate::api;
use crate::components::focus::focus_next_frame;
use crate::components::form::{optional, FormErrorSummary, TextField};
use crate::components::privacy_note::PrivacyNote;
use crate::components::submit::{checked, refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn SignUpPage() -> impl IntoView {
    use_page_title(|lang| fast_track_texts(lang).sign_up_heading);
    let received = RwSignal::new(None::<SignUpReceived>);
    move || match received.get() {
        None => view! { <SignUpForm received=received/> }.into_any(),
        Some(answer) => view! { <Received answer=answer/> }.into_any(),
    }
}

#[component]
fn SignUpForm(received: RwSignal<Option<SignUpReceived>>) -> impl IntoView {
    let uscc = RwSignal::new(String::new());
    let firm_name = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = Submit::new();
    let errors = form.errors;
    let on_submit = form.on_submit(move |lang| {
        let request = SignUpRequest {
            uscc: optional(uscc.get_untracked()),
            firm_name: optional(firm_name.get_untracked()),
            contact_name: optional(contact_name.get_untracked()),
            mobile: optional(mobile.get_untracked()),
            password: Some(password.get_untracked()),
        };
        form.send(
            checked(request, SignUpRequest::parse, lang, str::to_owned),
            move |request| async move { api::firm_sign_up(&request, lang).await },
            move |answer| {
                password.set(String::new());
                received.set(Some(answer));
            },
            move |error| refused(error, "uscc", &str::to_owned, pick(lang, |t| t.not_sent)),
        );
    });
    view! {
        <div class="container page narrow">
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{ft_text(|t| t.sign_up_heading)}</h1>
            <p class="lead">{ft_text(|t| t.sign_up_lead)}</p>
            <PrivacyNote why=ft_text(|t| t.sign_up_privacy) section="fast-track"/>
            <form novalidate on:submit=on_submit>
                <UsccField value=uscc errors=errors/>
                <TextField
                    id="firm_name"
                    label=ft_text(|t| t.firm_name_label)
                    hint=ft_text(|t| t.firm_name_hint)
                    value=firm_name
                    error=error_at(errors, "firm_name")
                    autocomplete="organization"
                />
                <TextField
                    id="contact_name"
                    label=ft_text(|t| t.contact_name_label)
                    value=contact_name
                    error=error_at(errors, "contact_name")
                    autocomplete="name"
                />
                <FirmMobileField value=mobile errors=errors/>
                <NewPasswordField value=password errors=errors/>
                <FormButton busy=form.busy() label=|t| t.sign_up_submit busy_label=|t| t.sending/>
            </form>
            <p>
                {ft_text(|t| t.have_account)}" "
                <A href=SIGN_IN>{ft_text(|t| t.sign_in_button)}</A>
            </p>
        </div>
    }
}

/// The confirmation: the code as the server masked it, and what to do next, in words that do
/// not tell whether the firm had an account before.
#[component]
fn Received(answer: SignUpReceived) -> impl IntoView {
    let prefs = use_prefs();
    let heading = NodeRef::<html::H1>::new();
    // The form was replaced in place (no navigation): take the reader to the news.
    focus_next_frame(heading);
    view! {
        <div class="container page narrow">
            <div class="panel panel--confirmation">
                <h1 tabindex="-1" class="panel__title" node_ref=heading>{ft_text(|t| t.received_title)}</h1>
                <p class="panel__body">
                    {ft_text(|t| t.received_code)}<br/>
                    <strong class="reference">{answer.uscc_masked}</strong>
                </p>
            </div>
            <h2>{ft_text(|t| t.next_heading)}</h2>
            <ul class="list-bullet">
                {move || items(&fast_track_texts(prefs.lang.get()).next_steps)}
            </ul>
            <p>
                <A href=SIGN_IN attr:class="button">{ft_text(|t| t.sign_in_button)}</A>
            </p>
        </div>
    }
}
