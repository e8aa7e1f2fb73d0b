use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::assistance::{AssistanceLookupRequest, AssistanceProgress, NewLinkRequest};

use super::request::RELINKED;
use super::shown::{Progress, ProgressFacts, ProgressView};
use super::texts::{request_text, request_texts};
use crate::api::{self, ApiError};
use crate::app_links::use_go;
use crate::components::form::{error_for, problem_errors, FormErrorSummary, TextField};
use crate::components::lookup_form::{LookupForm, LookupTexts};
use crate::components::submit::{refused, Submit};
use crate::prefs::use_page_title;

/// `/assistance/track`: a request by its reference and the mobile number given in it. What
/// this shows is masked (names too); withdrawing and replying need the tracking link, which
/// someone who lost it gets anew here ([`NewLinkForm`]).
#[component]
pub fn TrackPage() -> impl IntoView {
    use_page_title(|lang| request_texts(lang).track_heading);
    let found = RwSignal::new(None::<AssistanceProgress>);
    // The reference and mobile number that found it, for a new link (never shown again).
    let asked = StoredValue::new(None::<(String, String)>);

    view! {
        <div class="container page narrow">
            {move || match found.get() {
                Some(progress) => view! {
                    <h1 tabindex="-1">{request_text(|t| t.request_title)}</h1>
                    <ProgressFacts progress=progress.clone()/>
                    <Progress progress=ProgressView::from(&progress)/>
                    <p class="notice notice--info">{request_text(|t| t.track_link_needed)}</p>
                    {asked.get_value().map(|(reference, mobile)| view! { <NewLinkForm reference mobile/> })}
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| found.set(None)>
                            {request_text(|t| t.track_again)}
                        </button>
                    </div>
                }.into_any(),
                None => view! {
                    <A href="/assistance" attr:class="back-link">{request_text(|t| t.back)}</A>
                    <LookupForm
                        texts=LookupTexts {
                            heading: |lang| request_texts(lang).track_heading,
                            lead: |lang| request_texts(lang).track_lead,
                            reference_label: |lang| request_texts(lang).reference_label,
                            reference_hint: |lang| request_texts(lang).reference_hint,
                            mobile_label: |lang| request_texts(lang).mobile_label,
                            mobile_hint: |lang| request_texts(lang).track_mobile_hint,
                            button: |lang| request_texts(lang).track_button,
                            not_found: |lang| request_texts(lang).track_not_found,
                            not_sent: |lang| request_texts(lang).not_sent_body,
                        }
                        check=move |reference, mobile, lang| {
                            let request = AssistanceLookupRequest {
                                reference: Some(reference.clone()),
                                mobile: Some(mobile.clone()),
                            };
                            match request.parse() {
                                Ok(_) => {
                                    asked.set_value(Some((reference, mobile)));
                                    Ok(request)
                                }
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

/// Someone who lost the tracking link proves the last characters of the ID number or credit
/// code given in the application and is taken to the new link (the old one stops working).
#[component]
fn NewLinkForm(reference: String, mobile: String) -> impl IntoView {
    // The request's page is another app: a page load.
    let go = use_go();
    let tail = RwSignal::new(String::new());
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let on_submit = form.on_submit(move |lang| {
        let go = go.clone();
        let request = NewLinkRequest {
            reference: Some(reference.clone()),
            mobile: Some(mobile.clone()),
            id_tail: Some(tail.get_untracked()),
        };
        let checked = match request.parse() {
            Ok(_) => Ok(request),
            Err(problems) => Err(problem_errors(&problems, lang, str::to_owned)),
        };
        form.send(
            checked,
            move |request| async move { api::assistance_new_link(&request, lang).await },
            move |link| {
                // The characters have done their job.
                tail.set(String::new());
                let href = format!("/assistance/requests/{}?{RELINKED}", link.token);
                go(&href);
            },
            move |error| {
                let t = request_texts(lang);
                match error {
                    ApiError::NotFound => {
                        vec![("id_tail".to_owned(), t.new_link_not_found.to_owned())]
                    }
                    error => refused(error, "id_tail", &str::to_owned, t.not_sent_body),
                }
            },
        );
    });
    view! {
        <h2>{request_text(|t| t.new_link_heading)}</h2>
        <p>{request_text(|t| t.new_link_lead)}</p>
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <TextField
                id="id_tail"
                label=request_text(|t| t.id_tail_label)
                hint=request_text(|t| t.id_tail_hint)
                value=tail
                error=Signal::derive(move || errors.with(|e| error_for(e, "id_tail")))
                autocomplete="off"
                short=true
            />
            <button type="submit" class="button" disabled=move || busy.get()>
                {request_text(|t| t.new_link_button)}
            </button>
        </form>
    }
}
