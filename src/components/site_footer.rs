use leptos::prelude::*;

use crate::prefs::text;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{text(|s| s.footer_about)}</p>
                <p>{text(|s| s.footer_sources)}</p>
            </div>
        </footer>
    }
}
