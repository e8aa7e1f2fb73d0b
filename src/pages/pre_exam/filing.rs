//! After passing: the pass notice (its number and date, and the printable page), and the form
//! to report the national application (its number and filing date). The report is checked by
//! the domain's own `FilingReport::check` (the ZC 0006 check character, the kind digit against
//! the request's kind, the year against the filing date) before it is sent, with the server's
//! words at the server's fields.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::pre_exam::{FilingReport, PreExamError};
use portal_domain::Localized;

use super::texts::{pe_text, pick, pre_exam_texts};
use super::{page_href, use_loaded};
use crate::api;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::components::submit::{refused, Submit};
use crate::dates::{days_left, long_date};
use crate::prefs::use_prefs;

/// The field of the report a problem is at, as the server names it.
fn field_of(e: &PreExamError) -> &'static str {
    match e {
        PreExamError::DateFormat | PreExamError::FilingDate => "filed_on",
        _ => "number",
    }
}

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
pub fn Filing() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let (exam, today, left) = loaded
        .data
        .with_untracked(|d| (d.examination.clone(), d.today, d.days_left));
    let Some(exam) = exam else {
        return ().into_any();
    };
    let number = RwSignal::new(String::new());
    let filed_on = RwSignal::new(String::new());
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let state = exam.clone();
    let on_submit =
        form.on_submit(move |lang| {
            let report = FilingReport {
                number: number.get_untracked(),
                filed_on: filed_on.get_untracked(),
            };
            let checked = match report.check(&state, today) {
                Ok(_) => Ok(report),
                Err(e) => Err(vec![(field_of(&e).to_owned(), e.message(lang))] as FormErrors),
            };
            let csrf = loaded.csrf.get_value();
            let id = loaded.id;
            form.send(
            checked,
            move |report| async move { api::firm_report_filing(id, &report, &csrf, lang).await },
            move |data| loaded.data.set(data),
            move |error| refused(error, "number", &|f| f.to_owned(), pick(lang, |t| t.not_sent)),
        );
        });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let label = |t: super::texts::Tr| Signal::derive(pe_text(t));
    let due = exam.due_on;
    let returned = exam.reasons.clone();
    view! {
        <h2>{pe_text(|t| t.report_heading)}</h2>
        {(!returned.is_empty()).then(|| view! {
            <div class="notice notice--warning" role="status">
                <p>{pe_text(|t| t.report_returned)}</p>
                <ul class="list-bullet">{returned.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        })}
        {due.map(|date| view! {
            <p>{move || {
                let lang = prefs.lang.get();
                let left = left.map(|n| days_left(n, lang)).unwrap_or_default();
                pre_exam_texts(lang).report_lead(long_date(date, lang), left)
            }}</p>
        })}
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <TextField id="number" label=label(|t| t.number_label) hint=label(|t| t.number_hint)
                value=number error=error("number") inputmode="decimal"/>
            <TextField id="filed_on" label=label(|t| t.filed_on_label) hint=label(|t| t.filed_on_hint)
                value=filed_on error=error("filed_on") inputmode="numeric" short=true/>
            <button type="submit" class="button" disabled=move || busy.get()>{pe_text(|t| t.report_button)}</button>
        </form>
    }
    .into_any()
}
