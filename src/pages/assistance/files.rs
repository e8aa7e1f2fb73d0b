//! Evidence files: choosing them (or taking a photo), uploading them one by one with a message
//! per file when the server refuses one (in the person's language: it types files by content),
//! and the list of uploaded files with previews, "replace" and "remove".
//!
//! Previews of photos are the uploaded file itself, served back by the API (the
//! Content-Security-Policy allows images from the site, not `blob:` URLs); HEIC photos, which
//! only Safari can show, and PDFs get a file icon.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::assistance::{
    EvidenceFile, FileKind, FilePurpose, MAX_FILES, MAX_FILE_BYTES,
};
use portal_domain::Lang;

use super::draft::DraftStore;
use super::texts::{upload_text, upload_texts};
use crate::api::{self, ApiError};
pub use crate::components::upload::size_text;
use crate::components::upload::{FileButton, PHOTOS_AND_PDF};
use crate::prefs::use_prefs;

/// Where files go: a function that sends one. A function rather than a choice made here, so
/// that an app whose uploads go to a submitted request (`assistance-actions`) carries none of
/// the draft's code, nor the other the request's.
#[derive(Clone)]
pub struct UploadTarget(Rc<dyn Fn(web_sys::File, Lang) -> Sending>);

type Sending = Pin<Box<dyn Future<Output = Result<EvidenceFile, ApiError>>>>;

impl UploadTarget {
    /// The draft being filled in (its token is made on the first upload if needed).
    pub fn draft(store: DraftStore, purpose: FilePurpose) -> UploadTarget {
        UploadTarget(Rc::new(move |file, lang| {
            Box::pin(async move {
                let token = store.ensure_token().await?;
                api::assistance_upload_draft_file(&token, &file, purpose, lang).await
            })
        }))
    }

    /// A submitted request, for a reply to the center (its tracking token).
    pub fn request(token: String) -> UploadTarget {
        UploadTarget(Rc::new(move |file, lang| {
            let token = token.clone();
            Box::pin(async move { api::assistance_upload_request_file(&token, &file, lang).await })
        }))
    }
}

/// One file that is being uploaded or was refused.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    key: u32,
    name: String,
    /// The reason it was not added; `None` while it is on its way.
    problem: Option<String>,
}

fn message_for(error: ApiError, lang: Lang) -> String {
    let t = upload_texts(lang);
    match error {
        ApiError::Validation(body) => body.message,
        ApiError::Offline => t.upload_offline.to_owned(),
        _ => t.upload_failed.to_owned(),
    }
}

/// Uploads one file, checking first what can be checked here (its size).
async fn upload(
    target: &UploadTarget,
    file: web_sys::File,
    lang: Lang,
) -> Result<EvidenceFile, String> {
    if file.size() > MAX_FILE_BYTES as f64 {
        return Err(upload_texts(lang).file_too_big.to_owned());
    }
    (target.0)(file, lang)
        .await
        .map_err(|e| message_for(e, lang))
}

/// "Choose photos or PDF files" and "Take a photo", with the files on their way and those
/// refused. `count` is how many files the target has (at most [`MAX_FILES`]);
/// `on_uploaded` gets each stored file.
#[component]
pub fn Uploader(
    /// The id of the first input (the error summary links to it).
    id: &'static str,
    target: UploadTarget,
    #[prop(into)] count: Signal<usize>,
    #[prop(into)] on_uploaded: Callback<EvidenceFile>,
    /// Only one file (a letter of authorisation).
    #[prop(optional)]
    single: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let pending = RwSignal::new(Vec::<Pending>::new());
    let next_key = StoredValue::new(0u32);
    let target = StoredValue::new_local(target);

    let start = move |files: Vec<web_sys::File>| {
        let lang = prefs.lang.get_untracked();
        let mut room = MAX_FILES.saturating_sub(count.get_untracked());
        for file in files {
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            let name = file.name();
            if room == 0 {
                pending.update(|p| {
                    p.push(Pending {
                        key,
                        name,
                        problem: Some(upload_texts(lang).too_many_files.to_owned()),
                    })
                });
                continue;
            }
            room -= 1;
            pending.update(|p| {
                p.push(Pending {
                    key,
                    name,
                    problem: None,
                })
            });
            let target = target.get_value();
            spawn_local(async move {
                match upload(&target, file, lang).await {
                    Ok(stored) => {
                        pending.update(|p| p.retain(|f| f.key != key));
                        on_uploaded.run(stored);
                    }
                    Err(problem) => pending.update(|p| {
                        if let Some(f) = p.iter_mut().find(|f| f.key == key) {
                            f.problem = Some(problem);
                        }
                    }),
                }
            });
        }
    };
    let camera_id = format!("{id}-camera");
    const BUTTON: &str = "button button--secondary upload__button";
    let full = move || count.get() >= MAX_FILES;

    view! {
        <div class="upload">
            <div class="upload__buttons">
                <FileButton id=id class=BUTTON accept=PHOTOS_AND_PDF multiple=!single
                    disabled=Signal::derive(full) on_files=start>
                    {upload_text(|t| t.choose_files)}
                </FileButton>
                <FileButton id=camera_id class=BUTTON accept="image/*" capture="environment"
                    disabled=Signal::derive(full) on_files=start>
                    {upload_text(|t| t.take_photo)}
                </FileButton>
            </div>
            <div aria-live="polite">
                <ul class="upload__pending">
                    <For each=move || pending.get() key=|p| (p.key, p.problem.clone()) let:p>
                        {
                            let key = p.key;
                            match p.problem {
                                None => view! {
                                    <li class="upload__item">
                                        <span class="spinner" aria-hidden="true"></span>
                                        {move || upload_texts(prefs.lang.get()).uploading(&p.name)}
                                    </li>
                                }.into_any(),
                                Some(problem) => view! {
                                    <li class="upload__item upload__item--error">
                                        <p class="field-error">
                                            <span class="upload__name">{p.name.clone()}</span>{"："}{problem}
                                        </p>
                                        <button
                                            type="button"
                                            class="button button--link"
                                            on:click=move |_| pending.update(|list| list.retain(|f| f.key != key))
                                        >
                                            {upload_text(|t| t.dismiss)}
                                            <span class="visually-hidden">" "{p.name.clone()}</span>
                                        </button>
                                    </li>
                                }.into_any(),
                            }
                        }
                    </For>
                </ul>
            </div>
        </div>
    }
}

/// The cards of a request's stored files, each linking to the file through the tracking
/// link's `token`.
pub fn request_file_cards(token: &str, files: Vec<EvidenceFile>) -> impl IntoView {
    files
        .into_iter()
        .map(|f| {
            let href = api::assistance_request_file_href(token, f.id);
            view! { <FileCard file=f href=href/> }
        })
        .collect_view()
}

/// An uploaded file: a preview (photos) or an icon, its name, type and size, and what can be
/// done with it (`actions`).
#[component]
pub fn FileCard(
    file: EvidenceFile,
    href: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let prefs = use_prefs();
    let kind = file.kind;
    let shows = matches!(kind, FileKind::Jpeg | FileKind::Png | FileKind::Webp);
    let facts = {
        let size = size_text(file.size);
        move || format!("{} · {}", kind.label(prefs.lang.get()), size)
    };
    view! {
        <li class="file-card">
            {if shows {
                // The name follows right after: the picture needs no words of its own.
                view! { <img class="file-card__preview" src=href.clone() alt="" loading="lazy"/> }.into_any()
            } else {
                view! {
                    <span class="file-card__icon" aria-hidden="true">
                        {if kind == FileKind::Pdf { "PDF" } else { "HEIC" }}
                    </span>
                }.into_any()
            }}
            <div class="file-card__body">
                <a class="file-card__name" href=href>{file.name.clone()}</a>
                <p class="file-card__facts">{facts}</p>
                {children.map(|c| view! { <div class="file-card__actions">{c()}</div> })}
            </div>
        </li>
    }
}
