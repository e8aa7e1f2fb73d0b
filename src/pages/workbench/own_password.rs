//! Choosing one's own password. An account whose password an administrator set (a new one, or
//! a reset) sees this instead of any workbench page until it has chosen its own: the server
//! answers nothing else until then (`staff.password_change_required`). The guard shows it
//! (`super::guard::Guard`); once saved, the page that was asked for appears in its place.

use leptos::prelude::*;
use portal_domain::api::staff::PasswordChange;

use super::admin_form::request_errors;
use super::auth::use_auth;
use super::texts::tr;
use crate::api;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextField};
use crate::components::submit::{checked, Submit};

#[component]
pub fn OwnPassword() -> impl IntoView {
    let auth = use_auth();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let heading = NodeRef::<leptos::html::H1>::new();
    // Whatever page was opened, this is what the screen now says: a reader starts here.
    focus_next_frame(heading);

    let on_submit = form.on_submit(move |lang| {
        let request = PasswordChange {
            current_password: Some(current.get_untracked()),
            new_password: Some(new.get_untracked()),
        };
        let csrf = auth.csrf();
        form.send(
            checked(request, |r| r.parse(), lang, str::to_owned),
            move |request| async move { api::staff_change_password(&request, &csrf, lang).await },
            move |session| {
                current.set(String::new());
                new.set(String::new());
                // The guard now shows the page that was asked for.
                auth.state.set(Some(Some(session)));
            },
            move |error| auth.form_errors(error, |e| request_errors(lang, e, "current_password")),
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));

    view! {
        <div class="container page narrow">
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1" node_ref=heading>{tr(|t| t.own_password_heading)}</h1>
            <p class="lead">{tr(|t| t.own_password_lead)}</p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="current_password"
                    label=tr(|t| t.given_password)
                    value=current
                    error=error("current_password")
                    input_type="password"
                    autocomplete="current-password"
                />
                <TextField
                    id="new_password"
                    label=tr(|t| t.own_new_password)
                    hint=tr(|t| t.own_new_password_hint)
                    value=new
                    error=error("new_password")
                    input_type="password"
                    autocomplete="new-password"
                />
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { tr(|t| t.own_password_saving)() } else { tr(|t| t.own_password_button)() }}
                </button>
            </form>
        </div>
    }
}
