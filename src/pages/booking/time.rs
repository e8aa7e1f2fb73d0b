use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::booking::BookingError;
use portal_domain::calendar::Date;
use portal_domain::Localized;

use super::date::use_availability;
use super::draft::{use_draft, Step};
use super::slots::TimeChooser;
use super::texts::{booking_questions_text, booking_questions_texts, booking_text, booking_texts};
use super::{use_go_next, use_step_guard, StepHeader};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::loading::Loading;
use crate::dates::long_date;
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/time`: which slot of the chosen day, with the places left in each.
#[component]
pub fn TimePage() -> impl IntoView {
    use_step_guard(Step::Time);
    let prefs = use_prefs();
    let draft = use_draft();
    let go_next = use_go_next();
    use_page_title(|lang| booking_texts(lang).time_question);
    let availability = use_availability();
    let date = draft
        .0
        .with_untracked(|d| d.request.date.clone().unwrap_or_default());
    let selected = RwSignal::new(draft.0.with_untracked(|d| d.request.time.clone()));
    let errors = RwSignal::new(FormErrors::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|(_, m)| m.clone())));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(time) = selected.get_untracked() else {
            let message = BookingError::TimeMissing.message(prefs.lang.get_untracked());
            errors.set(vec![("time".to_owned(), message)]);
            return;
        };
        draft.update(|d| d.request.time = Some(time));
        go_next();
    };

    view! {
        <div class="container page narrow">
            <StepHeader step=Step::Time/>
            <FormErrorSummary errors=errors/>
            // The day chosen on the step before, so the times are read as that day's.
            {Date::parse(&date).ok().map(|day| view! {
                <p class="chosen-date">
                    {move || booking_questions_texts(prefs.lang.get()).chosen_date(long_date(day, prefs.lang.get()))}
                    " "
                    <A href=Step::Date.href()>{booking_questions_text(|t| t.change_date)}</A>
                </p>
            })}
            <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || {
                    let on_submit = on_submit.clone();
                    let date = date.clone();
                    Suspend::new(async move {
                        let day = match availability.await {
                            Ok(a) => a.days.into_iter().find(|d| d.date.to_string() == date),
                            Err(error) => {
                                return view! {
                                    <h1 tabindex="-1">{booking_text(|t| t.time_question)}</h1>
                                    <ErrorPanel error=error on_retry=move |_| availability.refetch()/>
                                }
                                .into_any();
                            }
                        };
                        match day {
                            Some(day) => view! {
                                <form novalidate on:submit=on_submit>
                                    <TimeChooser
                                        slots=day.slots
                                        selected=selected
                                        error=error
                                        legend=Signal::derive(booking_text(|t| t.time_question))
                                        legend_is_heading=true
                                    />
                                    <button type="submit" class="button">{booking_questions_text(|t| t.continue_button)}</button>
                                </form>
                            }
                            .into_any(),
                            // The day left the window (the draft is from yesterday) or closed.
                            None => view! {
                                <h1 tabindex="-1">{booking_text(|t| t.time_question)}</h1>
                                <p class="notice">{booking_text(|t| t.date_none)}</p>
                                <p><A href=Step::Date.href() attr:class="button">{booking_text(|t| t.date_question)}</A></p>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
