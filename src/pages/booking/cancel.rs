use leptos::prelude::*;

use super::access::{use_found, Access, WithFound};
use super::are_you_sure::{refused_at, AreYouSure};
use super::change::LookupAgain;
use super::manage::BookingAtLink;
use super::shown::Shown;
use super::texts::{booking_manage_text, booking_manage_texts};
use crate::app_links::use_go_replacing;
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/manage/{token}/cancel`.
#[component]
pub fn CancelByTokenPage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).cancel_booking);
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
    use_page_title(|lang| booking_manage_texts(lang).cancel_booking);
    view! {
        <div class="container page narrow">
            <WithFound
                page=|lookup, shown| view! { <ConfirmCancel access=Access::Found(lookup) booking=shown/> }.into_any()
                none=|| view! { <LookupAgain/> }.into_any()
            />
        </div>
    }
}

/// "Are you sure?", with the booking named, and one button.
#[component]
fn ConfirmCancel(access: Access, booking: Shown) -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go_replacing();
    let found = use_found();
    let form = Submit::new();
    let what = Signal::derive(move || {
        let lang = prefs.lang.get();
        let topic = lang.pick(&booking.topic.name_zh, &booking.topic.name_en);
        let venue = lang.pick(&booking.venue.name_zh, &booking.venue.name_en);
        format!(
            "{} · {topic} · {venue} · {}",
            booking.reference,
            booking.when(lang)
        )
    });
    let back = access.page();
    let on_cancel = move || {
        let lang = prefs.lang.get_untracked();
        let access = access.clone();
        let go = go.clone();
        form.send(
            Ok(access.clone()),
            move |access| async move { access.cancel(lang).await },
            move |shown| {
                if let Access::Found(lookup) = &access {
                    found.set(lookup.clone(), shown);
                }
                go(&format!("{}?cancelled=1", access.page()));
            },
            move |error| refused_at("cancel-button", lang, error),
        );
    };
    view! {
        <AreYouSure
            back=back
            heading=|t| t.cancel_heading
            what=what
            button_id="cancel-button"
            confirm=|t| t.cancel_confirm
            keep=|t| t.cancel_keep
            form=form
            on_confirm=on_cancel
        >
            <p>{booking_manage_text(|t| t.cancel_body)}</p>
        </AreYouSure>
    }
}
