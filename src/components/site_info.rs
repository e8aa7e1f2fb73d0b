//! Who runs this site and how to reach the center (issue #18): the server writes the answer of
//! `GET /api/v1/site` into every app page (`<script type="application/json" id="site-info">`,
//! `crates/server/src/spa.rs`), so the footer and the "contact the center" blocks read it
//! without a request, a signal or a deserializer of their own (every app carries the footer, and
//! the fast track's apps are close to their size budget). Without it they show nothing extra.

use leptos::prelude::document;
use portal_domain::api::site::{CenterContacts, SiteCenter};
use wasm_bindgen::JsValue;

/// The data block's text.
fn site_text() -> Option<String> {
    if crate::prerender::ACTIVE {
        return None;
    }
    document().get_element_by_id("site-info")?.text_content()
}

/// The text fields named `keys`, read by name with the browser's JSON parser.
pub fn site_fields<const N: usize>(keys: [&str; N]) -> Option<[Option<String>; N]> {
    let object = js_sys::JSON::parse(&site_text()?).ok()?;
    Some(keys.map(|key| {
        js_sys::Reflect::get(&object, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    }))
}

/// The center's contacts, where some are entered.
pub fn site_center() -> Option<CenterContacts> {
    crate::json::from_str::<SiteCenter>(&site_text()?)?.center
}
