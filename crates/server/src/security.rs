//! Security headers on every response, the Content-Security-Policy among them.
//!
//! Trunk starts the WASM with a small inline `<script type="module">`. Rather than allow inline
//! script in general, the policy of a page names the SHA-256 of each inline script found in the
//! built pages, so a rebuild that changes the loader is picked up at the next start. Only pages
//! run inline scripts: every other response (the apps' files, the API's JSON, the service
//! worker, whose requests the policy it comes with governs) gets the same policy without the
//! hashes, about 2 KB less on each of a page's dozen requests.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy of a page: the portal's own files, and the inline scripts of `pages`.
pub fn content_security_policy<'a>(pages: impl IntoIterator<Item = &'a str>) -> String {
    // Each hash once: most pages share their scripts (every app has the same preferences
    // script), and a page's header carries them all.
    let hashes: std::collections::BTreeSet<String> = pages
        .into_iter()
        .flat_map(inline_scripts)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            base64::engine::general_purpose::STANDARD.encode(digest)
        })
        .collect();
    let mut inline = String::new();
    for hash in hashes {
        inline.push_str(&format!(" 'sha256-{hash}'"));
    }
    policy(&inline)
}

/// The policy, with `inline` (hashes of inline scripts, each with a space before it) allowed.
fn policy(inline: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{inline}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`, as written in the file.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_and_rest = &after[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            found.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    found
}

/// The headers every response carries; `page_csp` (from [`content_security_policy`]) is the
/// policy of pages. HSTS is left to the TLS-terminating proxy in front.
pub fn headers(page_csp: &str) -> anyhow::Result<SecurityHeaders> {
    Ok(SecurityHeaders(Arc::new(Headers {
        page_csp: HeaderValue::from_str(page_csp)?,
        other_csp: HeaderValue::from_str(&policy(""))?,
        common: vec![
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
            (
                HeaderName::from_static("permissions-policy"),
                // The camera stays allowed for the app itself: evidence photos are taken with it.
                HeaderValue::from_static(
                    "camera=(self), microphone=(), geolocation=(), payment=()",
                ),
            ),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                HeaderValue::from_static("same-origin"),
            ),
            (
                HeaderName::from_static("cross-origin-resource-policy"),
                HeaderValue::from_static("same-origin"),
            ),
        ],
    })))
}

#[derive(Clone)]
pub struct SecurityHeaders(Arc<Headers>);

struct Headers {
    /// For HTML: the policy that allows the pages' inline scripts.
    page_csp: HeaderValue,
    /// For everything else: the same without them.
    other_csp: HeaderValue,
    common: Vec<(HeaderName, HeaderValue)>,
}

/// Middleware: adds the security headers to every response.
pub async fn add_headers(
    State(headers): State<SecurityHeaders>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let csp = match page {
        true => &headers.0.page_csp,
        false => &headers.0.other_csp,
    };
    let all = response.headers_mut();
    all.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    for (name, value) in headers.0.common.iter() {
        all.insert(name.clone(), value.clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html =
            r#"<head><script src="/a.js"></script><script type="module">init()</script></head>"#;
        assert_eq!(inline_scripts(html), vec!["init()"]);
        let csp = content_security_policy([html]);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn a_script_on_many_pages_is_named_once() {
        let page = r#"<script>prefs()</script><script type="module">init()</script>"#;
        let other = r#"<script>prefs()</script><script type="module">other()</script>"#;
        let csp = content_security_policy([page, page, other]);
        assert_eq!(csp.matches("'sha256-").count(), 3, "{csp}");
    }
}
