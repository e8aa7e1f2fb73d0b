//! The browser's storage, the one way every page reaches it. `None` where there is none:
//! private browsing or a locked-down kiosk can refuse it (the page then keeps things for the
//! visit only), and prerendering (`crate::prerender`, natively) has no browser at all.

use leptos::prelude::window;

/// localStorage: kept across visits.
pub fn local() -> Option<web_sys::Storage> {
    if crate::prerender::ACTIVE {
        return None;
    }
    window().local_storage().ok().flatten()
}

/// sessionStorage: kept until the tab is closed.
pub fn session() -> Option<web_sys::Storage> {
    if crate::prerender::ACTIVE {
        return None;
    }
    window().session_storage().ok().flatten()
}
