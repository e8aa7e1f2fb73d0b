//! Rights-assistance cases on the workbench: the transition table, messages and internal notes,
//! assignment, filters and the overview, and what the applicant sees of each.

use portal_domain::api::assistance::{AssistanceTracking, RequestStatus};
use portal_domain::api::staff::{CaseDetail, CaseHandler, CaseList, Overview, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{request_lookup, submitted, track, track_raw, MOBILE, RESIDENT_ID};
use crate::helpers::{at, TestApp, JPEG};
use crate::staff_client::{
    audit, case_detail, case_queue, error, get, login, post, staff_named, staff_with, Session,
    ADMIN, ADMIN_PASSWORD, PASSWORD,
};

use super::app;

/// The request's answer by reference + mobile number, as the server wrote it (200).
async fn lookup_raw(app: &TestApp, reference: &str) -> String {
    let response = request_lookup(app, reference, MOBILE).await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// A message to the applicant of case `id`, sent as `s`.
async fn message(app: &TestApp, s: &Session, id: i64, body: Value) -> reqwest::Response {
    post(app, s, &format!("/api/v1/staff/cases/{id}/messages"), body).await
}

/// Asks the applicant of case `id` for more material.
async fn ask_for_material(app: &TestApp, s: &Session, id: i64, text: &str) -> reqwest::Response {
    let body = json!({"kind": "more_material_requested", "text": text});
    message(app, s, id, body).await
}

/// The applicant's reply to message `message_id`, by the request's tracking link.
async fn reply(
    app: &TestApp,
    tracking_token: &str,
    message_id: i64,
    text: &str,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!(
            "/api/v1/assistance/requests/{tracking_token}/messages/{message_id}/reply"
        )))
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap()
}

/// The case queue with `query`, as `s` sees it (200).
async fn list(app: &TestApp, s: &Session, query: &str) -> CaseList {
    let response = get(app, s, &format!("/api/v1/staff/cases{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.unwrap()
}

async fn transition(app: &TestApp, s: &Session, id: i64, body: Value) -> reqwest::Response {
    post(
        app,
        s,
        &format!("/api/v1/staff/cases/{id}/transition"),
        body,
    )
    .await
}

async fn transition_ok(app: &TestApp, s: &Session, id: i64, body: Value) -> CaseDetail {
    let response = transition(app, s, id, body.clone()).await;
    assert_eq!(response.status(), 200, "{body}");
    response.json().await.unwrap()
}

async fn illegal(app: &TestApp, s: &Session, id: i64, to: &str, allowed: Value) {
    // The reason or outcome where it is required, so that the 409 is what is tested.
    let body = match to {
        "rejected" => json!({"to": to, "reason": "理由"}),
        "concluded" => json!({"to": to, "outcome": "结果"}),
        _ => json!({"to": to}),
    };
    let response = transition(app, s, id, body).await;
    assert_eq!(response.status(), StatusCode::CONFLICT, "to {to}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "staff.illegal_transition");
    assert_eq!(body["details"]["allowed"], allowed, "to {to}");
}

#[tokio::test]
async fn cases_follow_the_transition_table_and_the_applicant_sees_every_step() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let a = submitted(&app, "key-a").await;
    let b = submitted(&app, "key-b").await;

    // The queue: oldest first, with the deadline the applicant sees.
    let queue = case_queue(&app, &handler).await;
    assert_eq!(queue.total, 2);
    let first = &queue.items[0];
    assert_eq!(first.reference, a.reference);
    assert_eq!(first.status, RequestStatus::Submitted);
    let due = first.next_deadline.as_ref().unwrap().due.unwrap();
    assert_eq!(due.to_string(), "2026-10-12");
    // 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    assert_eq!(first.working_days_left, Some(5));
    assert!(!first.overdue);
    let (id_a, id_b) = (queue.items[0].id, queue.items[1].id);

    // Staff see the answers unmasked and the evidence.
    let detail = case_detail(&app, &handler, id_a).await;
    assert_eq!(
        detail.answers.applicant.mobile.as_ref().unwrap().as_str(),
        MOBILE
    );
    assert_eq!(
        detail
            .answers
            .applicant
            .resident_id
            .as_ref()
            .unwrap()
            .as_str(),
        RESIDENT_ID
    );
    assert_eq!(detail.allowed_transitions, [RequestStatus::InitialReview]);
    let file = &detail.files[0];
    let response = get(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id_a}/files/{}", file.id),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert_eq!(response.bytes().await.unwrap().as_ref(), JPEG);
    let response = get(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id_b}/files/{}", file.id),
    )
    .await;
    assert_eq!(response.status(), 404, "another case's file");

    // Illegal moves from submitted.
    for to in [
        "accepted",
        "rejected",
        "assisting",
        "concluded",
        "withdrawn",
        "submitted",
    ] {
        illegal(&app, &handler, id_a, to, json!(["initial_review"])).await;
    }
    // A: the whole way.
    transition_ok(&app, &handler, id_a, json!({"to": "initial_review"})).await;
    illegal(
        &app,
        &handler,
        id_a,
        "assisting",
        json!(["accepted", "rejected"]),
    )
    .await;
    let response = transition(
        &app,
        &handler,
        id_a,
        json!({"to": "accepted", "reason": "x"}),
    )
    .await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "staff.not_used_here"
    );
    transition_ok(&app, &handler, id_a, json!({"to": "accepted"})).await;
    illegal(&app, &handler, id_a, "initial_review", json!(["assisting"])).await;
    transition_ok(&app, &handler, id_a, json!({"to": "assisting"})).await;
    let response = transition(&app, &handler, id_a, json!({"to": "concluded"})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["outcome"].code,
        "staff.outcome_required"
    );
    let done = transition_ok(
        &app,
        &handler,
        id_a,
        json!({"to": "concluded", "outcome": "经调解，对方已下架侵权商品。"}),
    )
    .await;
    assert!(done.allowed_transitions.is_empty());
    illegal(&app, &handler, id_a, "assisting", json!([])).await;

    // B: refused, with a reason.
    transition_ok(&app, &handler, id_b, json!({"to": "initial_review"})).await;
    let response = transition(&app, &handler, id_b, json!({"to": "rejected"})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "staff.reason_required"
    );
    transition_ok(
        &app,
        &handler,
        id_b,
        json!({"to": "rejected", "reason": "不属于本中心受理范围。"}),
    )
    .await;
    illegal(&app, &handler, id_b, "accepted", json!([])).await;

    // The applicant's timeline shows every step, with the outcome and the reason.
    let tracked = track(&app, &a.tracking_token).await;
    assert_eq!(tracked.status, RequestStatus::Concluded);
    let steps: Vec<RequestStatus> = tracked.timeline.iter().map(|e| e.status).collect();
    use RequestStatus::*;
    assert_eq!(
        steps,
        [Submitted, InitialReview, Accepted, Assisting, Concluded]
    );
    assert_eq!(
        tracked.timeline[4].note.as_deref(),
        Some("经调解，对方已下架侵权商品。")
    );
    let tracked = track(&app, &b.tracking_token).await;
    assert_eq!(tracked.status, Rejected);
    assert_eq!(
        tracked.timeline.last().unwrap().note.as_deref(),
        Some("不属于本中心受理范围。")
    );

    // Every change is in the audit log, without personal data.
    let log = audit(&app, &admin).await;
    let transitions: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.action == "case.transition")
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(
        transitions,
        [
            "initial_review -> rejected",
            "submitted -> initial_review",
            "assisting -> concluded",
            "accepted -> assisting",
            "initial_review -> accepted",
            "submitted -> initial_review",
        ]
    );
    let raw = serde_json::to_string(&log).unwrap();
    for secret in ["张三丰", MOBILE, "不属于本中心", "经调解"] {
        assert!(!raw.contains(secret), "{secret} in the audit log");
    }
    assert!(log
        .items
        .iter()
        .filter(|e| e.action == "case.transition")
        .all(|e| e.actor.as_deref() == Some("case1")));
}

#[tokio::test]
async fn messages_reach_the_applicant_and_internal_notes_never_do() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let request = submitted(&app, "key-m").await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;

    let note = "内部备注：申请人曾在 2025 年投诉过同一店铺";
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/notes"),
        json!({"text": note}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let detail: CaseDetail = response.json().await.unwrap();
    assert_eq!(detail.notes[0].text, note);
    assert_eq!(detail.notes[0].author, "case1");

    let ask = "请补充侵权商品的购买凭证。";
    let response = ask_for_material(&app, &handler, id, ask).await;
    assert_eq!(response.status(), 201);
    let response = message(&app, &handler, id, json!({"kind": "shout", "text": ask})).await;
    assert_eq!(response.status(), 400);

    // The applicant sees the message and can answer it; the note is nowhere.
    let raw = track_raw(&app, &request.tracking_token).await;
    assert!(!raw.contains("内部备注"), "a note on the tracking page");
    let tracked: AssistanceTracking = serde_json::from_str(&raw).unwrap();
    assert_eq!(tracked.messages.len(), 1);
    assert_eq!(tracked.messages[0].text, ask);
    assert!(tracked.messages[0].can_reply);
    // By reference + mobile the applicant learns that there is a message, not what it says
    // (issue #13 item 1): that takes the tracking link.
    let raw = lookup_raw(&app, &request.reference).await;
    assert!(
        !raw.contains("请补充侵权商品的购买凭证"),
        "a message in the lookup"
    );
    assert!(raw.contains("\"messages\":1"), "{raw}");
    assert!(!raw.contains("内部备注"), "a note in the lookup");
    let response = reply(
        &app,
        &request.tracking_token,
        tracked.messages[0].id,
        "已补充，见附件。",
    )
    .await;
    assert_eq!(response.status(), 200);
    let detail = case_detail(&app, &handler, id).await;
    assert_eq!(
        detail.messages[0].reply.as_ref().unwrap().text.as_deref(),
        Some("已补充，见附件。")
    );

    // Once the case is closed, no more material can be asked for; information still can.
    transition_ok(&app, &handler, id, json!({"to": "initial_review"})).await;
    transition_ok(
        &app,
        &handler,
        id,
        json!({"to": "rejected", "reason": "材料不足"}),
    )
    .await;
    let response = ask_for_material(&app, &handler, id, ask).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.case_closed");
    let response = message(
        &app,
        &handler,
        id,
        json!({"kind": "info", "text": "如有新证据，可重新申请。"}),
    )
    .await;
    assert_eq!(response.status(), 201);

    let log = audit(&app, &admin).await;
    let actions: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.action.starts_with("case."))
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "case.message",
            "case.transition",
            "case.transition",
            "case.read",
            "case.message",
            "case.note"
        ]
    );
    assert!(!serde_json::to_string(&log).unwrap().contains("内部备注"));
}

#[tokio::test]
async fn cases_are_assigned_filtered_and_the_overview_counts_them() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_named(&app, &admin, "case1", "王承办", &[Role::CaseHandler]).await;
    staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    submitted(&app, "key-1").await;
    submitted(&app, "key-2").await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;

    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/assign"),
        json!({"username": "desk1"}),
    )
    .await;
    assert_eq!(response.status(), 400, "not a case handler");
    assert_eq!(
        error(response).await.fields["username"].code,
        "staff.assignee_unknown"
    );
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/assign"),
        json!({"username": "case1"}),
    )
    .await;
    assert_eq!(response.status(), 200);
    let detail: CaseDetail = response.json().await.unwrap();
    assert_eq!(detail.summary.assignee.as_deref(), Some("case1"));
    assert_eq!(detail.summary.assignee_name.as_deref(), Some("王承办"));
    // The case page offers the case handlers by name: active handlers only.
    let handlers: Vec<CaseHandler> = get(&app, &handler, "/api/v1/staff/handlers")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        handlers,
        [CaseHandler {
            username: "case1".into(),
            display_name: "王承办".into()
        }]
    );

    assert_eq!(list(&app, &handler, "?assignee=me").await.total, 1);
    assert_eq!(list(&app, &handler, "?assignee=none").await.total, 1);
    assert_eq!(list(&app, &handler, "?status=submitted").await.total, 2);
    assert_eq!(list(&app, &handler, "?status=accepted").await.total, 0);
    assert_eq!(list(&app, &handler, "?overdue=true").await.total, 0);
    assert_eq!(
        list(&app, &handler, "?per_page=1&page=2").await.items.len(),
        1
    );
    let response = get(&app, &handler, "/api/v1/staff/cases?status=nonsense").await;
    assert_eq!(response.status(), 400);

    // Two weeks later (10-13) both initial reviews (due 10-12) are overdue.
    app.clock.set(at("2026-10-13T10:00:00+08:00"));
    // (The sessions have long expired.)
    let handler = login(&app, "case1", PASSWORD).await;
    let overdue = list(&app, &handler, "?overdue=1").await;
    assert_eq!(overdue.total, 2);
    assert!(overdue
        .items
        .iter()
        .all(|c| c.overdue && c.working_days_left == Some(-1)));
    // One case by its reference as someone reads it out: no WQ, lower case, a space.
    let wanted = &overdue.items[1].reference;
    let spoken = wanted
        .trim_start_matches("WQ-")
        .replace('-', " ")
        .to_lowercase();
    let path = format!(
        "/api/v1/staff/cases?reference={}",
        spoken.replace(' ', "%20")
    );
    let found: CaseList = get(&app, &handler, &path).await.json().await.unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(&found.items[0].reference, wanted);
    let response = get(&app, &handler, "/api/v1/staff/cases?reference=WQ-1234").await;
    assert_eq!(response.status(), 400);
    let overview: Overview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.today.to_string(), "2026-10-13");
    let submitted = overview
        .cases_by_status
        .iter()
        .find(|c| c.status == RequestStatus::Submitted)
        .unwrap();
    assert_eq!(submitted.count, 2);
    // Every status a case can be in: `rated` is only a step of the applicant's timeline.
    assert_eq!(overview.cases_by_status.len(), RequestStatus::ALL.len() - 1);
    assert_eq!(overview.deadlines_at_risk.len(), 2);
    assert_eq!(overview.bookings_per_day.len(), 14);
    assert_eq!(overview.holidays_due, None);

    // From a month before the last published year (2026) ends, the overview asks for the next
    // year's public holidays (issue #18).
    app.clock.set(at("2026-12-01T09:00:00+08:00"));
    let handler = login(&app, "case1", PASSWORD).await;
    let overview: Overview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.holidays_due, Some(2027));
}

#[tokio::test]
async fn a_request_for_more_material_may_say_by_when_and_the_applicant_sees_it() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case-by", &[Role::CaseHandler]).await;
    let request = submitted(&app, "key-by").await;
    let id = case_queue(&app, &handler).await.items[0].id;
    let today = case_detail(&app, &handler, id).await.today;
    let by = portal_domain::calendar::Date::parse("2099-01-15").unwrap();
    assert!(by > today);

    // Checked as the workbench checks it: a real day, not past, only when material is asked.
    let ask = "请补充侵权商品的购买凭证。";
    for (reply_by, code) in [
        ("15/01/2099", "staff.reply_by_invalid"),
        ("2020-01-01", "staff.reply_by_past"),
    ] {
        let body = json!({"kind": "more_material_requested", "text": ask, "reply_by": reply_by});
        let response = message(&app, &handler, id, body).await;
        assert_eq!(response.status(), 400);
        assert_eq!(error(response).await.fields["reply_by"].code, code);
    }
    let body = json!({"kind": "info", "text": "中心已收到。", "reply_by": "2099-01-15"});
    let response = message(&app, &handler, id, body).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reply_by"].code,
        "staff.reply_by_not_asked"
    );

    let body = json!({"kind": "more_material_requested", "text": ask, "reply_by": "2099-01-15"});
    let response = message(&app, &handler, id, body).await;
    assert_eq!(response.status(), 201);
    let detail: CaseDetail = response.json().await.unwrap();
    assert_eq!(detail.messages[0].reply_by, Some(by));

    // The applicant sees the day with the message, and so does whoever has only the reference
    // and the mobile number (with that material is waited for, not what it is).
    let tracked = track(&app, &request.tracking_token).await;
    assert_eq!(tracked.messages[0].reply_by, Some(by));
    let raw = lookup_raw(&app, &request.reference).await;
    assert!(
        raw.contains("\"material_requested_by\":\"2099-01-15\""),
        "{raw}"
    );
    assert!(!raw.contains("购买凭证"), "{raw}");

    // Answered: nothing is waited for any more.
    let response = reply(
        &app,
        &request.tracking_token,
        tracked.messages[0].id,
        "已补充。",
    )
    .await;
    assert_eq!(response.status(), 200);
    let raw = lookup_raw(&app, &request.reference).await;
    assert!(raw.contains("\"material_requested_by\":null"), "{raw}");
}
