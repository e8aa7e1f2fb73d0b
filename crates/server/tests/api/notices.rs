//! Service notices over HTTP: administrators publish, change and withdraw them; the public list
//! shows what is in force on the server's day (2026-09-29, the staff tests' clock).

use portal_domain::api::notices::{NoticeList, NoticeState, StaffNotice, StaffNoticeList};
use portal_domain::api::staff::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::staff::app;
use crate::staff_client::{
    audit, call, error, get, login, post, staff_with, Session, ADMIN, ADMIN_PASSWORD,
};

fn notice(title: &str, starts_on: &str, ends_on: Option<&str>) -> Value {
    json!({
        "level": "info",
        "title_zh": format!("{title}（中文）"),
        "title_en": format!("{title} (English)"),
        "body_zh": "国庆节期间（10月1日至7日）暂停现场咨询。\n线上申请照常受理。",
        "body_en": "No in-person consultations from 1 to 7 October.\nOnline requests as usual.",
        "starts_on": starts_on,
        "ends_on": ends_on,
    })
}

async fn public(app: &TestApp) -> NoticeList {
    let response = app.get("/api/v1/notices").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn publish(app: &TestApp, admin: &Session, body: Value) -> StaffNotice {
    let response = post(app, admin, "/api/v1/staff/admin/notices", body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_public_sees_only_what_is_in_force_today_important_first() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    assert!(
        public(&app).await.items.is_empty(),
        "none before any is published"
    );

    let holiday = publish(
        &app,
        &admin,
        notice("国庆", "2026-09-25", Some("2026-10-07")),
    )
    .await;
    assert_eq!(holiday.state, NoticeState::Shown);
    assert_eq!(holiday.updated_by.as_deref(), Some(ADMIN));
    let later = publish(&app, &admin, notice("明年", "2026-10-08", None)).await;
    assert_eq!(later.state, NoticeState::Scheduled);
    let mut important = notice("地址", "2026-09-29", None);
    important["level"] = json!("important");
    let important = publish(&app, &admin, important).await;

    let shown: Vec<i64> = public(&app).await.items.iter().map(|n| n.id).collect();
    assert_eq!(shown, vec![important.notice.id, holiday.notice.id]);
    let first = &public(&app).await.items[0];
    assert_eq!(first.title_en, "地址 (English)");
    assert!(first.body_zh.contains('\n'), "line breaks are kept");

    // The day after the last day it is gone; the scheduled one appears on its first day.
    app.clock
        .set(crate::helpers::at("2026-10-08T09:00:00+08:00"));
    let shown: Vec<i64> = public(&app).await.items.iter().map(|n| n.id).collect();
    assert_eq!(shown, vec![important.notice.id, later.notice.id]);
    // (Nine days on, the session has long ended.)
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let all: StaffNoticeList = get(&app, &admin, "/api/v1/staff/admin/notices")
        .await
        .json()
        .await
        .unwrap();
    let state_of = |id: i64| all.items.iter().find(|n| n.notice.id == id).unwrap().state;
    assert_eq!(state_of(holiday.notice.id), NoticeState::Ended);
    assert_eq!(state_of(later.notice.id), NoticeState::Shown);
}

#[tokio::test]
async fn a_notice_is_changed_and_withdrawn_and_each_change_is_audited() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let created = publish(&app, &admin, notice("国庆", "2026-09-29", None)).await;
    let id = created.notice.id;

    let mut changed = notice("国庆调整", "2026-09-29", Some("2026-10-08"));
    changed["level"] = json!("important");
    let response = call(
        &app,
        Method::PUT,
        &format!("/api/v1/staff/admin/notices/{id}"),
        Some(&admin),
        Some(&admin.csrf),
        Some(changed),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let shown = public(&app).await;
    assert_eq!(shown.items[0].title_zh, "国庆调整（中文）");
    assert_eq!(shown.items[0].ends_on.unwrap().to_string(), "2026-10-08");

    let path = format!("/api/v1/staff/admin/notices/{id}");
    let withdraw = || {
        call(
            &app,
            Method::DELETE,
            &path,
            Some(&admin),
            Some(&admin.csrf),
            None,
        )
    };
    let response = withdraw().await;
    assert_eq!(response.status(), StatusCode::OK);
    let view: StaffNotice = response.json().await.unwrap();
    assert_eq!(view.state, NoticeState::Withdrawn);
    assert!(public(&app).await.items.is_empty());
    // Again: nothing changes, and the audit log has one withdrawal.
    assert_eq!(withdraw().await.status(), StatusCode::OK);

    let log = audit(&app, &admin).await;
    let actions: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.target_type == "notice")
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        ["notice.withdraw", "notice.update", "notice.create"]
    );
    assert!(
        log.items.iter().all(|e| !e.summary.contains("国庆")),
        "the audit summary names the days and level, not the texts"
    );

    let missing = call(
        &app,
        Method::PUT,
        "/api/v1/staff/admin/notices/9999",
        Some(&admin),
        Some(&admin.csrf),
        Some(notice("x", "2026-09-29", None)),
    )
    .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_notices_are_refused_field_by_field_in_the_callers_language() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let response = post(
        &app,
        &admin,
        "/api/v1/staff/admin/notices",
        json!({"title_zh": "只有中文", "starts_on": "2026-09-31"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    let mut fields: Vec<&str> = body.fields.keys().map(String::as_str).collect();
    fields.sort();
    assert_eq!(fields, ["body_en", "body_zh", "starts_on", "title_en"]);
    assert_eq!(body.fields["title_en"].code, "notice.missing");
    assert_eq!(body.fields["starts_on"].code, "notice.date_invalid");

    // A last day already past (only the server knows today), in English when asked.
    let response = app
        .client
        .post(app.url("/api/v1/staff/admin/notices"))
        .header("Cookie", &admin.cookie)
        .header("X-CSRF-Token", &admin.csrf)
        .header("Accept-Language", "en")
        .json(&notice("旧", "2026-09-01", Some("2026-09-28")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.fields["ends_on"].code, "notice.ends_in_past");
    assert_eq!(
        body.fields["ends_on"].message,
        "The last day has already passed: the notice would never be shown."
    );
}

#[tokio::test]
async fn only_administrators_manage_notices() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let reception = staff_with(&app, &admin, "front.desk", &[Role::Reception]).await;
    let response = post(
        &app,
        &reception,
        "/api/v1/staff/admin/notices",
        notice("x", "2026-09-29", None),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(response).await.code, "staff.forbidden");
    assert!(public(&app).await.items.is_empty());
}
