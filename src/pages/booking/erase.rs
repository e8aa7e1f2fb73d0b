//! `/booking/manage/{token}/erase`: the booking's holder erases its personal data once the
//! consultation is over or the booking cancelled (issue #18). "Are you sure?" with what goes and
//! what stays, one button; then back to the manage page, which says it is done and shows only
//! what is left. The server refuses it before the consultation is over (its message is shown).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::manage::BookingAtLink;
use super::shown::Shown;
use super::texts::{booking_text, booking_texts};
use crate::api::{self, ApiError};
use crate::components::form::FormErrorSummary;
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn EraseByTokenPage() -> impl IntoView {
    use_page_title(|lang| booking_texts(lang).erase_heading);
    view! {
        <div class="container page narrow">
            <BookingAtLink
                heading=|t| t.erase_heading
                page=|token, booking| view! { <ConfirmErase token=token booking=booking/> }.into_any()
            />
        </div>
    }
}

#[component]
fn ConfirmErase(token: String, booking: Shown) -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let what = {
        let b = booking.clone();
        move || {
            let lang = prefs.lang.get();
            let topic = lang.pick(&b.topic.name_zh, &b.topic.name_en).to_owned();
            format!("{} · {topic} · {}", b.reference, b.when(lang))
        }
    };
    let back = format!("/booking/manage/{token}");
    let on_erase = {
        let back = back.clone();
        move |_| {
            let lang = prefs.lang.get_untracked();
            let token = token.clone();
            let back = back.clone();
            let navigate = navigate.clone();
            form.send(
                Ok(token),
                move |token| async move { api::erase_booking(&token, lang).await },
                move |_| {
                    navigate(
                        &format!("{back}?erased=1"),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                },
                move |error| {
                    let message = match error {
                        ApiError::Validation(body) => body.message,
                        _ => booking_texts(lang).not_sent_body.to_owned(),
                    };
                    vec![("erase-button".to_owned(), message)]
                },
            );
        }
    };
    view! {
        <A href=back.clone() attr:class="back-link">{booking_text(|t| t.back_to_booking)}</A>
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{booking_text(|t| t.erase_heading)}</h1>
        <p class="lead">{what}</p>
        <p>{booking_text(|t| t.erase_body)}</p>
        <p>{booking_text(|t| t.erase_kept)}</p>
        {booking.center_reason.is_some().then(|| view! { <p>{booking_text(|t| t.erase_no_rebook)}</p> })}
        <div class="button-row">
            <button
                id="erase-button"
                type="button"
                class="button button--warning"
                disabled=move || busy.get()
                on:click=on_erase
            >
                {booking_text(|t| t.erase_confirm)}
            </button>
            <A href=back attr:class="button button--secondary">{booking_text(|t| t.erase_keep)}</A>
        </div>
        {move || busy.get().then(|| view! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{booking_text(|t| t.loading)}</p>
        })}
    }
}
