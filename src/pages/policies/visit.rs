//! What the policy pages keep over one visit: the list or search page last shown (for a
//! document's "back" link), the library's documents (fetched once), whether this is the first
//! page since the app was loaded, and whether the document was opened by a link of the library
//! or the search (another app, so a page load).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use leptos::prelude::*;
use portal_domain::api::policies::PolicyList;
use portal_domain::Lang;

use crate::api::{self, ApiError};

const LAST_LIST_KEY: &str = "portal.policies.last_list";
const OPENED_KEY: &str = "portal.policies.opened";

/// Remembers the list or search page's URL, for the document page's "back" link. Kept in
/// sessionStorage: it survives a reload of the document and ends with the tab.
pub fn remember_list_href(href: &str) {
    if let Some(storage) = crate::storage::session() {
        let _ = storage.set_item(LAST_LIST_KEY, href);
    }
}

pub fn last_list_href() -> String {
    crate::storage::session()
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

/// Notes, as a link of the library or the search is followed, the document it opens (its path).
pub fn opening_document(href: &str) {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    if let Some(storage) = crate::storage::session() {
        let _ = storage.set_item(OPENED_KEY, path);
    }
}

/// Whether this document was opened by a link of the library or the search ([`opening_document`]
/// noted this path) rather than by a reload, a bookmark or an address typed in. The note is used
/// up: a reload afterwards is a reload.
pub fn opened_by_link() -> bool {
    let Some(storage) = crate::storage::session() else {
        return false;
    };
    let noted = storage.get_item(OPENED_KEY).ok().flatten();
    let _ = storage.remove_item(OPENED_KEY);
    noted.is_some_and(|path| Some(path) == window().location().pathname().ok())
}

static FIRST_PAGE: AtomicBool = AtomicBool::new(true);

/// True for the first page this app shows after it was loaded (opened or reloaded), false after
/// any navigation inside the app. A document restores the reading position only then (and not
/// when a link of the library or the search opened it).
pub fn is_first_page() -> bool {
    FIRST_PAGE.swap(false, Ordering::Relaxed)
}
