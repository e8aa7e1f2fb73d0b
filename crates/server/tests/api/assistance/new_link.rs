//! A new tracking link for someone who lost theirs (issue #18): the reference, the mobile
//! number and the last 6 characters of the ID number given in the application; the old link
//! stops working, a wrong answer is the lookup's 404 and counts towards its limit.

use portal_domain::api::assistance::NewLink;
use serde_json::json;

use super::NOW;
use crate::citizen::{post, submitted, track, MOBILE, RESIDENT_ID};
use crate::helpers::{error, spawn_app_at, TestApp};

async fn new_link(app: &TestApp, reference: &str, mobile: &str, tail: &str) -> reqwest::Response {
    post(
        app,
        "/api/v1/assistance/requests/new-link",
        &json!({"reference": reference, "mobile": mobile, "id_tail": tail}),
    )
    .await
}

/// The last 6 characters of [`RESIDENT_ID`], typed loosely.
fn tail() -> String {
    let last = &RESIDENT_ID[RESIDENT_ID.len() - 6..];
    format!(" {} {} ", &last[..3], last[3..].to_lowercase())
}

#[tokio::test]
async fn the_right_three_facts_give_a_new_link_and_end_the_old_one() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "new-link").await;
    let old = &mine.tracking_token;

    let response = new_link(&app, &mine.reference.to_lowercase(), MOBILE, &tail()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let link: NewLink = response.json().await.unwrap();
    assert_ne!(&link.token, old);
    let view = track(&app, &link.token).await;
    assert_eq!(view.reference, mine.reference);
    let response = app.get(&format!("/api/v1/assistance/requests/{old}")).await;
    assert_eq!(response.status(), 404, "the old link no longer works");

    // Staff can see that a link was given (never the token or the facts).
    let db = app.database().await;
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT action, target_id, summary FROM staff_audit \
         WHERE action = 'assistance.new_tracking_link'",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].1,
        mine.reference.replace("WQ-", "").replace('-', "")
    );
    for secret in [link.token.as_str(), old.as_str(), RESIDENT_ID, MOBILE] {
        assert!(!rows[0].2.contains(secret));
    }
}

#[tokio::test]
async fn a_wrong_fact_is_the_lookups_404_and_counts_towards_its_limit() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "wrong-facts").await;

    // Wrong ID characters, a wrong mobile, an unknown reference: one and the same answer.
    let wrong_tail = new_link(&app, &mine.reference, MOBILE, "000000").await;
    let wrong_mobile = new_link(&app, &mine.reference, "13912345678", &tail()).await;
    let unknown = new_link(&app, "WQ-2222-2222", MOBILE, &tail()).await;
    let bodies = [wrong_tail, wrong_mobile, unknown];
    for response in &bodies {
        assert_eq!(response.status(), 404);
    }
    let mut texts = Vec::new();
    for response in bodies {
        texts.push(response.text().await.unwrap());
    }
    assert!(texts.iter().all(|t| t == &texts[0]), "{texts:?}");
    // The old link still works: nothing was changed.
    track(&app, &mine.tracking_token).await;

    // Malformed: every field named at once, nothing counted.
    let response = new_link(&app, "WQ-0000", "123", "12").await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["reference"].code, "assistance.reference_format");
    assert_eq!(body.fields["mobile"].code, "mobile_number.wrong_length");
    assert_eq!(body.fields["id_tail"].code, "assistance.id_tail_format");

    // The limit the lookups share: 5 failed tries of one reference an hour (two used above),
    // then 429 even with the right facts, before the database is asked.
    for _ in 0..3 {
        let response = new_link(&app, &mine.reference, MOBILE, "000000").await;
        assert_eq!(response.status(), 404);
    }
    let response = new_link(&app, &mine.reference, MOBILE, &tail()).await;
    assert_eq!(response.status(), 429);
    assert_eq!(error(response).await.code, "assistance.lookup_rate_limited");
    track(&app, &mine.tracking_token).await;
}

#[tokio::test]
async fn a_request_without_an_id_number_sends_the_applicant_to_the_counter() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "no-id").await;
    // As a request whose personal data was removed would be.
    let db = app.database().await;
    let answers: String = sqlx::query_scalar("SELECT answers FROM assistance_requests")
        .fetch_one(&db)
        .await
        .unwrap();
    let mut answers: serde_json::Value = serde_json::from_str(&answers).unwrap();
    answers["applicant"]
        .as_object_mut()
        .unwrap()
        .remove("resident_id");
    sqlx::query("UPDATE assistance_requests SET answers = $1")
        .bind(answers.to_string())
        .execute(&db)
        .await
        .unwrap();

    let response = new_link(&app, &mine.reference, MOBILE, &tail()).await;
    assert_eq!(response.status(), 409);
    let body = error(response).await;
    assert_eq!(body.code, "assistance.no_second_fact");
    assert!(body.message.contains("服务窗口"), "{}", body.message);
    // Only after the reference and the mobile number matched.
    let response = new_link(&app, &mine.reference, "13912345678", &tail()).await;
    assert_eq!(response.status(), 404);
}
