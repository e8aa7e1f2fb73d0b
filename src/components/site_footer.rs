use leptos::prelude::*;

use crate::prefs::use_prefs;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{move || prefs.s().footer_about}</p>
                <p>{move || prefs.s().footer_sources}</p>
            </div>
        </footer>
    }
}
