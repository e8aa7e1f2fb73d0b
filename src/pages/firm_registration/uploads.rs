//! `/fast-track/registration/uploads`: the registration's documents (营业执照, 社保缴纳证明, the
//! signed and sealed 承诺书, R&D proof). For each, its name (optional when the center does not
//! require it), what files are taken, the files already there with a link to open each and a
//! remove button, and a file input (the shared `components::upload`). Each file is stored as
//! soon as it is uploaded; a refused one is said at its document and in the error summary, in
//! the server's words (the same as the rights-assistance uploads').

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use portal_domain::api::firm::registration::{
    Material, RegistrationFile, Section, MAX_FILES_PER_MATERIAL,
};
use portal_domain::Lang;

use super::answers::materials;
use super::labels;
use super::questions::id_of;
use super::texts::{reg_text, registration_texts};
use super::{use_loaded, Loaded, LIST};
use crate::api::{self, ApiError};
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::upload::{
    size_text, upload_each, FileButton, SlotError, SlotRefusals, PHOTOS_AND_PDF,
};
use crate::prefs::{use_page_title, use_prefs};

/// The form's id of a document's file input (where its problems are shown).
fn input_id(material: Material) -> String {
    id_of(&material.field())
}

fn message_for(error: ApiError, lang: Lang) -> String {
    let t = registration_texts(lang);
    match error {
        ApiError::Validation(body) => body.message,
        ApiError::Offline => t.upload_offline.to_owned(),
        _ => t.upload_failed.to_owned(),
    }
}

/// Reads the registration again (the task list's states follow the files).
async fn refresh(loaded: Loaded, lang: Lang) {
    if let Ok(data) = api::firm_registration(lang).await {
        loaded.data.set(data);
    }
}

#[component]
pub fn UploadsPage() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    use_page_title(|lang| labels::section(Section::Uploads, lang));
    let errors = RwSignal::new(FormErrors::new());
    let editable = loaded.data.with_untracked(|d| d.status.editable());
    // The documents and whether each is required; each document reads its own files, so an
    // upload keeps the focus where it was.
    let rows = move || {
        loaded.data.with(|d| {
            materials(&d.files, &d.settings.materials)
                .into_iter()
                .map(|(m, required, _)| (m, required))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="container page narrow">
            <A href=LIST attr:class="back-link">{reg_text(|t| t.back_to_list)}</A>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{move || labels::section(Section::Uploads, prefs.lang.get())}</h1>
            <p class="lead">{reg_text(|t| t.uploads_lead)}</p>
            <p class="hint">{move || registration_texts(prefs.lang.get()).uploads_rules(MAX_FILES_PER_MATERIAL)}</p>
            <p class="inset-text">{reg_text(|t| t.uploads_required_note)}</p>
            <For each=rows key=|row| *row let:row>
                <MaterialFiles material=row.0 required=row.1 errors=errors editable=editable/>
            </For>
            <p><A href=LIST attr:class="button">{reg_text(|t| t.continue_link)}</A></p>
        </div>
    }
}

/// One document: its files and its file input.
#[component]
fn MaterialFiles(
    material: Material,
    required: bool,
    errors: RwSignal<FormErrors>,
    editable: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let id = input_id(material);
    let heading_id = format!("{id}-heading");
    let uploading = RwSignal::new(Vec::<String>::new());
    let files = Memo::new(move |_| {
        loaded.data.with(|d| {
            d.files
                .iter()
                .filter(|f| f.purpose == material)
                .cloned()
                .collect::<Vec<RegistrationFile>>()
        })
    });
    let count = move || files.with(Vec::len);
    let slot = SlotError::new(errors, id.clone());
    let error = Signal::derive(move || slot.get());
    let start = move |chosen: Vec<web_sys::File>| {
        let lang = prefs.lang.get_untracked();
        let t = registration_texts(lang);
        let refusals = SlotRefusals {
            full: t.material_full(MAX_FILES_PER_MATERIAL),
            too_big: t.file_too_big.to_owned(),
        };
        let csrf = loaded.csrf.get_value();
        let room = MAX_FILES_PER_MATERIAL
            .saturating_sub(files.with_untracked(Vec::len) + uploading.with_untracked(Vec::len));
        upload_each(chosen, room, refusals, uploading, slot, move |file| {
            let csrf = csrf.clone();
            async move {
                match api::firm_upload_registration_file(&file, material, &csrf, lang).await {
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
            match api::firm_delete_registration_file(file_id, &csrf, lang).await {
                Ok(data) => {
                    slot.set(None);
                    loaded.data.set(data);
                }
                Err(_) => slot.set(Some(registration_texts(lang).remove_failed.to_owned())),
            }
        });
    };
    let name = move || labels::material(material, prefs.lang.get());
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
                            <a class="file-card__name" href=api::firm_registration_file_href(f.id)>{f.name.clone()}</a>
                            <p class="file-card__facts">{facts}</p>
                            {editable.then(|| view! {
                                <div class="file-card__actions">
                                    <button type="button" class="button button--link" on:click=move |_| remove(f.id)>
                                        {reg_text(|t| t.remove_file)}
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
            <h2 id=heading_id.clone()>
                {name}
                {(!required).then(|| reg_text(|t| t.material_optional))}
            </h2>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            {move || files.with(Vec::is_empty).then(|| view! { <p class="hint">{reg_text(|t| t.no_files)}</p> })}
            <ul class="file-list">{list}</ul>
            <ul class="upload__pending" aria-live="polite">
                {move || uploading.get().into_iter().map(|n| view! {
                    <li class="upload__item">
                        <span class="spinner" aria-hidden="true"></span>
                        {move || registration_texts(prefs.lang.get()).uploading(&n)}
                    </li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <FileButton id=id.clone() class="button button--secondary upload__button" accept=PHOTOS_AND_PDF
                    multiple=true disabled=Signal::derive(move || count() >= MAX_FILES_PER_MATERIAL) on_files=start>
                    {reg_text(|t| t.choose_file)}
                    <span class="visually-hidden">"："{name}</span>
                </FileButton>
            })}
        </section>
    }
}
