//! The desk's slots of one day at one venue: booked and capacity per slot and its state; close a
//! slot or the whole day (a confirm step that says how many bookings are cancelled, with the
//! reason their people will read), reopen, add a seat. The server decides what is allowed
//! (`crates/server/src/staff/slots.rs`); the page offers only what can be done now.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::desk::{
    ClosureRequest, DeskSlot, DeskSlots, SeatsRequest, MAX_CLOSURE_REASON_CHARS,
};
use portal_domain::calendar::Date;
use portal_domain::Lang;

use super::auth::use_auth;
use super::confirm_form::{ConfirmReasonForm, ConfirmState};
use super::guard::StaffProblem;
use super::texts::*;
use crate::api::{self, ApiError};
use crate::components::focus::focus_next_frame;
use crate::components::form::{refusal_message, FormErrorSummary};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

/// What is being closed, waiting for the reason and a confirmation.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    /// The slot's start and end; `None` for the whole day.
    slot: Option<(String, String)>,
    /// The confirmed bookings that closing cancels.
    bookings: u32,
}

/// "the 09:00–09:30 slot on …" or "the whole day of …" in `lang`.
fn what(lang: Lang, date: Date, slot: Option<(&str, &str)>) -> String {
    match slot {
        Some((start, end)) => slot_on(lang, date, start, end),
        None => whole_day(lang, date),
    }
}

/// The slots panel of the desk for `venue` on `date` (`YYYY-MM-DD`). `on_changed` runs after a
/// closure or a reopening, so the day's booking list shows what it cancelled.
#[component]
pub fn SlotsPanel(venue: String, date: String, on_changed: Callback<()>) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let slots = LocalResource::new({
        let (venue, date) = (venue.clone(), date.clone());
        move || {
            let (venue, date) = (venue.clone(), date.clone());
            async move { api::staff_slots(&venue, &date, prefs.lang.get_untracked()).await }
        }
    });
    let pending = RwSignal::new(None::<Pending>);
    let notice = RwSignal::new(None::<String>);
    let notice_ref = NodeRef::<html::P>::new();
    let action_error = RwSignal::new(None::<String>);
    let sending = Submit::new();
    let busy = sending.busy();
    // The `Idempotency-Key` of the next "add a seat": kept while it is retried, new once a seat
    // was added, so a lost answer never adds two.
    let seat_key = RwSignal::new(api::new_idempotency_key());
    let day = Date::parse(&date).ok();
    let heading_ref = NodeRef::<html::H2>::new();

    let announce = move |text: String| {
        notice.set(Some(text));
        focus_next_frame(notice_ref);
    };
    let failed = move |error: ApiError, lang: Lang| {
        if auth.handled(&error) {
            return;
        }
        let text = match error {
            ApiError::Validation(body) => refusal_message(body),
            _ => pick(lang, |t| t.not_sent).to_owned(),
        };
        action_error.set(Some(text));
    };

    let add_seat = {
        let venue = venue.clone();
        let date = date.clone();
        Callback::new(move |slot: DeskSlot| {
            let lang = prefs.lang.get_untracked();
            let request = SeatsRequest {
                venue: Some(venue.clone()),
                date: Some(date.clone()),
                start_time: Some(slot.time.clone()),
                add: Some(1),
            };
            sending.act(
                move || {
                    let csrf = auth.csrf();
                    let key = seat_key.get_untracked();
                    action_error.set(None);
                    async move { api::staff_add_seats(&request, &csrf, &key, lang).await }
                },
                move |result| match result {
                    Ok(updated) => {
                        seat_key.set(api::new_idempotency_key());
                        let what = day
                            .map(|d| {
                                what(lang, d, Some((updated.time.as_str(), &updated.end_time)))
                            })
                            .unwrap_or_default();
                        announce(workbench_texts(lang).seat_added_notice(&what, updated.capacity));
                        slots.refetch();
                    }
                    Err(e) => failed(e, lang),
                },
            );
        })
    };
    let reopen = Callback::new(move |(id, slot): (i64, Option<(String, String)>)| {
        let lang = prefs.lang.get_untracked();
        sending.act(
            move || {
                let csrf = auth.csrf();
                action_error.set(None);
                async move { api::staff_reopen_slot(id, &csrf, lang).await }
            },
            move |result| match result {
                Ok(_) => {
                    let what = day
                        .map(|d| {
                            what(
                                lang,
                                d,
                                slot.as_ref().map(|(s, e)| (s.as_str(), e.as_str())),
                            )
                        })
                        .unwrap_or_default();
                    announce(workbench_texts(lang).reopened_notice(&what));
                    slots.refetch();
                    on_changed.run(());
                }
                Err(e) => failed(e, lang),
            },
        );
    });
    let ask_close = Callback::new(move |p: Pending| {
        action_error.set(None);
        notice.set(None);
        pending.set(Some(p));
    });
    let closed = Callback::new(move |(p, cancelled): (Pending, u32)| {
        pending.set(None);
        let lang = prefs.lang.get_untracked();
        let what = day
            .map(|d| {
                what(
                    lang,
                    d,
                    p.slot.as_ref().map(|(s, e)| (s.as_str(), e.as_str())),
                )
            })
            .unwrap_or_default();
        announce(workbench_texts(lang).closed_notice(&what, u64::from(cancelled)));
        slots.refetch();
        on_changed.run(());
    });

    view! {
        <section class="slots" aria-labelledby="slots-heading">
            <h2 id="slots-heading" tabindex="-1" node_ref=heading_ref>{tr(|t| t.slots_heading)}</h2>
            <p>{tr(|t| t.slots_lead)}</p>
            <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get()}
            </p>
            {move || action_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || pending.get().zip(day).map(|(p, d)| view! {
                <ConfirmClose
                    venue=venue.clone()
                    date=d
                    pending=p
                    on_done=closed
                    on_cancel=Callback::new(move |_| {
                        pending.set(None);
                        focus_next_frame(heading_ref);
                    })
                />
            })}
            {move || match slots.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! {
                    <SlotList
                        list=list
                        busy=busy
                        hidden=Signal::derive(move || pending.with(Option::is_some))
                        add_seat=add_seat
                        reopen=reopen
                        ask_close=ask_close
                    />
                }
                .into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| slots.refetch()/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SlotList(
    list: DeskSlots,
    busy: Signal<bool>,
    /// While a closure is being confirmed, the other actions step aside.
    hidden: Signal<bool>,
    add_seat: Callback<DeskSlot>,
    reopen: Callback<(i64, Option<(String, String)>)>,
    ask_close: Callback<Pending>,
) -> impl IntoView {
    let prefs = use_prefs();
    if list.slots.is_empty() {
        return view! { <p class="empty-state">{tr(|t| t.slots_none)}</p> }.into_any();
    }
    let max = list.max_capacity;
    // Closing the day cancels the bookings of every slot that has not started.
    let day_bookings: u32 = list
        .slots
        .iter()
        .filter(|s| !s.past)
        .map(|s| u32::from(s.booked))
        .sum();
    let day_open = list.slots.iter().any(|s| !s.past);
    let day_closure = list.day_closure.clone();
    let day_actions = match day_closure {
        Some(c) => {
            let (reason, by, id) = (c.reason.clone(), c.closed_by.clone(), c.id);
            view! {
                <div class="slots__day">
                    <p class="slots__day-state">{move || workbench_texts(prefs.lang.get()).whole_day_closed(&reason, &by)}</p>
                    <button type="button" class="button button--secondary" disabled=move || busy.get()
                        on:click=move |_| reopen.run((id, None))>
                        {tr(|t| t.reopen_day)}
                    </button>
                </div>
            }
            .into_any()
        }
        None => day_open
            .then(|| view! {
                <div class="slots__day">
                    <button type="button" class="button button--warning" disabled=move || busy.get()
                        on:click=move |_| ask_close.run(Pending { slot: None, bookings: day_bookings })>
                        {tr(|t| t.close_day)}
                    </button>
                </div>
            })
            .into_any(),
    };
    let items = list
        .slots
        .into_iter()
        .map(|item| view! { <SlotItem item=item max=max busy=busy add_seat=add_seat reopen=reopen ask_close=ask_close/> })
        .collect_view();
    view! {
        <div hidden=move || hidden.get()>
            {day_actions}
            <ol class="slot-list">{items}</ol>
        </div>
    }
    .into_any()
}

#[component]
fn SlotItem(
    item: DeskSlot,
    max: u16,
    busy: Signal<bool>,
    add_seat: Callback<DeskSlot>,
    reopen: Callback<(i64, Option<(String, String)>)>,
    ask_close: Callback<Pending>,
) -> impl IntoView {
    let prefs = use_prefs();
    let slot = item;
    let range = format!("{}–{}", slot.time, slot.end_time);
    let heading_id = format!("slot-{}", slot.time.replace(':', ""));
    let (booked, capacity) = (slot.booked, slot.capacity);
    let closure = slot.closure.clone();
    let own_closure = closure.as_ref().filter(|c| c.start_time.is_some()).cloned();
    let state = {
        let closure = closure.clone();
        let past = slot.past;
        move || {
            let lang = prefs.lang.get();
            match (&closure, past) {
                (Some(c), _) => (
                    "slot-state slot-state--closed",
                    workbench_texts(lang).closed_because(&c.reason, &c.closed_by),
                ),
                (None, true) => (
                    "slot-state slot-state--past",
                    pick(lang, |t| t.slot_started).to_owned(),
                ),
                (None, false) => ("slot-state", pick(lang, |t| t.slot_open).to_owned()),
            }
        }
    };
    let can_close = closure.is_none() && !slot.past;
    let can_add = !slot.past && capacity < max;
    let span = (slot.time.clone(), slot.end_time.clone());
    let hidden_range = range.clone();
    let labelled_by = heading_id.clone();
    view! {
        <li class="slot" class:slot--closed=closure.is_some() aria-labelledby=labelled_by>
            <h3 class="slot__time" id=heading_id>{range.clone()}</h3>
            <p class="slot__seats">{move || workbench_texts(prefs.lang.get()).seats_booked(booked, u64::from(capacity))}</p>
            <p class="slot__state">
                {tr(|t| t.slot_state)}
                {move || { let (class, text) = state(); view! { <span class=class>{text}</span> } }}
            </p>
            <div class="button-row slot__actions">
                {can_close.then(|| {
                    let span = span.clone();
                    let range = hidden_range.clone();
                    view! {
                        <button type="button" class="button button--warning" disabled=move || busy.get()
                            on:click=move |_| ask_close.run(Pending { slot: Some(span.clone()), bookings: u32::from(booked) })>
                            {tr(|t| t.close_slot)}<span class="visually-hidden">" "{range}</span>
                        </button>
                    }
                })}
                {own_closure.map(|c| {
                    let span = span.clone();
                    let range = hidden_range.clone();
                    view! {
                        <button type="button" class="button button--secondary" disabled=move || busy.get()
                            on:click=move |_| reopen.run((c.id, Some(span.clone())))>
                            {tr(|t| t.reopen)}<span class="visually-hidden">" "{range}</span>
                        </button>
                    }
                })}
                {can_add.then(|| {
                    let slot = slot.clone();
                    let range = hidden_range.clone();
                    view! {
                        <button type="button" class="button button--secondary" disabled=move || busy.get()
                            on:click=move |_| add_seat.run(slot.clone())>
                            {tr(|t| t.add_seat)}<span class="visually-hidden">" "{range}</span>
                        </button>
                    }
                })}
            </div>
        </li>
    }
}

/// The confirm step of a closure: what it cancels, that the people are told, and the reason.
#[component]
fn ConfirmClose(
    venue: String,
    date: Date,
    pending: Pending,
    on_done: Callback<(Pending, u32)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let reason = RwSignal::new(String::new());
    let form = ConfirmState::new("close-reason");
    let ConfirmState { errors, busy, .. } = form;
    let heading = NodeRef::<html::H3>::new();
    // The confirm step takes focus, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        focus_next_frame(heading);
    });
    let bookings = pending.bookings;
    let title = {
        let slot = pending.slot.clone();
        move || {
            let lang = prefs.lang.get();
            workbench_texts(lang).close_heading(what(
                lang,
                date,
                slot.as_ref().map(|(s, e)| (s.as_str(), e.as_str())),
            ))
        }
    };
    let on_submit = form.on_submit(move |lang| {
        let request = ClosureRequest {
            venue: Some(venue.clone()),
            date: Some(date.to_string()),
            start_time: pending.slot.as_ref().map(|(s, _)| s.clone()),
            reason: Some(reason.get_untracked()),
        };
        let pending = pending.clone();
        // Field messages (the reason, a slot that has just started) and refusals (already
        // closed) all belong to this form: the summary links to the reason.
        form.send(
            auth,
            lang,
            request.parse().err(),
            move |csrf| async move { api::staff_close_slot(&request, &csrf, lang).await },
            move |created| on_done.run((pending, created.cancelled)),
        );
    });
    view! {
        <div class="confirm-close">
            <FormErrorSummary errors=errors/>
            <h3 tabindex="-1" node_ref=heading>{title}</h3>
            <p class="confirm-close__what">{move || close_consequence(prefs.lang.get(), bookings)}</p>
            <ConfirmReasonForm
                id="close-reason"
                label=|t| t.close_reason
                hint=|t| t.close_reason_hint
                value=reason
                errors=errors
                max_chars=MAX_CLOSURE_REASON_CHARS
                confirm=|t| t.confirm_close
                busy=busy
                on_submit=on_submit
                on_cancel=on_cancel
            />
        </div>
    }
}
