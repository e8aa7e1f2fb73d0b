use leptos::prelude::*;
use portal_domain::api::site::ICP_HREF;

use crate::components::site_info::site_fields;
use crate::prefs::{text, use_prefs};

/// The portal's description, its data sources, the privacy notice and the accessibility
/// statement (another app, loaded by the browser except from within it), and what a government site's
/// footer carries — 主办单位, 网站标识码, ICP and 公安备案号 — each once an administrator has
/// entered it (written into the page by the server, the 公安备案号's link with it).
#[component]
pub fn SiteFooter() -> impl IntoView {
    let prefs = use_prefs();
    // The list is written as HTML (every value escaped): every app carries this footer, and the
    // fast track's apps are close to their size budget.
    let filing = move || {
        let s = prefs.s();
        let [host, code, icp, police, police_href] = site_fields([
            "host_organisation",
            "website_code",
            "icp_number",
            "public_security_number",
            "public_security_href",
        ])?;
        let mut html = String::new();
        let mut item = |label: &str, value: Option<String>, href: Option<&str>| {
            let Some(value) = value else { return };
            html.push_str("<li>");
            html.push_str(&escape(label));
            match href {
                Some(href) => {
                    html.push_str("<a class=\"target-link\" rel=\"noopener noreferrer\" href=\"");
                    html.push_str(&escape(href));
                    html.push_str("\">");
                    html.push_str(&escape(&value));
                    html.push_str("</a>");
                }
                None => html.push_str(&escape(&value)),
            }
            html.push_str("</li>");
        };
        item(s.footer_host, host, None);
        item(s.footer_website_code, code, None);
        item("", icp, Some(ICP_HREF));
        item("", police, police_href.as_deref());
        (!html.is_empty()).then(|| view! { <ul class="site-footer__filing" inner_html=html></ul> })
    };
    view! {
        <footer class="site-footer">
            <div class="container">
                <ul class="site-footer__links">
                    <li><a class="target-link" href="/privacy">{text(|s| s.footer_privacy)}</a></li>
                    <li><a class="target-link" href="/accessibility">{text(|s| s.footer_accessibility)}</a></li>
                </ul>
                <p>{text(|s| s.footer_about)}</p>
                <p>{text(|s| s.footer_sources)}</p>
                {filing}
            </div>
        </footer>
    }
}

/// `text` safe inside HTML text and a double-quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
