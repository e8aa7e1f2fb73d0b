//! The GI search page's last URL, for the product page's "back to the results" link; in its
//! own module so that neither page imports the app's `mod.rs`, which names them both.

const LAST_SEARCH_KEY: &str = "portal.gi.last_search";

/// Remembers the search page's URL (for the product page's "back to the results" link). Kept in
/// sessionStorage: it survives a reload of the product page and ends with the tab.
pub fn remember_search_href(href: &str) {
    if let Ok(Some(storage)) = leptos::prelude::window().session_storage() {
        let _ = storage.set_item(LAST_SEARCH_KEY, href);
    }
}

pub fn last_search_href() -> String {
    leptos::prelude::window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LAST_SEARCH_KEY).ok().flatten())
        .filter(|h| h.starts_with("/gi"))
        .unwrap_or_else(|| "/gi".to_owned())
}
