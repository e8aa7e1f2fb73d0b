//! A submitted request: submitting once, withdrawing, tracking it (only with the right
//! secret), and answering staff's request for more material.

use portal_domain::api::assistance::{
    AssistanceProgress, AssistanceSubmitted, AssistanceTracking, DeadlineStep, DraftView, FileKind,
    RequestStatus,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{
    complete_draft, new_draft, request_lookup, save, save_ok, submit, submitted, track, upload,
    upload_ok, withdraw, MOBILE, NAME, RESIDENT_ID,
};
use crate::helpers::{at, error, spawn_app_at, JPEG, PDF, PNG};

use super::{EXE, NOW};

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
             SELECT id, $1, $2 FROM assistance_requests WHERE reference = $3",
        )
        .bind(status)
        .bind(accepted_at)
        .bind(&reference)
        .execute(&db)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE assistance_requests SET status = 'accepted' WHERE reference = $1")
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
    // No name, masked or not, and nothing but the progress (issue #13 item 1), with whether the
    // center waits for material (issue #18; what it asks for stays behind the tracking link).
    assert!(!text.contains("张*"), "{text}");
    let fields: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
    let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "initial_review_due",
            "material_requested",
            "material_requested_by",
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
         SELECT id, 'more_material_requested', '请补充购买凭证。', $1 FROM assistance_requests \
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
    // Whoever has only the reference and the mobile number learns that the center waits.
    let waiting = || async {
        let progress: AssistanceProgress = request_lookup(&app, &created.reference, MOBILE)
            .await
            .json()
            .await
            .unwrap();
        progress.material_requested
    };
    assert!(waiting().await);

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
    assert!(!waiting().await, "answered");
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
