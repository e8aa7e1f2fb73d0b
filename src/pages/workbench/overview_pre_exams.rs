//! The overview's pre-examination numbers (issue #15), for administrators (the server sends them
//! to no one else): requests by field and by venue as bar tables like the overview's others, the
//! pass rate and the median days (working and calendar, each labelled), requests near or past
//! their deadline, and firms near the end of their quota. The bars share `bar_cell`.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{Durations, PreExamStats};

use super::texts::*;
use crate::prefs::use_prefs;

/// A number and its bar (out of `max`; red for a bad rating). The bar is 100 units wide; the
/// number beside it is what counts.
pub fn bar_cell(n: u32, max: u32, bad: bool) -> impl IntoView {
    let width = (n * 100 / max.max(1)).to_string();
    view! {
        <td class="bar-td">
            <div class="bar-cell">
                <span class="num">{n}</span>
                <svg class="bar" class:bar--bad=bad viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false" aria-hidden="true">
                    <rect x="0" y="0" width=width height="10"></rect>
                </svg>
            </div>
        </td>
    }
}

/// A bar table of `(label, count)` rows, captioned `caption`, its first column headed `head`.
fn bars(caption: Tr, head: Tr, rows: Vec<(Signal<String>, u32)>) -> AnyView {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let rows = rows
        .into_iter()
        .map(|(label, n)| view! { <tr><th scope="row">{label}</th>{bar_cell(n, max, false)}</tr> })
        .collect_view();
    view! {
        <table class="staff-table staff-table--compact bar-table">
            <caption>{tr(caption)}</caption>
            <thead><tr><th scope="col">{tr(head)}</th><th scope="col">{tr(|t| t.pre_exam_requests)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// "5 个工作日（7 个自然日），共 3 件" or "—" before any.
fn median_text(d: Durations) -> impl Fn() -> String {
    let prefs = use_prefs();
    move || {
        let t = workbench_texts(prefs.lang.get());
        let days = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
        t.pre_exam_median(
            days(d.median_working_days),
            days(d.median_calendar_days),
            d.count,
        )
    }
}

#[component]
pub fn PreExamNumbers(stats: PreExamStats) -> impl IntoView {
    let prefs = use_prefs();
    let by_field = stats
        .by_field
        .iter()
        .map(|f| {
            let (zh, en) = (f.name_zh.clone(), f.name_en.clone());
            let label = Signal::derive(move || prefs.lang.get().pick(&zh, &en).to_owned());
            (label, f.count)
        })
        .collect();
    let by_venue = stats
        .by_venue
        .iter()
        .map(|v| {
            let venue = v.venue;
            let label = Signal::derive(move || venue.label(prefs.lang.get()).to_owned());
            (label, v.count)
        })
        .collect();
    let rate = stats.pass_rate_percent;
    let (passed, failed) = (stats.passed, stats.failed);
    let rate_text = move || {
        let t = workbench_texts(prefs.lang.get());
        match rate {
            Some(p) => t.pre_exam_pass_rate_value(p, passed, failed),
            None => t.pre_exam_no_decisions.to_owned(),
        }
    };
    let (near, overdue) = (stats.near_deadline, stats.overdue);
    let firms = stats.firms_near_quota.clone();
    view! {
        <section aria-labelledby="pre-exams-numbers-heading">
            <h2 id="pre-exams-numbers-heading">{tr(|t| t.pre_exam_numbers)}</h2>
            <p>{move || workbench_texts(prefs.lang.get()).pre_exam_submitted_count(stats.submitted)}</p>
            <div class="overview-grid">
                <div>{bars(|t| t.pre_exam_by_field, |t| t.pre_exam_field, by_field)}</div>
                <div>{bars(|t| t.pre_exam_by_venue, |t| t.pre_exam_venue, by_venue)}</div>
            </div>
            <dl class="summary-list">
                <div class="summary-list__row"><dt>{tr(|t| t.pre_exam_pass_rate)}</dt><dd>{rate_text}</dd></div>
                <div class="summary-list__row"><dt>{tr(|t| t.pre_exam_median_to_pass)}</dt><dd>{median_text(stats.to_pass)}</dd></div>
                <div class="summary-list__row"><dt>{tr(|t| t.pre_exam_median_to_grant)}</dt><dd>{median_text(stats.pass_to_grant)}</dd></div>
                <div class="summary-list__row"><dt>{tr(|t| t.pre_exam_near_deadline)}</dt><dd>{near}</dd></div>
                <div class="summary-list__row"><dt>{tr(|t| t.pre_exam_overdue)}</dt><dd>{overdue}</dd></div>
            </dl>
            <h3>{tr(|t| t.pre_exam_firms_near_quota)}</h3>
            {if firms.is_empty() {
                view! { <p class="empty-state">{tr(|t| t.pre_exam_no_firms_near_quota)}</p> }.into_any()
            } else {
                view! {
                    <ul class="list-bullet">{firms.into_iter().map(|f| {
                        let (used, total) = (f.used, f.total);
                        view! { <li>{f.firm_name}" · "{move || workbench_texts(prefs.lang.get()).pre_exam_quota_use(used, total)}</li> }
                    }).collect_view()}</ul>
                }.into_any()
            }}
        </section>
    }
}
