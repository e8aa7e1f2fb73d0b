//! `/fast-track/registration/uploads`: the registration's documents (营业执照, 社保缴纳证明, the
//! signed and sealed 承诺书, R&D proof). For each, its name (optional when the center does not
//! require it), what files are taken, the files already there with a link to open each and a
//! remove button, and a file input (the shared `components::upload`). Each file is stored as
//! soon as it is uploaded; a refused one is said at its document and in the error summary, in
//! the server's words (the same as the rights-assistance uploads').

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::firm::registration::{Material, Section, MAX_FILES_PER_MATERIAL};
use portal_domain::Lang;

use super::answers::materials;
use super::labels;
use super::questions::id_of;
use super::texts::{reg_text, registration_texts};
use super::{use_loaded, Loaded, LIST};
use crate::api;
use crate::components::file_slot::{slot_files, FileSlot};
use crate::components::form::{FormErrorSummary, FormErrors};
use crate::components::upload::PHOTOS_AND_PDF;
use crate::prefs::{use_page_title, use_prefs};

/// The form's id of a document's file input (where its problems are shown).
fn input_id(material: Material) -> String {
    id_of(&material.field())
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

/// One document: its files and its file input (the shared slot, storing into the registration).
#[component]
fn MaterialFiles(
    material: Material,
    required: bool,
    errors: RwSignal<FormErrors>,
    editable: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let files = Memo::new(move |_| {
        loaded.data.with(|d| {
            let own = d.files.iter().filter(|f| f.purpose == material);
            slot_files(
                own.map(|f| (f.id, f.name.as_str(), f.kind, f.size)),
                api::firm_registration_file_href,
            )
        })
    });
    let name = move || {
        let lang = prefs.lang.get();
        let name = labels::material(material, lang);
        match required {
            true => name.to_owned(),
            false => format!("{name}{}", registration_texts(lang).material_optional),
        }
    };
    let send = move |file: web_sys::File| {
        let (lang, csrf) = (prefs.lang.get_untracked(), loaded.csrf.get_value());
        async move {
            api::firm_upload_registration_file(&file, material, &csrf, lang).await?;
            refresh(loaded, lang).await;
            Ok(())
        }
    };
    let remove = move |file_id: i64| {
        let (lang, csrf) = (prefs.lang.get_untracked(), loaded.csrf.get_value());
        async move {
            let data = api::firm_delete_registration_file(file_id, &csrf, lang).await?;
            loaded.data.set(data);
            Ok(())
        }
    };
    view! {
        <FileSlot id=input_id(material) name=name files=files max=MAX_FILES_PER_MATERIAL
            accept=PHOTOS_AND_PDF editable=editable errors=errors send=send remove=remove/>
    }
}
