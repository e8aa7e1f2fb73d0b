//! Evidence files: limits in number and size, typing by content, failed uploads leaving nothing,
//! the hourly upload budget per address, and invisible controls in names.

use portal_domain::api::assistance::{code, DraftView, FileKind, MAX_FILE_BYTES};
use reqwest::StatusCode;
use serde_json::json;

use crate::citizen::{complete_draft, new_draft, save_ok, upload, upload_ok};
use crate::helpers::{error, spawn_app_at, JPEG, PDF, PNG};

use super::{section, EXE, NOW};

#[tokio::test]
async fn uploads_are_limited_in_number_and_size_and_typed_by_content() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await;
    let path = format!("/api/v1/assistance/drafts/{}", draft.token);

    // A program renamed .jpg (and sent as image/jpeg) is refused for its content.
    let response = upload(&app, &path, "photo.jpg", EXE).await;
    assert_eq!(response.status(), 415);
    let body = error(response).await;
    assert_eq!(body.code, "assistance.file_type_not_allowed");
    assert!(!body.message.is_ascii());
    let response = app
        .client
        .post(app.url(&format!("{path}/files")))
        .header("Accept-Language", "en")
        .body(b"<svg onload=alert(1)>".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(error(response).await.message.contains("PDF"));
    let response = upload(&app, &path, "empty.jpg", b"").await;
    assert_eq!(response.status(), 400);
    assert_eq!(error(response).await.code, "assistance.file_empty");

    // A PNG named .jpg is a PNG; the name is tidied, the type comes from the content.
    let png = upload_ok(&app, &path, "C:\\photos\\侵权 商品.jpg", PNG).await;
    assert_eq!(png.kind, FileKind::Png);
    assert_eq!(png.content_type, "image/png");
    assert_eq!(png.name, "侵权 商品.jpg");
    assert_eq!(png.size, PNG.len() as u64);
    assert_eq!(png.sha256.len(), 64);
    let response = app.get(&format!("{path}/files/{}", png.id)).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "private, no-store");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("inline; "), "{disposition}");
    assert!(disposition.contains("filename*=UTF-8''%E4%BE%B5%E6%9D%83%20"));
    let download = app
        .get(&format!("{path}/files/{}?download=1", png.id))
        .await;
    assert!(download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; "));

    // Larger than 10 MB: 413 with the JSON error, nothing stored.
    let big = vec![0xFF; 10 * 1024 * 1024 + 1];
    let mut big_jpeg = big.clone();
    big_jpeg[..JPEG.len()].copy_from_slice(JPEG);
    let response = upload(&app, &path, "big.jpg", &big_jpeg).await;
    assert_eq!(response.status(), 413);
    assert_eq!(error(response).await.code, "assistance.file_too_large");
    // Exactly 10 MB is fine.
    let exact = &big_jpeg[..10 * 1024 * 1024];
    let file = upload_ok(&app, &path, "exact.jpg", exact).await;
    assert_eq!(file.size, 10 * 1024 * 1024);

    // Ten files at most; the same content twice is stored once.
    for i in 2..10 {
        upload_ok(&app, &path, &format!("photo-{i}.jpg"), JPEG).await;
    }
    let response = upload(&app, &path, "eleventh.pdf", PDF).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "assistance.too_many_files");
    let db = app.database().await;
    let blobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assistance_blobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(blobs, 3, "PNG, the 10 MB JPEG and the small JPEG");

    // Deleting one makes room; deleting the last user of a content deletes the content.
    let response = app
        .client
        .delete(app.url(&format!("{path}/files/{}", png.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let view: DraftView = response.json().await.unwrap();
    assert_eq!(view.files.len(), 9);
    assert_eq!(
        app.get(&format!("{path}/files/{}", png.id)).await.status(),
        404
    );
    let blobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assistance_blobs")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(blobs, 2);
    upload_ok(&app, &path, "tenth.pdf", PDF).await;
}

#[tokio::test]
async fn a_failed_upload_leaves_nothing_behind() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await;
    let path = format!("/api/v1/assistance/drafts/{}", draft.token);
    upload_ok(&app, &path, "ok.jpg", JPEG).await;
    for bytes in [EXE, b"" as &[u8]] {
        let response = upload(&app, &path, "bad.jpg", bytes).await;
        assert!(response.status().is_client_error());
    }
    let db = app.database().await;
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM assistance_files), (SELECT COUNT(*) FROM assistance_blobs)",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(counts, (1, 1));
    // The database itself refuses a file row without its content.
    let orphan = sqlx::query(
        "INSERT INTO assistance_files (sha256, role, draft_id, name, kind, size, purpose, \
         uploaded_at) SELECT $1, 'draft', id, 'x.jpg', 'jpeg', 1, 'evidence', 0 \
         FROM assistance_drafts",
    )
    .bind(vec![0u8; 32])
    .execute(&db)
    .await
    .unwrap_err();
    let orphan = orphan.into_database_error().unwrap();
    assert!(orphan.is_foreign_key_violation(), "{orphan}");
}

#[tokio::test]
async fn one_address_may_upload_300_mb_an_hour_then_uploads_wait() {
    let app = spawn_app_at(NOW).await;
    let t0 = portal_server::clock::parse_instant(NOW).unwrap();
    // The largest file allowed (the same content each time: stored once).
    let mut big = JPEG.to_vec();
    big.resize(MAX_FILE_BYTES as usize, 0);
    let mut drafts = Vec::new();
    for _ in 0..3 {
        let draft = new_draft(&app).await;
        let path = format!("/api/v1/assistance/drafts/{}", draft.token);
        for i in 0..10 {
            upload_ok(&app, &path, &format!("photo{i}.jpg"), &big).await;
        }
        drafts.push(path);
    }
    let fourth = format!("/api/v1/assistance/drafts/{}", new_draft(&app).await.token);
    let refused = upload(&app, &fourth, "one more.jpg", JPEG).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "3600");
    assert_eq!(error(refused).await.code, code::UPLOADS_RATE_LIMITED);
    // Nothing was lost: every file is still in its draft.
    for path in &drafts {
        let view: DraftView = app.get(path).await.json().await.unwrap();
        assert_eq!(view.files.len(), 10);
    }
    app.clock.set(t0 + 60 * 60);
    upload_ok(&app, &fourth, "one more.jpg", JPEG).await;
}

/// Bidirectional controls and other invisible format characters never reach staff: a name
/// holding one is refused at its field (the shared parser both sides run), and an uploaded
/// file's name has them removed, so `invoice` U+2067 `fdp.exe` U+2069 `.jpg` cannot show
/// reversed to staff.
#[tokio::test]
async fn bidi_controls_are_refused_in_names_and_removed_from_file_names() {
    let app = spawn_app_at(NOW).await;
    let created = new_draft(&app).await;
    let token = &created.token;
    for hidden in [
        '\u{2067}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{200B}',
    ] {
        let mut draft = complete_draft();
        draft["applicant"]["name"] = json!(format!("张{hidden}三丰"));
        draft["other_party"]["name"] = json!(format!("某某{hidden}家纺店"));
        let view = save_ok(&app, token, &draft).await;
        assert!(
            section(&view, "applicant")
                .problems
                .contains_key("applicant.name"),
            "U+{:04X} in the applicant's name",
            hidden as u32
        );
        assert!(
            section(&view, "other_party")
                .problems
                .contains_key("other_party.name"),
            "U+{:04X} in the other party's name",
            hidden as u32
        );
        assert!(!view.ready_to_submit);
    }
    let path = format!("/api/v1/assistance/drafts/{token}");
    let file = upload_ok(&app, &path, "invoice\u{2067}fdp.exe\u{2069}.jpg", JPEG).await;
    assert_eq!(file.name, "invoicefdp.exe.jpg");
    let file = upload_ok(&app, &path, "\u{200F}\u{202B}照片\u{FEFF}.jpg", JPEG).await;
    assert_eq!(file.name, "照片.jpg");
}
