use base64::Engine;
use sha2::{Digest, Sha256};

use crate::helpers::{spawn_app, GI_INLINE_SCRIPT, INLINE_SCRIPT};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/booking",
        "/api/v1/health",
        "/api/v1/nope",
        "/app-0123456789abcdef.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn only_pages_carry_the_hashes_of_inline_scripts() {
    let app = spawn_app().await;
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_SCRIPT));
    let named = format!("'sha256-{hash}'");
    for path in ["/", "/gi", "/booking/manage/abc"] {
        let response = app.get(path).await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains(&named), "{path}: {csp}");
    }
    // Nothing else runs inline script: the same policy, without the hashes (a page's dozen
    // other requests carry about 2 KB less each).
    for path in [
        "/api/v1/health",
        "/api/v1/venues",
        "/app-0123456789abcdef.js",
        "/sw.js",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(!csp.contains("sha256-"), "{path}: {csp}");
        assert!(csp.contains("connect-src 'self'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{path}: {csp}"
        );
    }
}

#[tokio::test]
async fn the_csp_allows_exactly_the_inline_loaders_of_the_built_apps() {
    let app = spawn_app().await;
    let response = app.get("/").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    for script in [INLINE_SCRIPT, GI_INLINE_SCRIPT] {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    }
}
