//! Links between the portal's apps. Kept apart from [`crate::app`] (the frame), which draws the
//! header that uses it: a link's `rel` does not depend on the frame.

use leptos::prelude::*;
use portal_domain::apps::App;

/// `rel="external"` for a link into another of the portal's apps, so the router lets the
/// browser load that app instead of looking for the page among its own routes.
pub fn rel_for(href: &str) -> Option<&'static str> {
    let current = use_context::<App>().unwrap_or(App::Portal);
    let path = href.split(['?', '#']).next().unwrap_or("");
    (App::for_path(path) != current).then_some("external")
}
