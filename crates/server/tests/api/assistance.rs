//! Rights-assistance requests over HTTP, on a clock fixed at Tuesday 2026-09-29 10:00 in
//! Shanghai. Around it in the official calendar: 国庆节 10-01..07 off and Saturday 10-10 a
//! working day (调休), so the initial review of a request submitted that day is due on Monday
//! 10-12, not on 10-06.

use portal_domain::api::assistance::{
    code, AssistanceProgress, AssistanceSubmitted, AssistanceTracking, DeadlineStep, DraftCreated,
    DraftView, FileKind, RequestStatus, SectionStatus, MAX_FILE_BYTES,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::binary::Binary;
use crate::citizen::{
    complete_draft, new_draft, request_lookup, save, save_ok, submit, submitted, track, upload,
    upload_ok, withdraw, MOBILE, NAME, RESIDENT_ID,
};
use crate::helpers::{at, error, spawn_app_at, JPEG, PDF, PNG};

const NOW: &str = "2026-09-29T10:00:00+08:00";

/// A Windows program: what a disguised `.jpg` really is.
const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00\xB8\x00";

fn section(view: &DraftView, name: &str) -> portal_domain::api::assistance::SectionReport {
    view.sections
        .iter()
        .find(|s| s.section.code() == name)
        .unwrap_or_else(|| panic!("section {name}"))
        .clone()
}

#[tokio::test]
async fn drafts_save_whatever_is_typed_and_report_each_section() {
    let app = spawn_app_at(NOW).await;
    let created = new_draft(&app).await;
    assert_eq!(created.token.len(), 43);
    assert_eq!(created.view.sections.len(), 7);
    assert!(created
        .view
        .sections
        .iter()
        .all(|s| s.status == SectionStatus::NotStarted));
    assert!(!created.view.ready_to_submit);
    assert_eq!(created.view.expires_at, "2026-10-29T10:00:00+08:00");
    let token = &created.token;

    // Half an applicant: in progress, nothing wrong yet.
    let view = save_ok(
        &app,
        token,
        &json!({"applicant": {"kind": "individual", "name": NAME}}),
    )
    .await;
    let applicant = section(&view, "applicant");
    assert_eq!(applicant.status, SectionStatus::InProgress);
    assert!(applicant.problems.is_empty());
    assert_eq!(
        applicant.missing,
        [
            "applicant.resident_id",
            "applicant.mobile",
            "applicant.acting_for_someone_else"
        ]
    );

    // Wrong answers are saved all the same, and reported: in Chinese by default…
    let mut draft = complete_draft();
    draft["applicant"]["resident_id"] = json!("320611199003071233");
    draft["right"]["number"] = json!("2012 2 0687633.1");
    draft["facts"]["estimated_loss"] = json!("5万");
    let view = save_ok(&app, token, &draft).await;
    assert_eq!(
        view.draft.applicant.resident_id.as_deref(),
        Some("320611199003071233")
    );
    let applicant = section(&view, "applicant");
    assert_eq!(applicant.status, SectionStatus::Problem);
    let problem = &applicant.problems["applicant.resident_id"];
    assert_eq!(problem.code, "resident_id.check_digit");
    assert!(!problem.message.is_ascii());
    assert!(!problem.message.contains("320611"), "no echo of the number");
    let right = section(&view, "right");
    assert_eq!(right.status, SectionStatus::Problem);
    assert_eq!(
        right.problems["right.number"].code,
        "patent_number.check_digit"
    );
    assert_eq!(
        section(&view, "facts").problems["facts.estimated_loss"].code,
        "assistance.loss_invalid"
    );
    assert_eq!(section(&view, "help").status, SectionStatus::Completed);
    assert!(!view.ready_to_submit);

    // … in English on request.
    let response = app
        .client
        .put(app.url(&format!("/api/v1/assistance/drafts/{token}")))
        .header("Accept-Language", "en-GB,en;q=0.9")
        .json(&draft)
        .send()
        .await
        .unwrap();
    let view: DraftView = response.json().await.unwrap();
    let message = &section(&view, "applicant").problems["applicant.resident_id"].message;
    assert!(message.is_ascii() && !message.is_empty(), "{message}");

    // A GI must be one of the GI lookup's products.
    draft["right"] = json!({
        "type": "geographical_indication", "number": "GI99999", "holder": "海安市某协会",
        "legal_status": "in_force"
    });
    let view = save_ok(&app, token, &draft).await;
    assert_eq!(
        section(&view, "right").problems["right.number"].code,
        "assistance.gi_unknown"
    );
    draft["right"]["number"] = json!("gi00842");
    let view = save_ok(&app, token, &draft).await;
    assert_eq!(section(&view, "right").status, SectionStatus::Completed);

    // What was saved comes back after a reload.
    let response = app.get(&format!("/api/v1/assistance/drafts/{token}")).await;
    assert_eq!(response.status(), 200);
    let reloaded: DraftView = response.json().await.unwrap();
    assert_eq!(reloaded.draft.right.number.as_deref(), Some("gi00842"));
    assert_eq!(reloaded.sections, view.sections);

    // Only unreadable or huge bodies are refused, and unknown tokens are plain 404s.
    let response = app
        .client
        .put(app.url(&format!("/api/v1/assistance/drafts/{token}")))
        .header("Content-Type", "application/json")
        .body("{\"applicant\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(error(response).await.code, "bad_request");
    let response = save(
        &app,
        token,
        &json!({"facts": {"description": "x".repeat(200_000)}}),
    )
    .await;
    assert_eq!(response.status(), 413);
    assert_eq!(error(response).await.code, "payload_too_large");
    let wrong = "A".repeat(43);
    for path in [
        format!("/api/v1/assistance/drafts/{wrong}"),
        "/api/v1/assistance/drafts/short".to_owned(),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(error(response).await.code, "not_found");
    }
}

#[tokio::test]
async fn drafts_expire_30_days_after_the_last_change() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await;
    let path = format!("/api/v1/assistance/drafts/{}", draft.token);
    app.clock.set(at("2026-10-20T10:00:00+08:00"));
    let view = save_ok(&app, &draft.token, &complete_draft()).await;
    assert_eq!(view.expires_at, "2026-11-19T10:00:00+08:00");
    app.clock.set(at("2026-11-19T09:59:59+08:00"));
    assert_eq!(app.get(&path).await.status(), 200);
    app.clock.set(at("2026-11-19T10:00:00+08:00"));
    assert_eq!(app.get(&path).await.status(), 404);
    // The next new draft clears it away.
    new_draft(&app).await;
    let db = app.database().await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assistance_drafts")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(left, 1);
}

#[tokio::test]
async fn submitting_creates_the_request_once() {
    let app = spawn_app_at(NOW).await;
    let draft = new_draft(&app).await;
    let token = draft.token.clone();
    let draft_path = format!("/api/v1/assistance/drafts/{token}");

    // An incomplete draft is refused with what is missing, field by field.
    let response = submit(&app, &token, "first-try").await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.code, "assistance.draft_incomplete");
    assert_eq!(
        body.fields["applicant.kind"].code,
        "assistance.applicant_kind_missing"
    );
    assert_eq!(
        body.fields["declaration.accepted"].code,
        "assistance.declaration_missing"
    );

    // Acting for someone else needs the letter of authorisation among the evidence.
    let mut answers = complete_draft();
    answers["applicant"]["acting_for_someone_else"] = json!(true);
    answers["applicant"]["representative_name"] = json!("王律师");
    save_ok(&app, &token, &answers).await;
    let photo = upload_ok(&app, &draft_path, "现场照片.jpg", JPEG).await;
    assert_eq!(photo.kind, FileKind::Jpeg);
    let response = submit(&app, &token, "second-try").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["evidence.files"].code,
        "assistance.authorisation_letter_missing"
    );
    let letter = app
        .client
        .post(app.url(&format!("{draft_path}/files")))
        .query(&[("name", "委托书.pdf"), ("purpose", "authorisation_letter")])
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(letter.status(), 201);
    let view: DraftView = app.get(&draft_path).await.json().await.unwrap();
    assert!(view.ready_to_submit);
    assert_eq!(view.files.len(), 2);

    // No key, no submission.
    let response = app
        .client
        .post(app.url(&format!("{draft_path}/submit")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.code,
        "assistance.idempotency_key_missing"
    );

    let response = submit(&app, &token, "key-1").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let first_body = response.text().await.unwrap();
    let created: AssistanceSubmitted = serde_json::from_str(&first_body).unwrap();
    assert!(
        created.reference.starts_with("WQ-"),
        "{}",
        created.reference
    );
    assert_eq!(created.reference.len(), 12);
    assert_eq!(created.tracking_token.len(), 43);
    let request = &created.request;
    assert_eq!(request.status, RequestStatus::Submitted);
    assert_eq!(request.submitted_at, "2026-09-29T10:00:00+08:00");
    // 5 working days: 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    assert_eq!(
        request.initial_review_due.unwrap().to_string(),
        "2026-10-12"
    );
    let next = request.next_deadline.as_ref().unwrap();
    assert_eq!(next.step, DeadlineStep::InitialReview);
    assert_eq!(next.due.unwrap().to_string(), "2026-10-12");
    assert_eq!(request.timeline.len(), 1);
    assert_eq!(request.timeline[0].status, RequestStatus::Submitted);
    assert!(request.withdrawable && !request.withdraw_needs_reason);
    assert_eq!(
        request.one_click_withdraw_until.as_deref(),
        Some("2026-09-29T10:10:00+08:00")
    );
    // Personal numbers are masked even for the applicant.
    assert_eq!(request.applicant.name, NAME);
    assert_eq!(
        request.applicant.resident_id.as_deref(),
        Some("3206**********1232")
    );
    assert_eq!(request.applicant.mobile, "138****5678");
    assert!(!first_body.contains(RESIDENT_ID) && !first_body.contains(MOBILE));
    assert_eq!(request.right.number.as_deref(), Some("201220687633.0"));
    let details = request.details.as_ref().unwrap();
    assert_eq!(details.facts.estimated_loss.as_deref(), Some("50000.00"));
    assert_eq!(details.evidence.len(), 2);
    assert_eq!(details.evidence[0].sha256, photo.sha256);

    // The same key again: the same answer, no second request.
    let response = submit(&app, &token, "key-1").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.text().await.unwrap(), first_body);
    let db = app.database().await;
    let requests: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assistance_requests")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(requests, 1);

    // The draft is closed: it says so, and cannot change or be submitted with another key.
    let view: DraftView = app.get(&draft_path).await.json().await.unwrap();
    let submitted = view.submitted.unwrap();
    assert_eq!(submitted.reference, created.reference);
    assert!(view.files.is_empty() && view.draft == Default::default());
    for response in [
        save(&app, &token, &complete_draft()).await,
        submit(&app, &token, "key-2").await,
        upload(&app, &draft_path, "more.jpg", JPEG).await,
    ] {
        assert_eq!(response.status(), 409);
        assert_eq!(error(response).await.code, "assistance.draft_submitted");
    }

    // The files went with the request: gone from the draft, served by the tracking link.
    let response = app.get(&format!("{draft_path}/files/{}", photo.id)).await;
    assert_eq!(response.status(), 404);
    let tracking_token = &created.tracking_token;
    let response = app
        .get(&format!(
            "/api/v1/assistance/requests/{tracking_token}/files/{}",
            photo.id
        ))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap().as_ref(), JPEG);

    // The key is the key of this draft: with another draft it is refused.
    let other = new_draft(&app).await;
    save_ok(&app, &other.token, &complete_draft()).await;
    let response = submit(&app, &other.token, "key-1").await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        error(response).await.code,
        "assistance.idempotency_key_reused"
    );
    let response = submit(&app, &other.token, "key-3").await;
    assert_eq!(response.status(), 201);
    let second: AssistanceSubmitted = response.json().await.unwrap();
    assert_ne!(second.reference, created.reference);
    assert!(second.request.details.unwrap().evidence.is_empty());
}

#[tokio::test]
async fn withdrawing_takes_one_click_for_10_minutes_then_a_reason_until_accepted() {
    let app = spawn_app_at(NOW).await;
    let quick = submitted(&app, "quick").await;
    let late = submitted(&app, "late").await;
    let accepted = submitted(&app, "accepted").await;

    // Within 10 minutes: no body, no reason.
    app.clock.set(at("2026-09-29T10:09:59+08:00"));
    let response = withdraw(&app, &quick.tracking_token, None).await;
    assert_eq!(response.status(), 200);
    let view: AssistanceTracking = response.json().await.unwrap();
    assert_eq!(view.status, RequestStatus::Withdrawn);
    assert!(!view.withdrawable);
    assert_eq!(view.next_deadline, None);
    let statuses: Vec<_> = view.timeline.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [RequestStatus::Submitted, RequestStatus::Withdrawn]
    );
    // Again: nothing changes.
    let again = withdraw(&app, &quick.tracking_token, Some(json!({}))).await;
    assert_eq!(again.status(), 200);
    assert_eq!(track(&app, &quick.tracking_token).await.timeline.len(), 2);

    // After 10 minutes a reason is needed.
    app.clock.set(at("2026-09-29T10:10:01+08:00"));
    let before = track(&app, &late.tracking_token).await;
    assert!(before.withdrawable && before.withdraw_needs_reason);
    assert_eq!(before.one_click_withdraw_until, None);
    for body in [None, Some(json!({"reason": "   "}))] {
        let response = withdraw(&app, &late.tracking_token, body).await;
        assert_eq!(response.status(), 422);
        let body = error(response).await;
        assert_eq!(body.code, "assistance.withdraw_reason_required");
        assert_eq!(
            body.fields["reason"].code,
            "assistance.withdraw_reason_missing"
        );
    }
    let response = withdraw(
        &app,
        &late.tracking_token,
        Some(json!({"reason": "x".repeat(501)})),
    )
    .await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "assistance.too_long"
    );
    let response = withdraw(
        &app,
        &late.tracking_token,
        Some(json!({"reason": "已与对方和解"})),
    )
    .await;
    assert_eq!(response.status(), 200);
    let view: AssistanceTracking = response.json().await.unwrap();
    assert_eq!(view.status, RequestStatus::Withdrawn);
    assert_eq!(view.timeline[1].note.as_deref(), Some("已与对方和解"));

    // Once accepted (by staff: here straight in the database) it cannot be withdrawn online.
    let db = app.database().await;
    let accepted_at = at("2026-10-08T15:00:00+08:00");
    let reference = accepted
        .reference
        .trim_start_matches("WQ-")
        .replace('-', "");
    for status in ["initial_review", "accepted"] {
        sqlx::query(
            "INSERT INTO assistance_events (request_id, status, at) \
             SELECT id, ?, ? FROM assistance_requests WHERE reference = ?",
        )
        .bind(status)
        .bind(accepted_at)
        .bind(&reference)
        .execute(&db)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE assistance_requests SET status = 'accepted' WHERE reference = ?")
        .bind(&reference)
        .execute(&db)
        .await
        .unwrap();
    app.clock.set(at("2026-10-09T09:00:00+08:00"));
    let view = track(&app, &accepted.tracking_token).await;
    assert_eq!(view.status, RequestStatus::Accepted);
    assert!(!view.withdrawable);
    let next = view.next_deadline.unwrap();
    assert_eq!(next.step, DeadlineStep::Result);
    assert_eq!(
        next.due.unwrap().to_string(),
        "2027-01-06",
        "90 days after 10-08"
    );
    let response = withdraw(
        &app,
        &accepted.tracking_token,
        Some(json!({"reason": "不需要了"})),
    )
    .await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "assistance.not_withdrawable");
}

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
async fn tracking_reveals_nothing_without_the_right_secret() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "mine").await;
    let theirs = submitted(&app, "theirs").await;

    // Reference + mobile: progress only, the name masked, no answers or files.
    let response = request_lookup(&app, &mine.reference.to_lowercase(), "+86 138-1234-5678").await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    for secret in [
        RESIDENT_ID,
        MOBILE,
        NAME,
        "对方在网店",
        mine.tracking_token.as_str(),
    ] {
        assert!(!text.contains(secret), "{secret} in the lookup answer");
    }
    // No name, masked or not, and nothing but the progress (issue #13 item 1).
    assert!(!text.contains("张*"), "{text}");
    let fields: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
    let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "initial_review_due",
            "messages",
            "next_deadline",
            "reference",
            "status",
            "submitted_at",
            "timeline"
        ]
    );
    let view: AssistanceProgress = serde_json::from_str(&text).unwrap();
    assert_eq!(view.reference, mine.reference);
    assert_eq!(view.messages, 0);
    assert_eq!(
        view.next_deadline.unwrap().due.unwrap().to_string(),
        "2026-10-12"
    );

    // A wrong mobile and an unknown reference get the same 404, with no data.
    let wrong_mobile = request_lookup(&app, &mine.reference, "13912345678").await;
    let unknown = request_lookup(&app, "WQ-2222-2222", MOBILE).await;
    assert_eq!(wrong_mobile.status(), 404);
    assert_eq!(unknown.status(), 404);
    let (a, b) = (
        wrong_mobile.text().await.unwrap(),
        unknown.text().await.unwrap(),
    );
    assert_eq!(a, b);
    assert!(!a.contains(&mine.reference));
    let response = request_lookup(&app, "WQ-0000", "123").await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["reference"].code, "assistance.reference_format");
    assert_eq!(body.fields["mobile"].code, "mobile_number.wrong_length");

    // One request's files are not reachable with another request's token.
    let my_file = mine.request.details.as_ref().unwrap().evidence[0].id;
    let their_file = theirs.request.details.as_ref().unwrap().evidence[0].id;
    let path = |token: &str, id: i64| format!("/api/v1/assistance/requests/{token}/files/{id}");
    assert_eq!(
        app.get(&path(&mine.tracking_token, my_file)).await.status(),
        200
    );
    let response = app.get(&path(&mine.tracking_token, their_file)).await;
    assert_eq!(response.status(), 404);
    assert_eq!(error(response).await.code, "not_found");
    assert_eq!(app.get(&path(&"A".repeat(43), my_file)).await.status(), 404);
    // Nor with a draft token, nor a draft's files with another draft's token.
    let a = new_draft(&app).await;
    let b = new_draft(&app).await;
    let a_path = format!("/api/v1/assistance/drafts/{}", a.token);
    let file = upload_ok(&app, &a_path, "a.jpg", JPEG).await;
    let b_path = format!("/api/v1/assistance/drafts/{}", b.token);
    assert_eq!(
        app.get(&format!("{b_path}/files/{}", file.id))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(&format!("{a_path}/files/{my_file}")).await.status(),
        404
    );
    let response = app
        .client
        .delete(app.url(&format!("{b_path}/files/{}", file.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        app.get(&format!("/api/v1/assistance/requests/{}", a.token))
            .await
            .status(),
        404,
        "a draft token is not a tracking token"
    );
}

#[tokio::test]
async fn the_applicant_answers_a_request_for_more_material_with_files() {
    let app = spawn_app_at(NOW).await;
    let created = submitted(&app, "reply").await;
    let token = &created.tracking_token;
    let base = format!("/api/v1/assistance/requests/{token}");

    // Staff ask for more (here straight in the database).
    let db = app.database().await;
    let message_id: i64 = sqlx::query_scalar(
        "INSERT INTO assistance_messages (request_id, kind, body, sent_at) \
         SELECT id, 'more_material_requested', '请补充购买凭证。', ? FROM assistance_requests \
         RETURNING id",
    )
    .bind(at("2026-09-30T09:00:00+08:00"))
    .fetch_one(&db)
    .await
    .unwrap();
    let view = track(&app, token).await;
    assert_eq!(view.messages.len(), 1);
    assert!(view.messages[0].can_reply);
    assert_eq!(view.messages[0].text, "请补充购买凭证。");

    // New files wait beside the request until they are sent with the reply.
    let receipt = upload_ok(&app, &base, "购买凭证.pdf", PDF).await;
    let extra = upload_ok(&app, &base, "extra.png", PNG).await;
    let response = upload(&app, &base, "fake.pdf", EXE).await;
    assert_eq!(response.status(), 415);
    let view = track(&app, token).await;
    assert_eq!(view.details.as_ref().unwrap().staged_files.len(), 2);
    let response = app
        .client
        .delete(app.url(&format!("{base}/files/{}", extra.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    let reply_path = format!("{base}/messages/{message_id}/reply");
    let send = |body: Value| {
        let request = app.client.post(app.url(&reply_path)).json(&body);
        async move { request.send().await.unwrap() }
    };
    let response = send(json!({"text": "见附件", "files": [extra.id]})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["files"].code,
        "assistance.reply_file_unknown"
    );
    let response = send(json!({"text": " "})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["text"].code,
        "assistance.reply_empty"
    );

    let response = send(json!({"text": "见附件", "files": [receipt.id]})).await;
    assert_eq!(response.status(), 200);
    let view: AssistanceTracking = response.json().await.unwrap();
    let message = &view.messages[0];
    assert!(!message.can_reply);
    let reply = message.reply.as_ref().unwrap();
    assert_eq!(reply.text.as_deref(), Some("见附件"));
    assert_eq!(reply.files.len(), 1);
    assert_eq!(reply.files[0].id, receipt.id);
    let details = view.details.unwrap();
    assert!(details.staged_files.is_empty());
    assert_eq!(details.evidence.len(), 1, "the submitted evidence only");

    // The same reply again changes nothing; another one is refused; sent files stay.
    let response = send(json!({"text": "见附件", "files": [receipt.id]})).await;
    assert_eq!(response.status(), 200);
    let response = send(json!({"text": "还有一份"})).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "assistance.already_replied");
    let response = app
        .client
        .delete(app.url(&format!("{base}/files/{}", receipt.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "assistance.file_already_sent");
    let response = app.get(&format!("{base}/files/{}", receipt.id)).await;
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let response = app
        .client
        .post(app.url(&format!("{base}/messages/999/reply")))
        .json(&json!({"text": "?"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);

    // A withdrawn request takes nothing more.
    app.clock.set(at("2026-09-30T10:00:00+08:00"));
    let response = withdraw(&app, token, Some(json!({"reason": "已解决"}))).await;
    assert_eq!(response.status(), 200);
    let response = upload(&app, &base, "late.jpg", JPEG).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "assistance.request_closed");
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
         uploaded_at) SELECT zeroblob(32), 'draft', id, 'x.jpg', 'jpeg', 1, 'evidence', 0 \
         FROM assistance_drafts",
    )
    .execute(&db)
    .await
    .unwrap_err();
    assert!(orphan.to_string().contains("FOREIGN KEY"), "{orphan}");
}

#[tokio::test]
async fn the_openapi_document_describes_the_assistance_api() {
    let app = spawn_app_at(NOW).await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    for path in [
        "/api/v1/assistance/drafts",
        "/api/v1/assistance/drafts/{token}",
        "/api/v1/assistance/drafts/{token}/files",
        "/api/v1/assistance/drafts/{token}/files/{id}",
        "/api/v1/assistance/drafts/{token}/submit",
        "/api/v1/assistance/requests/lookup",
        "/api/v1/assistance/requests/{token}",
        "/api/v1/assistance/requests/{token}/withdraw",
        "/api/v1/assistance/requests/{token}/files",
        "/api/v1/assistance/requests/{token}/files/{id}",
        "/api/v1/assistance/requests/{token}/messages/{id}/reply",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let submit = &doc["paths"]["/api/v1/assistance/drafts/{token}/submit"]["post"];
    for code in ["201", "400", "404", "409", "422"] {
        assert!(submit["responses"][code].is_object(), "{code}");
    }
    for schema in [
        "AssistanceDraft",
        "DraftView",
        "DraftCreated",
        "AssistanceSubmitted",
        "AssistanceTracking",
        "EvidenceFile",
        "SectionReport",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

#[tokio::test]
async fn the_logs_hold_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = Binary::start(dir.path(), Some(NOW), |_| {});
    let base = &server.base;
    let client = reqwest::Client::new();
    let api = |path: &str| format!("{base}/api/v1/assistance{path}");

    let draft: DraftCreated = client
        .post(api("/drafts"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
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
    let submitted: AssistanceSubmitted = client
        .post(api(&format!("/drafts/{token}/submit")))
        .header("Idempotency-Key", "log-check")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
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

#[tokio::test]
async fn one_address_may_start_30_drafts_an_hour_and_keeps_the_ones_it_has() {
    let app = spawn_app_at(NOW).await;
    let t0 = portal_server::clock::parse_instant(NOW).unwrap();
    let first = new_draft(&app).await;
    for _ in 1..30 {
        new_draft(&app).await;
    }
    let refused = app
        .client
        .post(app.url("/api/v1/assistance/drafts"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "3600");
    let body = error(refused).await;
    assert_eq!(body.code, code::DRAFTS_RATE_LIMITED);
    assert!(
        body.message.contains("will not be lost"),
        "{}",
        body.message
    );
    // The drafts already started go on being saved.
    save_ok(&app, &first.token, &complete_draft()).await;
    // An hour after the first, one more may start.
    app.clock.set(t0 + 60 * 60);
    new_draft(&app).await;
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
