use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_domain::api::assistance::{AssistanceLookupRequest, AssistanceProgress};
use portal_domain::Localized;

use super::shown::{Progress, ProgressFacts, ProgressView};
use super::texts::{assistance_text, assistance_texts};
use crate::api::{self, ApiError};
use crate::app::rel_for;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::prefs::{use_page_title, use_prefs};

/// `/assistance/track`: a request by its reference and the mobile number given in it. What
/// this shows is masked (names too); withdrawing and replying need the tracking link.
#[component]
pub fn TrackPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| assistance_texts(lang).track_heading);
    let reference = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::new());
    let busy = RwSignal::new(false);
    let found = RwSignal::new(None::<AssistanceProgress>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = prefs.lang.get_untracked();
        let request = AssistanceLookupRequest {
            reference: Some(reference.get_untracked()),
            mobile: Some(mobile.get_untracked()),
        };
        if let Err(problems) = request.parse() {
            errors.set(
                problems
                    .iter()
                    .map(|(f, e)| ((*f).to_owned(), e.message(lang)))
                    .collect(),
            );
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = api::assistance_lookup(&request, lang).await;
            busy.set(false);
            match result {
                Ok(tracking) => {
                    // Typed values leave the page once they have done their job.
                    reference.set(String::new());
                    mobile.set(String::new());
                    found.set(Some(tracking));
                }
                Err(ApiError::NotFound) => errors.set(vec![(
                    "reference".to_owned(),
                    assistance_texts(lang).track_not_found.to_owned(),
                )]),
                Err(ApiError::Validation(body)) => {
                    let mut list: FormErrors = body
                        .fields
                        .iter()
                        .map(|(f, e)| (f.clone(), e.message.clone()))
                        .collect();
                    if list.is_empty() {
                        list.push(("reference".to_owned(), body.message));
                    }
                    errors.set(list);
                }
                Err(_) => errors.set(vec![(
                    "reference".to_owned(),
                    assistance_texts(lang).not_sent_body.to_owned(),
                )]),
            }
        });
    };
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));

    view! {
        <div class="container page narrow">
            {move || match found.get() {
                Some(progress) => view! {
                    <h1 tabindex="-1">{assistance_text(|t| t.request_title)}</h1>
                    <ProgressFacts progress=progress.clone()/>
                    <Progress progress=ProgressView::from(&progress)/>
                    <p class="notice notice--info">{assistance_text(|t| t.track_link_needed)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| found.set(None)>
                            {assistance_text(|t| t.track_again)}
                        </button>
                    </div>
                }.into_any(),
                None => view! {
                    <A href="/assistance" attr:class="back-link" attr:rel=rel_for("/assistance")>{assistance_text(|t| t.back)}</A>
                    <FormErrorSummary errors=errors/>
                    <h1 tabindex="-1">{assistance_text(|t| t.track_heading)}</h1>
                    <p class="lead">{assistance_text(|t| t.track_lead)}</p>
                    <form novalidate on:submit=on_submit>
                        <TextField
                            id="reference"
                            label=assistance_text(|t| t.reference_label)
                            hint=assistance_text(|t| t.reference_hint)
                            value=reference
                            error=error("reference")
                            autocomplete="off"
                            short=true
                        />
                        <TextField
                            id="mobile"
                            label=assistance_text(|t| t.mobile_label)
                            hint=assistance_text(|t| t.track_mobile_hint)
                            value=mobile
                            error=error("mobile")
                            input_type="tel"
                            autocomplete="tel-national"
                            inputmode="tel"
                            short=true
                        />
                        <button type="submit" class="button" disabled=move || busy.get()>{assistance_text(|t| t.track_button)}</button>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}
