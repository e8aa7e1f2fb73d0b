//! The one way of choosing files to upload, for every service that takes them (rights-assistance
//! evidence and replies, a firm's registration materials): a button that is a `<label>` around
//! a visually hidden `<input type="file">` (so the keyboard and screen readers meet a real file
//! input, and the button can say what it is for), the files it holds taken out of it, and a
//! file's size as people read it. What is uploaded where, and what is said when a file is
//! refused, is each service's.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
