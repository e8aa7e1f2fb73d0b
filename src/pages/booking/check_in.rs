//! `/booking/check-in`: checking in on the day at the service hall's kiosk, by the booking
//! reference and the last four digits of its mobile number, or by showing the booking's QR code
//! to the camera where the browser reads QR codes (`super::scan`). The result says where to
//! wait and prints as a slip (masked name, no mobile number); it clears itself after
//! [`CLEAR_SECS`], or at once with "done", back to the empty form: nothing personal stays on a
//! screen strangers share.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::booking::{CheckInRequest, CheckedIn};
use portal_domain::api::VenueContacts;
use portal_domain::Lang;

use super::scan::QrScan;
use super::texts::{booking_check_in_text, booking_check_in_texts, booking_texts, BookingTexts};
use crate::api;
use crate::components::focus::{focus_id_next_frame, focus_next_frame};
use crate::components::form::problem_errors;
use crate::components::lookup_form::{LookupForm, LookupTexts};
use crate::components::venue_contacts::VenueContactList;
use crate::dates::{long_date, time_range};
use crate::prefs::{use_page_title, use_prefs};

/// Seconds the result stays on the screen.
pub const CLEAR_SECS: u32 = 60;

#[component]
pub fn CheckInPage() -> impl IntoView {
    use_page_title(|lang| booking_check_in_texts(lang).check_in_heading);
    let checked = RwSignal::new(None::<CheckedIn>);
    let found = Callback::new(move |c: CheckedIn| checked.set(Some(c)));
    let done = Callback::new(move |()| {
        checked.set(None);
        // The next person starts at the empty form.
        focus_id_next_frame("reference");
    });
    view! {
        <div class="container page narrow check-in">
            {move || match checked.get() {
                Some(c) => view! { <Slip checked=c done=done/> }.into_any(),
                None => view! {
                    <LookupForm
                        texts=LookupTexts {
                            heading: |lang| booking_check_in_texts(lang).check_in_heading,
                            lead: |lang| booking_check_in_texts(lang).check_in_lead,
                            reference_label: |lang| booking_texts(lang).reference_label,
                            reference_hint: |lang| booking_texts(lang).reference_hint,
                            mobile_label: |lang| booking_check_in_texts(lang).check_in_last_four_label,
                            mobile_hint: |lang| booking_check_in_texts(lang).check_in_last_four_hint,
                            button: |lang| booking_check_in_texts(lang).check_in_button,
                            not_found: |lang| booking_check_in_texts(lang).check_in_not_found,
                            not_sent: |lang| booking_check_in_texts(lang).check_in_not_sent,
                        }
                        last_four=true
                        check=|reference, digits, lang| {
                            let request = CheckInRequest {
                                reference: Some(reference),
                                mobile_last_four: Some(digits),
                            };
                            match request.parse() {
                                Ok(_) => Ok(request),
                                Err(problems) => Err(problem_errors(&problems, lang, str::to_owned)),
                            }
                        }
                        send=|request: CheckInRequest, lang| async move {
                            api::check_in_booking(&request, lang).await
                        }
                        found=found
                    />
                    <QrScan found=found/>
                }
                .into_any(),
            }}
        </div>
    }
}

/// The result: checked in (or already), where to wait, print and done. Clears itself.
#[component]
fn Slip(checked: CheckedIn, done: Callback<()>) -> impl IntoView {
    let prefs = use_prefs();
    let heading = NodeRef::<html::H1>::new();
    focus_next_frame(heading);
    if let Ok(handle) =
        set_timeout_with_handle(move || done.run(()), Duration::from_secs(CLEAR_SECS.into()))
    {
        on_cleanup(move || handle.clear());
    }
    let c = StoredValue::new(checked);
    let t = move || booking_check_in_texts(prefs.lang.get());
    let row = move |label: fn(&BookingTexts) -> &'static str, value: String| {
        view! {
            <div class="summary-list__row">
                <dt>{move || label(booking_texts(prefs.lang.get()))}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    };
    let pick = move |zh: &str, en: &str, lang: Lang| lang.pick(zh, en).to_owned();
    let rows = move || {
        let lang = prefs.lang.get();
        c.with_value(|c| {
            let venue = pick(&c.venue.name_zh, &c.venue.name_en, lang);
            view! {
                {row(|t| t.row_reference, c.reference.clone())}
                {row(|t| t.row_name, c.name.clone())}
                {row(|t| t.row_date, long_date(c.date, lang))}
                {row(|t| t.row_time, time_range(&c.start_time, &c.end_time))}
                {row(|t| t.row_topic, pick(&c.topic.name_zh, &c.topic.name_en, lang))}
                <div class="summary-list__row check-in-slip__where">
                    <dt>{move || t().checked_in_where}</dt>
                    <dd class="summary-list__value">
                        {venue}
                        {c.venue_address.clone().map(|a| view! { <br/>{a} })}
                    </dd>
                </div>
                {row(|t| t.checked_in_at_label, c.checked_in_at.get(11..16).unwrap_or_default().to_owned())}
            }
        })
    };
    let already = c.with_value(|c| c.already_checked_in);
    view! {
        <div class="check-in-slip">
            <p class="print-only check-in-slip__title">{booking_check_in_text(|t| t.check_in_slip_heading)}</p>
            <h1 tabindex="-1" node_ref=heading>
                {move || if already { t().already_checked_in_heading } else { t().checked_in_heading }}
            </h1>
            <dl class="summary-list">{rows}</dl>
            // The phone, hours and map link of the venue (its address is the row above).
            <VenueContactList contacts=c.with_value(|c| VenueContacts { address: None, ..c.venue_contacts.clone() })/>
            <p class="hint no-print">{move || t().checked_in_clears(CLEAR_SECS)}</p>
            <div class="button-row no-print">
                <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>
                    {booking_check_in_text(|t| t.checked_in_print)}
                </button>
                <button type="button" class="button" on:click=move |_| done.run(())>
                    {booking_check_in_text(|t| t.checked_in_done)}
                </button>
            </div>
        </div>
    }
}
