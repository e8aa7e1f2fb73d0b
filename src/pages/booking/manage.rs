use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use portal_domain::api::booking::BookingStatus;

use super::shown::{BookingFacts, CenterCancelled, ReviewCancelled, Shown};
use super::texts::{booking_manage_text, booking_manage_texts, booking_text};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::components::qr_code::KeepLink;
use crate::components::rating::{RatingTarget, ServiceRating};
use crate::prefs::{use_page_title, use_prefs};

/// What just happened, from the `?new=1` / `?changed=1` / `?cancelled=1` the other pages add.
#[derive(Clone, Copy, PartialEq)]
enum Just {
    Nothing,
    Booked,
    Changed,
    Cancelled,
    Erased,
}

/// `/booking/manage/{token}`: the booking at its secret link. Right after booking it is the
/// confirmation page; later, the same page to view, change or cancel it (it works whenever it is
/// opened again, from a bookmark, the QR code or the calendar entry).
#[component]
pub fn ManagePage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).manage_title);
    view! {
        <div class="container page narrow">
            <BookingAtLink
                heading=|t| t.manage_title
                page=|token, booking| view! { <ManageBooking booking=booking token=token/> }.into_any()
            />
        </div>
    }
}

/// What just happened, from the address's query. Read once: nothing on this page changes the
/// address (its links all lead to other apps).
fn just_happened() -> Just {
    use_query_map().with_untracked(|q| {
        if q.get("new").is_some() {
            Just::Booked
        } else if q.get("changed").is_some() {
            Just::Changed
        } else if q.get("cancelled").is_some() {
            Just::Cancelled
        } else if q.get("erased").is_some() {
            Just::Erased
        } else {
            Just::Nothing
        }
    })
}

/// Loads the booking that the manage link in the address names (`{token}`), then draws `page`
/// with it: the booking's own page and its change, cancel and erase pages share the loading,
/// "not found" and retry states.
#[component]
pub(super) fn BookingAtLink(
    /// The page's heading while there is no booking to show (an error).
    heading: fn(&super::texts::BookingManageTexts) -> &'static str,
    page: fn(String, Shown) -> AnyView,
) -> impl IntoView {
    let prefs = use_prefs();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let booking = LocalResource::new({
        let token = token.clone();
        move || {
            let token = token.clone();
            async move { api::booking(&token, prefs.lang.get_untracked()).await }
        }
    });
    view! {
        <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match booking.await {
                        Ok(b) => page(token, b.into()),
                        Err(ApiError::NotFound) => view! { <BookingNotFound/> }.into_any(),
                        Err(error) => view! {
                            <h1 tabindex="-1">{booking_manage_text(heading)}</h1>
                            <ErrorPanel error=error on_retry=move |_| booking.refetch()/>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub(super) fn BookingNotFound() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{booking_manage_text(|t| t.not_found_title)}</h1>
        <p>{booking_manage_text(|t| t.not_found_body)}</p>
        <p><a href="/booking/find" class="button">{booking_text(|t| t.find_link)}</a></p>
    }
}

/// Its links are plain `<a>`: each leads to another app's page (`crate::app_links` has the browser
/// load it), where the router's `A` would add only code to an app at the edge of its budget.
#[component]
fn ManageBooking(booking: Shown, token: String) -> impl IntoView {
    let just = just_happened();
    let prefs = use_prefs();
    let confirmed = booking.status == BookingStatus::Confirmed;
    let changeable = booking.changeable;
    let center_reason = booking.center_reason.clone();
    let review_reason = booking.review_reason.clone();
    // Cancelled by its holder. (Cancelled by the center, the notice above offers the way on: a
    // new time for the same booking, or a new booking.)
    // Erased, a booking the center cancelled can no longer be moved: a new booking instead.
    let book_again =
        !confirmed && (booking.anonymised || center_reason.is_none() && review_reason.is_none());
    let reference = booking.reference.clone();
    let (can_rate, rating) = (booking.can_rate, booking.rating.clone());
    let (anonymised, erasable) = (booking.anonymised, booking.erasable);
    let deadline = {
        let b = booking.clone();
        move || b.deadline(prefs.lang.get())
    };
    let manage_url = format!(
        "{}/booking/manage/{token}",
        window().location().origin().unwrap_or_default()
    );
    let calendar_href = api::booking_calendar_href(&token);
    let calendar_file = format!("booking-{}.ics", booking.reference.replace('-', ""));
    let next_steps = move || {
        let t = booking_manage_texts(prefs.lang.get());
        [
            t.next_step_come.to_owned(),
            t.next_step_change_before(deadline()),
            t.next_step_keep_link.to_owned(),
        ]
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view()
    };

    view! {
        {(just == Just::Booked && confirmed).then(|| view! {
            <div class="panel panel--confirmation">
                <h1 tabindex="-1" class="panel__title">{booking_manage_text(|t| t.confirmed_title)}</h1>
                <p class="panel__body">
                    {booking_manage_text(|t| t.your_reference)}<br/>
                    <strong class="reference">{reference.clone()}</strong>
                </p>
            </div>
        })}
        {(just != Just::Booked || !confirmed).then(|| view! {
            <h1 tabindex="-1">{booking_manage_text(|t| t.manage_title)}</h1>
        })}
        {match (center_reason, review_reason) {
            // The center closed its slot: say why, and offer a new time for the same booking.
            (Some(reason), _) if !confirmed && !anonymised => view! {
                <CenterCancelled reason=reason rebook=format!("/booking/manage/{token}/change")/>
            }
            .into_any(),
            // The center cancelled it after checking bookings made in bulk: say why.
            (_, Some(reason)) if !confirmed => view! { <ReviewCancelled reason=reason/> }.into_any(),
            _ => (!confirmed).then(|| view! {
                <p class="notice" role=(just == Just::Cancelled).then_some("status")>{booking_manage_text(|t| t.cancelled_notice)}</p>
            })
            .into_any(),
        }}
        {anonymised.then(|| view! {
            <p class="notice notice--success" role=(just == Just::Erased).then_some("status")>{booking_manage_text(|t| t.erased_notice)}</p>
        })}
        {(just == Just::Changed && confirmed).then(|| view! {
            <p class="notice notice--success" role="status">{booking_manage_text(|t| t.changed_notice)}</p>
        })}
        <BookingFacts booking=booking/>
        <ServiceRating target=RatingTarget::Booking(token.clone()) can_rate=can_rate rating=rating/>
        {(confirmed && !anonymised).then(|| view! {
            <h2>{booking_manage_text(|t| t.next_heading)}</h2>
            <ul class="list-bullet">{next_steps}</ul>
        })}
        <div class="manage-actions">
            {(confirmed && changeable).then(|| {
                let base = format!("/booking/manage/{token}");
                view! {
                    <a href=format!("{base}/change") class="button">{booking_manage_text(|t| t.change_time)}</a>
                    <a href=format!("{base}/cancel") class="button button--warning">{booking_manage_text(|t| t.cancel_booking)}</a>
                }
            })}
            {book_again.then(|| view! {
                <a href="/booking" class="button">{booking_manage_text(|t| t.book_again)}</a>
            })}
            // A cancelled booking's file (METHOD:CANCEL) removes the entry from calendars.
            <a href=calendar_href download=calendar_file class="button button--secondary">
                {move || {
                    let t = booking_manage_texts(prefs.lang.get());
                    if confirmed { t.add_to_calendar } else { t.remove_from_calendar }
                }}
            </a>
            <button type="button" class="button button--secondary no-print" on:click=|_| { let _ = window().print(); }>
                {booking_text(|t| t.print)}
            </button>
        </div>
        {(confirmed && !changeable).then(|| view! {
            <p class="notice">{booking_manage_text(|t| t.too_late_to_change)}</p>
        })}
        {erasable.then(|| view! {
            <h2>{booking_manage_text(|t| t.erase_section_heading)}</h2>
            <p>{booking_manage_text(|t| t.erase_section_body)}</p>
            <p class="no-print">
                <a href=format!("/booking/manage/{token}/erase") class="button button--secondary">{booking_manage_text(|t| t.erase_link)}</a>
            </p>
        })}
        // A cancelled booking needs no keeping: "book again" stands above instead.
        {(confirmed && !anonymised).then(|| view! {
            <h2>{booking_manage_text(|t| t.keep_link_heading)}</h2>
            <p>{booking_manage_text(|t| t.keep_link_body)}</p>
            <KeepLink url=manage_url.clone() label=booking_manage_text(|t| t.qr_label)/>
            <p class="no-print"><a href="/booking">{booking_manage_text(|t| t.new_booking)}</a></p>
        })}
    }
}
