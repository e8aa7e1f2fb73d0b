//! Links between the portal's apps. Kept apart from [`crate::app`] (the frame), which draws the
//! header that uses it: a link's `rel` does not depend on the frame.

use leptos::prelude::*;
use portal_domain::apps::App;

/// `rel="external"` for a link into another of the portal's apps, so the router lets the
/// browser load that app instead of looking for the page among its own routes.
pub fn rel_for(href: &str) -> Option<&'static str> {
    crosses(current_app(), href).then_some("external")
}

fn current_app() -> App {
    use_context::<App>().unwrap_or(App::Portal)
}

/// Whether `href` is a page of another app than `current` (`#id` and other relative links stay
/// on this page).
fn crosses(current: App, href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    path.starts_with('/') && App::for_path(path) != current
}

/// Going to a page from code (after a save, say): by the router within this app, by loading
/// the other app otherwise. Called where a component is made; the function it returns may be
/// called later, from an event.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let current = current_app();
    let navigate = leptos_router::hooks::use_navigate();
    move |href: &str| {
        if crosses(current, href) {
            let _ = window().location().assign(href);
        } else {
            navigate(href, Default::default());
        }
    }
}
