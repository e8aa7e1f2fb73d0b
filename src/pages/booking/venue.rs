use leptos::prelude::*;
use portal_domain::api::booking::{BookingError, BookingVenue};
use portal_domain::Localized;

use super::draft::{use_draft, Step};
use super::texts::{booking_questions_text, booking_questions_texts, booking_text};
use super::{use_go_next, use_step_guard, StepHeader};
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormErrorSummary, FormErrors, Radio};
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/venue`: where, among the venues that offer the chosen topic. Venues being set up
/// (启东, 筹建中) are listed as such, without a radio button.
#[component]
pub fn VenuePage() -> impl IntoView {
    use_step_guard(Step::Venue);
    let prefs = use_prefs();
    let draft = use_draft();
    let go_next = use_go_next();
    use_page_title(|lang| booking_questions_texts(lang).venue_question);
    let topic = draft
        .0
        .with_untracked(|d| d.request.topic.clone().unwrap_or_default());
    let venues = LocalResource::new(move || {
        let topic = topic.clone();
        async move { api::booking_venues(&topic, prefs.lang.get_untracked()).await }
    });
    let selected = RwSignal::new(draft.0.with_untracked(|d| d.request.venue.clone()));
    let errors = RwSignal::new(FormErrors::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|(_, m)| m.clone())));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(venue) = selected.get_untracked() else {
            let message = BookingError::VenueMissing.message(prefs.lang.get_untracked());
            errors.set(vec![("venue".to_owned(), message)]);
            return;
        };
        draft.update(|d| {
            if d.request.venue.as_deref() != Some(venue.as_str()) {
                d.request.date = None;
                d.request.time = None;
            }
            d.request.venue = Some(venue);
        });
        go_next();
    };

    view! {
        <div class="container page narrow">
            <StepHeader step=Step::Venue/>
            <FormErrorSummary errors=errors/>
            <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || {
                    let on_submit = on_submit.clone();
                    Suspend::new(async move {
                        match venues.await {
                            Ok(list) => {
                                let (open, setting_up): (Vec<_>, Vec<_>) =
                                    list.items.into_iter().partition(|v| v.bookable);
                                view! {
                                    <VenueForm
                                        open=open
                                        setting_up=setting_up
                                        selected=selected
                                        error=error
                                        on_submit=on_submit
                                    />
                                }
                                .into_any()
                            }
                            Err(error) => view! {
                                <h1 tabindex="-1">{booking_questions_text(|t| t.venue_question)}</h1>
                                <ErrorPanel error=error on_retry=move |_| venues.refetch()/>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn VenueForm(
    open: Vec<BookingVenue>,
    setting_up: Vec<BookingVenue>,
    selected: RwSignal<Option<String>>,
    error: Signal<Option<String>>,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> impl IntoView {
    let prefs = use_prefs();
    let unconfirmed = open.iter().any(|v| !v.defaults_confirmed);
    let none = open.is_empty();
    let items = open
        .into_iter()
        .enumerate()
        .map(|(i, venue)| {
            let id = if i == 0 {
                "venue".to_owned()
            } else {
                format!("venue-{}", venue.id)
            };
            let (zh, en) = (venue.name_zh, venue.name_en);
            let label = Signal::derive(move || prefs.lang.get().pick(&zh, &en).to_owned());
            let hint = venue.address.map(Signal::stored);
            view! { <Radio name="venue" id=id value=venue.id label=label hint=hint selected=selected/> }
        })
        .collect_view();
    let setting_up = (!setting_up.is_empty()).then(|| {
        let names = setting_up
            .into_iter()
            .map(|v| {
                let (zh, en) = (v.name_zh, v.name_en);
                view! {
                    <li>
                        {move || prefs.lang.get().pick(&zh, &en).to_owned()}
                        " "<span class="badge badge--pending">{booking_questions_text(|t| t.venue_setting_up)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{booking_questions_text(|t| t.venue_setting_up_hint)}</p>
            <ul class="list-bullet">{names}</ul>
        }
    });
    view! {
        <form novalidate on:submit=on_submit>
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                <fieldset class="fieldset" aria-describedby="venue-hint">
                    <legend class="fieldset__legend">
                        <h1 tabindex="-1">{booking_questions_text(|t| t.venue_question)}</h1>
                    </legend>
                    <p class="hint" id="venue-hint">{booking_questions_text(|t| t.venue_hint)}</p>
                    {move || error.get().map(|m| view! { <p class="field-error" id="venue-error">{m}</p> })}
                    {none.then(|| view! { <p class="notice">{booking_questions_text(|t| t.venue_none)}</p> })}
                    <div class="choices">{items}</div>
                </fieldset>
            </div>
            {setting_up}
            {unconfirmed.then(|| view! { <p class="notice notice--info">{booking_questions_text(|t| t.hours_unconfirmed)}</p> })}
            {(!none).then(|| view! {
                <button type="submit" class="button">{booking_questions_text(|t| t.continue_button)}</button>
            })}
        </form>
    }
}
