//! The audit log records failed logins and staff being shown personal data in full, and
//! administrators filter it by person and by record (issue #13 item 11).

use portal_domain::api::staff::{AuditPage, Role};
use reqwest::StatusCode;

use crate::citizen::submitted;
use crate::helpers::TestApp;
use crate::staff::NOW;
use crate::staff_client::{
    case_detail, case_queue, get, login_admin, login_response, staff_app, staff_with, Session,
    ADMIN,
};

async fn log(app: &TestApp, admin: &Session, query: &str) -> AuditPage {
    let response = get(
        app,
        admin,
        &format!("/api/v1/staff/audit?per_page=200&{query}"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn actions(page: &AuditPage) -> Vec<(String, Option<String>, String, Option<String>)> {
    page.items
        .iter()
        .map(|e| {
            (
                e.action.clone(),
                e.actor.clone(),
                e.target_type.clone(),
                e.target_id.clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn failed_logins_and_reads_of_personal_data_are_recorded_and_can_be_filtered() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    // A wrong password for a real account, and an unknown name (not written down).
    assert_eq!(
        login_response(&app, ADMIN, "not the password!")
            .await
            .status(),
        401
    );
    assert_eq!(
        login_response(&app, "hunter2 typed here", "x")
            .await
            .status(),
        401
    );
    let failed = log(&app, &admin, "target_type=account").await;
    let failed: Vec<_> = actions(&failed)
        .into_iter()
        .filter(|(action, ..)| action == "session.login_failed")
        .collect();
    assert_eq!(
        failed,
        [
            ("session.login_failed".into(), None, "account".into(), None),
            (
                "session.login_failed".into(),
                None,
                "account".into(),
                Some(ADMIN.into())
            ),
        ]
    );

    // A case handler opens a case and one of its files; reception opens the day's bookings.
    let request = submitted(&app, "audit").await;
    let handler = staff_with(&app, &admin, "cases1", &[Role::CaseHandler]).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;
    assert_eq!(queue.items[0].reference, request.reference);
    let detail = case_detail(&app, &handler, id).await;
    let file = detail.files[0].id;
    let response = get(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/files/{file}"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = get(&app, &desk, "/api/v1/staff/bookings?date=2026-09-30").await;
    assert_eq!(response.status(), StatusCode::OK);

    // By person: what cases1 did and saw, newest first, and nothing else.
    let by_handler = log(&app, &admin, "actor=cases1").await;
    assert_eq!(
        actions(&by_handler),
        [
            (
                "evidence.read".into(),
                Some("cases1".into()),
                "case_file".into(),
                Some(format!("{id}/{file}"))
            ),
            (
                "case.read".into(),
                Some("cases1".into()),
                "case".into(),
                Some(id.to_string())
            ),
            (
                "session.login".into(),
                Some("cases1".into()),
                "account".into(),
                Some("cases1".into())
            ),
            // The first sign-in, with the password the administrator gave, chose their own.
            (
                "account.password_change".into(),
                Some("cases1".into()),
                "account".into(),
                Some("cases1".into())
            ),
            (
                "session.login".into(),
                Some("cases1".into()),
                "account".into(),
                Some("cases1".into())
            ),
        ]
    );
    assert_eq!(by_handler.total, 5);
    // By record: who saw the day's bookings.
    let by_record = log(&app, &admin, "target_type=day&target_id=2026-09-30").await;
    assert_eq!(
        actions(&by_record),
        [(
            "desk.day_list.read".into(),
            Some("desk1".into()),
            "day".into(),
            Some("2026-09-30".into())
        )]
    );
    // The entries say who and what, never the data.
    let everything = serde_json::to_string(&log(&app, &admin, "").await.items).unwrap();
    assert!(
        !everything.contains("13812345678") && !everything.contains("hunter2"),
        "{everything}"
    );

    // Only administrators read the log.
    let response = get(&app, &handler, "/api/v1/staff/audit").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
