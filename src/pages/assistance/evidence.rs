use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::assistance::{EvidenceFile, FilePurpose, Section, MAX_FILES};

use super::draft::use_draft;
use super::files::{FileCard, UploadTarget, Uploader};
use super::texts::{assistance_text, assistance_texts};
use super::{error_signal, SectionFrame};
use crate::api;
use crate::components::form::FormErrors;
use crate::prefs::use_prefs;

/// `/assistance/apply/evidence`: photos and PDFs (from the phone's camera too), at most 10 of
/// 10 MB, each with a preview, "replace" and "remove"; the letter of authorisation when someone
/// applies for another; and the person's word that every file is there.
#[component]
pub fn EvidencePage() -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    let complete = RwSignal::new(store.draft.with_untracked(|d| d.evidence.complete));
    Effect::new(move |_| {
        let value = complete.get();
        store.update(|d| d.evidence.complete = value);
    });
    let errors = RwSignal::new(FormErrors::new());
    let files_error = error_signal(errors, "evidence.files");
    let complete_error = error_signal(errors, "evidence.complete");
    let acting = move || {
        store
            .draft
            .with(|d| d.applicant.acting_for_someone_else == Some(true))
    };
    let count = Signal::derive(move || store.files().len());
    let added = move |file: EvidenceFile| {
        store.view.update(|v| {
            if let Some(v) = v {
                v.files.push(file);
            }
        })
    };

    view! {
        <SectionFrame section=Section::Evidence errors=errors>
            <p>{assistance_text(|t| t.evidence_lead)}</p>
            <ul class="list-bullet">
                {move || assistance_texts(prefs.lang.get()).evidence_examples.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <p class="hint">{assistance_text(|t| t.evidence_rules)}</p>
            {move || acting().then(|| view! {
                <h2>{assistance_text(|t| t.letter_heading)}</h2>
                <p>{assistance_text(|t| t.letter_body)}</p>
                <FileList purpose=FilePurpose::AuthorisationLetter/>
                <Uploader
                    id="evidence-letter"
                    target=UploadTarget::draft(store, FilePurpose::AuthorisationLetter)
                    count=count
                    on_uploaded=added
                    single=true
                />
            })}
            <h2>{assistance_text(|t| t.evidence_files_heading)}</h2>
            <p class="caption" aria-live="polite">
                {move || assistance_texts(prefs.lang.get()).files_count(count.get(), MAX_FILES)}
            </p>
            <FileList purpose=FilePurpose::Evidence/>
            <div class="form-group" class:form-group--error=move || files_error.with(Option::is_some)>
                {move || files_error.get().map(|m| view! { <p class="field-error" id="evidence-files-error">{m}</p> })}
                <Uploader
                    id="evidence-files"
                    target=UploadTarget::draft(store, FilePurpose::Evidence)
                    count=count
                    on_uploaded=added
                />
            </div>
            <div class="form-group" class:form-group--error=move || complete_error.with(Option::is_some)>
                {move || complete_error.get().map(|m| view! { <p class="field-error" id="evidence-complete-error">{m}</p> })}
                <div class="choice">
                    <input
                        id="evidence-complete"
                        name="evidence-complete"
                        class="choice__input"
                        type="checkbox"
                        aria-describedby=move || complete_error.with(Option::is_some).then_some("evidence-complete-error")
                        prop:checked=move || complete.get()
                        on:change=move |ev| complete.set(event_target_checked(&ev))
                    />
                    <label class="choice__label" for="evidence-complete">{assistance_text(|t| t.evidence_complete_label)}</label>
                </div>
            </div>
        </SectionFrame>
    }
}

/// The draft's files of one purpose, each with "replace" and "remove".
#[component]
fn FileList(purpose: FilePurpose) -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    let problem = RwSignal::new(None::<String>);
    let files = move || {
        store
            .files()
            .into_iter()
            .filter(|f| f.purpose == purpose)
            .collect::<Vec<_>>()
    };
    let remove = move |id: i64| {
        let Some(token) = store.token.get_untracked() else {
            return;
        };
        let lang = prefs.lang.get_untracked();
        spawn_local(async move {
            match api::assistance_delete_draft_file(&token, id, lang).await {
                Ok(view) => {
                    problem.set(None);
                    store.set_files(view.files);
                }
                Err(_) => problem.set(Some(assistance_texts(lang).remove_failed.to_owned())),
            }
        });
    };
    view! {
        {move || problem.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        <ul class="file-list">
            <For each=files key=|f| f.id let:file>
                {
                    let token = store.token.get_untracked().unwrap_or_default();
                    let href = api::assistance_draft_file_href(&token, file.id);
                    let id = file.id;
                    let name = file.name.clone();
                    let name2 = file.name.clone();
                    let replace_id = format!("replace-{id}");
                    view! {
                        <FileCard file=file href=href>
                            <Replace id=replace_id old=id purpose=purpose name=name/>
                            <button type="button" class="button button--link" on:click=move |_| remove(id)>
                                {assistance_text(|t| t.remove)}
                                <span class="visually-hidden">" "{name2}</span>
                            </button>
                        </FileCard>
                    }
                }
            </For>
        </ul>
    }
}

/// "Replace": the new file is uploaded first, then the old one removed (so a refused file
/// leaves the old one in place).
#[component]
fn Replace(id: String, old: i64, purpose: FilePurpose, name: String) -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    let problem = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        let Some(token) = store.token.get_untracked() else {
            return;
        };
        let lang = prefs.lang.get_untracked();
        spawn_local(async move {
            let t = assistance_texts(lang);
            if file.size() > portal_domain::api::assistance::MAX_FILE_BYTES as f64 {
                problem.set(Some(t.file_too_big.to_owned()));
                return;
            }
            // The old file goes only once the new one is stored, so a refused file leaves the
            // old one in place (with ten files the server has no room: remove one first).
            match api::assistance_upload_draft_file(&token, &file, purpose, lang).await {
                Ok(_) => match api::assistance_delete_draft_file(&token, old, lang).await {
                    Ok(view) => {
                        problem.set(None);
                        store.set_files(view.files);
                    }
                    Err(_) => problem.set(Some(t.remove_failed.to_owned())),
                },
                Err(crate::api::ApiError::Validation(body)) => problem.set(Some(body.message)),
                Err(_) => problem.set(Some(t.upload_failed.to_owned())),
            }
        });
    };
    view! {
        <label class="button button--link upload__button">
            <input id=id type="file" class="upload__input" accept="image/*,application/pdf" on:change=on_change/>
            {assistance_text(|t| t.replace)}
            <span class="visually-hidden">" "{name}</span>
        </label>
        {move || problem.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
    }
}
