//! One document of a firm's form (a registration's material, a pre-examination request's
//! document): its heading, its files (each a link that opens it, its kind and size, and a remove
//! button while the firm may change them), the files on their way, its refusal (also in the
//! form's error summary, under the file input's id) and the file input. Each chosen file is sent
//! at once ([`upload_each`]); where it goes is the page's (`send`, `remove`). Its texts are one
//! catalog for both forms (`locales/*/file_slot.toml`), carried only by the apps that show it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::files::FileKind;
use portal_domain::Lang;

use crate::api::ApiError;
use crate::components::form::FormErrors;
use crate::components::upload::{size_text, upload_each, FileButton, SlotError, SlotRefusals};
use crate::prefs::use_prefs;

include!(concat!(env!("OUT_DIR"), "/texts_file_slot.rs"));

crate::prefs::feature_texts!(FileSlotTexts, file_slot_texts, slot_text);

/// A stored file as the slot shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotFile {
    pub id: i64,
    pub name: String,
    /// Where it opens (the service's own file route).
    pub href: String,
    pub kind: FileKind,
    pub size: u64,
}

/// The slot's files from a service's own (each file's id, name, kind and size), each opening at
/// `href(id)`.
pub fn slot_files<'a>(
    files: impl Iterator<Item = (i64, &'a str, FileKind, u64)>,
    href: impl Fn(i64) -> String,
) -> Vec<SlotFile> {
    files
        .map(|(id, name, kind, size)| SlotFile {
            id,
            name: name.to_owned(),
            href: href(id),
            kind,
            size,
        })
        .collect()
}

/// What the slot says when the server did not take a file: its own words for a refusal.
fn message_for(error: ApiError, lang: Lang) -> String {
    let t = file_slot_texts(lang);
    match error {
        ApiError::Validation(body) => body.message,
        ApiError::Offline => t.upload_offline.to_owned(),
        _ => t.upload_failed.to_owned(),
    }
}

/// One document: its files and its file input. `send` stores a file (and reads the form again
/// so its states follow), `remove` deletes one by its id; `max` files at most.
#[component]
pub fn FileSlot<N, S, SF, R, RF>(
    /// The file input's id; the heading's is `{id}-heading`, the message's `{id}-error`.
    id: String,
    /// The document's name (reactive): the heading, and said with the button to screen readers.
    name: N,
    files: Memo<Vec<SlotFile>>,
    max: usize,
    /// What the file input takes (checked again by content on the server).
    accept: &'static str,
    /// Whether files may be added and removed now.
    editable: bool,
    errors: RwSignal<FormErrors>,
    send: S,
    remove: R,
) -> impl IntoView
where
    N: Fn() -> String + Copy + Send + Sync + 'static,
    S: Fn(web_sys::File) -> SF + Clone + Send + Sync + 'static,
    SF: Future<Output = Result<(), ApiError>> + 'static,
    R: Fn(i64) -> RF + Copy + Send + Sync + 'static,
    RF: Future<Output = Result<(), ApiError>> + 'static,
{
    let prefs = use_prefs();
    let heading_id = format!("{id}-heading");
    let error_id = format!("{id}-error");
    let uploading = RwSignal::new(Vec::<String>::new());
    let slot = SlotError::new(errors, id.clone());
    let error = Signal::derive(move || slot.get());
    let start = move |chosen: Vec<web_sys::File>| {
        let lang = prefs.lang.get_untracked();
        let t = file_slot_texts(lang);
        let refusals = SlotRefusals {
            full: t.full(max),
            too_big: t.file_too_big.to_owned(),
        };
        let room =
            max.saturating_sub(files.with_untracked(Vec::len) + uploading.with_untracked(Vec::len));
        let send = send.clone();
        upload_each(chosen, room, refusals, uploading, slot, move |file| {
            let sent = send(file);
            async move { sent.await.map_err(|e| message_for(e, lang)) }
        });
    };
    let on_remove = move |file_id: i64| {
        let lang = prefs.lang.get_untracked();
        let removed = remove(file_id);
        spawn_local(async move {
            let failed = removed.await.is_err();
            slot.set(failed.then(|| file_slot_texts(lang).remove_failed.to_owned()));
        });
    };
    let list = move || {
        files
            .get()
            .into_iter()
            .map(|f| {
                let (id, size, kind) = (f.id, size_text(f.size), f.kind);
                let facts = move || format!("{} · {size}", kind.label(prefs.lang.get()));
                let file_name = f.name.clone();
                view! {
                    <li class="file-card">
                        <div class="file-card__body">
                            <a class="file-card__name" href=f.href>{f.name}</a>
                            <p class="file-card__facts">{facts}</p>
                            {editable.then(|| view! {
                                <div class="file-card__actions">
                                    <button type="button" class="button button--link" on:click=move |_| on_remove(id)>
                                        {slot_text(|t| t.remove_file)}
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
    view! {
        <section class="form-group" class:form-group--error=move || error.with(Option::is_some) aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{name}</h2>
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            {move || files.with(Vec::is_empty).then(|| view! { <p class="hint">{slot_text(|t| t.no_files)}</p> })}
            <ul class="file-list">{list}</ul>
            <ul class="upload__pending" aria-live="polite">
                {move || uploading.get().into_iter().map(|n| view! {
                    <li class="upload__item">
                        <span class="spinner" aria-hidden="true"></span>
                        {move || file_slot_texts(prefs.lang.get()).uploading(&n)}
                    </li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <FileButton id=id.clone() class="button button--secondary upload__button" accept=accept
                    multiple=true disabled=Signal::derive(move || files.with(Vec::len) >= max) on_files=start>
                    {slot_text(|t| t.choose_file)}
                    <span class="visually-hidden">"："{name}</span>
                </FileButton>
            })}
        </section>
    }
}
