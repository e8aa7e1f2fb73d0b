use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::api::booking::{check_in_opens_text, BookingStatus};
use portal_domain::api::staff::{Attendance, DeskBooking, DeskBookingList};
use portal_domain::api::venues::VenueStatus;
use portal_domain::Lang;

use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api::{self, ApiError};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::dates::long_date;
use crate::prefs::use_prefs;

use super::slots::SlotsPanel;
use crate::components::focus::focus_next_frame;

/// `/staff/bookings?venue=&date=`: the booking desk.
#[component]
pub fn DeskPage() -> impl IntoView {
    use_staff_title(|t| t.desk_heading);
    view! {
        <Guard page=StaffPage::Desk>
            <Desk/>
        </Guard>
    }
}

#[component]
fn Desk() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let navigate = use_navigate();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("venue").unwrap_or_default(),
                q.get("date").unwrap_or_default(),
            )
        })
    });
    let venue = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let venues =
        LocalResource::new(move || async move { api::venues(prefs.lang.get_untracked()).await });
    let list = LocalResource::new(move || {
        let (venue, date) = asked.get();
        async move { api::staff_bookings(&venue, &date, prefs.lang.get_untracked()).await }
    });
    // Read again when the desk's tab is shown again: people check in at the kiosk meanwhile.
    let shown_again = window_event_listener_untyped("visibilitychange", move |_| {
        if !document().hidden() {
            list.refetch();
        }
    });
    on_cleanup(move || shown_again.remove());
    // The form follows the address, and shows the day the server answered for (today when
    // none was asked for).
    Effect::new(move |_| {
        let (v, d) = asked.get();
        venue.set(v);
        date.set(d);
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = list.get() {
            if date.get_untracked().is_empty() {
                date.set(list.date.to_string());
            }
        }
    });
    // The day the list answered for (today when none was asked for), kept while the list
    // reloads after a closure, so the slots panel stays where it is.
    let shown_day = Memo::new(move |previous: Option<&Option<String>>| match list.get() {
        Some(Ok(list)) => Some(list.date.to_string()),
        _ => previous.cloned().flatten(),
    });
    let slots_panel = move || {
        let venue = asked.with(|(v, _)| v.clone());
        if venue.is_empty() {
            return Some(
                view! { <p class="hint slots-hint">{tr(|t| t.slots_pick_venue)}</p> }.into_any(),
            );
        }
        let day = shown_day.get()?;
        Some(
            view! {
                <SlotsPanel venue=venue date=day on_changed=Callback::new(move |_| list.refetch())/>
            }
            .into_any(),
        )
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut parts = Vec::new();
        let v = venue.get_untracked();
        if !v.is_empty() {
            parts.push(format!("venue={}", portal_domain::api::percent_encode(&v)));
        }
        let d = date.get_untracked();
        if !d.is_empty() {
            parts.push(format!("date={}", portal_domain::api::percent_encode(&d)));
        }
        navigate(
            &format!("/staff/bookings?{}", parts.join("&")),
            Default::default(),
        );
    };
    let venue_options = move || {
        let lang = prefs.lang.get();
        venues.get().and_then(Result::ok).map(|list| {
            list.items
                .into_iter()
                .filter(|v| v.status == VenueStatus::Operating)
                .map(|v| {
                    let id = v.id.clone();
                    let selected = {
                        let id = id.clone();
                        move || venue.get() == id
                    };
                    let name = if lang == Lang::Zh {
                        v.name_zh
                    } else {
                        v.name_en
                    };
                    view! { <option value=id selected=selected>{name}</option> }
                })
                .collect_view()
        })
    };

    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.desk_heading)}</h1>
            <p class="lead">{tr(|t| t.desk_lead)}</p>
            <p><A href="/staff/bookings/clusters" attr:class="button button--secondary">{tr(|t| t.clusters_link)}</A></p>
            <form class="staff-filters" novalidate on:submit=on_submit>
                <div class="form-group">
                    <label class="label" for="venue">{tr(|t| t.venue)}</label>
                    <select
                        id="venue"
                        class="input select"
                        prop:value=move || venue.get()
                        on:change=move |ev| venue.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || venue.with(String::is_empty)>{tr(|t| t.all_venues)}</option>
                        {venue_options}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="date">{tr(|t| t.date)}</label>
                    <input
                        id="date"
                        class="input input--short"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                        on:change=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{tr(|t| t.show)}</button>
                    <A href="/staff/bookings" attr:class="button button--secondary">{tr(|t| t.today)}</A>
                </div>
            </form>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! { <DayList list=list/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
            {slots_panel}
        </div>
    }
}

#[component]
fn DayList(list: DeskBookingList) -> impl IntoView {
    let prefs = use_prefs();
    let day = list.date;
    let count = list.items.len();
    // The bookings as signals, so a check-in redraws only its own card.
    let items: Vec<RwSignal<DeskBooking>> = list.items.into_iter().map(RwSignal::new).collect();
    let notice = RwSignal::new(None::<String>);
    let notice_ref = NodeRef::<html::P>::new();
    view! {
        <h2>{move || long_date(day, prefs.lang.get())}</h2>
        <p class="staff-total">{move || workbench_texts(prefs.lang.get()).bookings_count(count as u64)}</p>
        <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
            {move || notice.get()}
        </p>
        {if items.is_empty() {
            view! { <p class="empty-state">{tr(|t| t.desk_empty)}</p> }.into_any()
        } else {
            view! {
                <ol class="desk-list">
                    {items.into_iter().map(|b| view! { <DeskCard booking=b notice=notice notice_ref=notice_ref/> }).collect_view()}
                </ol>
            }
            .into_any()
        }}
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Act {
    CheckIn,
    NoShow,
}

#[component]
fn DeskCard(
    booking: RwSignal<DeskBooking>,
    notice: RwSignal<Option<String>>,
    notice_ref: NodeRef<html::P>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let sending = Submit::new();
    let busy = sending.busy();
    let error = RwSignal::new(None::<String>);
    let b = move || booking.get();
    let act = move |what: Act| {
        let id = booking.with_untracked(|b| b.id);
        let lang = prefs.lang.get_untracked();
        sending.act(
            move || {
                let csrf = auth.csrf();
                error.set(None);
                async move {
                    match what {
                        Act::CheckIn => api::staff_check_in(id, &csrf, lang).await,
                        Act::NoShow => api::staff_no_show(id, &csrf, lang).await,
                    }
                }
            },
            move |result| match result {
                Ok(updated) => {
                    let text = match what {
                        Act::CheckIn => workbench_texts(lang)
                            .checked_in_notice(&updated.name, &updated.reference),
                        Act::NoShow => {
                            workbench_texts(lang).no_show_notice(&updated.name, &updated.reference)
                        }
                    };
                    booking.set(updated);
                    notice.set(Some(text));
                    focus_next_frame(notice_ref);
                }
                Err(e) if auth.handled(&e) => {}
                // The server's reason (not open yet, cancelled, recorded the other way), in the
                // language the request was sent in.
                Err(ApiError::Validation(body)) => error.set(Some(body.message)),
                Err(ApiError::NotFound) => {
                    error.set(Some(pick(lang, |t| t.case_not_found).to_owned()))
                }
                Err(_) => error.set(Some(pick(lang, |t| t.not_sent).to_owned())),
            },
        );
    };
    let heading_id = move || format!("booking-{}", booking.with(|b| b.id));
    let state = move || {
        let lang = prefs.lang.get();
        let b = booking.get();
        let (class, text) = match (b.status, b.attendance) {
            (BookingStatus::Cancelled, _) => (
                "desk-state desk-state--cancelled",
                pick(lang, |t| t.cancelled).to_owned(),
            ),
            (_, Some(Attendance::CheckedIn)) => (
                "desk-state desk-state--in",
                workbench_texts(lang).recorded_at(
                    pick(lang, |t| t.checked_in),
                    b.attendance_at
                        .as_deref()
                        .map(short_time)
                        .unwrap_or_default(),
                ),
            ),
            (_, Some(Attendance::NoShow)) => (
                "desk-state desk-state--no-show",
                workbench_texts(lang).recorded_at(
                    pick(lang, |t| t.no_show),
                    b.attendance_at
                        .as_deref()
                        .map(short_time)
                        .unwrap_or_default(),
                ),
            ),
            (_, None) => ("desk-state", pick(lang, |t| t.awaiting).to_owned()),
        };
        view! { <span class=class>{text}</span> }
    };
    // Why there is no button: check-in not open yet (or over), shown as text.
    let why_not = move || {
        let lang = prefs.lang.get();
        let b = booking.get();
        (b.status == BookingStatus::Confirmed
            && b.attendance.is_none()
            && !b.can_check_in
            && !b.can_mark_no_show)
            .then(|| workbench_texts(lang).check_in_opens(check_in_opens_text(&b.start_time)))
    };
    let needs = move || {
        let lang = prefs.lang.get();
        let b = booking.get();
        let mut list = Vec::new();
        if b.wheelchair_access {
            list.push(pick(lang, |t| t.wheelchair).to_owned());
        }
        if b.sign_language_interpreter {
            list.push(pick(lang, |t| t.sign_language).to_owned());
        }
        if let Some(other) = b.other_adjustments {
            list.push(other);
        }
        (!list.is_empty()).then(|| list.join("；"))
    };
    view! {
        <li class="desk-card" aria-labelledby=heading_id>
            <h3 class="desk-card__title" id=heading_id>
                <span class="desk-card__time">{move || format!("{}–{}", b().start_time, b().end_time)}</span>
                " "{move || {
                    let b = b();
                    if b.anonymised { pick(prefs.lang.get(), |t| t.anonymised).to_owned() } else { b.name }
                }}
                " "<span class="muted desk-card__ref">{move || b().reference}</span>
            </h3>
            <p class="desk-card__state">{tr(|t| t.attendance)}{state}</p>
            <dl class="desk-card__facts">
                <div><dt>{tr(|t| t.mobile)}</dt><dd>{move || b().mobile}</dd></div>
                <div><dt>{tr(|t| t.topic)}</dt><dd>{move || { let b = b(); if prefs.lang.get() == Lang::Zh { b.topic.name_zh } else { b.topic.name_en } }}</dd></div>
                <div><dt>{tr(|t| t.venue)}</dt><dd>{move || { let b = b(); if prefs.lang.get() == Lang::Zh { b.venue.name_zh } else { b.venue.name_en } }}</dd></div>
                {move || b().organisation.map(|o| view! { <div><dt>{tr(|t| t.organisation)}</dt><dd>{o}</dd></div> })}
                {move || needs().map(|n| view! { <div><dt>{tr(|t| t.needs)}</dt><dd>{n}</dd></div> })}
                {move || b().for_someone_else.then(|| view! { <div><dt>{tr(|t| t.for_someone_else)}</dt><dd>"✓"</dd></div> })}
                {move || b().description.map(|d| view! { <div><dt>{tr(|t| t.description)}</dt><dd class="pre-line">{d}</dd></div> })}
            </dl>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="button-row">
                {move || b().can_check_in.then(|| view! {
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| act(Act::CheckIn)>
                        {tr(|t| t.check_in)}
                        <span class="visually-hidden">" "{move || b().name}</span>
                    </button>
                })}
                {move || b().can_mark_no_show.then(|| view! {
                    <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| act(Act::NoShow)>
                        {tr(|t| t.mark_no_show)}
                        <span class="visually-hidden">" "{move || b().name}</span>
                    </button>
                })}
                {move || why_not().map(|w| view! { <p class="hint desk-card__why">{w}</p> })}
            </div>
        </li>
    }
}
