//! `/fast-track/pre-exams/{id}` of a submitted request: its status, the facts, the deadline
//! running (the day, and the working days left or overdue, in words), what the status asks of
//! the firm (the amendment: `amend.rs`; after passing, the notice and the filing report:
//! `filing.rs`), how it ended, and its history.

use leptos::prelude::*;

use super::report_due;
use portal_domain::api::firm::pre_exam::{Actor, ExamEvent, PreExamStatus as S};

use super::amend::Amendment;
use super::notice::Notice;
use super::texts::{pe_text, pick, pre_exam_texts, Tr};
use super::{page_href, use_loaded, LIST};
use crate::dates::{days_left, long_date};
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn StatusPage() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    use_page_title(|lang| pre_exam_texts(lang).heading);
    let body = move || {
        let d = loaded.data.get();
        let Some(exam) = d.examination.clone() else {
            return ().into_any();
        };
        let status = exam.status;
        let facts = {
            let d = d.clone();
            let exam = exam.clone();
            move || {
                let lang = prefs.lang.get();
                let t = pre_exam_texts(lang);
                let a = &d.answers;
                let mut rows = vec![
                    (t.status_label, status.label(lang).to_owned()),
                    (t.reference_label, d.reference.clone().unwrap_or_default()),
                    (
                        t.venue_label,
                        a.venue
                            .map(|v| v.label(lang).to_owned())
                            .unwrap_or_default(),
                    ),
                    (t.kind_label, exam.kind.label(lang).to_owned()),
                    (
                        t.classification_short,
                        a.classification.clone().unwrap_or_default(),
                    ),
                    (t.submitted_on, long_date(exam.submitted_on, lang)),
                ];
                if let Some(date) = exam.due_on {
                    let left = d.days_left.map(|n| days_left(n, lang)).unwrap_or_default();
                    rows.push((t.due_label, t.due_value(long_date(date, lang), left)));
                }
                rows.into_iter()
                    .map(|(term, value)| view! {
                        <div class="summary-list__row"><dt>{term}</dt><dd class="summary-list__value">{value}</dd></div>
                    })
                    .collect_view()
            }
        };
        let now = match status {
            S::Submitted => view! { <p>{pe_text(|t| t.waiting_submitted)}</p> }.into_any(),
            S::UnderExamination => view! { <p>{pe_text(|t| t.waiting_examination)}</p> }.into_any(),
            S::NeedsAmendment => view! { <Amendment/> }.into_any(),
            S::Passed => {
                let href = page_href(d.id, "filing");
                let returned = exam.reasons.clone();
                let due = exam.due_on;
                let left = d.days_left;
                view! {
                    <Notice/>
                    <h2>{pe_text(|t| t.report_heading)}</h2>
                    {(!returned.is_empty()).then(|| view! {
                        <div class="notice notice--warning" role="status">
                            <p>{pe_text(|t| t.report_returned)}</p>
                            <ul class="list-bullet">{returned.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {report_due(due, left)}
                    <p><a class="button" href=href>{pe_text(|t| t.report_button)}</a></p>
                }
                .into_any()
            }
            S::FilingReported | S::Forwarded | S::Granted => {
                let filing = exam.filing.clone();
                let granted = exam.granted_on;
                view! {
                    <Notice/>
                    <p>{move || {
                        let lang = prefs.lang.get();
                        let t = pre_exam_texts(lang);
                        let f = filing.as_ref();
                        let number = f.map(|f| f.number.to_string()).unwrap_or_default();
                        match (status, granted) {
                            (S::Granted, Some(on)) => t.granted(long_date(on, lang)),
                            (S::Forwarded | S::Granted, _) => t.forwarded(number),
                            _ => t.filing_reported(number, f.map(|f| long_date(f.filed_on, lang)).unwrap_or_default()),
                        }
                    }}</p>
                }
                .into_any()
            }
            S::NotAccepted | S::Failed | S::NotGranted => {
                let next: Tr = match status {
                    S::Failed => |t| t.failed_next,
                    S::NotGranted => |t| t.not_granted_text,
                    _ => |t| t.not_accepted_next,
                };
                view! { <Reasons reasons=exam.reasons.clone()/><p>{pe_text(next)}</p> }.into_any()
            }
            S::Withdrawn => view! { <p>{pe_text(|t| t.withdrawn_text)}</p> }.into_any(),
        };
        view! {
            <p class="caption">{d.reference.clone()}</p>
            <h1 tabindex="-1">{d.answers.title.clone()}</h1>
            <dl class="summary-list">{facts}</dl>
            {now}
            <Timeline events=d.events.clone()/>
        }
        .into_any()
    };
    view! {
        <div class="container page narrow">
            <a href=LIST rel="external" class="back-link">{pe_text(|t| t.back_to_list)}</a>
            {body}
        </div>
    }
}

#[component]
fn Reasons(reasons: Vec<String>) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        view! {
            <div class="notice notice--warning" role="status">
                <h2>{pe_text(|t| t.reasons_heading)}</h2>
                <ul class="list-bullet">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

fn event_label(action: &str) -> Tr {
    match action {
        "submit" => |t| t.event_submit,
        "accept" => |t| t.event_accept,
        "not_accept" => |t| t.event_not_accept,
        "request_amendment" => |t| t.event_request_amendment,
        "reply" => |t| t.event_reply,
        "pass" => |t| t.event_pass,
        "fail" => |t| t.event_fail,
        "expire" => |t| t.event_expire,
        "report_filing" => |t| t.event_report_filing,
        "confirm_filing" => |t| t.event_confirm_filing,
        "return_filing" => |t| t.event_return_filing,
        "record_grant" => |t| t.event_record_grant,
        _ => |t| t.event_record_not_granted,
    }
}

/// The history, oldest first: the day, who, what, and its details.
#[component]
fn Timeline(events: Vec<ExamEvent>) -> impl IntoView {
    let prefs = use_prefs();
    let items = move || {
        let lang = prefs.lang.get();
        events
            .iter()
            .map(|e| {
                let who: Tr = match e.by {
                    Actor::Firm => |t| t.by_firm,
                    Actor::Officer => |t| t.by_officer,
                    Actor::System => |t| t.by_system,
                };
                let detail = (!e.detail.is_empty()).then(|| {
                    view! { <ul class="list-bullet">{e.detail.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> }
                });
                view! {
                    <li class="timeline__item">
                        <p class="timeline__when">{long_date(e.on, lang)}" · "{pick(lang, who)}</p>
                        <p class="timeline__what"><strong>{pick(lang, event_label(&e.action))}</strong></p>
                        {detail}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{pe_text(|t| t.timeline_heading)}</h2>
        <ol class="timeline">{items}</ol>
    }
}
