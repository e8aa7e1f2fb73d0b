//! The form of a confirm step that needs a reason (closing a slot or a day, cancelling bookings
//! in bulk): the reason box, "confirm" and "go back"; every refusal of the action is said at the
//! reason, so the error summary links there.

use leptos::prelude::*;
use portal_domain::Lang;

use super::texts::{pick, tr, Tr, GO_BACK, NOT_SENT};
use crate::api::ApiError;
use crate::components::form::{error_for, refusal_errors_at, FormErrors, TextArea};

/// A confirm form's refusal, all of it on its one field (`id`), so the summary links there:
/// the server's field messages, else its message, else "not sent".
pub fn errors_on(error: ApiError, id: &str, lang: Lang) -> FormErrors {
    match error {
        ApiError::Validation(body) => refusal_errors_at(body, id.to_owned(), |_| id.to_owned()),
        _ => vec![(id.to_owned(), pick(lang, NOT_SENT).to_owned())],
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
    busy: RwSignal<bool>,
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
                <button type="button" class="button button--secondary" on:click=move |_| on_cancel.run(())>{tr(GO_BACK)}</button>
            </div>
        </form>
    }
}
