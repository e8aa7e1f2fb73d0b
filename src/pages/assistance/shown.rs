//! A submitted request as the applicant sees it: the facts (with the tracking link; personal
//! numbers masked by the server), the next deadline and the timeline. Shared by the tracking
//! link's page and the lookup by reference, which shows the progress only.

use leptos::prelude::*;
use portal_domain::api::assistance::{
    AssistanceProgress, AssistanceTracking, Deadline, RequestStatus,
};
use portal_domain::calendar::Date;
use portal_domain::Lang;

use super::texts::{request_text, request_texts};
use crate::dates::long_date;
use crate::prefs::use_prefs;

/// "2026年11月27日 星期五" from a date.
pub fn date_text(date: Date, lang: Lang) -> String {
    long_date(date, lang)
}

/// "2026年11月20日 星期五 10:00" from an RFC 3339 time (+08:00).
pub fn time_text(at: &str, lang: Lang) -> String {
    let date = at.get(..10).and_then(|d| Date::parse(d).ok());
    let time = at.get(11..16).unwrap_or("");
    match date {
        Some(date) => format!("{} {time}", long_date(date, lang)),
        None => at.to_owned(),
    }
}

/// What is due next, and by when.
pub fn deadline_text(deadline: &Deadline, lang: Lang) -> String {
    let t = request_texts(lang);
    let step = deadline.step.label(lang);
    match (deadline.due, deadline.unpublished_year) {
        (Some(due), _) if deadline.working_days => {
            t.deadline_due_working(step, date_text(due, lang), deadline.days)
        }
        (Some(due), _) => t.deadline_due_days(step, date_text(due, lang), deadline.days),
        (None, _) if deadline.working_days => t.deadline_unknown_working(step, deadline.days),
        (None, _) => t.deadline_unknown_days(step, deadline.days),
    }
}

/// The request's key facts in a summary list.
#[component]
pub fn RequestFacts(tracking: AssistanceTracking) -> impl IntoView {
    let prefs = use_prefs();
    let tracking = StoredValue::new(tracking);
    move || {
        let lang = prefs.lang.get();
        let t = request_texts(lang);
        tracking.with_value(|r| {
            let a = &r.applicant;
            let mut rows: Vec<(&'static str, String)> = vec![
                (t.row_reference, r.reference.clone()),
                (t.row_status, r.status.label(lang).to_owned()),
                (t.row_submitted, time_text(&r.submitted_at, lang)),
                (t.row_applicant, a.name.clone()),
            ];
            if let Some(id) = &a.resident_id {
                rows.push((t.resident_id_label, id.clone()));
            }
            if let Some(uscc) = &a.uscc {
                rows.push((t.uscc_label, uscc.clone()));
            }
            if let Some(contact) = &a.contact_name {
                rows.push((t.contact_name_label, contact.clone()));
            }
            rows.push((t.mobile_label, a.mobile.clone()));
            if let Some(rep) = &a.representative_name {
                rows.push((t.representative_label, rep.clone()));
            }
            rows.push((
                t.right_type_question,
                r.right.right_type.label(lang).to_owned(),
            ));
            if let Some(number) = &r.right.number {
                rows.push((t.row_number, number.clone()));
            }
            if let Some(title) = &r.right.title {
                rows.push((t.right_title_label, title.clone()));
            }
            rows.push((t.holder_label, r.right.holder.clone()));
            view! {
                {summary_list(rows)}
            }
        })
    }
}

/// Rows of (label, value) as a summary list.
fn summary_list(rows: impl IntoIterator<Item = (&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {rows.into_iter().map(|(label, value)| view! {
                <div class="summary-list__row">
                    <dt>{label}</dt>
                    <dd class="summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// What the progress shows, from the tracking link's full view or from the lookup's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressView {
    pub status: RequestStatus,
    /// Status, time (RFC 3339) and the note (tracking link only), oldest first.
    pub steps: Vec<(RequestStatus, String, Option<String>)>,
    pub next_deadline: Option<Deadline>,
}

impl From<&AssistanceTracking> for ProgressView {
    fn from(t: &AssistanceTracking) -> ProgressView {
        ProgressView {
            status: t.status,
            steps: t
                .timeline
                .iter()
                .map(|e| (e.status, e.at.clone(), e.note.clone()))
                .collect(),
            next_deadline: t.next_deadline.clone(),
        }
    }
}

impl From<&AssistanceProgress> for ProgressView {
    fn from(p: &AssistanceProgress) -> ProgressView {
        ProgressView {
            status: p.status,
            steps: p
                .timeline
                .iter()
                .map(|e| (e.status, e.at.clone(), None))
                .collect(),
            next_deadline: p.next_deadline.clone(),
        }
    }
}

/// What the lookup by reference + mobile number shows besides the progress: the reference, the
/// status, when it was sent, and whether the center has written (read with the link).
#[component]
pub fn ProgressFacts(progress: AssistanceProgress) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let t = request_texts(lang);
        let rows = [
            (t.row_reference, progress.reference.clone()),
            (t.row_status, progress.status.label(lang).to_owned()),
            (t.row_submitted, time_text(&progress.submitted_at, lang)),
        ];
        let messages = progress.messages;
        view! {
            {summary_list(rows)}
            {progress.material_requested.then(|| {
                let text = match progress.material_requested_by {
                    Some(by) => t.track_material_requested_by(date_text(by, lang)),
                    None => t.track_material_requested.to_owned(),
                };
                view! { <p class="notice notice--warning">{text}</p> }
            })}
            {(messages > 0).then(|| view! { <p class="notice">{t.track_messages(u64::from(messages))}</p> })}
        }
    }
}

/// The next deadline (a highlighted line) and the timeline, oldest first.
#[component]
pub fn Progress(progress: ProgressView) -> impl IntoView {
    let prefs = use_prefs();
    let tracking = StoredValue::new(progress);
    move || {
        let lang = prefs.lang.get();
        tracking.with_value(|r| {
            let next = r.next_deadline.as_ref().map(|d| {
                let text = deadline_text(d, lang);
                view! { <p class="notice deadline">{text}</p> }
            });
            let last = r.steps.len().saturating_sub(1);
            let events = r
                .steps
                .iter()
                .enumerate()
                .map(|(i, (status, at, note))| {
                    // The latest step (已评价 after 已办结 once rated).
                    let current = i == last;
                    let note = note.clone();
                    view! {
                        <li class="timeline__item" class:timeline__item--current=current>
                            <span class="timeline__status">{status.label(lang)}</span>
                            <span class="timeline__date">{time_text(at, lang)}</span>
                            {note.map(|n| view! { <span class="timeline__note">{n}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>{request_text(|t| t.progress_heading)}</h2>
                {next}
                {(r.status == RequestStatus::Withdrawn).then(|| view! {
                    <p class="notice">{request_text(|t| t.withdrawn_notice)}</p>
                })}
                <ol class="timeline">{events}</ol>
            }
        })
    }
}
