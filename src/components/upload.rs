//! The one way of choosing files to upload, for every service that takes them (rights-assistance
//! evidence and replies, a firm's registration materials): a button that is a `<label>` around
//! a visually hidden `<input type="file">` (so the keyboard and screen readers meet a real file
//! input, and the button can say what it is for), the files it holds taken out of it, and a
//! file's size as people read it; and for the firm's document slots (registration materials,
//! pre-examination documents), the queue that checks each chosen file against the slot's room and
//! the size limit, uploads it and says a refusal at the slot ([`upload_each`], [`SlotError`]).
//! What is uploaded where, and what is said when a file is refused, is each service's.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::files::MAX_FILE_BYTES;
use wasm_bindgen::JsCast;

use crate::components::form::{error_for, FormErrors};

/// What the inputs accept: photos (the server also takes HEIC) and PDFs, checked again by
/// content on the server.
pub const PHOTOS_AND_PDF: &str = "image/*,application/pdf";

/// The files an `<input type="file">` holds, and the input emptied (so the same file can be
/// chosen again after a problem).
pub fn take_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let mut files = Vec::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(file) = list.get(i) {
                files.push(file);
            }
        }
    }
    input.set_value("");
    files
}

/// "350 KB" / "2.4 MB". In whole numbers (tenths of a MB rounded to the nearest): formatting
/// a float would add its code, some KB, to every app that shows a file's size.
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// One upload slot's message among the form's errors, under the id of its file input (so the
/// error summary links to it).
#[derive(Clone, Copy)]
pub struct SlotError {
    errors: RwSignal<FormErrors>,
    id: StoredValue<String>,
}

impl SlotError {
    pub fn new(errors: RwSignal<FormErrors>, id: String) -> Self {
        SlotError {
            errors,
            id: StoredValue::new(id),
        }
    }

    /// The message shown at the slot (reactive).
    pub fn get(self) -> Option<String> {
        self.id
            .with_value(|id| self.errors.with(|e| error_for(e, id)))
    }

    /// Shows `message` at the slot, or clears it.
    pub fn set(self, message: Option<String>) {
        let id = self.id.get_value();
        self.errors.update(|e| {
            e.retain(|(field, _)| field != &id);
            if let Some(m) = message {
                e.push((id, m));
            }
        });
    }
}

/// What a slot says when a chosen file is not sent: it is full (it takes no more files), or the
/// file is over `MAX_FILE_BYTES`.
pub struct SlotRefusals {
    pub full: String,
    pub too_big: String,
}

/// Sends each of the `chosen` files with `upload` while the slot has `room`, each named in
/// `uploading` while it is on its way. A file that does not fit, or that the server refuses
/// (`upload` answers the message), is said at the slot (`"name：message"`).
pub fn upload_each<F, Fut>(
    chosen: Vec<web_sys::File>,
    mut room: usize,
    refusals: SlotRefusals,
    uploading: RwSignal<Vec<String>>,
    error: SlotError,
    upload: F,
) where
    F: Fn(web_sys::File) -> Fut,
    Fut: Future<Output = Result<(), String>> + 'static,
{
    error.set(None);
    for file in chosen {
        if room == 0 {
            error.set(Some(refusals.full));
            break;
        }
        if file.size() > MAX_FILE_BYTES as f64 {
            error.set(Some(refusals.too_big.clone()));
            continue;
        }
        room -= 1;
        let name = file.name();
        uploading.update(|u| u.push(name.clone()));
        let sent = upload(file);
        spawn_local(async move {
            if let Err(message) = sent.await {
                error.set(Some(format!("{name}：{message}")));
            }
            uploading.update(|u| {
                if let Some(i) = u.iter().position(|n| n == &name) {
                    u.remove(i);
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_as_kb_or_tenths_of_a_mb() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(350 * 1024), "350 KB");
        assert_eq!(size_text(1024 * 1024), "1.0 MB");
        assert_eq!(size_text(2_516_582), "2.4 MB");
        assert_eq!(size_text(10 * 1024 * 1024 - 1), "10.0 MB");
    }
}

/// A file input shown as a button (`class`: the button's look); `children` is its label.
#[component]
pub fn FileButton(
    #[prop(into)] id: String,
    /// The label's classes, e.g. `button button--secondary upload__button`.
    class: &'static str,
    #[prop(optional)] accept: Option<&'static str>,
    #[prop(optional)] multiple: bool,
    /// `environment`: the phone's back camera.
    #[prop(optional)]
    capture: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(into)] on_files: Callback<Vec<web_sys::File>>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class=class class:upload__button--disabled=move || disabled.get()>
            <input
                id=id
                type="file"
                class="upload__input"
                accept=accept
                multiple=multiple
                capture=capture
                disabled=move || disabled.get()
                on:change=move |ev| on_files.run(take_files(&ev))
            />
            {children()}
        </label>
    }
}
