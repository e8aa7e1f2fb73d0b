//! `/fast-track/registration`: where the registration stands. A draft (or one sent back to
//! amend) shows the defects to fix, the five sections with their states, the eligibility rules
//! and the way to check and submit; a submitted one its reference, the review's due day and what
//! happens next; a registered one its certificate and the way to change its details; a refused
//! or cancelled one the reason and, where the firm may, the way to apply again. A change or
//! re-check says that the registration stays in force meanwhile.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::registration::{
    FirmRegistration, RegistrationKind, RegistrationStatus, SectionState,
};

use super::eligibility::Eligibility;
use super::labels;
use super::texts::{reg_text, registration_texts, Tr};
use super::{section_href, use_loaded, ACCOUNT, CERTIFICATE, CHECK};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::submit::Submit;
use crate::dates::{days_aside, days_left, long_date};
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn TaskListPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| registration_texts(lang).heading);
    let data = use_loaded().data;
    view! {
        <div class="container page narrow">
            <a href=ACCOUNT rel="external" class="back-link">{reg_text(|t| t.account_link)}</a>
            <h1 tabindex="-1">{reg_text(|t| t.heading)}</h1>
            {move || {
                let d = data.get();
                let kind = d.kind;
                let open = d.status.open();
                let page = match d.status {
                    RegistrationStatus::Draft => view! { <InForce d=d/><Tasks/> }.into_any(),
                    RegistrationStatus::NeedsAmendment => {
                        view! { <InForce d=d.clone()/><Defects d=d/><Tasks/> }.into_any()
                    }
                    RegistrationStatus::Submitted | RegistrationStatus::UnderReview => {
                        view! { <InForce d=d.clone()/><Submitted d=d/> }.into_any()
                    }
                    RegistrationStatus::Registered | RegistrationStatus::Superseded => {
                        view! { <Registered d=d/> }.into_any()
                    }
                    RegistrationStatus::Refused => view! { <Refused d=d/> }.into_any(),
                    RegistrationStatus::Cancelled => view! { <Cancelled d=d/> }.into_any(),
                };
                // What the open round is for, unless it is the plain application.
                let caption = (open && kind != RegistrationKind::Application).then(|| {
                    view! { <p class="caption">{move || kind.label(prefs.lang.get())}</p> }
                });
                view! { {caption} {page} <NextRounds/> }
            }}
        </div>
    }
}

/// While a change or re-check is open: the registration in force stays so.
#[component]
fn InForce(d: FirmRegistration) -> impl IntoView {
    let prefs = use_prefs();
    let certificate = d.certificate.filter(|c| c.valid_until >= d.today);
    certificate.map(|c| {
        view! {
            <p class="notice" role="note">{move || {
                let lang = prefs.lang.get();
                registration_texts(lang).in_force_notice(&c.number, long_date(c.valid_until, lang))
            }}</p>
        }
    })
}

/// The rounds the firm may start now (apply again, change the details), each with a word on it.
#[component]
fn NextRounds() -> impl IntoView {
    let data = use_loaded().data;
    move || {
        data.with(|d| d.may_start.clone())
            .into_iter()
            .map(|kind| {
                let (heading, lead, button): (Tr, Tr, Tr) = match kind {
                    RegistrationKind::Change => {
                        (|t| t.change_heading, |t| t.change_lead, |t| t.change_button)
                    }
                    _ => (
                        |t| t.apply_again_heading,
                        |t| t.apply_again_lead,
                        |t| t.apply_again_button,
                    ),
                };
                view! {
                    <h2>{reg_text(heading)}</h2>
                    <p>{reg_text(lead)}</p>
                    <StartRound kind=kind label=button/>
                }
            })
            .collect_view()
    }
}

/// Starts the round; the page then shows its task list. A failure is said, with "try again".
#[component]
fn StartRound(kind: RegistrationKind, label: Tr) -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let action = Submit::new();
    let busy = action.busy();
    let failed = RwSignal::new(None::<ApiError>);
    let start = Callback::new(move |()| {
        let csrf = loaded.csrf.get_value();
        let lang = prefs.lang.get_untracked();
        failed.set(None);
        action.act(
            move || async move { api::firm_start_round(kind, &csrf, lang).await },
            move |answer| match answer {
                Ok(data) => loaded.data.set(data),
                Err(error) => failed.set(Some(error)),
            },
        );
    });
    view! {
        {move || failed.get().map(|error| view! { <ErrorPanel error=error on_retry=start/> })}
        <div class="button-row">
            <button type="button" class="button" disabled=move || busy.get()
                on:click=move |_| start.run(())>
                {move || if busy.get() { reg_text(|t| t.starting)() } else { reg_text(label)() }}
            </button>
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
                let href = section_href(section);
                view! {
                    <li class="task-list__item">
                        <a href=href class="task-list__link" aria-describedby=status_id.clone()>
                            {move || labels::section(section, prefs.lang.get())}
                        </a>
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
    let days_left = d.days_left;
    let (title, lead): (Tr, Tr) = if d.kind == RegistrationKind::Recheck {
        (|t| t.recheck_title, |t| t.recheck_lead)
    } else {
        (|t| t.amend_title, |t| t.amend_lead)
    };
    view! {
        <div class="notice notice--warning" role="status">
            <h2>{reg_text(title)}</h2>
            <p>{reg_text(lead)}</p>
            <ul class="list-bullet">
                {d.defects.into_iter().map(|defect| {
                    let href = section_href(defect.section);
                    view! {
                        <li>
                            <a href=href>
                                {move || labels::section(defect.section, prefs.lang.get())}
                            </a>
                            "：" {defect.text}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {due.map(|date| view! {
                <p><strong>{move || {
                    let lang = prefs.lang.get();
                    let due = registration_texts(lang).amend_due(long_date(date, lang));
                    match days_left {
                        Some(n) => format!("{due}{}", days_aside(n, lang)),
                        None => due,
                    }
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
                <dt>{reg_text(|t| t.status_label)}</dt>
                <dd class="summary-list__value">{move || d.status.label(prefs.lang.get())}</dd>
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
            {d.days_left.map(|n| view! {
                <div class="summary-list__row">
                    <dt>{reg_text(|t| t.days_left_label)}</dt>
                    <dd class="summary-list__value">{move || days_left(n, prefs.lang.get())}</dd>
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

/// Not registered, or (a change or re-check) not accepted, with the reason. A round closed by a
/// cancellation says so too.
#[component]
fn Refused(d: FirmRegistration) -> impl IntoView {
    let kept = d.kind != RegistrationKind::Application && d.certificate.is_some();
    let (title, next): (Tr, Tr) = if kept {
        (|t| t.change_refused_title, |t| t.change_refused_next)
    } else {
        (|t| t.refused_title, |t| t.refused_next)
    };
    let cancelled = d.cancellation.is_some() && d.certificate.is_none();
    view! {
        <div class="notice notice--warning" role="status">
            <h2>{reg_text(title)}</h2>
            <p>{reg_text(|t| t.refused_reason)}{d.refusal_reason.clone().unwrap_or_default()}</p>
        </div>
        <p>{reg_text(next)}</p>
        {cancelled.then(|| view! { <Cancelled d=d/> })}
    }
}

/// The registration was cancelled: the published reason, what the officer found, the day.
#[component]
fn Cancelled(d: FirmRegistration) -> impl IntoView {
    let prefs = use_prefs();
    d.cancellation.map(|c| {
        let on = c.on;
        view! {
            <div class="notice notice--warning" role="status">
                <h2>{reg_text(|t| t.cancelled_title)}</h2>
                <p>{reg_text(|t| t.refused_reason)}{move || c.reason.label(prefs.lang.get())}</p>
                <p>{c.text}</p>
                <p>{move || {
                    let lang = prefs.lang.get();
                    registration_texts(lang).cancelled_on(long_date(on, lang))
                }}</p>
            </div>
            <p>{reg_text(|t| t.cancelled_next)}</p>
        }
    })
}
