//! A pre-examination request's examination (issue #15): every transition by the officer and the
//! firm and a refusal of a wrong one, at most two amendment rounds, deadlines in working days
//! across the 2026 National Day holiday, withdrawal when the reply deadline passes, the
//! reported application number's checks, officers of a 快维 centre seeing only their centre's
//! requests, and every officer's view of a request or a file in the audit log.

use portal_domain::api::firm::pre_exam::{FirmPreExam, PreExamQueue, PreExamStatus, StaffPreExam};
use portal_domain::api::staff::{Role, StaffAccount};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::pre_exam::{design, invention, mine, path, setup, submitted, Setup};
use super::registration::MOBILE;
use crate::helpers::{at, error, TestApp, PDF};
use crate::staff_client::proxied_staff_app;
use crate::staff_client::{audit, call_as, get, login, staff_with, Session, PASSWORD};

fn staff_path(id: i64) -> String {
    format!("/api/v1/staff/pre-exams/{id}")
}

async fn act(app: &TestApp, officer: &Session, id: i64, body: Value) -> reqwest::Response {
    call_as(
        app,
        Method::POST,
        &format!("{}/actions", staff_path(id)),
        officer,
        Some(body),
    )
    .await
}

/// The officer's step, which must succeed; the request as the officer sees it after.
async fn step(app: &TestApp, officer: &Session, id: i64, body: Value) -> StaffPreExam {
    let response = act(app, officer, id, body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    response.json().await.unwrap()
}

async fn firm_post(
    app: &TestApp,
    firm: &Session,
    id: i64,
    what: &str,
    body: Option<Value>,
) -> reqwest::Response {
    call_as(
        app,
        Method::POST,
        &format!("{}/{what}", path(id)),
        firm,
        body,
    )
    .await
}

async fn status(app: &TestApp, firm: &Session, id: i64) -> PreExamStatus {
    mine(app, firm, id).await.examination.unwrap().status
}

async fn queue(app: &TestApp, officer: &Session, query: &str) -> PreExamQueue {
    let response = get(app, officer, &format!("/api/v1/staff/pre-exams{query}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Sets the pre-examination venue of account `username` (as its administrator would): the
/// answer to the change.
async fn set_venue(
    app: &TestApp,
    admin: &Session,
    username: &str,
    venue: &str,
) -> reqwest::Response {
    let body = Some(json!({ "pre_exam_venue": venue }));
    let path = format!("/api/v1/staff/accounts/{username}");
    call_as(app, Method::PATCH, &path, admin, body).await
}

#[tokio::test]
async fn a_request_goes_through_every_step_to_its_grant() {
    let app = super::app().await;
    let s = setup(&app).await;
    submitted(&app, &s.firm, design()).await;
    let queued = queue(&app, &s.officer, "").await;
    // The design is the 家纺 centre's: not in the center's officer's queue.
    assert!(queued.items.is_empty());
    let id = submitted(&app, &s.firm, invention()).await;
    let queued = queue(&app, &s.officer, "?status=submitted").await;
    assert_eq!(queued.items.len(), 1);
    assert_eq!(queued.items[0].id, id);

    // A step that does not fit the status.
    let response = act(
        &app,
        &s.officer,
        id,
        json!({"action": "pass", "notice_number": "YS-1"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.wrong_status");
    // The firm's steps are not the officer's.
    let response = act(&app, &s.officer, id, json!({"action": "reply"})).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let view = step(&app, &s.officer, id, json!({"action": "accept"})).await;
    assert_eq!(view.examination.status, PreExamStatus::UnderExamination);
    // Opinion for an invention: 10 working days from Friday 20 November.
    assert_eq!(view.examination.due_on.unwrap().to_string(), "2026-12-04");
    let response = act(
        &app,
        &s.officer,
        id,
        json!({"action": "request_amendment", "defects": []}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(response).await.fields["defects"].code,
        "pre_exam.reasons_missing"
    );
    let defects =
        json!({"action": "request_amendment", "defects": ["权利要求1不清楚", "摘要超字数"]});
    let view = step(&app, &s.officer, id, defects).await;
    assert_eq!(view.examination.status, PreExamStatus::NeedsAmendment);
    assert_eq!(view.examination.defects.len(), 2);
    // The firm sees every defect, uploads amended documents and replies.
    let firm_view = mine(&app, &s.firm, id).await;
    assert_eq!(firm_view.examination.as_ref().unwrap().defects.len(), 2);
    let response = super::pre_exam::upload(&app, &s.firm, id, "claims", PDF).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = firm_post(&app, &s.firm, id, "reply", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        status(&app, &s.firm, id).await,
        PreExamStatus::UnderExamination
    );
    // Not waiting for a reply now.
    let response = firm_post(&app, &s.firm, id, "reply", None).await;
    assert_eq!(error(response).await.code, "pre_exam.wrong_status");

    let view = step(
        &app,
        &s.officer,
        id,
        json!({"action": "pass", "notice_number": "YS合格-2026-001"}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::Passed);
    assert_eq!(
        view.examination.notice.as_ref().unwrap().number,
        "YS合格-2026-001"
    );

    // The national filing: the number's check character, kind digit and year are checked.
    let report =
        |number: &str, filed_on: &str| Some(json!({"number": number, "filed_on": filed_on}));
    let cases = [
        (
            "202610012345.2",
            "2026-11-20",
            "number",
            "patent_number.check_digit",
        ),
        (
            "202630012345.2",
            "2026-11-20",
            "number",
            "pre_exam.number_kind",
        ),
        (
            "202510012345.7",
            "2026-11-20",
            "number",
            "pre_exam.number_year",
        ),
        (
            "202610012345.1",
            "2026-11-21",
            "filed_on",
            "pre_exam.filing_date",
        ),
        (
            "202610012345.1",
            "20.11.2026",
            "filed_on",
            "pre_exam.date_format",
        ),
    ];
    for (number, filed_on, field, code) in cases {
        let response = firm_post(&app, &s.firm, id, "filing", report(number, filed_on)).await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{number} {filed_on}"
        );
        let e = error(response).await;
        assert_eq!(
            e.fields[field].code, code,
            "{number} {filed_on}: {:?}",
            e.fields
        );
    }
    let response = firm_post(
        &app,
        &s.firm,
        id,
        "filing",
        report("CN 202610012345.1", "2026-11-20"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let reported: FirmPreExam = response.json().await.unwrap();
    let filing = reported.examination.unwrap().filing.unwrap();
    assert_eq!(filing.number.to_string(), "202610012345.1");

    // The officer sends it back once, the firm reports again, the officer forwards it.
    let view = step(
        &app,
        &s.officer,
        id,
        json!({"action": "return_filing", "reasons": ["申请日不一致"]}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::Passed);
    let response = firm_post(
        &app,
        &s.firm,
        id,
        "filing",
        report("202610012345.1", "2026-11-20"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    step(&app, &s.officer, id, json!({"action": "confirm_filing"})).await;
    assert_eq!(status(&app, &s.firm, id).await, PreExamStatus::Forwarded);
    let response = act(
        &app,
        &s.officer,
        id,
        json!({"action": "record_grant", "granted_on": "2026-11-19"}),
    )
    .await;
    assert_eq!(
        error(response).await.fields["granted_on"].code,
        "pre_exam.grant_date"
    );
    let view = step(
        &app,
        &s.officer,
        id,
        json!({"action": "record_grant", "granted_on": "2026-11-20"}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::Granted);
    let actions: Vec<_> = view.events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "submit",
            "accept",
            "request_amendment",
            "reply",
            "pass",
            "report_filing",
            "return_filing",
            "report_filing",
            "confirm_filing",
            "record_grant"
        ]
    );
    // Final: nothing more.
    let response = act(&app, &s.officer, id, json!({"action": "accept"})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn refusals_end_a_request_and_a_third_amendment_round_is_refused() {
    let app = super::app().await;
    let s = setup(&app).await;
    let not_accepted = submitted(&app, &s.firm, invention()).await;
    let view = step(
        &app,
        &s.officer,
        not_accepted,
        json!({"action": "not_accept", "reasons": ["不属于预审范围"]}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::NotAccepted);
    assert_eq!(view.examination.reasons, ["不属于预审范围"]);

    let id = submitted(&app, &s.firm, invention()).await;
    step(&app, &s.officer, id, json!({"action": "accept"})).await;
    for round in 1..=2 {
        let view = step(
            &app,
            &s.officer,
            id,
            json!({"action": "request_amendment", "defects": [format!("第{round}轮")]}),
        )
        .await;
        assert_eq!(view.examination.amendment_rounds, round);
        assert_eq!(
            firm_post(&app, &s.firm, id, "reply", None).await.status(),
            StatusCode::OK
        );
    }
    let response = act(
        &app,
        &s.officer,
        id,
        json!({"action": "request_amendment", "defects": ["第3轮"]}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.amendment_rounds_used");
    let view = step(
        &app,
        &s.officer,
        id,
        json!({"action": "fail", "reasons": ["两轮修改后仍有缺陷"]}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::Failed);
    // Reporting a filing of a failed request.
    let body = Some(json!({"number": "202610012345.1", "filed_on": "2026-11-20"}));
    let response = firm_post(&app, &s.firm, id, "filing", body).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.wrong_status");

    // Forwarded, then not granted.
    let id = submitted(&app, &s.firm, invention()).await;
    step(&app, &s.officer, id, json!({"action": "accept"})).await;
    step(
        &app,
        &s.officer,
        id,
        json!({"action": "pass", "notice_number": "N-2"}),
    )
    .await;
    let body = Some(json!({"number": "202610012345.1", "filed_on": "2026-11-20"}));
    assert_eq!(
        firm_post(&app, &s.firm, id, "filing", body).await.status(),
        StatusCode::OK
    );
    step(&app, &s.officer, id, json!({"action": "confirm_filing"})).await;
    let view = step(
        &app,
        &s.officer,
        id,
        json!({"action": "record_not_granted", "reasons": ["驳回"]}),
    )
    .await;
    assert_eq!(view.examination.status, PreExamStatus::NotGranted);
}

/// The firm's person and the 家纺 centre's officer, signed in again after the clock moved.
async fn sign_in_again(app: &TestApp) -> (Session, Session) {
    let firm = super::sign_in(app, super::NANTONG, MOBILE).await.0;
    (firm, login(app, "jiafang", PASSWORD).await)
}

#[tokio::test]
async fn deadlines_count_working_days_across_national_day_and_no_reply_withdraws_the_request() {
    // Tuesday 29 September 2026: 1–7 October are the National Day holiday, Saturday 10 October
    // a working day.
    let app = proxied_staff_app("2026-09-29T10:00:00+08:00").await;
    let s = setup(&app).await;
    let id = submitted(&app, &s.firm, design()).await;
    let late = submitted(&app, &s.firm, design()).await;
    let exam = mine(&app, &s.firm, id).await.examination.unwrap();
    // Acceptance within 2 working days: 30 September, then 8 October.
    assert_eq!(exam.due_on.unwrap().to_string(), "2026-10-08");

    // The 家纺 centre's officer examines them.
    let textiles = staff_with(&app, &s.admin, "jiafang", &[Role::PreExamOfficer]).await;
    let response = set_venue(&app, &s.admin, "jiafang", "home_textiles").await;
    assert_eq!(response.status(), StatusCode::OK);
    for request in [id, late] {
        step(&app, &textiles, request, json!({"action": "accept"})).await;
        let body = json!({"action": "request_amendment", "defects": ["视图不全"]});
        let view = step(&app, &textiles, request, body).await;
        // The reply within 3 working days: 30 September, 8 and 9 October.
        assert_eq!(view.examination.due_on.unwrap().to_string(), "2026-10-09");
    }
    // Expiring before the deadline is refused.
    let response = act(&app, &textiles, id, json!({"action": "expire"})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.not_overdue");
    // 9 October is the last day: a reply is still in time.
    app.clock.set(at("2026-10-09T09:00:00+08:00"));
    // (Sessions end when idle: sign in again.)
    let (firm, textiles) = sign_in_again(&app).await;
    let s = Setup { firm, ..s };
    assert_eq!(mine(&app, &s.firm, id).await.days_left, Some(0));
    let near = queue(&app, &textiles, "?due=near").await;
    assert_eq!(near.items.len(), 2);
    assert_eq!(
        firm_post(&app, &s.firm, id, "reply", None).await.status(),
        StatusCode::OK
    );

    // No reply to the other by its deadline: withdrawn when next read (Saturday 10 October is
    // a working day, the first after the deadline).
    app.clock.set(at("2026-10-10T09:00:00+08:00"));
    let (firm, textiles) = sign_in_again(&app).await;
    let s = Setup { firm, ..s };
    let response = firm_post(&app, &s.firm, late, "reply", None).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.wrong_status");
    let firm_view = mine(&app, &s.firm, late).await;
    assert_eq!(
        firm_view.examination.unwrap().status,
        PreExamStatus::Withdrawn
    );
    let last = firm_view.events.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.on.to_string().as_str()),
        ("expire", "2026-10-10")
    );
    // Withdrawn once, whoever reads it.
    let view: StaffPreExam = get(&app, &textiles, &staff_path(late))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        view.events.iter().filter(|e| e.action == "expire").count(),
        1
    );
    assert_eq!(
        status(&app, &s.firm, id).await,
        PreExamStatus::UnderExamination
    );
    // Bad filters are a 400.
    let response = get(&app, &textiles, "/api/v1/staff/pre-exams?due=soon").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn officers_see_only_their_venues_requests_and_every_view_is_audited() {
    let app = super::app().await;
    let s = setup(&app).await;
    let design_id = submitted(&app, &s.firm, design()).await;
    let invention_id = submitted(&app, &s.firm, invention()).await;
    let textiles = staff_with(&app, &s.admin, "jiafang", &[Role::PreExamOfficer]).await;
    let response = set_venue(&app, &s.admin, "jiafang", "home_textiles").await;
    assert_eq!(response.status(), StatusCode::OK);
    let account: StaffAccount = response.json().await.unwrap();
    assert_eq!(account.pre_exam_venue, "home_textiles");
    let response = set_venue(&app, &s.admin, "jiafang", "kitchen").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let ids = |q: PreExamQueue| q.items.iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(queue(&app, &textiles, "").await), [design_id]);
    assert_eq!(ids(queue(&app, &s.officer, "").await), [invention_id]);
    // Another venue's request answers as one that does not exist.
    for (officer, other) in [(&textiles, invention_id), (&s.officer, design_id)] {
        let response = get(&app, officer, &staff_path(other)).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(error(response).await.code, "pre_exam.not_found");
        let response = act(&app, officer, other, json!({"action": "accept"})).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let response = get(&app, &textiles, &staff_path(9999)).await;
    assert_eq!(error(response).await.code, "pre_exam.not_found");
    // A draft is no officer's.
    let draft = super::pre_exam::create(&app, &s.firm).await.id;
    assert_eq!(
        get(&app, &s.officer, &staff_path(draft)).await.status(),
        StatusCode::NOT_FOUND
    );
    // Only officers: not the administrator, not a firm.
    assert_eq!(
        get(&app, &s.admin, &staff_path(design_id)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&app, &s.firm, &staff_path(design_id)).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let view: StaffPreExam = get(&app, &textiles, &staff_path(design_id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.uscc, super::NANTONG);
    assert_eq!(view.request.field, "modern_textiles");
    assert_eq!(view.files.len(), 4);
    let file_path = format!("{}/files/{}", staff_path(design_id), view.files[0].id);
    for _ in 0..2 {
        let response = get(&app, &textiles, &file_path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    }
    assert_eq!(
        get(&app, &s.officer, &file_path).await.status(),
        StatusCode::NOT_FOUND
    );
    // The firm opens its own file too.
    let own = format!("{}/files/{}", path(design_id), view.files[0].id);
    assert_eq!(get(&app, &s.firm, &own).await.status(), StatusCode::OK);

    let log = audit(&app, &s.admin).await;
    let count = |action: &str, target: &str| {
        log.items
            .iter()
            .filter(|e| e.action == action && e.target_id.as_deref() == Some(target))
            .count()
    };
    let target = format!("{design_id}/{}", view.files[0].id);
    assert_eq!(
        count("pre_exam.file_viewed", &target),
        2,
        "every view of a file"
    );
    assert_eq!(count("pre_exam.viewed", &design_id.to_string()), 1);
}

#[tokio::test]
async fn the_queue_shows_what_is_near_or_past_its_deadline() {
    let app = super::app().await;
    let s = setup(&app).await;
    // Submitted on Friday 20 November: to be accepted by Tuesday 24 November.
    let id = submitted(&app, &s.firm, invention()).await;
    let near = queue(&app, &s.officer, "?due=near").await;
    assert_eq!(near.items[0].days_left, Some(2));
    assert!(queue(&app, &s.officer, "?due=overdue")
        .await
        .items
        .is_empty());
    app.clock.set(at("2026-11-25T09:00:00+08:00"));
    let officer = login(&app, "yushen", PASSWORD).await;
    let overdue = queue(&app, &officer, "?due=overdue").await;
    assert_eq!(overdue.items.len(), 1);
    assert_eq!(
        (overdue.items[0].id, overdue.items[0].days_left),
        (id, Some(-1))
    );
    assert!(queue(&app, &officer, "?due=near").await.items.is_empty());
    assert!(queue(&app, &officer, "?status=passed")
        .await
        .items
        .is_empty());
}
