//! Drafts: saving whatever is typed with a report per section, expiry 30 days after the last
//! change, and the number of drafts one address may start.

use portal_domain::api::assistance::{code, DraftView, SectionStatus};
use reqwest::StatusCode;
use serde_json::json;

use crate::citizen::{complete_draft, new_draft, save, save_ok, NAME};
use crate::helpers::{at, error, spawn_app_at};

use super::{section, NOW};

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
