use leptos::prelude::*;
use portal_domain::api::booking::BookingError;
use portal_domain::Localized;

use super::draft::{use_draft, Step};
use super::texts::{booking_questions_text, booking_questions_texts, booking_text};
use super::{use_go_next, StepHeader};
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormErrorSummary, FormErrors, Radio};
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};

/// `/booking/topic`: what the consultation is about.
#[component]
pub fn TopicPage() -> impl IntoView {
    let prefs = use_prefs();
    let draft = use_draft();
    let go_next = use_go_next();
    use_page_title(|lang| booking_questions_texts(lang).topic_question);
    let topics = LocalResource::new(move || api::booking_topics(prefs.lang.get_untracked()));
    let selected = RwSignal::new(draft.0.with_untracked(|d| d.request.topic.clone()));
    let errors = RwSignal::new(FormErrors::new());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(topic) = selected.get_untracked() else {
            let message = BookingError::TopicMissing.message(prefs.lang.get_untracked());
            errors.set(vec![("topic".to_owned(), message)]);
            return;
        };
        draft.update(|d| {
            // Another subject may be offered elsewhere: ask the later questions again.
            if d.request.topic.as_deref() != Some(topic.as_str()) {
                d.request.venue = None;
                d.request.date = None;
                d.request.time = None;
            }
            d.request.topic = Some(topic);
        });
        go_next();
    };
    let error = Signal::derive(move || errors.with(|e| e.first().map(|(_, m)| m.clone())));

    view! {
        <div class="container page narrow">
            <StepHeader step=Step::Topic/>
            <FormErrorSummary errors=errors/>
            <Suspense fallback=move || view! { <Loading label=Signal::derive(booking_text(|t| t.loading))/> }>
                {move || {
                    let on_submit = on_submit.clone();
                    Suspend::new(async move {
                    match topics.await {
                        Ok(list) => {
                            let first = list.items.first().map(|t| t.id.clone());
                            let items = list
                                .items
                                .into_iter()
                                .map(|topic| {
                                    let id = if Some(&topic.id) == first.as_ref() {
                                        "topic".to_owned()
                                    } else {
                                        format!("topic-{}", topic.id)
                                    };
                                    let (zh, en) = (topic.name_zh, topic.name_en);
                                    let label = Signal::derive(move || {
                                        prefs.lang.get().pick(&zh, &en).to_owned()
                                    });
                                    view! {
                                        <Radio name="topic" id=id value=topic.id label=label selected=selected/>
                                    }
                                })
                                .collect_view();
                            view! {
                                <form novalidate on:submit=on_submit>
                                    <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                                        <fieldset class="fieldset">
                                            <legend class="fieldset__legend">
                                                <h1 tabindex="-1">{booking_questions_text(|t| t.topic_question)}</h1>
                                            </legend>
                                            {move || error.get().map(|m| view! { <p class="field-error" id="topic-error">{m}</p> })}
                                            <div class="choices">{items}</div>
                                        </fieldset>
                                    </div>
                                    <button type="submit" class="button">{booking_questions_text(|t| t.continue_button)}</button>
                                </form>
                            }
                            .into_any()
                        }
                        Err(error) => view! {
                            <h1 tabindex="-1">{booking_questions_text(|t| t.topic_question)}</h1>
                            <ErrorPanel error=error on_retry=move |_| topics.refetch()/>
                        }
                        .into_any(),
                    }
                })}}
            </Suspense>
        </div>
    }
}
