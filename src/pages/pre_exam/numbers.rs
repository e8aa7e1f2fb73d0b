//! `/fast-track/pre-exams/numbers` (the tracking app): the firm's own numbers — what it
//! submitted and how its requests fared, the center's computation (`pre_exam_stats`) over its
//! requests only (`GET /api/v1/firm/pre-exam-numbers`). A page of its own so that the list's
//! app does not carry them (it is at the 200 KB budget).

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{Durations, FirmNumbers};

use super::texts::{pe_text, pre_exam_texts};
use super::LIST;
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn NumbersPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| pre_exam_texts(lang).numbers_heading);
    let numbers =
        LocalResource::new(move || api::firm_pre_exam_numbers(prefs.lang.get_untracked()));
    view! {
        <div class="container page narrow">
            <a href=LIST rel="external" class="back-link">{pe_text(|t| t.back_to_list)}</a>
            <h1 tabindex="-1">{pe_text(|t| t.numbers_heading)}</h1>
            {move || match numbers.get() {
                None => view! { <Loading label=Signal::derive(pe_text(|t| t.loading))/> }.into_any(),
                Some(Ok(stats)) => view! { <OwnNumbers stats=stats/> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error=error on_retry=move |_| numbers.refetch()/> }.into_any(),
            }}
        </div>
    }
}

/// The firm's own numbers: what it submitted and how its requests fared (the center's overview
/// shows the same figures for every firm: `pre_exam_stats`).
#[component]
fn OwnNumbers(stats: FirmNumbers) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || {
        let t = pre_exam_texts(prefs.lang.get());
        let median = |d: Durations| match d.median_working_days {
            Some(n) => t.numbers_working_days(n),
            None => t.numbers_none.to_owned(),
        };
        let (to_pass, to_grant) = (median(stats.to_pass), median(stats.pass_to_grant));
        t.numbers_summary(
            stats.submitted,
            stats.passed,
            stats.failed,
            to_pass,
            to_grant,
        )
    };
    view! { <p>{text}</p> }
}
