use leptos::prelude::*;
use portal_domain::api::site::{public_security_href, SiteFooter, ICP_HREF};

use crate::app_links::rel_for;
use crate::components::site_info::use_site_info;
use crate::prefs::text;

/// The portal's description, its data sources, the privacy notice and the accessibility
/// statement (another app: `rel="external"` except within it), and what a government site's
/// footer carries — 主办单位, 网站标识码, ICP and 公安备案号 — each once an administrator has
/// entered it (`GET /api/v1/site`).
#[component]
pub fn SiteFooter() -> impl IntoView {
    let info = use_site_info();
    view! {
        <footer class="site-footer">
            <div class="container">
                <ul class="site-footer__links">
                    <li><a class="target-link" href="/privacy" rel=rel_for("/privacy")>{text(|s| s.footer_privacy)}</a></li>
                    <li><a class="target-link" href="/accessibility" rel=rel_for("/accessibility")>{text(|s| s.footer_accessibility)}</a></li>
                </ul>
                <p>{text(|s| s.footer_about)}</p>
                <p>{text(|s| s.footer_sources)}</p>
                {move || {
                    info.get()
                        .filter(|i| !i.footer.is_empty())
                        .map(|i| view! { <Filing footer=i.footer/> })
                }}
            </div>
        </footer>
    }
}

#[component]
fn Filing(footer: SiteFooter) -> impl IntoView {
    let SiteFooter {
        host_organisation,
        website_code,
        icp_number,
        public_security_number,
    } = footer;
    view! {
        <ul class="site-footer__filing">
            {host_organisation.map(|h| view! { <li>{text(|s| s.footer_host)}{h}</li> })}
            {website_code.map(|c| view! { <li>{text(|s| s.footer_website_code)}{c}</li> })}
            {icp_number.map(|n| view! {
                <li><a class="target-link" href=ICP_HREF rel="noopener noreferrer">{n}</a></li>
            })}
            {public_security_number.map(|n| {
                let href = public_security_href(&n);
                view! { <li><a class="target-link" href=href rel="noopener noreferrer">{n}</a></li> }
            })}
        </ul>
    }
}
