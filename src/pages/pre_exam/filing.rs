//! `/fast-track/pre-exams/{id}/filing`: after passing, the form to report the national
//! application (its number and filing date). A page of the questions' app, which carries the
//! domain's messages already (in the tracking app they were over its budget). The report is checked by
//! the domain's own `FilingReport::check` (the ZC 0006 check character, the kind digit against
//! the request's kind, the year against the filing date) before it is sent, with the server's
//! words at the server's fields.

use leptos::prelude::*;

use super::report_due;
use portal_domain::api::firm::pre_exam::{FilingReport, PreExamError};
use portal_domain::Localized;

use super::texts::{pe_text, pick, pre_exam_texts};
use super::{page_href, use_loaded};
use crate::api;
use crate::app_links::use_go;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, TextField};
use crate::components::submit::{refused, Submit};
use crate::prefs::use_page_title;

/// The field of the report a problem is at, as the server names it.
fn field_of(e: &PreExamError) -> &'static str {
    match e {
        PreExamError::DateFormat | PreExamError::FilingDate => "filed_on",
        _ => "number",
    }
}

#[component]
pub fn FilingPage() -> impl IntoView {
    let go = use_go();
    use_page_title(|lang| pre_exam_texts(lang).report_heading);
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
    let status = page_href(loaded.id, "status");
    let back = status.clone();
    let on_submit =
        form.on_submit(move |lang| {
            let go = go.clone();
            let status = status.clone();
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
            move |data| {
                loaded.data.set(data);
                go(&status);
            },
            move |error| refused(error, "number", &|f| f.to_owned(), pick(lang, |t| t.not_sent)),
        );
        });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let label = |t: super::texts::Tr| Signal::derive(pe_text(t));
    let due = exam.due_on;
    view! {
        <div class="container page narrow">
        <a href=back.clone() class="back-link">{pe_text(|t| t.back_to_request)}</a>
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{pe_text(|t| t.report_heading)}</h1>
        {report_due(due, left)}
        <form novalidate on:submit=on_submit>
            <TextField id="number" label=label(|t| t.number_label) hint=label(|t| t.number_hint)
                value=number error=error("number") inputmode="decimal"/>
            <TextField id="filed_on" label=label(|t| t.filed_on_label) hint=label(|t| t.filed_on_hint)
                value=filed_on error=error("filed_on") inputmode="numeric" short=true/>
            <button type="submit" class="button" disabled=move || busy.get()>{pe_text(|t| t.report_button)}</button>
        </form>
        </div>
    }
    .into_any()
}
