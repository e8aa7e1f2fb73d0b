use leptos::prelude::*;
use leptos_router::components::A;

use super::draft::use_draft;
use super::texts::{booking_questions_text, booking_questions_texts, booking_text};
use crate::prefs::{use_page_title, use_prefs};
use crate::services::Service;

/// `/booking`: what the service is, what to know before starting, and the way in for people
/// who already booked.
#[component]
pub fn StartPage() -> impl IntoView {
    let prefs = use_prefs();
    let draft = use_draft();
    use_page_title(|lang| Service::Booking.title(lang));
    let t = move || booking_questions_texts(prefs.lang.get());
    // Someone who left half-way (or reloaded) continues where they stopped.
    let unfinished = draft.0.with_untracked(|d| !d.is_empty());
    let resume = draft.get_untracked_first_missing().href();
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{move || Service::Booking.title(prefs.lang.get())}</h1>
            <p class="lead">{move || t().start_lead}</p>
            <h2>{booking_questions_text(|t| t.start_steps_heading)}</h2>
            <ol class="list-number">
                {move || t().start_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ol>
            <h2>{booking_questions_text(|t| t.start_rules_heading)}</h2>
            <ul class="list-bullet">
                {move || t().start_rules.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ul>
            <p class="button-row">
                <A href="/booking/topic" attr:class="button button--start">{booking_text(|t| t.start_button)}</A>
                {unfinished.then(|| view! {
                    <A href=resume attr:class="button button--secondary">{booking_questions_text(|t| t.continue_draft)}</A>
                })}
            </p>
            <h2>{booking_questions_text(|t| t.manage_heading)}</h2>
            <p>{booking_questions_text(|t| t.manage_body)}</p>
            <p><A href="/booking/find" attr:class="target-link">{booking_text(|t| t.find_link)}</A></p>
        </div>
    }
}
