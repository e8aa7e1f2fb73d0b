//! `/fast-track/registration`: where the registration stands. A draft (or one sent back to
//! amend) shows the defects to fix, the five sections with their states, the eligibility rules
//! and the way to check and submit; a submitted one its reference, the review's due day and what
//! happens next; a registered one its certificate; a refused one the reason.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::registration::{FirmRegistration, RegistrationStatus, SectionState};

use super::eligibility::Eligibility;
use super::labels;
use super::texts::{reg_text, registration_texts};
use super::{section_href, use_loaded, ACCOUNT, CERTIFICATE, CHECK};
use crate::dates::long_date;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn TaskListPage() -> impl IntoView {
    use_page_title(|lang| registration_texts(lang).heading);
    let data = use_loaded().data;
    view! {
        <div class="container page narrow">
            <a href=ACCOUNT rel="external" class="back-link">{reg_text(|t| t.account_link)}</a>
            <h1 tabindex="-1">{reg_text(|t| t.heading)}</h1>
            {move || {
                let d = data.get();
                match d.status {
                    RegistrationStatus::Draft => view! { <Tasks/> }.into_any(),
                    RegistrationStatus::NeedsAmendment => view! { <Defects d=d/><Tasks/> }.into_any(),
                    RegistrationStatus::Submitted | RegistrationStatus::UnderReview => {
                        view! { <Submitted d=d/> }.into_any()
                    }
                    RegistrationStatus::Registered => view! { <Registered d=d/> }.into_any(),
                    RegistrationStatus::Refused => view! { <Refused d=d/> }.into_any(),
                }
            }}
        </div>
    }
}

#[component]
fn Tasks() -> impl IntoView {
    let prefs = use_prefs();
    let data = use_loaded().data;
    view! {
        <p class="lead">{reg_text(|t| t.lead)}</p>
        <ul class="task-list">
            {move || data.with(|d| d.sections.iter().map(|entry| {
                let section = entry.section;
                let state = entry.state;
                let status_id = format!("task-{}-status", section.code());
                view! {
                    <li class="task-list__item">
                        <A href=section_href(section) attr:class="task-list__link" attr:aria-describedby=status_id.clone()>
                            {move || labels::section(section, prefs.lang.get())}
                        </A>
                        <span
                            id=status_id
                            class="task-tag"
                            class:task-tag--done=state == SectionState::Completed
                            class:task-tag--problem=state == SectionState::HasProblems
                            class:task-tag--progress=state == SectionState::InProgress
                        >
                            {move || labels::state(state, prefs.lang.get())}
                        </span>
                    </li>
                }
            }).collect_view())}
        </ul>
        <Eligibility/>
        <div class="button-row">
            <A href=CHECK attr:class="button">{reg_text(|t| t.check_heading)}</A>
        </div>
    }
}

/// Every defect the officer listed, each with a link to its section, and the day to resubmit by.
#[component]
fn Defects(d: FirmRegistration) -> impl IntoView {
    let prefs = use_prefs();
    let due = d.due_on;
    view! {
        <div class="notice notice--warning" role="status">
            <h2>{reg_text(|t| t.amend_title)}</h2>
            <p>{reg_text(|t| t.amend_lead)}</p>
            <ul class="list-bullet">
                {d.defects.into_iter().map(|defect| view! {
                    <li>
                        <A href=section_href(defect.section)>
                            {move || labels::section(defect.section, prefs.lang.get())}
                        </A>
                        "：" {defect.text}
                    </li>
                }).collect_view()}
            </ul>
            {due.map(|date| view! {
                <p><strong>{move || {
                    let lang = prefs.lang.get();
                    registration_texts(lang).amend_due(long_date(date, lang))
                }}</strong></p>
            })}
        </div>
    }
}

#[component]
fn Submitted(d: FirmRegistration) -> impl IntoView {
    let prefs = use_prefs();
    let days = d.settings.limits.review_working_days;
    let due = d.due_on;
    view! {
        <div class="panel panel--confirmation">
            <h2 class="panel__title">{reg_text(|t| t.submitted_title)}</h2>
            <p class="panel__body">
                {reg_text(|t| t.reference_label)}<br/>
                <strong class="reference">{d.reference.clone().unwrap_or_default()}</strong>
            </p>
        </div>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{reg_text(|t| t.status_submitted)}</dt>
                <dd class="summary-list__value">{move || labels::status(d.status, prefs.lang.get())}</dd>
            </div>
            {due.map(|date| view! {
                <div class="summary-list__row">
                    <dt>{reg_text(|t| t.due_label)}</dt>
                    <dd class="summary-list__value">{move || {
                        let lang = prefs.lang.get();
                        registration_texts(lang).due_value(long_date(date, lang), days)
                    }}</dd>
                </div>
            })}
        </dl>
        <h2>{reg_text(|t| t.next_heading)}</h2>
        <ol class="list-number">
            {move || registration_texts(prefs.lang.get()).next_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
        </ol>
    }
}

#[component]
fn Registered(d: FirmRegistration) -> impl IntoView {
    let prefs = use_prefs();
    let certificate = d.certificate;
    view! {
        <div class="panel panel--confirmation">
            <h2 class="panel__title">{reg_text(|t| t.registered_title)}</h2>
            {certificate.map(|c| view! {
                <p class="panel__body">
                    {reg_text(|t| t.certificate_number)}<br/>
                    <strong class="reference">{c.number}</strong><br/>
                    {reg_text(|t| t.valid_until_label)}" "
                    {move || long_date(c.valid_until, prefs.lang.get())}
                </p>
            })}
        </div>
        <p><A href=CERTIFICATE attr:class="button">{reg_text(|t| t.certificate_link)}</A></p>
    }
}

#[component]
fn Refused(d: FirmRegistration) -> impl IntoView {
    view! {
        <div class="notice notice--warning" role="status">
            <h2>{reg_text(|t| t.refused_title)}</h2>
            <p>{reg_text(|t| t.refused_reason)}{d.refusal_reason.unwrap_or_default()}</p>
        </div>
        <p>{reg_text(|t| t.refused_next)}</p>
    }
}
