use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::access::{use_found, Access};
use super::change::LookupAgain;
use super::manage::BookingAtLink;
use super::shown::Shown;
use super::texts::{booking_text, booking_texts};
use crate::api::ApiError;
use crate::components::form::FormErrorSummary;
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/manage/{token}/cancel`.
#[component]
pub fn CancelByTokenPage() -> impl IntoView {
    use_page_title(|lang| booking_texts(lang).cancel_booking);
    view! {
        <div class="container page narrow">
            <BookingAtLink
                heading=|t| t.cancel_booking
                page=|token, booking| view! { <ConfirmCancel access=Access::Token(token) booking=booking/> }.into_any()
            />
        </div>
    }
}

/// `/booking/find/cancel`.
#[component]
pub fn CancelFoundPage() -> impl IntoView {
    use_page_title(|lang| booking_texts(lang).cancel_booking);
    let found = use_found().0.get_untracked();
    view! {
        <div class="container page narrow">
            {match found {
                Some((lookup, shown)) => view! { <ConfirmCancel access=Access::Found(lookup) booking=shown/> }.into_any(),
                None => view! { <LookupAgain/> }.into_any(),
            }}
        </div>
    }
}

/// "Are you sure?", with the booking named, and one button.
#[component]
fn ConfirmCancel(access: Access, booking: Shown) -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    let found = use_found();
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let what = {
        let b = booking.clone();
        move || {
            let lang = prefs.lang.get();
            let topic = lang.pick(&b.topic.name_zh, &b.topic.name_en).to_owned();
            let venue = lang.pick(&b.venue.name_zh, &b.venue.name_en).to_owned();
            format!("{} · {topic} · {venue} · {}", b.reference, b.when(lang))
        }
    };
    let back = access.page();
    let on_cancel = move |_| {
        let lang = prefs.lang.get_untracked();
        let access = access.clone();
        let navigate = navigate.clone();
        form.send(
            Ok(access.clone()),
            move |access| async move { access.cancel(lang).await },
            move |shown| {
                if let Access::Found(lookup) = &access {
                    found.0.set(Some((lookup.clone(), shown)));
                }
                navigate(
                    &format!("{}?cancelled=1", access.page()),
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
                vec![("cancel-button".to_owned(), message)]
            },
        );
    };
    view! {
        <A href=back.clone() attr:class="back-link">{booking_text(|t| t.back_to_booking)}</A>
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{booking_text(|t| t.cancel_heading)}</h1>
        <p class="lead">{what}</p>
        <p>{booking_text(|t| t.cancel_body)}</p>
        <div class="button-row">
            <button
                id="cancel-button"
                type="button"
                class="button button--warning"
                disabled=move || busy.get()
                on:click=on_cancel
            >
                {booking_text(|t| t.cancel_confirm)}
            </button>
            <A href=back attr:class="button button--secondary">{booking_text(|t| t.cancel_keep)}</A>
        </div>
        {move || busy.get().then(|| view! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{booking_text(|t| t.loading)}</p>
        })}
    }
}
