//! The form of a confirm step that needs a reason (closing a slot or a day, cancelling bookings
//! in bulk): the reason box, "confirm" and "go back"; every refusal of the action is said at the
//! reason, so the error summary links there.

use std::future::Future;

use leptos::prelude::*;
use portal_domain::{Lang, Localized};

use super::auth::Auth;
use super::texts::{pick, tr, Tr};
use crate::api::ApiError;
use crate::components::form::{error_for, problem_errors, FormErrors, TextArea};
use crate::components::submit::{refused, Submit};

/// The state of a confirm form whose one field is `id`.
#[derive(Clone, Copy)]
pub struct ConfirmState {
    pub id: &'static str,
    pub errors: RwSignal<FormErrors>,
    pub busy: Signal<bool>,
    form: Submit,
}

impl ConfirmState {
    pub fn new(id: &'static str) -> ConfirmState {
        let form = Submit::new();
        ConfirmState {
            id,
            errors: form.errors,
            busy: form.busy(),
            form,
        }
    }

    /// The form's `submit` handler (see [`Submit::on_submit`]).
    pub fn on_submit(
        self,
        submit: impl Fn(Lang) + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        self.form.on_submit(submit)
    }

    /// Sends the confirmed action once the shared parser has no `problems` with its request (a
    /// missing or too long reason is said at once): `call` gets the CSRF token, `done` the
    /// answer; an ended session goes to the login page, any refusal is said at the reason.
    pub fn send<E, T, C, F>(
        self,
        auth: Auth,
        lang: Lang,
        problems: Option<Vec<(&'static str, E)>>,
        call: C,
        done: impl FnOnce(T) + 'static,
    ) where
        E: Localized,
        T: 'static,
        C: FnOnce(String) -> F,
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let id = self.id;
        let checked = match problems {
            Some(problems) => Err(problem_errors(&problems, lang, |_| id.to_owned())),
            None => Ok(()),
        };
        self.form.send(
            checked,
            move |()| call(auth.csrf()),
            done,
            // Every refusal is said at the one field, so the summary links there: the server's
            // field messages, else its message, else "not sent".
            move |error| {
                auth.form_errors(error, |e| {
                    refused(e, id, |_| id.to_owned(), pick(lang, |t| t.not_sent))
                })
            },
        );
    }
}

/// The reason box (`id`) and the two buttons: `confirm` (a warning button, off while `busy`)
/// submits, "go back" runs `on_cancel`.
#[component]
pub fn ConfirmReasonForm<S>(
    id: &'static str,
    label: Tr,
    hint: Tr,
    value: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    max_chars: usize,
    confirm: Tr,
    busy: Signal<bool>,
    on_submit: S,
    on_cancel: Callback<()>,
) -> impl IntoView
where
    S: Fn(leptos::ev::SubmitEvent) + 'static,
{
    view! {
        <form novalidate on:submit=on_submit>
            <TextArea
                id=id
                label=tr(label)
                hint=tr(hint)
                value=value
                error=Signal::derive(move || errors.with(|e| error_for(e, id)))
                max_chars=max_chars
            />
            <div class="button-row">
                <button type="submit" class="button button--warning" disabled=move || busy.get()>{tr(confirm)}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>{tr(|t| t.go_back)}</button>
            </div>
        </form>
    }
}
