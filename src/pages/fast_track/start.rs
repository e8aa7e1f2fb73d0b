//! `/fast-track`: what the service is, from the published facts only (conditions the center has
//! not published are marked as illustrative), and the two ways in: register, or sign in.

use leptos::prelude::*;
use leptos_router::components::A;

use super::texts::{fast_track_texts, ft_text};
use super::{items, SIGN_IN, SIGN_UP};
use crate::prefs::{use_page_title, use_prefs};
use crate::services::Service;

#[component]
pub fn StartPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| Service::FastTrack.title(lang));
    let t = move || fast_track_texts(prefs.lang.get());
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{move || Service::FastTrack.title(prefs.lang.get())}</h1>
            <p class="lead">{ft_text(|t| t.start_lead)}</p>
            <h2>{ft_text(|t| t.start_facts_heading)}</h2>
            <ul class="list-bullet">{move || items(&t().start_facts)}</ul>
            <h2>{ft_text(|t| t.start_fields_heading)}</h2>
            <p>{ft_text(|t| t.start_fields_lead)}</p>
            <ul class="list-bullet">{move || items(&t().start_fields)}</ul>
            <h2>{ft_text(|t| t.start_who_heading)}</h2>
            <p>{ft_text(|t| t.start_who_body)}</p>
            <p>{ft_text(|t| t.start_conditions_note)}</p>
            <ul class="list-bullet">{move || items(&t().start_conditions)}</ul>
            <h2>{ft_text(|t| t.start_steps_heading)}</h2>
            <ol class="list-number">{move || items(&t().start_steps)}</ol>
            <p class="notice notice--info">{ft_text(|t| t.start_online_now)}</p>
            <div class="button-row">
                <A href=SIGN_UP attr:class="button button--start">{ft_text(|t| t.register_button)}</A>
            </div>
            <h2>{ft_text(|t| t.have_account)}</h2>
            <p>
                <A href=SIGN_IN attr:class="button button--secondary">{ft_text(|t| t.sign_in_button)}</A>
            </p>
        </div>
    }
}
