//! `/fast-track/pre-exams/{id}` of a draft: its four parts with their states, and the way to
//! check and submit.

use leptos::prelude::*;
use leptos_router::components::A;

use super::sections::{Section, State};
use super::texts::{pe_text, pre_exam_texts};
use super::{page_href, use_loaded, LIST};
use crate::prefs::use_page_title;

#[component]
pub fn TaskListPage() -> impl IntoView {
    let loaded = use_loaded();
    use_page_title(|lang| pre_exam_texts(lang).heading);
    let id = loaded.id;
    let tasks = move || {
        loaded.data.with(|d| {
            Section::ALL
                .into_iter()
                .map(|section| {
                    let state = section.state(d);
                    let status_id = format!("task-{}-status", section.code());
                    let href = page_href(id, section.code());
                    view! {
                        <li class="task-list__item">
                            <a href=href class="task-list__link"
                                aria-describedby=status_id.clone()>
                                {pe_text(section.label())}
                            </a>
                            <span id=status_id class="task-tag"
                                class:task-tag--done=state == State::Completed
                                class:task-tag--problem=state == State::HasProblems
                                class:task-tag--progress=state == State::InProgress>
                                {pe_text(state.label())}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="container page narrow">
            <A href=LIST attr:class="back-link">{pe_text(|t| t.back_to_list)}</A>
            <p class="caption">{pe_text(|t| t.draft)}</p>
            <h1 tabindex="-1">{move || loaded.data.with(|d| d.answers.title.clone())
                .unwrap_or_else(|| pe_text(|t| t.heading)().to_owned())}</h1>
            <p class="lead">{pe_text(|t| t.task_lead)}</p>
            <ul class="task-list">{tasks}</ul>
            <div class="button-row">
                <A href=page_href(id, "check") attr:class="button">{pe_text(|t| t.check_heading)}</A>
            </div>
        </div>
    }
}
