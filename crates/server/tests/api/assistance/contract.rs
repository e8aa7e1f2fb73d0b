//! The assistance API's contract outside the handlers: the OpenAPI document, and the real
//! binary logging no personal data.

use portal_domain::api::assistance::{AssistanceSubmitted, DraftCreated};
use serde_json::json;

use crate::binary::{fetch_json, Binary};
use crate::citizen::{complete_draft, MOBILE, NAME, RESIDENT_ID};
use crate::helpers::{assert_documented, openapi, spawn_app_at, JPEG};

use super::NOW;

#[tokio::test]
async fn the_openapi_document_describes_the_assistance_api() {
    let app = spawn_app_at(NOW).await;
    let doc = openapi(&app).await;
    assert_documented(
        &doc,
        &[
            "/api/v1/assistance/drafts",
            "/api/v1/assistance/drafts/{token}",
            "/api/v1/assistance/drafts/{token}/files",
            "/api/v1/assistance/drafts/{token}/files/{id}",
            "/api/v1/assistance/drafts/{token}/submit",
            "/api/v1/assistance/requests/lookup",
            "/api/v1/assistance/requests/new-link",
            "/api/v1/assistance/requests/{token}",
            "/api/v1/assistance/requests/{token}/withdraw",
            "/api/v1/assistance/requests/{token}/files",
            "/api/v1/assistance/requests/{token}/files/{id}",
            "/api/v1/assistance/requests/{token}/messages/{id}/reply",
        ],
        &[
            "AssistanceDraft",
            "DraftView",
            "DraftCreated",
            "AssistanceSubmitted",
            "AssistanceTracking",
            "EvidenceFile",
            "SectionReport",
            "NewLinkRequest",
            "NewLink",
        ],
    );
    let submit = &doc["paths"]["/api/v1/assistance/drafts/{token}/submit"]["post"];
    for code in ["201", "400", "404", "409", "422"] {
        assert!(submit["responses"][code].is_object(), "{code}");
    }
}

#[tokio::test]
async fn the_logs_hold_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = Binary::start(dir.path(), Some(NOW), |_| {});
    let base = &server.base;
    let client = reqwest::Client::new();
    let api = |path: &str| format!("{base}/api/v1/assistance{path}");

    let draft: DraftCreated = fetch_json(client.post(api("/drafts"))).await;
    let token = &draft.token;
    let saved = client
        .put(api(&format!("/drafts/{token}")))
        .json(&complete_draft())
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 200);
    let file_name = "张三丰的身份证.jpg";
    let uploaded = client
        .post(api(&format!("/drafts/{token}/files")))
        .query(&[("name", file_name)])
        .body(JPEG.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 201);
    let submitted: AssistanceSubmitted = fetch_json(
        client
            .post(api(&format!("/drafts/{token}/submit")))
            .header("Idempotency-Key", "log-check"),
    )
    .await;
    let tracking_token = &submitted.tracking_token;
    let lookup = client
        .post(api("/requests/lookup"))
        .json(&json!({"reference": submitted.reference, "mobile": MOBILE}))
        .send()
        .await
        .unwrap();
    assert_eq!(lookup.status(), 200);
    let withdrawn = client
        .post(api(&format!("/requests/{tracking_token}/withdraw")))
        .send()
        .await
        .unwrap();
    assert_eq!(withdrawn.status(), 200);

    let log = server.stop();
    assert!(
        log.contains("assistance request submitted"),
        "the log is written: {log}"
    );
    assert!(
        log.contains("/api/v1/assistance/drafts/{token}/files"),
        "routes as templates"
    );
    for secret in [
        MOBILE,
        NAME,
        RESIDENT_ID,
        file_name,
        token.as_str(),
        tracking_token.as_str(),
        submitted.reference.as_str(),
        &submitted.reference[3..],
    ] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
}
