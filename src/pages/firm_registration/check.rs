//! `/fast-track/registration/check`: every answer (and every uploaded document) with a link to
//! change it, the eligibility
//! rules, and submitting. A refusal's messages link to the question they are about (on its
//! section's page); a network failure keeps everything and says so.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use portal_domain::api::firm::registration::Section;

use super::answers::{materials, rows};
use super::eligibility::Eligibility;
use super::labels;
use super::questions::id_of;
use super::texts::{pick, reg_text, registration_texts};
use super::{section_href, use_loaded, LIST};
use crate::api;
use crate::components::answers::{answers_list, file_names, AnswerWords};
use crate::components::form::FormErrorSummary;
use crate::components::submit::{refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

/// Where the error summary links for a `section.field` name: the question on its page.
fn question_href(field: &str) -> String {
    let section = field
        .split('.')
        .next()
        .and_then(Section::from_code)
        .unwrap_or(Section::Firm);
    format!("{}#{}", section_href(section), id_of(field))
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let prefs = use_prefs();
    let navigate = use_navigate();
    let loaded = use_loaded();
    use_page_title(|lang| registration_texts(lang).check_heading);
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let on_submit = form.on_submit(move |lang| {
        let navigate = navigate.clone();
        let csrf = loaded.csrf.get_value();
        form.send(
            Ok(()),
            move |()| async move { api::firm_submit_registration(&csrf, lang).await },
            move |data| {
                loaded.data.set(data);
                navigate(LIST, Default::default());
            },
            move |error| {
                refused(
                    error,
                    "/fast-track/registration",
                    &question_href,
                    pick(lang, |t| t.not_sent),
                )
            },
        );
    });
    let sections = move || {
        let lang = prefs.lang.get();
        loaded.data.with(|d| {
            Section::ALL
                .into_iter()
                .map(|section| {
                    let rows = if section == Section::Uploads {
                        // Each document with its files' names (and sizes).
                        materials(&d.files, &d.settings.materials)
                            .into_iter()
                            .map(|(m, _, files)| {
                                let names =
                                    file_names(files.iter().map(|f| (f.name.as_str(), f.size)));
                                (labels::material(m, lang), names)
                            })
                            .collect()
                    } else {
                        rows(section, &d.answers, &d.settings.fields, lang)
                    };
                    let words = AnswerWords {
                        not_answered: pick(lang, |t| t.not_answered),
                        change: pick(lang, |t| t.change),
                    };
                    answers_list(
                        labels::section(section, lang),
                        rows,
                        section_href(section),
                        words,
                    )
                })
                .collect_view()
        })
    };
    view! {
        <div class="container page narrow">
            <A href=LIST attr:class="back-link">{reg_text(|t| t.back_to_list)}</A>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{reg_text(|t| t.check_heading)}</h1>
            <p class="lead">{reg_text(|t| t.check_lead)}</p>
            {sections}
            <Eligibility/>
            <form novalidate on:submit=on_submit>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { reg_text(|t| t.submitting)() } else { reg_text(|t| t.submit_button)() }}
                </button>
            </form>
        </div>
    }
}
