use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::booking::{BookingError, RescheduleRequest, SlotOffer};
use portal_domain::Localized;

use super::access::{use_found, Access, WithFound};
use super::check::SlotTakenPanel;
use super::date::availability_resource;
use super::manage::BookingAtLink;
use super::shown::Shown;
use super::slots::{DateChooser, TimeChooser};
use super::texts::{booking_manage_text, booking_manage_texts, booking_text, booking_texts};
use crate::api::ApiError;
use crate::app_links::use_go_replacing;
use crate::components::error_panel::ErrorPanel;
use crate::components::focus::scroll_to_id_next_frame;
use crate::components::form::{error_for, FormErrorSummary};
use crate::components::loading::Loading;
use crate::components::submit::{refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/manage/{token}/change`.
#[component]
pub fn ChangeByTokenPage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).reschedule_heading);
    view! {
        <div class="container page">
            <BookingAtLink
                heading=|t| t.reschedule_heading
                page=|token, booking| view! { <ChangeTime access=Access::Token(token) booking=booking/> }.into_any()
            />
        </div>
    }
}

/// `/booking/find/change`: the booking found by reference and mobile number on the find page
/// (another app: found again here with the kept lookup).
#[component]
pub fn ChangeFoundPage() -> impl IntoView {
    use_page_title(|lang| booking_manage_texts(lang).reschedule_heading);
    view! {
        <div class="container page">
            <WithFound
                page=|lookup, shown| view! { <ChangeTime access=Access::Found(lookup) booking=shown/> }.into_any()
                none=|| view! { <LookupAgain/> }.into_any()
            />
        </div>
    }
}

/// The page of a found booking was opened without the search (a reload): search again.
#[component]
pub(super) fn LookupAgain() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{booking_manage_text(|t| t.find_heading)}</h1>
        <p>{booking_manage_text(|t| t.find_lead)}</p>
        <p><A href="/booking/find" attr:class="button">{booking_text(|t| t.find_link)}</A></p>
    }
}

/// Choose a new day and time at the same venue for the same topic. The old time is released
/// only when the server has given the new one (one transaction), so a failure loses nothing.
#[component]
fn ChangeTime(access: Access, booking: Shown) -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go_replacing();
    let found = use_found();
    let availability = availability_resource(booking.venue.id.clone(), booking.topic.id.clone());
    let date = RwSignal::new(None::<String>);
    let time = RwSignal::new(None::<String>);
    // Kept when another day is chosen: the radios show it checked only where that day has the
    // same time, so what is sent is what is seen.
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let taken = RwSignal::new(None::<(String, Vec<SlotOffer>)>);
    // A booking the center cancelled is rebooked here: the same form, its own words.
    let rebook = booking.center_reason.is_some()
        && booking.status == portal_domain::api::booking::BookingStatus::Cancelled;
    let current = {
        let b = booking.clone();
        move || {
            let t = booking_manage_texts(prefs.lang.get());
            let when = b.when(prefs.lang.get());
            if rebook {
                t.rebook_current(&when)
            } else {
                t.reschedule_current(&when)
            }
        }
    };
    let heading = move || {
        let t = booking_manage_texts(prefs.lang.get());
        if rebook {
            t.rebook_heading
        } else {
            t.reschedule_heading
        }
    };
    let back = access.page();

    let on_submit = form.on_submit(move |lang| {
        let request = RescheduleRequest {
            date: date.get_untracked(),
            time: time.get_untracked(),
        };
        // A time chosen for another day that this day does not have is not what the page shows.
        let shown = availability
            .get_untracked()
            .and_then(Result::ok)
            .is_none_or(|a| {
                a.days.iter().any(|d| {
                    request.date.as_deref() == Some(d.date.to_string().as_str())
                        && d.slots
                            .iter()
                            .any(|s| request.time.as_ref() == Some(&s.time))
                })
            });
        let checked = if request.date.is_none() {
            Err(vec![(
                "date".to_owned(),
                booking_texts(lang).date_missing.to_owned(),
            )])
        } else if request.time.is_none() || !shown {
            Err(vec![(
                "time".to_owned(),
                BookingError::TimeMissing.message(lang),
            )])
        } else {
            Ok(request)
        };
        let access = access.clone();
        let go = go.clone();
        form.send(
            checked,
            {
                let access = access.clone();
                move |request| {
                    taken.set(None);
                    async move { access.reschedule(&request, lang).await }
                }
            },
            move |shown| {
                let page = access.page();
                if let Access::Found(lookup) = &access {
                    found.set(lookup.clone(), shown);
                }
                go(&format!("{page}?changed=1"));
            },
            move |error| match error {
                ApiError::SlotFull { message, offers } => {
                    taken.set(Some((message, offers)));
                    availability.refetch();
                    Vec::new()
                }
                ApiError::NotFound => vec![(
                    "change-form".to_owned(),
                    booking_manage_texts(lang).not_found_title.to_owned(),
                )],
                error => refused(
                    error,
                    "change-form",
                    &str::to_owned,
                    booking_texts(lang).not_sent_body,
                ),
            },
        );
    });
    let choose_offer = move |offer: SlotOffer| {
        date.set(Some(offer.date.to_string()));
        time.set(Some(offer.time));
        taken.set(None);
    };
    let date_error = Signal::derive(move || errors.with(|e| error_for(e, "date")));
    let time_error = Signal::derive(move || errors.with(|e| error_for(e, "time")));

    view! {
        <A href=back.clone() attr:class="back-link">{booking_manage_text(|t| t.back_to_booking)}</A>
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{heading}</h1>
        <p class="lead">{current}</p>
        {move || taken.get().map(|(message, offers)| view! {
            <SlotTakenPanel message=message offers=offers on_choose=choose_offer/>
        })}
        <form
            id="change-form"
            novalidate
            on:submit=on_submit
        >
            <Transition fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match availability.await {
                        Ok(a) => {
                            let days = a.days.clone();
                            view! {
                                <DateChooser
                                    days=a.days
                                    unpublished_year=a.unpublished_year
                                    selected=date
                                    error=date_error
                                    legend=Signal::derive(booking_text(|t| t.date_question))
                                    legend_is_heading=false
                                    // The times come below all the days: show them.
                                    on_tap=Callback::new(|()| scroll_to_id_next_frame("time-choice"))
                                />
                                {move || {
                                    let chosen = date.get()?;
                                    let day = days.iter().find(|d| d.date.to_string() == chosen)?;
                                    Some(view! {
                                        <TimeChooser
                                            slots=day.slots.clone()
                                            selected=time
                                            error=time_error
                                            legend=Signal::derive(booking_text(|t| t.time_question))
                                            legend_is_heading=false
                                        />
                                    })
                                }}
                            }
                            .into_any()
                        }
                        Err(error) => view! {
                            <ErrorPanel error=error on_retry=move |_| availability.refetch()/>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || busy.get()>
                    {booking_manage_text(|t| t.reschedule_button)}
                </button>
                <A href=back attr:class="button button--secondary">{booking_manage_text(|t| t.change_keep)}</A>
            </div>
            {move || busy.get().then(|| view! {
                <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{booking_text(|t| t.sending)}</p>
            })}
        </form>
    }
}
