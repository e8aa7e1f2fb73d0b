//! The GI search page's last URL, for the product page's "back to the results" link, and how far
//! the list was scrolled when a product was opened from it; in its
//! own module so that neither page imports the app's `mod.rs`, which names them both.

const LAST_SEARCH_KEY: &str = "portal.gi.last_search";

/// Remembers the search page's URL (for the product page's "back to the results" link). Kept in
/// sessionStorage: it survives a reload of the product page and ends with the tab.
pub fn remember_search_href(href: &str) {
    if let Some(storage) = crate::storage::session() {
        let _ = storage.set_item(LAST_SEARCH_KEY, href);
    }
}

pub fn last_search_href() -> String {
    crate::storage::session()
        .and_then(|s| s.get_item(LAST_SEARCH_KEY).ok().flatten())
        .filter(|h| h.starts_with("/gi"))
        .unwrap_or_else(|| "/gi".to_owned())
}

const SCROLL_KEY: &str = "portal.gi.scroll";

/// Remembers how far the list at `href` was scrolled, when a product is opened from it.
pub fn remember_scroll(href: &str) {
    let window = leptos::prelude::window();
    let y = window.scroll_y().unwrap_or(0.0) as i64;
    if let Some(storage) = crate::storage::session() {
        let _ = storage.set_item(SCROLL_KEY, &format!("{y} {href}"));
    }
}

/// Once the list at `href` is drawn again (Back, or "back to the results"), scrolls it to where
/// it was; the position is used once.
pub fn restore_scroll(href: &str) {
    let window = leptos::prelude::window();
    let Some(storage) = crate::storage::session() else {
        return;
    };
    let Some(saved) = storage.get_item(SCROLL_KEY).ok().flatten() else {
        return;
    };
    let Some((y, at)) = saved.split_once(' ') else {
        return;
    };
    if at != href {
        return;
    }
    let _ = storage.remove_item(SCROLL_KEY);
    if let Ok(y) = y.parse::<i32>() {
        window.scroll_to_with_x_and_y(0.0, f64::from(y));
    }
}
