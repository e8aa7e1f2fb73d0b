//! The hour's upload budget per client address (issue #13 item 5): 3 applications' worth of
//! files (30 × 10 MB). It is reserved before a file is read, so parallel uploads cannot all pass
//! a check made before any of them was counted, and the bytes of refused files count too.

use portal_domain::api::assistance::{MAX_FILES, MAX_FILE_BYTES};
use reqwest::StatusCode;

use portal_domain::api::staff::Role;

use crate::citizen::{self, new_draft, submitted};
use crate::helpers::{spawn_app_at, TestApp, JPEG, PDF, PNG};
use crate::staff_client::{case_detail, case_queue, get, login_admin, staff_app, staff_with};

const NOW: &str = "2026-09-29T10:00:00+08:00";
/// `files::UPLOAD_BYTES_PER_CLIENT` (shared by every upload) in files of the largest size.
const FILES_PER_HOUR: usize = 3 * MAX_FILES;

/// A JPEG of the largest size, or as many bytes of nothing known (`junk`).
fn largest(junk: bool) -> Vec<u8> {
    let mut bytes = vec![0u8; MAX_FILE_BYTES as usize];
    if !junk {
        bytes[..JPEG.len()].copy_from_slice(JPEG);
    }
    bytes
}

async fn upload(app: &TestApp, draft: &str, bytes: Vec<u8>) -> StatusCode {
    all_at_once(app, vec![(draft.to_owned(), bytes)]).await[0]
}

/// The uploads sent all at once (each `(draft token, content)`), their statuses in any order.
async fn all_at_once(app: &TestApp, uploads: Vec<(String, Vec<u8>)>) -> Vec<StatusCode> {
    let mut tasks = tokio::task::JoinSet::new();
    for (draft, bytes) in uploads {
        let client = app.client.clone();
        let url = app.url(&format!("/api/v1/assistance/drafts/{draft}/files"));
        tasks.spawn(async move {
            client
                .post(url)
                .query(&[("name", "photo.jpg")])
                .body(bytes)
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    tasks.join_all().await
}

#[tokio::test]
async fn parallel_uploads_from_one_address_never_go_over_the_hours_budget() {
    let app = spawn_app_at(NOW).await;
    let mut drafts = Vec::new();
    for _ in 0..4 {
        drafts.push(new_draft(&app).await.token);
    }
    // 34 files of 10 MB at once, at most 9 per draft (a draft holds 10).
    let file = largest(false);
    let uploads = (0..FILES_PER_HOUR + 4)
        .map(|i| (drafts[i % 4].clone(), file.clone()))
        .collect();
    let statuses = all_at_once(&app, uploads).await;
    let stored = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((stored, refused), (FILES_PER_HOUR, 4), "{statuses:?}");
}

#[tokio::test]
async fn the_bytes_of_refused_files_count_too() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await.token;
    // 30 files of 10 MB that are not a photo or a PDF: each is read whole, then refused.
    let junk = largest(true);
    for chunk in 0..3 {
        let uploads = (0..MAX_FILES)
            .map(|_| (draft.clone(), junk.clone()))
            .collect();
        let statuses = all_at_once(&app, uploads).await;
        assert!(
            statuses
                .iter()
                .all(|s| *s == StatusCode::UNSUPPORTED_MEDIA_TYPE),
            "batch {chunk}: {statuses:?}"
        );
    }
    // 300 MB were sent from this address within the hour: even a small photo waits now.
    assert_eq!(
        upload(&app, &draft, JPEG.to_vec()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// An upload's status and error code (if any).
async fn upload_answer(app: &TestApp, draft: &str, bytes: &[u8]) -> (StatusCode, Option<String>) {
    let path = format!("/api/v1/assistance/drafts/{draft}");
    let response = citizen::upload(app, &path, "file.pdf", bytes).await;
    let status = response.status();
    let body: serde_json::Value = response.json().await.unwrap();
    (status, body["code"].as_str().map(str::to_owned))
}

#[tokio::test]
async fn files_must_be_whole_photos_or_pdfs_without_scripts() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await.token;
    let refused = [
        // A web page behind a PDF's first bytes (stored and served before).
        (
            &b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>"[..],
            "assistance.file_damaged",
        ),
        // A PNG cut off inside its header.
        (&PNG[..20], "assistance.file_damaged"),
        // A JPEG's first bytes and nothing of a picture.
        (
            &b"\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xD9"[..],
            "assistance.file_damaged",
        ),
    ];
    for (bytes, code) in refused {
        assert_eq!(
            upload_answer(&app, &draft, bytes).await,
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some(code.to_owned()))
        );
    }
    // A PDF that runs a script when opened, its name written with an escape.
    let script = String::from_utf8_lossy(PDF).replace(
        "/Type /Catalog",
        "/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>",
    );
    assert_eq!(
        upload_answer(&app, &draft, script.as_bytes()).await,
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some("assistance.file_active_content".to_owned())
        )
    );
    // Real small files still pass.
    for bytes in [JPEG, PNG, PDF] {
        assert_eq!(
            upload_answer(&app, &draft, bytes).await.0,
            StatusCode::CREATED
        );
    }
}

#[tokio::test]
async fn a_stored_file_that_fails_todays_checks_is_only_ever_downloaded_by_staff() {
    let app = staff_app(crate::staff::NOW).await;
    let admin = login_admin(&app).await;
    submitted(&app, "legacy").await;
    let handler = staff_with(&app, &admin, "cases1", &[Role::CaseHandler]).await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;
    let detail = case_detail(&app, &handler, id).await;
    let file = detail.files[0].id;
    let path = format!("/api/v1/staff/cases/{id}/files/{file}");
    let disposition = |response: &reqwest::Response| {
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    // The photo passes the checks: shown in the browser.
    let response = get(&app, &handler, &path).await;
    assert!(
        disposition(&response).starts_with("inline"),
        "{}",
        disposition(&response)
    );
    // A file stored before the checks existed: a web page behind a photo's first bytes
    // (written into the database directly, as an old upload would have left it).
    let db = app.database().await;
    let page = b"\xFF\xD8\xFF<html><script>alert(1)</script></html>".to_vec();
    sqlx::query("UPDATE assistance_blobs SET content = $1, size = $2")
        .bind(&page)
        .bind(page.len() as i64)
        .execute(&db)
        .await
        .unwrap();
    let response = get(&app, &handler, &path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        disposition(&response).starts_with("attachment"),
        "{}",
        disposition(&response)
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}
