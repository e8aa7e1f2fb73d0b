//! The hour's upload budget per client address (issue #13 item 5): 3 applications' worth of
//! files (30 × 10 MB). It is reserved before a file is read, so parallel uploads cannot all pass
//! a check made before any of them was counted, and the bytes of refused files count too.

use portal_domain::api::assistance::{MAX_FILES, MAX_FILE_BYTES};
use reqwest::StatusCode;

use crate::assistance::new_draft;
use crate::helpers::{spawn_app_at, TestApp};

const NOW: &str = "2026-09-29T10:00:00+08:00";
/// `assistance::UPLOAD_BYTES_PER_CLIENT` in files of the largest size.
const FILES_PER_HOUR: usize = 3 * MAX_FILES;

/// A file of the largest size that is a JPEG by its first bytes, or nothing known (`junk`).
fn largest(junk: bool) -> Vec<u8> {
    let mut bytes = vec![0u8; MAX_FILE_BYTES as usize];
    if !junk {
        bytes[..4].copy_from_slice(b"\xFF\xD8\xFF\xE0");
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
    let photo =
        b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9".to_vec();
    assert_eq!(
        upload(&app, &draft, photo).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
