use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::assistance::{AssistanceLookupRequest, AssistanceProgress};

use super::shown::{Progress, ProgressFacts, ProgressView};
use super::texts::{assistance_text, assistance_texts};
use crate::api;
use crate::app_links::rel_for;
use crate::components::form::problem_errors;
use crate::components::lookup_form::{LookupForm, LookupTexts};
use crate::prefs::use_page_title;

/// `/assistance/track`: a request by its reference and the mobile number given in it. What
/// this shows is masked (names too); withdrawing and replying need the tracking link.
#[component]
pub fn TrackPage() -> impl IntoView {
    use_page_title(|lang| assistance_texts(lang).track_heading);
    let found = RwSignal::new(None::<AssistanceProgress>);

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
                    <LookupForm
                        texts=LookupTexts {
                            heading: |lang| assistance_texts(lang).track_heading,
                            lead: |lang| assistance_texts(lang).track_lead,
                            reference_label: |lang| assistance_texts(lang).reference_label,
                            reference_hint: |lang| assistance_texts(lang).reference_hint,
                            mobile_label: |lang| assistance_texts(lang).mobile_label,
                            mobile_hint: |lang| assistance_texts(lang).track_mobile_hint,
                            button: |lang| assistance_texts(lang).track_button,
                            not_found: |lang| assistance_texts(lang).track_not_found,
                            not_sent: |lang| assistance_texts(lang).not_sent_body,
                        }
                        check=|reference, mobile, lang| {
                            let request = AssistanceLookupRequest {
                                reference: Some(reference),
                                mobile: Some(mobile),
                            };
                            match request.parse() {
                                Ok(_) => Ok(request),
                                Err(problems) => Err(problem_errors(&problems, lang, str::to_owned)),
                            }
                        }
                        send=|request: AssistanceLookupRequest, lang| async move {
                            api::assistance_lookup(&request, lang).await
                        }
                        found=move |tracking| found.set(Some(tracking))
                    />
                }.into_any(),
            }}
        </div>
    }
}
