use leptos::prelude::*;

use crate::app_links::rel_for;
use crate::prefs::text;

/// The portal's description, its data sources, and the privacy notice and the accessibility
/// statement (another app: `rel="external"` except within it).
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <ul class="site-footer__links">
                    <li><a class="target-link" href="/privacy" rel=rel_for("/privacy")>{text(|s| s.footer_privacy)}</a></li>
                    <li><a class="target-link" href="/accessibility" rel=rel_for("/accessibility")>{text(|s| s.footer_accessibility)}</a></li>
                </ul>
                <p>{text(|s| s.footer_about)}</p>
                <p>{text(|s| s.footer_sources)}</p>
            </div>
        </footer>
    }
}
