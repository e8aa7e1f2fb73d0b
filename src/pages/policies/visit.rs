//! What the policy pages keep over one visit to the app: the list or search page last shown
//! (for a document's "back" link), the library's documents (fetched once), and whether this is
//! the first page since the app was loaded.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use leptos::prelude::*;
use portal_domain::api::policies::PolicyList;
use portal_domain::Lang;

use crate::api::{self, ApiError};

const LAST_LIST_KEY: &str = "portal.policies.last_list";

/// Remembers the list or search page's URL, for the document page's "back" link. Kept in
/// sessionStorage: it survives a reload of the document and ends with the tab.
pub fn remember_list_href(href: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(LAST_LIST_KEY, href);
    }
}

pub fn last_list_href() -> String {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LAST_LIST_KEY).ok().flatten())
        .filter(|h| h.starts_with("/policies"))
        .unwrap_or_else(|| "/policies".to_owned())
}

/// The documents of the library and its "I want to…" entries, fetched once per visit: they
/// change only when the server restarts, and the list and the search both need them.
pub async fn policy_list(lang: Lang) -> Result<PolicyList, ApiError> {
    static LIST: OnceLock<PolicyList> = OnceLock::new();
    if let Some(list) = LIST.get() {
        return Ok(list.clone());
    }
    let list = api::policies(lang).await?;
    Ok(LIST.get_or_init(|| list).clone())
}

static FIRST_PAGE: AtomicBool = AtomicBool::new(true);

/// True for the first page this app shows after it was loaded (opened or reloaded), false after
/// any navigation inside the app. A document restores the reading position only then.
pub fn is_first_page() -> bool {
    FIRST_PAGE.swap(false, Ordering::Relaxed)
}
