use base64::Engine;
use sha2::Digest;

use crate::helpers::spawn_app;

#[tokio::test]
async fn app_routes_and_deep_links_get_the_app() {
    let app = spawn_app().await;
    for path in ["/", "/some/deep/link", "/track?ref=ABC", "/gift"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let page = response.text().await.unwrap();
        assert!(
            page.contains("app shell")
                && !page.contains("gi app")
                && !page.contains("policies app")
                && !page.contains("policy-document app")
                && !page.contains("booking app")
                && !page.contains("booking-details app")
                && !page.contains("booking-manage app")
                && !page.contains("booking-change app")
                && !page.contains("booking-find app")
                && !page.contains("booking-check-in app")
                && !page.contains("assistance app")
                && !page.contains("assistance-tracking app")
                && !page.contains("assistance-lookup app")
                && !page.contains("assistance-actions app")
                && !page.contains("workbench app")
                && !page.contains("fast-track app")
                && !page.contains("firm-registration app")
                && !page.contains("registration-questions app")
                && !page.contains("pre-exam app")
                && !page.contains("pre-exam-tracking app")
                && !page.contains("pre-exam-questions app")
                && !page.contains("pre-exam-quota app")
                && !page.contains("privacy app"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn each_service_with_its_own_app_gets_that_app() {
    let app = spawn_app().await;
    let cases = [
        ("/gi", "gi app"),
        ("/gi/", "gi app"),
        // (A product's page is the GI app's too, drawn with the product: see below.)
        ("/gi/GI99999", "gi app"),
        ("/gi?q=haian", "gi app"),
        // (The library's page is its app's too, drawn with the list unless filtered, and a
        // document's page drawn with the document: see below.)
        ("/policies?kind=plan", "policies app"),
        ("/policies/search?q=%E8%B4%A8%E6%8A%BC", "policies app"),
        ("/policies/no-such-document", "policy-document app"),
        (
            "/policies/no-such-document?q=%E8%B4%A8%E6%8A%BC",
            "policy-document app",
        ),
        ("/booking", "booking app"),
        ("/booking/time", "booking app"),
        ("/booking/check", "booking-details app"),
        ("/booking/manage/abc", "booking-manage app"),
        ("/booking/manage/abc/cancel", "booking-change app"),
        ("/booking/manage/abc/change", "booking-change app"),
        ("/booking/find", "booking-find app"),
        ("/booking/find/cancel", "booking-find app"),
        ("/booking/find/change", "booking-change app"),
        ("/booking/check-in?kiosk=1", "booking-check-in app"),
        ("/assistance", "assistance app"),
        ("/assistance/apply", "assistance app"),
        ("/assistance/apply/check", "assistance app"),
        ("/assistance/apply/right", "assistance app"),
        ("/assistance/apply/evidence", "assistance app"),
        ("/assistance?gi=GI00842", "assistance app"),
        ("/assistance/requests/abc", "assistance-tracking app"),
        ("/assistance/track", "assistance-lookup app"),
        ("/assistance/requests/abc/rating", "assistance-lookup app"),
        ("/assistance/requests/abc/reply/3", "assistance-actions app"),
        (
            "/assistance/requests/abc/withdraw",
            "assistance-actions app",
        ),
        ("/staff", "workbench app"),
        ("/staff/login?next=%2Fstaff%2Fcases", "workbench app"),
        ("/staff/cases/12", "workbench app"),
        ("/fast-track", "fast-track app"),
        ("/fast-track/sign-up", "fast-track app"),
        ("/fast-track/account", "fast-track app"),
        ("/fast-track/registration", "firm-registration app"),
        (
            "/fast-track/registration/firm",
            "registration-questions app",
        ),
        (
            "/fast-track/registration/declaration",
            "registration-questions app",
        ),
        ("/fast-track/registration/uploads", "firm-registration app"),
        (
            "/fast-track/registration/certificate",
            "firm-registration app",
        ),
        ("/fast-track/pre-exams", "pre-exam app"),
        ("/fast-track/pre-exams/12/check", "pre-exam app"),
        ("/fast-track/pre-exams/12/status", "pre-exam-tracking app"),
        ("/fast-track/pre-exams/12/notice", "pre-exam-tracking app"),
        (
            "/fast-track/pre-exams/12/documents",
            "pre-exam-tracking app",
        ),
        ("/fast-track/pre-exams/12/details", "pre-exam-questions app"),
        ("/fast-track/pre-exams/quota", "pre-exam-quota app"),
        ("/privacy", "privacy app"),
        ("/accessibility", "privacy app"),
    ];
    for (path, shell) in cases {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains(shell), "{path}");
    }
}

#[tokio::test]
async fn a_prerendered_page_is_sent_for_its_path_only_with_the_site_information() {
    let app = spawn_app().await;
    for path in ["/gi", "/gi/", "/gi?q=haian", "/assistance/track"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("app prerendered"), "{path}: {page}");
        assert!(page.contains("id=\"site-info\""), "{path}");
    }
    // Other pages of the same apps are the app's own page (a product that is not there included).
    for (path, app_page) in [
        ("/gi/GI99999", "gi app shell"),
        ("/gi/gi00842", "gi app shell"),
        (
            "/assistance/requests/abc/rating",
            "assistance-lookup app shell",
        ),
    ] {
        let page = app.get(path).await.text().await.unwrap();
        assert!(
            page.contains(app_page) && !page.contains("prerendered"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_gi_products_page_is_drawn_with_the_product_and_carries_it_for_the_app() {
    let app = spawn_app().await;
    let (page, _) = drawn_page(
        &app,
        "/gi/GI00842",
        "/api/v1/gi/products/GI00842",
        "/apps/gi/gi.js",
    )
    .await;
    let h1 = &page[page.find("<h1").unwrap()..];
    assert!(
        h1[..h1.find("</h1>").unwrap()].ends_with(">海安大米"),
        "{h1}"
    );
    assert!(page.contains("南通市"));
    assert!(!page.contains("gi app shell"));
}

#[tokio::test]
async fn a_policy_documents_page_is_drawn_with_the_document_and_carries_it_for_the_app() {
    let app = spawn_app().await;
    let slug = "nantong-2024-ip-strong-city-plan";
    let (page, document) = drawn_page(
        &app,
        &format!("/policies/{slug}"),
        &format!("/api/v1/policies/{slug}"),
        "/apps/policy-document/doc.js",
    )
    .await;
    let title = document["title"].as_str().unwrap();
    let h1 = &page[page.find("<h1").unwrap()..];
    assert!(h1[..h1.find("</h1>").unwrap()].ends_with(title), "{h1}");
    assert!(!page.contains("policy-document app shell"));
    // A slug that names no document gets the app's page.
    let page = app
        .get("/policies/no-such-document")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("policy-document app shell") && !page.contains("first-data"));
}

#[tokio::test]
async fn the_policy_librarys_page_is_drawn_with_its_list_and_carries_it_for_the_app() {
    let app = spawn_app().await;
    for path in ["/policies", "/policies/"] {
        let (page, list) =
            drawn_page(&app, path, "/api/v1/policies", "/apps/policies/policies.js").await;
        let items = list["items"].as_array().unwrap();
        assert!(items.len() > 3);
        // Every document is on it, by its title.
        for item in items {
            assert!(
                page.contains(item["title"].as_str().unwrap()),
                "{}",
                item["title"]
            );
        }
        assert!(!page.contains("policies app shell"));
    }
    // Filtered, it is the app's page: the app draws the filtered list itself.
    let page = app.get("/policies?kind=plan").await.text().await.unwrap();
    assert!(page.contains("policies app shell") && !page.contains("first-data"));
}

/// The page at `path`, checked as the server draws it: the first view inside the shell the app
/// replaces, the API's answer at `api` beside it for the app, the app's `script` loaded after
/// the first paint by a loader the Content-Security-Policy allows. The drawn part is returned,
/// with the API's answer. A second request gets the same page.
async fn drawn_page(
    app: &crate::helpers::TestApp,
    path: &str,
    api: &str,
    script: &str,
) -> (String, serde_json::Value) {
    let expected: serde_json::Value = app.get(api).await.json().await.unwrap();
    let response = app.get(path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert!(response.headers().get("x-robots-tag").is_none());
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let page = response.text().await.unwrap();

    let block = "<script type=\"application/json\" id=\"first-data\">";
    let data = &page[page.find(block).expect("the first data") + block.len()..];
    let data: serde_json::Value =
        serde_json::from_str(&data[..data.find("</script>").unwrap()]).unwrap();
    assert_eq!(data, expected);
    assert!(page.contains("id=\"site-info\""));
    assert!(page.contains("await window.portalPainted;"));
    assert!(page.contains(&format!("import('{script}')")));
    let mut rest = page.as_str();
    let mut scripts = 0;
    while let Some(at) = rest.find("<script type=\"module\">") {
        let inline = &rest[at + "<script type=\"module\">".len()..];
        let inline = &inline[..inline.find("</script>").unwrap()];
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(inline));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{inline}");
        rest = &rest[at + 1..];
        scripts += 1;
    }
    assert_eq!(scripts, 1);
    assert_eq!(app.get(path).await.text().await.unwrap(), page);
    let drawn = page[page
        .find("<div id=\"shell\" inert")
        .expect("the drawn shell")..]
        .to_owned();
    (drawn, expected)
}

#[tokio::test]
async fn pages_at_a_secret_link_or_behind_a_sign_in_are_not_for_search_engines() {
    let app = spawn_app().await;
    for path in [
        "/booking/manage/abc",
        "/booking/details",
        "/assistance/requests/abc",
        "/assistance/requests/abc/withdraw",
        "/assistance/requests/abc/rating",
        "/assistance/track",
        "/fast-track/pre-exams/7/status",
        "/fast-track/registration/applicant",
        "/staff",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["x-robots-tag"],
            "noindex, nofollow",
            "{path}"
        );
    }
    for path in [
        "/",
        "/gi",
        "/gi/GI00842",
        "/policies",
        "/booking",
        "/assistance",
        "/privacy",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(!response.headers().contains_key("x-robots-tag"), "{path}");
    }
}

#[tokio::test]
async fn built_files_are_served_and_cached_for_good() {
    let app = spawn_app().await;
    let response = app.get("/app-0123456789abcdef.js").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert_eq!(response.text().await.unwrap(), "export default 1;");
}

#[tokio::test]
async fn the_service_worker_is_javascript_that_is_always_revalidated() {
    let app = spawn_app().await;
    let response = app.get("/sw.js").await;
    assert_eq!(response.status(), 200);
    // Not an hour's cache like the other unfingerprinted files: a deployment's new worker
    // (public/sw.js, its version written by scripts/build.sh) is seen at the next page load.
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert_eq!(response.text().await.unwrap(), "const VERSION = 'test';");
}

#[tokio::test]
async fn a_missing_file_is_a_404_not_the_app() {
    let app = spawn_app().await;
    let response = app.get("/missing-0123456789abcdef.wasm").await;
    assert_eq!(response.status(), 404);
}
