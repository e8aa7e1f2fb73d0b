//! The pre-examination numbers (issue #15): the center's in the staff overview, for
//! administrators only, and a firm's own on its list, both from the domain's one computation.

use portal_domain::api::center_overview::CenterOverview;
use portal_domain::api::firm::pre_exam::{FirmNumbers, FirmPreExamList, PreExamStatus};
use portal_domain::api::firm::registration::FieldVenue;
use portal_domain::api::staff::Role;
use portal_domain::paths;
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::pre_exam::{design, invention, setup, submitted, LIST};
use crate::staff_client::{call_as, get, staff_with};

#[tokio::test]
async fn the_center_and_the_firm_see_the_same_counted_numbers() {
    let app = super::app().await;
    let s = setup(&app).await;
    submitted(&app, &s.firm, design()).await;
    let id = submitted(&app, &s.firm, invention()).await;
    for body in [
        json!({"action": "accept"}),
        json!({"action": "pass", "notice_number": "YS合格-2026-001"}),
    ] {
        let path = format!("/api/v1/staff/pre-exams/{id}/actions");
        let response = call_as(&app, Method::POST, &path, &s.officer, Some(body)).await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    let response = get(&app, &s.admin, "/api/v1/staff/overview").await;
    assert_eq!(response.status(), StatusCode::OK);
    let overview: CenterOverview = response.json().await.unwrap();
    let center = overview
        .pre_exams
        .expect("an administrator sees the numbers");
    assert_eq!(center.submitted, 2);
    let venue = |v: FieldVenue| center.by_venue.iter().find(|c| c.venue == v).unwrap().count;
    assert_eq!(venue(FieldVenue::ProtectionCenter), 1);
    assert_eq!(venue(FieldVenue::HomeTextiles), 1);
    assert_eq!(venue(FieldVenue::Furniture), 0);
    assert_eq!(center.by_field.iter().map(|f| f.count).sum::<u32>(), 2);
    assert!(center.by_field.iter().all(|f| !f.name_zh.is_empty()));
    assert_eq!((center.passed, center.failed), (1, 0));
    assert_eq!(center.pass_rate_percent, Some(100));
    // Passed the day it was submitted: no day between.
    assert_eq!(center.to_pass.count, 1);
    assert_eq!(center.to_pass.median_calendar_days, Some(0));
    assert_eq!(center.to_pass.median_working_days, Some(0));
    assert_eq!(center.pass_to_grant.count, 0);
    // The design waits for 受理 (due in working days); the passed one for the filing report.
    assert_eq!(center.overdue, 0);
    // 2 of the default 50 used: not near the end.
    assert!(center.firms_near_quota.is_empty());

    // A case handler's overview has no pre-examination numbers.
    let handler = staff_with(&app, &s.admin, "handler1", &[Role::CaseHandler]).await;
    let overview: CenterOverview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert!(overview.pre_exams.is_none());

    // Another firm's request is in the center's numbers, never in this firm's.
    let other = super::registration::firm(&app, super::HAIAN).await;
    super::rounds::registered(&app, &other, &s.officer).await;
    submitted(&app, &other, design()).await;

    // The firm's own numbers: the same computation over its own requests.
    let own: FirmNumbers = get(&app, &s.firm, paths::FIRM_PRE_EXAM_NUMBERS)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(own.submitted, 2);
    assert_eq!(own.passed, 1);
    assert_eq!(
        (own.to_pass, own.pass_to_grant),
        (center.to_pass, center.pass_to_grant)
    );
    let list: FirmPreExamList = get(&app, &s.firm, LIST).await.json().await.unwrap();
    assert!(list
        .items
        .iter()
        .any(|i| i.status == Some(PreExamStatus::Passed)));
}
