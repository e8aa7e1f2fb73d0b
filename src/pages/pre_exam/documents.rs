//! `/fast-track/pre-exams/{id}/documents`: the documents the request's kind needs (and the joint
//! R&D agreement with co-applicants), each with its files (a link to open each, a remove button)
//! and a file input (the shared `components::upload`). Each file is stored as soon as it is
//! uploaded; a refused one is said at its document in the server's words. The amendment on the
//! request's page uses the same [`DocumentFiles`] to replace and add files.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::firm::pre_exam::{
    documents_for, Document, PreExamFile, PreExamStatus, MAX_FILES_PER_DOCUMENT,
};
use portal_domain::Lang;

use super::texts::{pe_text, pre_exam_texts};
use super::{status_href, use_loaded, Loaded};
use crate::api::{self, ApiError};
use crate::app_links::rel_for;
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::upload::{size_text, upload_each, FileButton, SlotError, SlotRefusals};
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

fn message_for(error: ApiError, lang: Lang) -> String {
    let t = pre_exam_texts(lang);
    match error {
        ApiError::Validation(body) => body.message,
        ApiError::Offline => t.upload_offline.to_owned(),
        _ => t.upload_failed.to_owned(),
    }
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
            <a href=back.clone() rel=rel_for(&back) class="back-link">{pe_text(|t| t.back_to_request)}</a>
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
            <p><a href=back.clone() rel=rel_for(&back) class="button">{pe_text(|t| t.continue_link)}</a></p>
        </div>
    }
}

/// One document: its files and its file input.
#[component]
pub fn DocumentFiles(document: Document, errors: RwSignal<FormErrors>) -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let editable = editable(loaded);
    let id = input_id(document);
    let heading_id = format!("{id}-heading");
    let uploading = RwSignal::new(Vec::<String>::new());
    let files = Memo::new(move |_| {
        loaded.data.with(|d| {
            d.files
                .iter()
                .filter(|f| f.document == document)
                .cloned()
                .collect::<Vec<PreExamFile>>()
        })
    });
    let slot = SlotError::new(errors, id.clone());
    let error = Signal::derive(move || slot.get());
    let start = move |chosen: Vec<web_sys::File>| {
        let lang = prefs.lang.get_untracked();
        let t = pre_exam_texts(lang);
        let refusals = SlotRefusals {
            full: t.document_full(MAX_FILES_PER_DOCUMENT),
            too_big: t.file_too_big.to_owned(),
        };
        let csrf = loaded.csrf.get_value();
        let room = MAX_FILES_PER_DOCUMENT
            .saturating_sub(files.with_untracked(Vec::len) + uploading.with_untracked(Vec::len));
        upload_each(chosen, room, refusals, uploading, slot, move |file| {
            let csrf = csrf.clone();
            async move {
                match api::firm_upload_pre_exam_file(loaded.id, &file, document, &csrf, lang).await
                {
                    Ok(_) => {
                        refresh(loaded, lang).await;
                        Ok(())
                    }
                    Err(e) => Err(message_for(e, lang)),
                }
            }
        });
    };
    let remove = move |file_id: i64| {
        let lang = prefs.lang.get_untracked();
        let csrf = loaded.csrf.get_value();
        spawn_local(async move {
            match api::firm_delete_pre_exam_file(loaded.id, file_id, &csrf, lang).await {
                Ok(data) => {
                    slot.set(None);
                    loaded.data.set(data);
                }
                Err(_) => slot.set(Some(pre_exam_texts(lang).remove_failed.to_owned())),
            }
        });
    };
    let name = move || document.label(prefs.lang.get());
    let list = move || {
        files
            .get()
            .into_iter()
            .map(|f| {
                let (size, kind) = (size_text(f.size), f.kind);
                let facts = move || format!("{} · {size}", kind.label(prefs.lang.get()));
                let file_name = f.name.clone();
                view! {
                    <li class="file-card">
                        <div class="file-card__body">
                            <a class="file-card__name" href=api::firm_pre_exam_file_href(loaded.id, f.id)>{f.name.clone()}</a>
                            <p class="file-card__facts">{facts}</p>
                            {editable.then(|| view! {
                                <div class="file-card__actions">
                                    <button type="button" class="button button--link" on:click=move |_| remove(f.id)>
                                        {pe_text(|t| t.remove_file)}
                                        <span class="visually-hidden">" "{file_name.clone()}</span>
                                    </button>
                                </div>
                            })}
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let error_id = format!("{id}-error");
    view! {
        <section class="form-group" class:form-group--error=move || error.with(Option::is_some) aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{name}</h2>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            {move || files.with(Vec::is_empty).then(|| view! { <p class="hint">{pe_text(|t| t.no_files)}</p> })}
            <ul class="file-list">{list}</ul>
            <ul class="upload__pending" aria-live="polite">
                {move || uploading.get().into_iter().map(|n| view! {
                    <li class="upload__item">
                        <span class="spinner" aria-hidden="true"></span>
                        {move || pre_exam_texts(prefs.lang.get()).uploading(&n)}
                    </li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <FileButton id=id.clone() class="button button--secondary upload__button" accept=accept(document)
                    multiple=true disabled=Signal::derive(move || files.with(Vec::len) >= MAX_FILES_PER_DOCUMENT) on_files=start>
                    {pe_text(|t| t.choose_file)}
                    <span class="visually-hidden">"："{name}</span>
                </FileButton>
            })}
        </section>
    }
}
