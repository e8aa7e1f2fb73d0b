use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::booking::{BookingStatus, LookupRequest};
use portal_domain::Localized;

use super::access::use_found;
use super::shown::{BookingFacts, CenterCancelled, ReviewCancelled};
use super::texts::{booking_text, booking_texts};
use crate::api::{self, ApiError};
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/find`: a booking by its reference and the mobile number it was made with. What
/// this shows is masked (the reference and a number are easier to guess than a link); the
/// holder can still change or cancel it.
#[component]
pub fn FindPage() -> impl IntoView {
    let prefs = use_prefs();
    let found = use_found();
    let query = use_query_map();
    use_page_title(|lang| booking_texts(lang).find_heading);
    let reference = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::new());
    let busy = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = prefs.lang.get_untracked();
        let request = LookupRequest {
            reference: Some(reference.get_untracked()),
            mobile: Some(mobile.get_untracked()),
        };
        if let Err(problems) = request.parse() {
            errors.set(
                problems
                    .into_iter()
                    .map(|(f, e)| (f.to_owned(), e.message(lang)))
                    .collect(),
            );
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = api::lookup_booking(&request, lang).await;
            busy.set(false);
            match result {
                Ok(summary) => {
                    // Typed values leave the page once they have done their job.
                    reference.set(String::new());
                    mobile.set(String::new());
                    found.0.set(Some((request, summary.into())));
                }
                Err(ApiError::NotFound) => errors.set(vec![(
                    "reference".to_owned(),
                    booking_texts(lang).find_not_found.to_owned(),
                )]),
                Err(ApiError::Validation(body)) => {
                    let mut list: FormErrors = body
                        .fields
                        .iter()
                        .map(|(f, e)| (f.clone(), e.message.clone()))
                        .collect();
                    // Too many tries (429) is about the search, not a field.
                    if list.is_empty() {
                        list.push(("reference".to_owned(), body.message));
                    }
                    errors.set(list);
                }
                Err(_) => errors.set(vec![(
                    "reference".to_owned(),
                    booking_texts(lang).not_sent_body.to_owned(),
                )]),
            }
        });
    };
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let changed = move || query.with(|q| q.get("changed").is_some());
    let cancelled = move || query.with(|q| q.get("cancelled").is_some());

    view! {
        <div class="container page narrow">
            {move || match found.0.get() {
                Some((_, shown)) => {
                    let confirmed = shown.status == BookingStatus::Confirmed;
                    let changeable = shown.changeable;
                    let center_reason = shown.center_reason.clone().filter(|_| !confirmed);
                    let review_reason = shown.review_reason.clone().filter(|_| !confirmed);
                    let explained = center_reason.is_some() || review_reason.is_some();
                    view! {
                        <h1 tabindex="-1">{booking_text(|t| t.manage_title)}</h1>
                        {center_reason.map(|reason| view! {
                            <CenterCancelled reason=reason rebook="/booking/find/change".to_owned()/>
                        })}
                        {review_reason.map(|reason| view! { <ReviewCancelled reason=reason/> })}
                        {((cancelled() || !confirmed) && !explained).then(|| view! {
                            <p class="notice" role="status">{booking_text(|t| t.cancelled_notice)}</p>
                        })}
                        {(changed() && confirmed).then(|| view! {
                            <p class="notice notice--success" role="status">{booking_text(|t| t.changed_notice)}</p>
                        })}
                        <BookingFacts booking=shown/>
                        <div class="manage-actions">
                            {(confirmed && changeable).then(|| view! {
                                <A href="/booking/find/change" attr:class="button">{booking_text(|t| t.change_time)}</A>
                                <A href="/booking/find/cancel" attr:class="button button--warning">{booking_text(|t| t.cancel_booking)}</A>
                            })}
                            <button type="button" class="button button--secondary" on:click=move |_| found.0.set(None)>
                                {booking_text(|t| t.find_again)}
                            </button>
                        </div>
                        {(confirmed && !changeable).then(|| view! {
                            <p class="notice">{booking_text(|t| t.too_late_to_change)}</p>
                        })}
                    }
                    .into_any()
                }
                None => view! {
                    <A href="/booking" attr:class="back-link">{booking_text(|t| t.back)}</A>
                    <FormErrorSummary errors=errors/>
                    <h1 tabindex="-1">{booking_text(|t| t.find_heading)}</h1>
                    <p class="lead">{booking_text(|t| t.find_lead)}</p>
                    <form novalidate on:submit=on_submit>
                        <TextField
                            id="reference"
                            label=booking_text(|t| t.reference_label)
                            hint=booking_text(|t| t.reference_hint)
                            value=reference
                            error=error("reference")
                            autocomplete="off"
                            short=true
                        />
                        <TextField
                            id="mobile"
                            label=booking_text(|t| t.mobile_label)
                            hint=booking_text(|t| t.find_mobile_hint)
                            value=mobile
                            error=error("mobile")
                            input_type="tel"
                            autocomplete="tel-national"
                            inputmode="tel"
                            short=true
                        />
                        <button type="submit" class="button" disabled=move || busy.get()>{booking_text(|t| t.find_button)}</button>
                    </form>
                }
                .into_any(),
            }}
        </div>
    }
}
