//! Venue booking settings, for administrators: `/staff/admin/venues` (every venue where
//! consultations are booked, with its settings) and `/staff/admin/venues/{id}` (the form that
//! replaces them). Saving confirms them: the citizen pages stop calling them defaults, and the
//! next availability answer uses them. Bookings already made keep their times and places.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portal_domain::api::admin::{form_number, AdminVenue, AdminVenueList, VenueBookingUpdate};
use portal_domain::api::booking::{NamedRef, OpeningHours};
use portal_domain::api::VenueStatus;
use portal_domain::Lang;

use super::admin_form::{error_signal, in_page_order, parser_errors, request_errors, RowInput};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::choices::RadioGroup;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextField};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::i18n::strings;
use crate::prefs::use_prefs;

/// `/staff/admin/venues`.
#[component]
pub fn VenuesPage() -> impl IntoView {
    use_staff_title(|t| t.venues_heading);
    view! {
        <Guard page=StaffPage::Venues>
            <Venues/>
        </Guard>
    }
}

/// `/staff/admin/venues/{id}`.
#[component]
pub fn VenuePage() -> impl IntoView {
    use_staff_title(|t| t.venues_heading);
    view! {
        <Guard page=StaffPage::Venues>
            <VenueEditor/>
        </Guard>
    }
}

fn name(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_owned()
}

fn hours_text(hours: &[OpeningHours], lang: Lang) -> String {
    hours
        .iter()
        .map(|h| format!("{}–{}", h.opens, h.closes))
        .collect::<Vec<_>>()
        .join(workbench_texts(lang).hours_separator)
}

fn topics_text(ids: &[String], topics: &[NamedRef], lang: Lang) -> String {
    topics
        .iter()
        .filter(|t| ids.contains(&t.id))
        .map(|t| name(lang, &t.name_zh, &t.name_en))
        .collect::<Vec<_>>()
        .join(strings(lang).list_separator)
}

fn status_label(status: VenueStatus) -> Tr {
    match status {
        VenueStatus::Operating => |t| t.operating,
        VenueStatus::BeingSetUp => |t| t.being_set_up,
    }
}

#[component]
fn Venues() -> impl IntoView {
    let prefs = use_prefs();
    let list = LocalResource::new(move || async move {
        api::staff_admin_venues(prefs.lang.get_untracked()).await
    });
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.venues_heading)}</h1>
            <p class="lead">{tr(|t| t.venues_lead)}</p>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! { <VenueCards list=list/> }.into_any(),
                Some(Err(error)) => view! { <StaffProblem error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn VenueCards(list: AdminVenueList) -> impl IntoView {
    let topics = StoredValue::new(list.topics);
    list.items
        .into_iter()
        .map(|v| view! { <VenueCard venue=v topics=topics/> })
        .collect_view()
}

#[component]
fn VenueCard(venue: AdminVenue, topics: StoredValue<Vec<NamedRef>>) -> impl IntoView {
    let prefs = use_prefs();
    let heading_id = format!("venue-{}", venue.id);
    let labelled_by = heading_id.clone();
    let href = format!(
        "/staff/admin/venues/{}",
        portal_domain::api::percent_encode(&venue.id)
    );
    let v = StoredValue::new(venue);
    let venue_name = move || v.with_value(|v| name(prefs.lang.get(), &v.name_zh, &v.name_en));
    view! {
        <section class="case-panel venue-settings" aria-labelledby=labelled_by>
            <h2 id=heading_id>{venue_name}</h2>
            <p>
                {move || v.with_value(|v| if v.defaults_confirmed {
                    view! { <span class="status-tag">{tr(|t| t.confirmed_tag)}</span> }.into_any()
                } else {
                    view! { <span class="badge badge--pending">{tr(|t| t.defaults_tag)}</span> }.into_any()
                })}
            </p>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{tr(|t| t.venue_status)}</dt>
                    <dd>{move || pick(prefs.lang.get(), status_label(v.with_value(|v| v.status)))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{tr(|t| t.slot_minutes)}</dt>
                    <dd>{move || format!("{}{}", v.with_value(|v| v.slot_minutes), pick(prefs.lang.get(), |t| t.minutes_unit))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{tr(|t| t.seats)}</dt>
                    <dd>{move || workbench_texts(prefs.lang.get()).people(v.with_value(|v| u64::from(v.seats_per_slot)))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{tr(|t| t.opening_hours)}</dt>
                    <dd>{move || v.with_value(|v| hours_text(&v.opening_hours, prefs.lang.get()))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{tr(|t| t.topics_offered)}</dt>
                    <dd>{move || v.with_value(|v| topics.with_value(|t| topics_text(&v.topics, t, prefs.lang.get())))}</dd>
                </div>
            </dl>
            <A href=href attr:class="button button--secondary">
                {move || workbench_texts(prefs.lang.get()).change_venue(venue_name())}
            </A>
        </section>
    }
}

#[component]
fn VenueEditor() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let wanted = move || params.with(|p| p.get("id").unwrap_or_default());
    let list = LocalResource::new(move || async move {
        api::staff_admin_venues(prefs.lang.get_untracked()).await
    });
    view! {
        <div class="container page">
            <A href="/staff/admin/venues" attr:class="back-link">{tr(|t| t.back_to_venues)}</A>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any(),
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{tr(|t| t.venues_heading)}</h1>
                    <StaffProblem error=error on_retry=move |_| list.refetch()/>
                }
                .into_any(),
                Some(Ok(list)) => {
                    let wanted = wanted();
                    let topics = list.topics;
                    match list.items.into_iter().find(|v| v.id == wanted) {
                        Some(venue) => view! { <VenueForm venue=venue topics=topics/> }.into_any(),
                        None => view! { <h1 tabindex="-1">{tr(|t| t.venue_not_found)}</h1> }.into_any(),
                    }
                }
            }}
        </div>
    }
}

/// One period of opening hours as typed.
#[derive(Clone, Copy)]
struct Period {
    key: usize,
    opens: RwSignal<String>,
    closes: RwSignal<String>,
}

#[component]
fn VenueForm(venue: AdminVenue, topics: Vec<NamedRef>) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let id = venue.id.clone();
    let venue_name = StoredValue::new((venue.name_zh.clone(), venue.name_en.clone()));
    let status = RwSignal::new(Some(
        match venue.status {
            VenueStatus::Operating => "operating",
            VenueStatus::BeingSetUp => "being_set_up",
        }
        .to_owned(),
    ));
    let slot = RwSignal::new(venue.slot_minutes.to_string());
    let seats = RwSignal::new(venue.seats_per_slot.to_string());
    let next_key = StoredValue::new(0usize);
    let new_period = move |opens: String, closes: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Period {
            key,
            opens: RwSignal::new(opens),
            closes: RwSignal::new(closes),
        }
    };
    let periods = RwSignal::new(
        venue
            .opening_hours
            .iter()
            .map(|h| new_period(h.opens.clone(), h.closes.clone()))
            .collect::<Vec<_>>(),
    );
    let chosen = RwSignal::new(venue.topics.clone());
    let all_topics = StoredValue::new(topics);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let notice = RwSignal::new(false);
    let notice_ref = NodeRef::<html::P>::new();

    // The ids of the fields in page order, for the error summary.
    let order = move || {
        let mut ids = vec![
            "status".to_owned(),
            "slot_minutes".to_owned(),
            "seats_per_slot".to_owned(),
            "opening_hours".to_owned(),
        ];
        for i in 0..periods.with_untracked(Vec::len) {
            ids.push(format!("opening_hours-{i}-opens"));
            ids.push(format!("opening_hours-{i}-closes"));
        }
        ids.push("topics".to_owned());
        ids
    };

    let on_submit = form.on_submit(move |lang| {
        let request = VenueBookingUpdate {
            status: status.with_untracked(|s| match s.as_deref() {
                Some("being_set_up") => Some(VenueStatus::BeingSetUp),
                Some(_) => Some(VenueStatus::Operating),
                None => None,
            }),
            slot_minutes: form_number(&slot.get_untracked()),
            seats_per_slot: form_number(&seats.get_untracked()),
            opening_hours: periods.with_untracked(|list| {
                list.iter()
                    .map(|p| OpeningHours {
                        opens: p.opens.get_untracked(),
                        closes: p.closes.get_untracked(),
                    })
                    .collect()
            }),
            topics: chosen.get_untracked(),
        };
        let known: Vec<String> =
            all_topics.with_value(|t| t.iter().map(|t| t.id.clone()).collect());
        let checked = match request.parse(&known) {
            Ok(_) => Ok(request),
            Err(problems) => Err(in_page_order(parser_errors(lang, &problems), &order())),
        };
        let id = id.clone();
        form.send(
            checked,
            move |request| {
                notice.set(false);
                let csrf = auth.csrf();
                async move { api::staff_update_venue_booking(&id, &request, &csrf, lang).await }
            },
            move |_| {
                notice.set(true);
                focus_next_frame(notice_ref);
            },
            move |error| {
                auth.form_errors(error, |e| {
                    in_page_order(request_errors(lang, e, "slot_minutes"), &order())
                })
            },
        );
    });

    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let hours_error = error("opening_hours");
    let topics_error = error("topics");
    let status_options = vec![
        (
            "operating",
            Signal::derive(move || pick(prefs.lang.get(), |t| t.operating).to_owned()),
        ),
        (
            "being_set_up",
            Signal::derive(move || pick(prefs.lang.get(), |t| t.being_set_up).to_owned()),
        ),
    ];
    let period_rows = move || {
        let list = periods.get();
        let count = list.len();
        list.into_iter()
            .enumerate()
            .map(|(i, p)| {
                let n = i + 1;
                view! {
                    <fieldset class="fieldset row-fieldset">
                        <legend class="fieldset__legend">{move || workbench_texts(prefs.lang.get()).period_label(n)}</legend>
                        <div class="row-fields">
                            <RowInput
                                id=format!("opening_hours-{i}-opens")
                                label=Signal::derive(move || pick(prefs.lang.get(), |t| t.opens).to_owned())
                                value=p.opens
                                error=error_signal(errors, format!("opening_hours-{i}-opens"))
                                inputmode="numeric"
                                short=true
                            />
                            <RowInput
                                id=format!("opening_hours-{i}-closes")
                                label=Signal::derive(move || pick(prefs.lang.get(), |t| t.closes).to_owned())
                                value=p.closes
                                error=error_signal(errors, format!("opening_hours-{i}-closes"))
                                inputmode="numeric"
                                short=true
                            />
                        </div>
                        {(count > 1).then(|| view! {
                            <button
                                type="button"
                                class="button button--secondary"
                                on:click=move |_| periods.update(|list| list.retain(|q| q.key != p.key))
                            >
                                {move || workbench_texts(prefs.lang.get()).remove_period(n)}
                            </button>
                        })}
                    </fieldset>
                }
            })
            .collect_view()
    };
    let topic_boxes = move || {
        all_topics.with_value(|topics| {
            topics
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let input_id = if i == 0 { "topics".to_owned() } else { format!("topics-{}", t.id) };
                    let value = t.id.clone();
                    let checked = {
                        let value = value.clone();
                        move || chosen.with(|c| c.contains(&value))
                    };
                    let on_change = {
                        let value = value.clone();
                        move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|v| *v != value);
                                if on {
                                    c.push(value.clone());
                                }
                            });
                        }
                    };
                    let (zh, en) = (t.name_zh.clone(), t.name_en.clone());
                    view! {
                        <div class="choice">
                            <input id=input_id.clone() name="topics" class="choice__input" type="checkbox" value=value
                                prop:checked=checked on:change=on_change/>
                            <label class="choice__label" for=input_id>{move || name(prefs.lang.get(), &zh, &en)}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let title = move || {
        venue_name.with_value(|(zh, en)| {
            workbench_texts(prefs.lang.get()).change_venue(name(prefs.lang.get(), zh, en))
        })
    };

    view! {
        <FormErrorSummary errors=errors/>
        <span class="caption">{tr(|t| t.venues_heading)}</span>
        <h1 tabindex="-1">{title}</h1>
        <p class="notice notice--success" role="status" tabindex="-1" node_ref=notice_ref hidden=move || !notice.get()>
            {tr(|t| t.settings_saved)}
        </p>
        <p>{tr(|t| t.save_confirms)}</p>
        <form novalidate on:submit=on_submit>
            <RadioGroup
                name="status"
                legend=tr(|t| t.venue_status)
                options=status_options
                selected=status
                error=error("status")
            />
            <TextField
                id="slot_minutes"
                label=tr(|t| t.slot_minutes)
                hint=tr(|t| t.slot_minutes_hint)
                value=slot
                error=error("slot_minutes")
                inputmode="numeric"
                short=true
            />
            <TextField
                id="seats_per_slot"
                label=tr(|t| t.seats)
                hint=tr(|t| t.seats_hint)
                value=seats
                error=error("seats_per_slot")
                inputmode="numeric"
                short=true
            />
            <div class="form-group" class:form-group--error=move || hours_error.with(Option::is_some)>
                <fieldset class="fieldset" aria-describedby="opening_hours-hint">
                    <legend class="fieldset__legend"><span class="label">{tr(|t| t.opening_hours)}</span></legend>
                    <p class="hint" id="opening_hours-hint">{tr(|t| t.opening_hours_hint)}</p>
                    {move || hours_error.get().map(|m| view! { <p class="field-error" id="opening_hours" tabindex="-1">{m}</p> })}
                    {period_rows}
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            let period = new_period(String::new(), String::new());
                            periods.update(|list| list.push(period));
                        }
                    >
                        {tr(|t| t.add_period)}
                    </button>
                </fieldset>
            </div>
            <div class="form-group" class:form-group--error=move || topics_error.with(Option::is_some)>
                <fieldset class="fieldset" aria-describedby=move || topics_error.with(Option::is_some).then_some("topics-error")>
                    <legend class="fieldset__legend"><span class="label">{tr(|t| t.topics_offered)}</span></legend>
                    {move || topics_error.get().map(|m| view! { <p class="field-error" id="topics-error">{m}</p> })}
                    <div class="choices">{topic_boxes}</div>
                </fieldset>
            </div>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.save_settings)}</button>
        </form>
    }
}
