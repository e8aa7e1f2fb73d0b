//! Moving focus to what a page has just drawn: a notice that something was done, an error
//! summary, a heading. Screen-reader and keyboard users then hear it at once.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to `node` in the next frame, once it is drawn. If the view that holds it is gone
/// by then (the page was drawn again with newer data, or left), nothing happens: reading a
/// disposed `NodeRef` panics, and a panic stops the whole app.
pub fn focus_next_frame<E>(node: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Moves focus to the element with `id` in the next frame: for a page drawn again from new data,
/// where the code that knows what to focus holds no `NodeRef` of the new view.
pub fn focus_id_next_frame(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Moves focus to the element the address's `#fragment` names, in the next frame: a page that
/// another app's link pointed at one of its questions (a link into another app is a full page
/// load, which draws the page only after the browser has looked for the fragment).
pub fn focus_location_hash_next_frame() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
    else {
        return;
    };
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Scrolls the element with `id` into view in the next frame, once it is drawn: what a tap
/// elsewhere has just shown (the times of the day chosen on the calendar).
pub fn scroll_to_id_next_frame(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    });
}
