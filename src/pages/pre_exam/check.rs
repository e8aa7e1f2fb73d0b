//! `/fast-track/pre-exams/{id}/check`: every answer and document with a link to change it, and
//! submitting. The domain's `check_submission` runs first (every problem at once, each linking
//! to its part's page), then the server's; a network failure keeps everything and says so. The
//! server's submit is idempotent, so pressing again after a lost answer makes no second request.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::pre_exam::{check_submission, Exclusion, FirmPreExam};
use portal_domain::{Lang, Localized};

use super::documents::documents;
use super::sections::Section;
use super::texts::{pe_text, pick, pre_exam_texts};
use super::{page_href, use_loaded};
use crate::api;
use crate::app_links::use_go;
use crate::components::answers::{answers_list, file_names, AnswerWords};
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::submit::{refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

/// Where the error summary links for a problem's field: the question on its part's page.
fn question_href(id: i64, field: &str) -> String {
    let section = Section::of(field);
    let anchor = if section == Section::Documents {
        field.replace('.', "-")
    } else {
        field.to_owned()
    };
    format!("{}#{anchor}", page_href(id, section.code()))
}

/// The answers of a part as (question, answer) rows.
fn rows(section: Section, d: &FirmPreExam, lang: Lang) -> Vec<(String, Option<String>)> {
    let t = pre_exam_texts(lang);
    let a = &d.answers;
    let yes_no = |v: Option<bool>| v.map(|v| if v { t.yes } else { t.no }.to_owned());
    let names = |list: &[String]| (!list.is_empty()).then(|| list.join("、"));
    match section {
        Section::Application => vec![
            (
                t.venue_label.into(),
                a.venue.map(|v| v.label(lang).to_owned()),
            ),
            (
                t.kind_label.into(),
                a.kind.map(|k| k.label(lang).to_owned()),
            ),
            (t.classification_label.into(), a.classification.clone()),
        ],
        Section::Exclusions => Exclusion::ALL
            .into_iter()
            .filter(|x| x.asked(a.kind))
            .map(|x| {
                (
                    pick(lang, super::questions::question(x)).into(),
                    yes_no(a.exclusion(x)),
                )
            })
            .collect(),
        Section::Details => vec![
            (t.title_label.into(), a.title.clone()),
            (t.inventors_label.into(), names(&a.inventors)),
            (t.summary_label.into(), a.summary.clone()),
            (t.co_applicants_label.into(), names(&a.co_applicants)),
        ],
        Section::Documents => Vec::new(),
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go();
    let loaded = use_loaded();
    let id = loaded.id;
    use_page_title(|lang| pre_exam_texts(lang).check_heading);
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let on_submit = form.on_submit(move |lang| {
        let go = go.clone();
        let csrf = loaded.csrf.get_value();
        let checked = loaded.data.with_untracked(|d| {
            check_submission(&d.answers, &d.files, &d.fields)
                .map(|_| ())
                .map_err(|p| {
                    p.into_iter()
                        .map(|(f, e)| (question_href(id, &f), e.message(lang)))
                        .collect::<FormErrors>()
                })
        });
        form.send(
            checked,
            move |()| async move { api::firm_submit_pre_exam(id, &csrf, lang).await },
            move |data| {
                loaded.data.set(data);
                go(&page_href(id, "confirmation"));
            },
            move |error| {
                let first = page_href(id, "");
                refused(
                    error,
                    &first,
                    &|f| question_href(id, f),
                    pick(lang, |t| t.not_sent),
                )
            },
        );
    });
    let documents = move || documents(loaded);
    let sections = move || {
        let lang = prefs.lang.get();
        Section::ALL
            .into_iter()
            .map(|section| {
                let rows = if section == Section::Documents {
                    loaded.data.with(|d| {
                        documents()
                            .into_iter()
                            .map(|doc| {
                                let files = d.files.iter().filter(|f| f.document == doc);
                                let names = file_names(files.map(|f| (f.name.as_str(), f.size)));
                                (doc.label(lang).to_owned(), names)
                            })
                            .collect()
                    })
                } else {
                    loaded.data.with(|d| rows(section, d, lang))
                };
                let words = AnswerWords {
                    not_answered: pick(lang, |t| t.not_answered),
                    change: pick(lang, |t| t.change),
                };
                let heading = pick(lang, section.label()).to_owned();
                answers_list(heading, rows, page_href(id, section.code()), words)
            })
            .collect_view()
    };
    view! {
        <div class="container page narrow">
            <A href=page_href(id, "") attr:class="back-link">{pe_text(|t| t.back_to_request)}</A>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{pe_text(|t| t.check_heading)}</h1>
            <p class="lead">{pe_text(|t| t.check_lead)}</p>
            {sections}
            <form novalidate on:submit=on_submit>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { pe_text(|t| t.submitting)() } else { pe_text(|t| t.submit_button)() }}
                </button>
            </form>
        </div>
    }
}
