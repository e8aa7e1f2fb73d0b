use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use portal_domain::api::booking::{BookingStatus, LookupRequest};

use super::access::{use_found, WithFound};
use super::shown::{BookingFacts, CenterCancelled, ReviewCancelled};
use super::texts::{booking_manage_text, booking_manage_texts, booking_text, booking_texts};
use crate::api;
use crate::components::form::problem_errors;
use crate::components::lookup_form::{LookupForm, LookupTexts};
use crate::prefs::use_page_title;

/// `/booking/find`: a booking by its reference and the mobile number it was made with. What
/// this shows is masked (the reference and a number are easier to guess than a link); the
/// holder can still change or cancel it.
#[component]
pub fn FindPage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).find_heading);
    // Back from changing or cancelling it (another app), the booking is found again.
    view! {
        <div class="container page narrow">
            <WithFound page=|_, _| view! { <FoundOrSearch/> }.into_any() none=|| view! { <FoundOrSearch/> }.into_any()/>
        </div>
    }
}

/// The booking found, or the search for it.
#[component]
fn FoundOrSearch() -> impl IntoView {
    let found = use_found();
    let query = use_query_map();
    let changed = move || query.with(|q| q.get("changed").is_some());
    let cancelled = move || query.with(|q| q.get("cancelled").is_some());

    view! {
            {move || match found.0.get() {
                Some((_, shown)) => {
                    let confirmed = shown.status == BookingStatus::Confirmed;
                    let changeable = shown.changeable;
                    let center_reason = shown.center_reason.clone().filter(|_| !confirmed);
                    let review_reason = shown.review_reason.clone().filter(|_| !confirmed);
                    let explained = center_reason.is_some() || review_reason.is_some();
                    view! {
                        <h1 tabindex="-1">{booking_manage_text(|t| t.manage_title)}</h1>
                        {center_reason.map(|reason| view! {
                            <CenterCancelled reason=reason rebook="/booking/find/change".to_owned()/>
                        })}
                        {review_reason.map(|reason| view! { <ReviewCancelled reason=reason/> })}
                        {((cancelled() || !confirmed) && !explained).then(|| view! {
                            <p class="notice" role="status">{booking_manage_text(|t| t.cancelled_notice)}</p>
                        })}
                        {(changed() && confirmed).then(|| view! {
                            <p class="notice notice--success" role="status">{booking_manage_text(|t| t.changed_notice)}</p>
                        })}
                        <BookingFacts booking=shown/>
                        <div class="manage-actions">
                            {(confirmed && changeable).then(|| view! {
                                <A href="/booking/find/change" attr:class="button">{booking_manage_text(|t| t.change_time)}</A>
                                <A href="/booking/find/cancel" attr:class="button button--warning">{booking_manage_text(|t| t.cancel_booking)}</A>
                            })}
                            <button type="button" class="button button--secondary" on:click=move |_| found.forget()>
                                {booking_manage_text(|t| t.find_again)}
                            </button>
                        </div>
                        {(confirmed && !changeable).then(|| view! {
                            <p class="notice">{booking_manage_text(|t| t.too_late_to_change)}</p>
                        })}
                    }
                    .into_any()
                }
                None => view! {
                    <A href="/booking" attr:class="back-link">{booking_text(|t| t.back)}</A>
                    <LookupForm
                        texts=LookupTexts {
                            heading: |lang| booking_manage_texts(lang).find_heading,
                            lead: |lang| booking_manage_texts(lang).find_lead,
                            reference_label: |lang| booking_texts(lang).reference_label,
                            reference_hint: |lang| booking_texts(lang).reference_hint,
                            mobile_label: |lang| booking_texts(lang).mobile_label,
                            mobile_hint: |lang| booking_manage_texts(lang).find_mobile_hint,
                            button: |lang| booking_manage_texts(lang).find_button,
                            not_found: |lang| booking_manage_texts(lang).find_not_found,
                            not_sent: |lang| booking_texts(lang).not_sent_body,
                        }
                        check=|reference, mobile, lang| {
                            let request = LookupRequest {
                                reference: Some(reference),
                                mobile: Some(mobile),
                            };
                            match request.parse() {
                                Ok(_) => Ok(request),
                                Err(problems) => Err(problem_errors(&problems, lang, str::to_owned)),
                            }
                        }
                        send=|request: LookupRequest, lang| async move {
                            let summary = api::lookup_booking(&request, lang).await?;
                            Ok((request, summary.into()))
                        }
                        found=move |(lookup, shown)| found.set(lookup, shown)
                    />
                }
                .into_any(),
            }}
    }
}
