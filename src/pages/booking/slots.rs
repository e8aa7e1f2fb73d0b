//! Choosing a day and a time from a venue's availability: used by the date and time questions
//! and by "change the time".
//!
//! The day is chosen in a plain list of radio buttons (what screen readers and keyboards use);
//! a month-style calendar above it shows the same days at a glance and can be tapped, but is
//! hidden from assistive technology and skipped by Tab, so nobody meets the choice twice. A tap
//! on the calendar is answered under it (the day chosen), and the page may follow it (the change
//! page shows that day's times).

use leptos::prelude::*;
use portal_domain::api::booking::{AvailableDay, AvailableSlot};
use portal_domain::calendar::{Date, DayKind, NotPublished};
use portal_domain::{Lang, Localized};

use super::texts::{booking_text, booking_texts};
use crate::dates::{long_date, month_name, time_range};
use crate::prefs::use_prefs;

fn free_places(day: &AvailableDay) -> u16 {
    day.slots.iter().map(|s| s.remaining).sum()
}

/// The calendar and the list of days.
#[component]
pub fn DateChooser(
    days: Vec<AvailableDay>,
    unpublished_year: Option<i32>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The question as the group's legend (a page's `<h1>` or a sub-heading).
    #[prop(into)]
    legend: Signal<&'static str>,
    legend_is_heading: bool,
    /// Called after a day is tapped on the calendar.
    #[prop(optional)]
    on_tap: Option<Callback<()>>,
) -> impl IntoView {
    let prefs = use_prefs();
    if days.is_empty() {
        return view! {
            <div>
                <p class="notice">{booking_text(|t| t.date_none)}</p>
                <UnpublishedNote year=unpublished_year/>
            </div>
        }
        .into_any();
    }
    let first_free = days
        .iter()
        .position(|d| free_places(d) > 0)
        .unwrap_or_default();
    let calendar = view! { <Calendar days=days.clone() selected=selected on_tap=on_tap/> };
    let items = days
        .into_iter()
        .enumerate()
        .map(|(i, day)| {
            let value = day.date.to_string();
            let free = free_places(&day);
            let adjusted = day.day_kind == DayKind::AdjustedWorkingDay;
            let date = day.date;
            let label = Signal::derive(move || long_date(date, prefs.lang.get()));
            let hint = Signal::derive(move || {
                let t = booking_texts(prefs.lang.get());
                let places = if free == 0 {
                    t.full.to_owned()
                } else {
                    t.places_left(u64::from(free))
                };
                if adjusted {
                    format!("{places} · {}", t.adjusted_working_day)
                } else {
                    places
                }
            });
            let id = if i == first_free {
                "date".to_owned()
            } else {
                format!("date-{value}")
            };
            view! {
                <crate::components::form::Radio
                    name="date"
                    id=id
                    value=value
                    label=label
                    hint=Some(hint)
                    disabled=free == 0
                    selected=selected
                />
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby="date-hint">
                <Legend text=legend heading=legend_is_heading/>
                <p class="hint" id="date-hint">{booking_text(|t| t.date_hint)}</p>
                {move || error.get().map(|m| view! { <p class="field-error" id="date-error">{m}</p> })}
                {calendar}
                <div class="choices choices--dates">{items}</div>
            </fieldset>
            <UnpublishedNote year=unpublished_year/>
        </div>
    }
    .into_any()
}

#[component]
fn Legend(#[prop(into)] text: Signal<&'static str>, heading: bool) -> impl IntoView {
    view! {
        <legend class="fieldset__legend">
            {heading.then(|| view! { <h1 tabindex="-1">{text}</h1> })}
            {(!heading).then(|| view! { <h2 class="fieldset__heading">{text}</h2> })}
        </legend>
    }
}

/// The window stops early when it reaches a year whose holidays are not published yet.
#[component]
fn UnpublishedNote(year: Option<i32>) -> impl IntoView {
    let prefs = use_prefs();
    year.map(|year| {
        view! { <p class="notice notice--info">{move || NotPublished { year }.message(prefs.lang.get())}</p> }
    })
}

/// The days of the window as a month-style grid, Monday first. Visual only (see the module
/// doc): a tap chooses the day in the list.
#[component]
fn Calendar(
    days: Vec<AvailableDay>,
    selected: RwSignal<Option<String>>,
    on_tap: Option<Callback<()>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return None;
    };
    let start = first
        .date
        .add_days(1 - i32::from(first.date.weekday().number_from_monday()));
    let end = last
        .date
        .add_days(7 - i32::from(last.date.weekday().number_from_monday()));
    let (first_date, last_date) = (first.date, last.date);
    let mut cells = Vec::new();
    let mut date = start;
    while date <= end {
        let day = days.iter().find(|d| d.date == date);
        cells.push((date, day.map(free_places)));
        date = date.add_days(1);
    }
    let months = move || {
        let lang = prefs.lang.get();
        let (a, b) = (month_name(first_date, lang), month_name(last_date, lang));
        if a == b {
            a
        } else {
            format!("{a} – {b}")
        }
    };
    Some(view! {
        <div class="cal" aria-hidden="true">
            <p class="cal__months">{months}</p>
            <div class="cal__grid">
                {move || {
                    booking_texts(prefs.lang.get())
                        .weekdays_short
                        .iter()
                        .map(|d| view! { <span class="cal__weekday">{*d}</span> })
                        .collect_view()
                }}
                {cells
                    .into_iter()
                    .map(|(date, free)| calendar_cell(date, free, selected, on_tap))
                    .collect_view()}
            </div>
            // The answer to a tap, where the finger is (the list below says it too).
            <p class="cal__chosen">{move || {
                let lang = prefs.lang.get();
                let chosen = selected.get().and_then(|s| Date::parse(&s).ok())?;
                Some(booking_texts(lang).day_chosen(long_date(chosen, lang)))
            }}</p>
        </div>
    })
}

fn calendar_cell(
    date: Date,
    free: Option<u16>,
    selected: RwSignal<Option<String>>,
    on_tap: Option<Callback<()>>,
) -> impl IntoView {
    let value = date.to_string();
    let is_selected = {
        let value = value.clone();
        move || selected.with(|s| s.as_deref() == Some(value.as_str()))
    };
    let day = date.day();
    let open = free.filter(|n| *n > 0);
    let full = free == Some(0);
    view! {
        {open.map(|n| {
            let value = value.clone();
            view! {
                <button
                    type="button"
                    tabindex="-1"
                    class="cal__day cal__day--open"
                    class:cal__day--selected=is_selected
                    on:click=move |_| {
                        selected.set(Some(value.clone()));
                        if let Some(tapped) = on_tap {
                            tapped.run(());
                        }
                    }
                >
                    <span class="cal__date">{day}</span>
                    <span class="cal__free">{n}</span>
                </button>
            }
        })}
        {(open.is_none()).then(|| view! {
            <span class="cal__day" class:cal__day--full=full>
                <span class="cal__date">{day}</span>
                {full.then(|| view! { <span class="cal__free">"–"</span> })}
            </span>
        })}
    }
}

/// The time slots of one day, full ones shown but not choosable.
#[component]
pub fn TimeChooser(
    slots: Vec<AvailableSlot>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] legend: Signal<&'static str>,
    legend_is_heading: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let first_free = slots
        .iter()
        .position(|s| s.remaining > 0)
        .unwrap_or_default();
    let items = slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let AvailableSlot {
                time,
                end_time,
                remaining,
            } = slot;
            let label = time_range(&time, &end_time);
            let hint = Signal::derive(move || {
                let t = booking_texts(prefs.lang.get());
                if remaining == 0 {
                    t.full.to_owned()
                } else {
                    t.places_left(u64::from(remaining))
                }
            });
            let id = if i == first_free {
                "time".to_owned()
            } else {
                format!("time-{}", time.replace(':', ""))
            };
            view! {
                <crate::components::form::Radio
                    name="time"
                    id=id
                    value=time
                    label=Signal::stored(label)
                    hint=Some(hint)
                    disabled=remaining == 0
                    selected=selected
                />
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" id="time-choice" aria-describedby="time-hint">
                <Legend text=legend heading=legend_is_heading/>
                <p class="hint" id="time-hint">{booking_text(|t| t.time_hint)}</p>
                {move || error.get().map(|m| view! { <p class="field-error" id="time-error">{m}</p> })}
                <div class="choices choices--times">{items}</div>
            </fieldset>
        </div>
    }
}

/// "2026年11月24日 星期二 09:00–09:30".
pub fn when(date: Date, start: &str, end: &str, lang: Lang) -> String {
    format!("{} {}", long_date(date, lang), time_range(start, end))
}
