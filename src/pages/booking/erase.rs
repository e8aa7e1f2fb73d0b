//! `/booking/manage/{token}/erase`: the booking's holder erases its personal data once the
//! consultation is over or the booking cancelled (issue #18). "Are you sure?" with what goes and
//! what stays, one button; then back to the manage page, which says it is done and shows only
//! what is left. The server refuses it before the consultation is over (its message is shown).

use leptos::prelude::*;

use super::are_you_sure::{refused_at, AreYouSure};
use super::manage::BookingAtLink;
use super::shown::Shown;
use super::texts::{booking_manage_text, booking_manage_texts};
use crate::api;
use crate::app_links::use_go_replacing;
use crate::components::submit::Submit;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn EraseByTokenPage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).erase_heading);
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
    let go = use_go_replacing();
    let form = Submit::new();
    let no_rebook = booking.center_reason.is_some();
    let what = Signal::derive(move || {
        let lang = prefs.lang.get();
        let topic = lang.pick(&booking.topic.name_zh, &booking.topic.name_en);
        format!("{} · {topic} · {}", booking.reference, booking.when(lang))
    });
    let back = format!("/booking/manage/{token}");
    let on_erase = {
        let back = back.clone();
        move || {
            let lang = prefs.lang.get_untracked();
            let (back, go) = (back.clone(), go.clone());
            form.send(
                Ok(token.clone()),
                move |token| async move { api::erase_booking(&token, lang).await },
                move |_| {
                    go(&format!("{back}?erased=1"));
                },
                move |error| refused_at("erase-button", lang, error),
            );
        }
    };
    view! {
        <AreYouSure
            back=back
            heading=|t| t.erase_heading
            what=what
            button_id="erase-button"
            confirm=|t| t.erase_confirm
            keep=|t| t.erase_keep
            form=form
            on_confirm=on_erase
        >
            <p>{booking_manage_text(|t| t.erase_body)}</p>
            <p>{booking_manage_text(|t| t.erase_kept)}</p>
            {no_rebook.then(|| view! { <p>{booking_manage_text(|t| t.erase_no_rebook)}</p> })}
        </AreYouSure>
    }
}
