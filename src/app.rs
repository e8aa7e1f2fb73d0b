//! What every app of the portal shares: start-up, the page frame (header, main, footer), the
//! router, and focus management.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use portal_domain::apps::App;
use wasm_bindgen::JsCast;

use crate::components::kiosk_session::KioskSession;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::prefs::provide_prefs;

/// Starts an app: replaces the static shell of `index.html` with the app's view.
pub fn boot<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    // Panic messages in the console in debug builds only: in the release WASM the hook and its
    // formatting cost about 1 KB brotli, and a panic still shows as an error there.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // index.html shows a static shell (portal name, "loading", how to get help without the app)
    // until this point; on a prerendered page, the page's first view, which loads the app only
    // once that view has been painted (`crates/prerender`).
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app);
}

/// The page frame around an app's routes.
#[component]
pub fn Shell(app: App, children: Children) -> impl IntoView {
    provide_prefs();
    provide_context(app);
    // Not when prerendering (natively, `crates/prerender`): there is no window to listen on.
    if !crate::prerender::ACTIVE {
        crate::app_links::follow_links_to_other_apps(app);
    }
    view! {
        <Router>
            <FocusOnNavigation/>
            <SiteHeader/>
            <main id="main" tabindex="-1">{children()}</main>
            <SiteFooter/>
            <KioskSession/>
        </Router>
    }
}

/// Frames to wait for a page whose heading appears only after its data has loaded (~1 s).
const FOCUS_ATTEMPTS: u32 = 60;

fn focus_heading(attempts_left: u32) {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(heading) => {
            let _ = heading.focus();
        }
        None if attempts_left > 0 => {
            request_animation_frame(move || focus_heading(attempts_left - 1));
        }
        None => {}
    }
}

/// After an in-app navigation, moves focus to the new page's `<h1>` so screen-reader and
/// keyboard users start at the top of the new content (as a full page load would), not on a
/// link that no longer exists. The first load keeps the browser's own focus.
#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(|| focus_heading(FOCUS_ATTEMPTS));
        }
        path
    });
}
