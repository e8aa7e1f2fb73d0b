use leptos::prelude::*;

use super::draft::{use_draft, Step};
use super::slots::DateChooser;
use super::texts::{booking_questions_text, booking_text, booking_texts};
use super::{use_go_next, use_step_guard, StepHeader};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};
use portal_domain::api::booking::Availability;

/// A venue's availability for a topic, fetched fresh on each page (seats change while people
/// book).
pub(super) fn availability_resource(
    venue: String,
    topic: String,
) -> LocalResource<Result<Availability, ApiError>> {
    let prefs = use_prefs();
    LocalResource::new(move || {
        let (venue, topic) = (venue.clone(), topic.clone());
        async move { api::booking_availability(&venue, &topic, prefs.lang.get_untracked()).await }
    })
}

/// [`availability_resource`] for the draft's venue and topic.
pub(super) fn use_availability() -> LocalResource<Result<Availability, ApiError>> {
    let (venue, topic) = use_draft().0.with_untracked(|d| {
        (
            d.request.venue.clone().unwrap_or_default(),
            d.request.topic.clone().unwrap_or_default(),
        )
    });
    availability_resource(venue, topic)
}

/// `/booking/date`: which working day.
#[component]
pub fn DatePage() -> impl IntoView {
    use_step_guard(Step::Date);
    let prefs = use_prefs();
    let draft = use_draft();
    let go_next = use_go_next();
    use_page_title(|lang| booking_texts(lang).date_question);
    let availability = use_availability();
    let selected = RwSignal::new(draft.0.with_untracked(|d| d.request.date.clone()));
    let errors = RwSignal::new(FormErrors::new());
    let error = Signal::derive(move || errors.with(|e| e.first().map(|(_, m)| m.clone())));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(date) = selected.get_untracked() else {
            let message = booking_texts(prefs.lang.get_untracked())
                .date_missing
                .to_owned();
            errors.set(vec![("date".to_owned(), message)]);
            return;
        };
        draft.update(|d| {
            if d.request.date.as_deref() != Some(date.as_str()) {
                d.request.time = None;
            }
            d.request.date = Some(date);
        });
        go_next();
    };

    view! {
        <div class="container page">
            <StepHeader step=Step::Date/>
            <FormErrorSummary errors=errors/>
            <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || {
                    let on_submit = on_submit.clone();
                    Suspend::new(async move {
                        match availability.await {
                            Ok(a) => {
                                let any = !a.days.is_empty();
                                view! {
                                    <form novalidate on:submit=on_submit>
                                        <DateChooser
                                            days=a.days
                                            unpublished_year=a.unpublished_year
                                            selected=selected
                                            error=error
                                            legend=Signal::derive(booking_text(|t| t.date_question))
                                            legend_is_heading=true
                                        />
                                        {any.then(|| view! {
                                            <button type="submit" class="button">{booking_questions_text(|t| t.continue_button)}</button>
                                        })}
                                    </form>
                                }
                                .into_any()
                            }
                            Err(error) => view! {
                                <h1 tabindex="-1">{booking_text(|t| t.date_question)}</h1>
                                <ErrorPanel error=error on_retry=move |_| availability.refetch()/>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
