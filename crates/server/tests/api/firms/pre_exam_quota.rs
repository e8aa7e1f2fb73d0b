//! A firm asks online for extra pre-examination quota (增量额度, issue #15): one open request at a
//! time (the same ask again answers it again; another is refused), the domain's per-field
//! messages in both languages, only a registered, signed-in firm with its CSRF token; the
//! administrator sees the open request with the firm's quota and answers it by saving the quota
//! (granted when the extra quota went up, else declined), in the audit log; no other firm sees it.

use portal_domain::api::firm::pre_exam::{
    FirmPreExamList, FirmQuotaRequests, FirmQuotaStanding, QuotaAskError, QuotaOutcome,
    QuotaRequest,
};
use portal_domain::api::staff::AuditPage;
use portal_domain::{Lang, Localized};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::pre_exam::{setup, LIST};
use super::registration::firm;
use super::{HAIAN, NANTONG};
use crate::helpers::error;
use crate::staff_client::{call, call_as, get};

const ASK: &str = "/api/v1/firm/pre-exam-quota-request";

fn staff_path(uscc: &str) -> String {
    format!("/api/v1/staff/firms/{uscc}/pre-exam-quota")
}

#[tokio::test]
async fn a_firm_asks_for_more_and_the_administrator_grants_it() {
    let app = super::app().await;
    let s = setup(&app).await;
    let mine: FirmQuotaRequests = get(&app, &s.firm, ASK).await.json().await.unwrap();
    assert!(mine.registered);
    assert_eq!(mine.latest, None);
    let before = mine.quota;

    // Wrong input: every problem at once, each at its field, with the domain's words.
    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(json!({"extra": 0}))).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let refused = error(response).await;
    assert_eq!(refused.code, "validation_failed");
    assert_eq!(
        refused.fields["extra"].code,
        "pre_exam_quota.extra_out_of_range"
    );
    assert_eq!(
        refused.fields["reason"].code,
        "pre_exam_quota.reason_missing"
    );
    assert_eq!(
        refused.fields["reason"].message,
        QuotaAskError::ReasonMissing.message(Lang::Zh)
    );
    let response = app
        .client
        .post(app.url(ASK))
        .header("Cookie", &s.firm.cookie)
        .header("X-CSRF-Token", &s.firm.csrf)
        .header("Accept-Language", "en")
        .json(&json!({"extra": 101, "reason": "字".repeat(501)}))
        .send()
        .await
        .unwrap();
    let refused = error(response).await;
    assert_eq!(
        refused.fields["extra"].message,
        QuotaAskError::ExtraOutOfRange.message(Lang::En)
    );
    assert_eq!(
        refused.fields["reason"].code,
        "pre_exam_quota.reason_too_long"
    );

    // Asking: 201, then the same ask again (a retry) answers it again.
    let body = json!({"extra": 5, "reason": "  新产品线明年一季度上市。 "});
    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(body.clone())).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let asked: QuotaRequest = response.json().await.unwrap();
    assert_eq!((asked.year, asked.extra), (2026, 5));
    assert_eq!(asked.reason, "新产品线明年一季度上市。");
    assert_eq!(asked.asked_on.to_string(), "2026-11-20");
    assert_eq!(asked.outcome, None);
    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<QuotaRequest>().await.unwrap(), asked);
    // Another ask while it is open: refused.
    let other = json!({"extra": 8, "reason": "更多"});
    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(other.clone())).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let refused = error(response).await;
    assert_eq!(refused.code, "pre_exam_quota.request_open");
    assert!(
        refused.message.contains("2026-11-20"),
        "{}",
        refused.message
    );

    // The firm's list and its quota page show the open request.
    let list: FirmPreExamList = get(&app, &s.firm, LIST).await.json().await.unwrap();
    assert_eq!(list.quota_request.as_ref(), Some(&asked));
    let mine: FirmQuotaRequests = get(&app, &s.firm, ASK).await.json().await.unwrap();
    assert_eq!(mine.latest.as_ref(), Some(&asked));

    // The administrator sees it with the quota, and grants it by raising the extra quota.
    let path = staff_path(NANTONG);
    let standing: FirmQuotaStanding = get(&app, &s.admin, &path).await.json().await.unwrap();
    assert_eq!(standing.quota, before);
    assert_eq!(standing.own, None);
    assert_eq!(standing.request.as_ref(), Some(&asked));
    let body = json!({"own": null, "extra": 5});
    let response = call_as(&app, Method::PUT, &path, &s.admin, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved: FirmQuotaStanding = response.json().await.unwrap();
    assert_eq!(saved.quota.total(), before.total() + 5);
    let answered = saved.request.unwrap();
    assert_eq!(answered.outcome, Some(QuotaOutcome::Granted));
    assert_eq!(answered.answered_on.unwrap().to_string(), "2026-11-20");
    // Closed: no longer open for the administrator or on the firm's list; the firm's total is
    // higher, and its quota page shows the answer.
    let standing: FirmQuotaStanding = get(&app, &s.admin, &path).await.json().await.unwrap();
    assert_eq!(standing.request, None);
    let list: FirmPreExamList = get(&app, &s.firm, LIST).await.json().await.unwrap();
    assert_eq!(list.quota_request, None);
    assert_eq!(list.quota.total(), before.total() + 5);
    let mine: FirmQuotaRequests = get(&app, &s.firm, ASK).await.json().await.unwrap();
    assert_eq!(mine.latest.unwrap().outcome, Some(QuotaOutcome::Granted));

    // The firm may ask again; a save that does not raise the extra quota declines it.
    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(other)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body = json!({"own": null, "extra": 5});
    let saved: FirmQuotaStanding = call_as(&app, Method::PUT, &path, &s.admin, Some(body))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved.request.unwrap().outcome, Some(QuotaOutcome::Declined));
    assert_eq!(saved.quota.total(), before.total() + 5);

    // The center's own figure for the firm is answered with the quota, so the workbench's form
    // starts from it and a later grant keeps it.
    let body = json!({"own": 12, "extra": 5});
    let response = call_as(&app, Method::PUT, &path, &s.admin, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let standing: FirmQuotaStanding = get(&app, &s.admin, &path).await.json().await.unwrap();
    assert_eq!(standing.own, Some(12));
    assert_eq!(standing.quota.allowance, 12);

    // Both answers, and the saves, are in the audit log.
    let log: AuditPage = get(&app, &s.admin, "/api/v1/staff/audit?per_page=200")
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"pre_exam.quota_request_granted"),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"pre_exam.quota_request_declined"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn only_the_signed_in_registered_firm_asks_and_sees_its_own() {
    let app = super::app().await;
    let s = setup(&app).await;
    let body = json!({"extra": 3, "reason": "订单增加"});
    // Not signed in; signed in without the CSRF token.
    let response = call(&app, Method::GET, ASK, None, None, None).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error(response).await.code, "firm.unauthenticated");
    let response = call(&app, Method::POST, ASK, None, None, Some(body.clone())).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = call(
        &app,
        Method::POST,
        ASK,
        Some(&s.firm),
        None,
        Some(body.clone()),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(response).await.code, "firm.csrf");
    // A staff session is not a firm's.
    let response = call_as(&app, Method::POST, ASK, &s.admin, Some(body.clone())).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    let response = call_as(&app, Method::POST, ASK, &s.firm, Some(body.clone())).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    // Another firm, not registered: it sees none of it, and may not ask.
    let other = firm(&app, HAIAN).await;
    let theirs: FirmQuotaRequests = get(&app, &other, ASK).await.json().await.unwrap();
    assert!(!theirs.registered);
    assert_eq!(theirs.latest, None);
    let list: FirmPreExamList = get(&app, &other, LIST).await.json().await.unwrap();
    assert_eq!(list.quota_request, None);
    let response = call_as(&app, Method::POST, ASK, &other, Some(body)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(response).await.code, "pre_exam.not_registered");
    let standing: FirmQuotaStanding = get(&app, &s.admin, &staff_path(HAIAN))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(standing.request, None);
    // Officers do not answer quotas.
    let response = get(&app, &s.officer, &staff_path(NANTONG)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
