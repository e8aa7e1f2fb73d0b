use leptos::prelude::*;
use leptos_router::components::A;

use crate::prefs::{text, use_page_title, use_prefs};
use crate::services::Service;

/// `/track`: one place to follow anything submitted. Each service keeps its own lookup (by
/// reference and mobile number); this page sends people to the right one.
#[component]
pub fn TrackPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| Service::Track.title(lang));
    let link = |href: &'static str,
                title: fn(&crate::i18n::Strings) -> &'static str,
                hint: fn(&crate::i18n::Strings) -> &'static str| {
        view! {
            <li class="service-card">
                <h2 class="service-card__title">
                    <A href=href attr:class="service-card__link">{text(title)}</A>
                </h2>
                <p class="service-card__summary">{text(hint)}</p>
            </li>
        }
    };
    view! {
        <div class="container page">
            <h1 tabindex="-1">{move || Service::Track.title(prefs.lang.get())}</h1>
            <p class="lead">{move || Service::Track.summary(prefs.lang.get())}</p>
            <ul class="service-cards">
                {link("/booking/find", |s| s.track_booking, |s| s.track_booking_hint)}
                {link("/assistance/track", |s| s.track_assistance, |s| s.track_assistance_hint)}
            </ul>
        </div>
    }
}
