//! The citizen-facing single-page app. Built by Trunk into `dist/`, served by `portal-server`.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod prefs;
mod services;

fn main() {
    console_error_panic_hook::set_once();
    // index.html shows a static shell (portal name, "loading", how to get help without the app)
    // until this point; the app replaces it.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
