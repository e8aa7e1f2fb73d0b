//! The data a page's first view was drawn with, sent in the page itself: for a page whose first
//! view shows one thing the server holds (a GI product, a policy document), the server draws it
//! into the page (`crates/prerender`, from `crates/server/src/spa.rs`) with the JSON it drew it
//! from, as `<script type="application/json" id="first-data">` (a data block: never run).
//! The app starts from the same JSON instead of asking the API again, so it draws the same view
//! at once: no "loading" in between, nothing moves, and no second request on a slow network.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

/// The first data's JSON while the server draws the first view natively (a context).
#[derive(Clone)]
pub struct FirstData(pub String);

/// The page's first data, read as a `T`, once: the block is removed as it is read, so a later
/// page of the same app (the next product) fetches its own. `None` where the page has none.
pub fn take<T: DeserializeOwned>() -> Option<T> {
    let text = if crate::prerender::ACTIVE {
        use_context::<FirstData>()?.0
    } else {
        let block = document().get_element_by_id("first-data")?;
        block.remove();
        block.text_content()?
    };
    crate::json::from_str(&text)
}
