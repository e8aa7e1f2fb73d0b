//! Staff changes are safe to retry (issue #13 item 10): the same `Idempotency-Key` gets the first
//! answer instead of doing the change again.

use portal_domain::api::desk::DeskSlot;
use portal_domain::api::staff::{CaseDetail, Role};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::citizen::submitted;
use crate::helpers::TestApp;
use crate::staff::NOW;
use crate::staff_client::{
    call_with_key, case_queue, error, login_admin, staff_app, staff_with, Session,
};

async fn send(
    app: &TestApp,
    who: &Session,
    path: &str,
    key: Option<&str>,
    body: serde_json::Value,
) -> reqwest::Response {
    call_with_key(
        app,
        Method::POST,
        path,
        Some(who),
        Some(&who.csrf),
        key,
        Some(body),
    )
    .await
}

#[tokio::test]
async fn a_retried_message_is_sent_once_and_retried_seats_are_added_once() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    submitted(&app, "retries").await;
    let handler = staff_with(&app, &admin, "cases1", &[Role::CaseHandler]).await;
    let queue = case_queue(&app, &handler).await;
    let path = format!("/api/v1/staff/cases/{}/messages", queue.items[0].id);
    let message = json!({"kind": "info", "text": "材料已收到。"});

    // Without a key a message is refused: it is not safe to send twice.
    let response = send(&app, &handler, &path, None, message.clone()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error(response).await.code, "staff.idempotency_key_missing");

    // Sent, the answer lost, sent again with the same key: one message, the same answer.
    let first = send(&app, &handler, &path, Some("msg-1"), message.clone()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: CaseDetail = first.json().await.unwrap();
    let again = send(&app, &handler, &path, Some("msg-1"), message.clone()).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: CaseDetail = again.json().await.unwrap();
    assert_eq!(again, first);
    assert_eq!(first.messages.len(), 1);
    // The same key for another message is refused.
    let other = json!({"kind": "info", "text": "另一条消息。"});
    let response = send(&app, &handler, &path, Some("msg-1"), other).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error(response).await.code, "staff.idempotency_key_reused");

    // "Add 2 seats", retried: 2 seats, not 4. Another key adds 2 more.
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let seats = json!({"venue": "nantong-ip-protection-center", "date": "2026-09-30", "start_time": "09:00", "add": 2});
    let mut capacities = Vec::new();
    for key in ["seats-1", "seats-1", "seats-2"] {
        let response = send(
            &app,
            &desk,
            "/api/v1/staff/slots/seats",
            Some(key),
            seats.clone(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "{key}");
        let slot: DeskSlot = response.json().await.unwrap();
        capacities.push(slot.capacity);
    }
    assert_eq!(capacities, [7, 7, 9]);
    // Keys are each account's own: the desk's "msg-1" is not the case handler's.
    let response = send(
        &app,
        &desk,
        "/api/v1/staff/slots/seats",
        Some("msg-1"),
        seats,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}
