use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::assistance::GiId;

use super::draft::use_draft;
use super::gi_name::gi_label;
use super::texts::{assistance_text, assistance_texts};
use super::APPLY;
use crate::prefs::{use_page_title, use_prefs};
use crate::services::Service;

/// A GI product id from the address (`?gi=GI00842`, the GI product page's "report a suspected
/// counterfeit"), only when well-formed: a link must not put its own words on the page.
pub fn gi_from_query() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get("gi"))
            .and_then(|id| GiId::parse(&id).ok())
            .map(|id| id.as_str().to_owned())
    })
}

/// `/assistance`: what the service is, what to have ready, and the ways in: start (or carry
/// on with) an application, or follow one that was sent.
#[component]
pub fn StartPage() -> impl IntoView {
    let prefs = use_prefs();
    let store = use_draft();
    use_page_title(|lang| Service::Assistance.title(lang));
    let gi = gi_from_query();
    let product = gi_label(gi);
    let t = move || assistance_texts(prefs.lang.get());
    let unfinished = move || !store.is_empty();
    let apply_href = move || match gi.get() {
        Some(id) => format!("{APPLY}?gi={id}"),
        None => APPLY.to_owned(),
    };
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{move || Service::Assistance.title(prefs.lang.get())}</h1>
            <p class="lead">{move || t().start_lead}</p>
            {move || product.get().map(|product| view! {
                <p class="notice notice--info">{assistance_text(|t| t.reported_product)}{product}</p>
            })}
            // Come to report a product (the GI page's link): most likely a consumer, so first.
            {move || gi.get().is_some().then(NotHolder)}
            <h2>{assistance_text(|t| t.start_who_heading)}</h2>
            <ul class="list-bullet">
                {move || t().start_who.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ul>
            {move || gi.get().is_none().then(NotHolder)}
            <h2>{assistance_text(|t| t.start_ready_heading)}</h2>
            <ul class="list-bullet">
                {move || t().start_ready.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ul>
            <h2>{assistance_text(|t| t.start_after_heading)}</h2>
            <ol class="list-number">
                {move || t().start_after.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ol>
            <div class="button-row">
                {move || if unfinished() {
                    view! {
                        <A href=apply_href attr:class="button button--start">{assistance_text(|t| t.continue_application)}</A>
                        <button type="button" class="button button--secondary" on:click=move |_| store.forget()>
                            {assistance_text(|t| t.start_again)}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <A href=apply_href attr:class="button button--start">{assistance_text(|t| t.start_button)}</A>
                    }.into_any()
                }}
            </div>
            {move || unfinished().then(|| view! { <p class="hint">{assistance_text(|t| t.start_again_hint)}</p> })}
            <h2>{assistance_text(|t| t.already_sent_heading)}</h2>
            <p>{assistance_text(|t| t.already_sent_body)}</p>
            <p><A href="/assistance/track" attr:class="target-link">{assistance_text(|t| t.track_link)}</A></p>
        </div>
    }
}

/// Where someone who is not the right holder goes instead (the form is written for holders):
/// a consumer to 12315, the market regulator's complaints and reports line (DOMAIN.md); a
/// suspected crime to the police (seed 000).
#[component]
fn NotHolder() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <section class="inset-text" aria-labelledby="not-holder-heading">
            <h2 id="not-holder-heading">{assistance_text(|t| t.not_holder_heading)}</h2>
            <ul class="list-bullet">
                {move || assistance_texts(prefs.lang.get()).not_holder.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ul>
            <p><a href="tel:12315" class="button button--secondary">{assistance_text(|t| t.call_12315)}</a></p>
        </section>
    }
}
