//! `/fast-track/pre-exams/{id}/documents`: the documents the request's kind needs (and the joint
//! R&D agreement with co-applicants), each with its files (a link to open each, a remove button)
//! and a file input (the shared `components::file_slot`). Each file is stored as soon as it is
//! uploaded; a refused one is said at its document in the server's words. The amendment on the
//! request's page uses the same [`DocumentFiles`] to replace and add files.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{
    documents_for, Document, PreExamStatus, MAX_FILES_PER_DOCUMENT,
};
use portal_domain::Lang;

use super::texts::{pe_text, pre_exam_texts};
use super::{status_href, use_loaded, Loaded};
use crate::api;
use crate::components::file_slot::{slot_files, FileSlot};
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::prefs::{use_page_title, use_prefs};

/// What the file inputs accept: PDFs, and for a design's views photos too (checked again by
/// content on the server: `Document::accepts`).
fn accept(document: Document) -> &'static str {
    if document == Document::DesignViews {
        "application/pdf,image/jpeg,image/png"
    } else {
        "application/pdf"
    }
}

/// The form's id of a document's file input (where its problems are shown): its field's.
pub fn input_id(document: Document) -> String {
    document.field().replace('.', "-")
}

/// Reads the request again (the task list's states follow the files).
async fn refresh(loaded: Loaded, lang: Lang) {
    if let Ok(data) = api::firm_pre_exam(loaded.id, lang).await {
        loaded.data.set(data);
    }
}

/// Whether the firm may change the files now: a draft, or a request sent back to amend.
pub fn editable(loaded: Loaded) -> bool {
    loaded.data.with_untracked(|d| {
        d.examination
            .as_ref()
            .is_none_or(|e| e.status == PreExamStatus::NeedsAmendment)
    })
}

/// The documents of the request: those the server says it needs, or (a draft before that is
/// known) those its answers need.
pub fn documents(loaded: Loaded) -> Vec<Document> {
    loaded.data.with(|d| {
        if d.examination.is_some() && !d.documents.is_empty() {
            d.documents.clone()
        } else {
            documents_for(&d.answers)
        }
    })
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    use_page_title(|lang| pre_exam_texts(lang).section_documents);
    let errors = RwSignal::new(FormErrors::new());
    let back = loaded
        .data
        .with_untracked(|d| status_href(d.id, d.examination.is_none()));
    let rows = move || documents(loaded);
    let none = move || rows().is_empty();
    view! {
        <div class="container page narrow">
            <a href=back.clone() class="back-link">{pe_text(|t| t.back_to_request)}</a>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{pe_text(|t| t.section_documents)}</h1>
            <p class="lead">{pe_text(|t| t.documents_lead)}</p>
            <p class="hint">{move || pre_exam_texts(prefs.lang.get()).documents_rules(MAX_FILES_PER_DOCUMENT)}</p>
            {move || none().then(|| view! {
                <p class="inset-text">{pe_text(|t| t.documents_need_kind)}</p>
            })}
            <For each=rows key=|d| *d let:document>
                <DocumentFiles document=document errors=errors/>
            </For>
            <p><a href=back.clone() class="button">{pe_text(|t| t.continue_link)}</a></p>
        </div>
    }
}

/// One document: its files and its file input (the shared slot, storing into the request).
#[component]
pub fn DocumentFiles(document: Document, errors: RwSignal<FormErrors>) -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let files = Memo::new(move |_| {
        loaded.data.with(|d| {
            let own = d.files.iter().filter(|f| f.document == document);
            slot_files(own.map(|f| (f.id, f.name.as_str(), f.kind, f.size)), |id| {
                api::firm_pre_exam_file_href(loaded.id, id)
            })
        })
    });
    let send = move |file: web_sys::File| {
        let (lang, csrf) = (prefs.lang.get_untracked(), loaded.csrf.get_value());
        async move {
            api::firm_upload_pre_exam_file(loaded.id, &file, document, &csrf, lang).await?;
            refresh(loaded, lang).await;
            Ok(())
        }
    };
    let remove = move |file_id: i64| {
        let (lang, csrf) = (prefs.lang.get_untracked(), loaded.csrf.get_value());
        async move {
            let data = api::firm_delete_pre_exam_file(loaded.id, file_id, &csrf, lang).await?;
            loaded.data.set(data);
            Ok(())
        }
    };
    view! {
        <FileSlot id=input_id(document) name=move || document.label(prefs.lang.get()).to_owned()
            files=files max=MAX_FILES_PER_DOCUMENT accept=accept(document) editable=editable(loaded)
            errors=errors send=send remove=remove/>
    }
}
