//! The "are you sure?" page of a booking's steps that cannot be undone (cancelling it, erasing
//! its personal data): a way back, the booking named, what happens, one warning button and a
//! way to keep it. The step's page says what the button sends and where it goes after.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::Lang;

use super::texts::{booking_manage_text, booking_text, booking_texts, BookingManageTexts};
use crate::api::ApiError;
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::submit::Submit;

type Pick = fn(&BookingManageTexts) -> &'static str;

/// `children` are the paragraphs that say what happens; `what` names the booking.
#[component]
pub fn AreYouSure(
    back: String,
    heading: Pick,
    what: Signal<String>,
    button_id: &'static str,
    confirm: Pick,
    keep: Pick,
    form: Submit,
    #[prop(into)] on_confirm: Callback<()>,
    children: Children,
) -> impl IntoView {
    let busy = form.busy();
    view! {
        <A href=back.clone() attr:class="back-link">{booking_manage_text(|t| t.back_to_booking)}</A>
        <FormErrorSummary errors=form.errors/>
        <h1 tabindex="-1">{booking_manage_text(heading)}</h1>
        <p class="lead">{what}</p>
        {children()}
        <div class="button-row">
            <button
                id=button_id
                type="button"
                class="button button--warning"
                disabled=move || busy.get()
                on:click=move |_| on_confirm.run(())
            >
                {booking_manage_text(confirm)}
            </button>
            <A href=back attr:class="button button--secondary">{booking_manage_text(keep)}</A>
        </div>
        {move || busy.get().then(|| view! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{booking_text(|t| t.loading)}</p>
        })}
    }
}

/// A refused or failed step as the page shows it: the server's message (or "not sent") at the
/// button.
pub fn refused_at(button_id: &'static str, lang: Lang, error: ApiError) -> FormErrors {
    let message = match error {
        ApiError::Validation(body) => body.message,
        _ => booking_texts(lang).not_sent_body.to_owned(),
    };
    vec![(button_id.to_owned(), message)]
}
