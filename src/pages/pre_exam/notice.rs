//! `/fast-track/pre-exams/{id}/notice`: the pass notice (预审合格通知书) as a page to print: its
//! number and date and the request it is for. The stylesheet's print rules leave out the header,
//! footer and buttons. The notice's number and date also head the request's status page
//! ([`Notice`]).

use leptos::prelude::*;
use leptos_router::components::A;

use super::texts::{pe_text, pre_exam_texts};
use super::{page_href, use_loaded};
use crate::dates::long_date;
use crate::pages::not_found::NotFound;
use crate::prefs::{use_page_title, use_prefs};

/// The pass notice's number and date, with the way to print it.
#[component]
pub fn Notice() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let notice = loaded
        .data
        .with_untracked(|d| d.examination.as_ref().and_then(|e| e.notice.clone()));
    notice.map(|n| {
        let on = n.issued_on;
        view! {
            <div class="panel panel--confirmation">
                <h2 class="panel__title">{pe_text(|t| t.passed_title)}</h2>
                <p class="panel__body">
                    {pe_text(|t| t.notice_number)}<br/>
                    <strong class="reference">{n.number}</strong><br/>
                    {pe_text(|t| t.notice_date)}" "{move || long_date(on, prefs.lang.get())}
                </p>
            </div>
            <p><A href=page_href(loaded.id, "notice")>{pe_text(|t| t.notice_link)}</A></p>
        }
    })
}

#[component]
pub fn NoticePage() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    use_page_title(|lang| pre_exam_texts(lang).notice_heading);
    let d = loaded.data.get_untracked();
    let Some(notice) = d.examination.as_ref().and_then(|e| e.notice.clone()) else {
        return view! { <NotFound/> }.into_any();
    };
    let a = d.answers.clone();
    let on = notice.issued_on;
    let rows = move || {
        let lang = prefs.lang.get();
        let t = pre_exam_texts(lang);
        [
            (t.notice_number, notice.number.clone()),
            (t.notice_date, long_date(on, lang)),
            (t.reference_label, d.reference.clone().unwrap_or_default()),
            (t.title_label, a.title.clone().unwrap_or_default()),
            (t.kind_label, a.kind.map(|k| k.label(lang)).unwrap_or_default().to_owned()),
            (t.classification_short, a.classification.clone().unwrap_or_default()),
            (t.inventors_label, a.inventors.join("、")),
            (t.venue_label, a.venue.map(|v| v.label(lang)).unwrap_or_default().to_owned()),
        ]
        .into_iter()
        .map(|(term, value)| view! {
            <div class="summary-list__row"><dt>{term}</dt><dd class="summary-list__value">{value}</dd></div>
        })
        .collect_view()
    };
    view! {
        <div class="container page narrow notice-page">
            <A href=page_href(loaded.id, "status") attr:class="back-link no-print">{pe_text(|t| t.back_to_request)}</A>
            <h1 tabindex="-1">{pe_text(|t| t.notice_heading)}</h1>
            <p>{pe_text(|t| t.notice_body)}</p>
            <dl class="summary-list">{rows}</dl>
            <p class="no-print">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let _ = window().print();
                }>{pe_text(|t| t.print)}</button>
            </p>
        </div>
    }
    .into_any()
}
