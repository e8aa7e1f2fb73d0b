//! Retention of personal data (issue #18) over HTTP: the periods administrators set (shipped
//! illustrative defaults until then, read by anyone for the privacy notice), the sweep that
//! anonymises bookings and closed rights-assistance requests once their period has passed (not
//! before), and the holder who erases their own booking once it is over. The clock stands at
//! Tuesday 2026-09-29 10:00 in Shanghai and is moved forward; the sweep is made to run the way an
//! administrator does (`POST /staff/admin/retention/run`, the code the server runs every hour).

use portal_domain::api::admin::{RetentionRun, RetentionSettings};
use portal_domain::api::booking::Booking;
use portal_domain::api::staff::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::citizen::{
    book_ok, booking, booking_lookup, cancel, consultation, request_lookup, submitted_with, track,
    withdraw, RESIDENT_ID,
};
use crate::helpers::{at, TestApp};
use crate::staff_client::{
    audit, call_as, case_detail, case_id, day_list, error, get, login, login_admin, post,
    staff_app, staff_with, PASSWORD,
};

const NOW: &str = "2026-09-29T10:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
const MOBILE: &str = "13812345678";
const DAY: i64 = 86_400;

async fn run(app: &TestApp) -> RetentionRun {
    let admin = login_admin(app).await;
    let response = post(app, &admin, "/api/v1/staff/admin/retention/run", json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn public_settings(app: &TestApp) -> RetentionSettings {
    let response = app.get("/api/v1/privacy/retention").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn erase(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/bookings/{token}/erase")))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap()
}

fn assert_anonymised(view: &Booking) {
    assert!(view.anonymised);
    assert!(!view.erasable);
    assert_eq!(view.name, "");
    assert_eq!(view.mobile, "");
    assert_eq!(view.organisation, None);
    assert_eq!(view.uscc, None);
    assert_eq!(view.description, None);
    assert!(!view.wheelchair_access);
}

/// A booking with every kind of personal data the form takes.
fn full_booking(date: &str, time: &str) -> Value {
    json!({
        "venue": CENTER, "topic": "patent", "date": date, "time": time,
        "name": "李四", "mobile": MOBILE, "organisation": "南通某某家纺有限公司",
        "uscc": "91320600MA1MB5GT0D", "description": "想了解实用新型专利的申请流程。",
        "wheelchair_access": true, "other_adjustments": "需要大字材料",
    })
}

#[tokio::test]
async fn the_periods_are_illustrative_defaults_until_an_administrator_sets_them() {
    let app = staff_app(NOW).await;
    let shipped = public_settings(&app).await;
    assert_eq!(shipped, RetentionSettings::default());
    assert!(!shipped.confirmed);

    let admin = login_admin(&app).await;
    let response = call_as(
        &app,
        Method::PUT,
        "/api/v1/staff/admin/retention",
        &admin,
        Some(json!({"booking_days": 0, "assistance_days": 3651})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    for field in ["booking_days", "assistance_days"] {
        assert_eq!(body.fields[field].code, "admin.retention_days_range");
    }
    assert_eq!(public_settings(&app).await, shipped);

    let response = call_as(
        &app,
        Method::PUT,
        "/api/v1/staff/admin/retention",
        &admin,
        Some(json!({"booking_days": 30, "assistance_days": 730})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved = RetentionSettings {
        booking_days: 30,
        assistance_days: 730,
        confirmed: true,
    };
    assert_eq!(public_settings(&app).await, saved);
    let staff_view: RetentionSettings = get(&app, &admin, "/api/v1/staff/admin/retention")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(staff_view, saved);

    // Only administrators set them or run the sweep; the change and the run are audited.
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let response = post(&app, &desk, "/api/v1/staff/admin/retention/run", json!({})).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(run(&app).await, RetentionRun::default());
    let actions: Vec<String> = audit(&app, &admin)
        .await
        .items
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(actions.contains(&"retention.settings_updated".to_owned()));
    assert!(actions.contains(&"retention.run".to_owned()));
}

#[tokio::test]
async fn a_booking_is_anonymised_once_its_period_after_the_appointment_has_passed() {
    let app = staff_app(NOW).await;
    let kept = book_ok(&app, "kept", &full_booking("2026-09-30", "09:00")).await;
    let reference = kept.booking.reference.clone();
    let appointment = at("2026-09-30T09:00:00+08:00");
    assert_eq!(run(&app).await, RetentionRun::default());

    // 179 days after the appointment (the shipped 180): nothing yet.
    app.clock.set(appointment + 179 * DAY);
    assert_eq!(run(&app).await.bookings, 0);
    let before = booking(&app, &kept.manage_token).await;
    assert!(!before.anonymised);
    assert_eq!(before.name, "李四");
    assert_eq!(booking_lookup(&app, &reference, MOBILE).await.status(), 200);

    // 181 days after: anonymised, once.
    app.clock.set(appointment + 181 * DAY);
    assert_eq!(run(&app).await.bookings, 1);
    assert_eq!(run(&app).await.bookings, 0);
    let after = booking(&app, &kept.manage_token).await;
    assert_anonymised(&after);
    // What statistics and the audit need stays.
    assert_eq!(after.reference, reference);
    assert_eq!(after.topic.id, "patent");
    assert_eq!(after.date.to_string(), "2026-09-30");
    // The lookup by reference + mobile number no longer finds it.
    assert_eq!(booking_lookup(&app, &reference, MOBILE).await.status(), 404);

    // The desk sees it anonymised.
    let admin = login_admin(&app).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let day = day_list(&app, &desk, "2026-09-30", CENTER).await;
    let row = day.items.iter().find(|b| b.reference == reference).unwrap();
    assert!(row.anonymised);
    assert_eq!(row.name, "");
    assert_eq!(row.mobile, "");
    assert_eq!(row.uscc, None);
}

#[tokio::test]
async fn the_holder_erases_a_booking_once_it_is_over_or_cancelled_and_not_before() {
    let app = staff_app(NOW).await;
    let upcoming = book_ok(&app, "upcoming", &full_booking("2026-09-30", "09:00")).await;
    let token = upcoming.manage_token.clone();
    assert!(!upcoming.booking.erasable);

    // Before the appointment: refused, nothing changed.
    let response = erase(&app, &token).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, "booking.not_over");
    assert!(body.message.contains("not over"), "{}", body.message);
    assert_eq!(booking(&app, &token).await.name, "李四");
    assert_eq!(
        erase(&app, "not-a-token").await.status(),
        StatusCode::NOT_FOUND
    );

    // A cancelled booking can be erased at once.
    let other = consultation(CENTER, "patent", "2026-10-09", "10:00", "13900001111");
    let cancelled = book_ok(&app, "cancelled", &other).await;
    assert_eq!(cancel(&app, &cancelled.manage_token).await.status(), 200);
    assert!(booking(&app, &cancelled.manage_token).await.erasable);
    let response = erase(&app, &cancelled.manage_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_anonymised(&response.json().await.unwrap());

    // Once the appointment is over.
    app.clock.set(at("2026-09-30T12:00:00+08:00"));
    assert!(booking(&app, &token).await.erasable);
    let response = erase(&app, &token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let erased: Booking = response.json().await.unwrap();
    assert_anonymised(&erased);
    assert_eq!(erased.reference, upcoming.booking.reference);
    // Again: the same answer, nothing more to do.
    let again = erase(&app, &token).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.json::<Booking>().await.unwrap(), erased);
    assert_anonymised(&booking(&app, &token).await);
    assert_eq!(
        booking_lookup(&app, &upcoming.booking.reference, MOBILE)
            .await
            .status(),
        404
    );

    // The sweep has nothing left to do with them; the desk sees them anonymised.
    app.clock.set(at("2026-09-30T12:00:00+08:00") + 200 * DAY);
    assert_eq!(run(&app).await.bookings, 0);
    app.clock.set(at("2026-09-30T12:00:00+08:00"));
    let admin = login_admin(&app).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let day = day_list(&app, &desk, "2026-09-30", CENTER).await;
    assert!(day.items.iter().all(|b| b.anonymised && b.name.is_empty()));
}

/// A complete request by an individual, with one photo.
async fn request(app: &TestApp, key: &str) -> portal_domain::api::assistance::AssistanceSubmitted {
    let answers = json!({
        "applicant": {"kind": "individual", "name": "张三丰", "resident_id": RESIDENT_ID,
            "mobile": MOBILE, "acting_for_someone_else": false},
        "right": {"type": "trademark", "number": "12345678", "holder": "张三丰",
            "legal_status": "in_force"},
        "other_party": {"name": "某某家纺店", "address": "南通市某路 1 号",
            "online_link": "https://shop.example.com/item/1", "place": "某电商平台"},
        "facts": {"description": "对方在网店销售仿冒我方商标的床品。", "discovered_on": "2026-09-01"},
        "help": {"types": ["rights_guidance"]},
        "evidence": {"complete": true},
        "declaration": {"accepted": true}
    });
    submitted_with(app, key, &answers, "照片.jpg").await
}

#[tokio::test]
async fn a_closed_request_loses_its_personal_data_once_its_period_has_passed() {
    let app = staff_app(NOW).await;
    let admin = login_admin(&app).await;
    staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let withdrawn = request(&app, "withdrawn").await;
    let open = request(&app, "open").await;
    assert_eq!(
        withdraw(&app, &withdrawn.tracking_token, None)
            .await
            .status(),
        200
    );
    let closed_at = at(NOW);

    // 1,094 days after it was withdrawn (the shipped 1,095): nothing yet.
    app.clock.set(closed_at + 1094 * DAY);
    assert_eq!(run(&app).await.requests, 0);
    let before = track(&app, &withdrawn.tracking_token).await;
    assert!(!before.anonymised);
    assert_eq!(before.applicant.name, "张三丰");

    // 1,096 days after: deleted, once; the request still open keeps everything.
    app.clock.set(closed_at + 1096 * DAY);
    assert_eq!(run(&app).await.requests, 1);
    assert_eq!(run(&app).await.requests, 0);
    let after = track(&app, &withdrawn.tracking_token).await;
    assert!(after.anonymised);
    assert_eq!(after.applicant.name, "");
    assert_eq!(after.applicant.mobile, "");
    assert_eq!(after.applicant.resident_id, None);
    let details = after.details.unwrap();
    assert!(details.evidence.is_empty());
    assert_eq!(details.other_party.name, "");
    assert_eq!(details.other_party.address, None);
    assert_eq!(details.facts.description, "");
    // Kept: reference, right type, dates, status and timeline.
    assert_eq!(after.reference, withdrawn.reference);
    assert_eq!(after.status, before.status);
    assert_eq!(after.timeline, before.timeline);
    assert_eq!(after.right.right_type, before.right.right_type);
    assert_eq!(
        request_lookup(&app, &withdrawn.reference, MOBILE)
            .await
            .status(),
        404
    );
    let still_open = track(&app, &open.tracking_token).await;
    assert!(!still_open.anonymised);
    assert_eq!(still_open.applicant.name, "张三丰");

    // Staff see the case anonymised, without its files.
    let handler = login(&app, "case1", PASSWORD).await;
    let id = case_id(&app, &handler, &withdrawn.reference).await;
    let case = case_detail(&app, &handler, id).await;
    assert!(case.anonymised);
    assert_eq!(case.answers.applicant.name, "");
    assert_eq!(case.answers.applicant.mobile, None);
    assert_eq!(case.answers.applicant.resident_id, None);
    assert!(case.files.is_empty());
    let open_id = case_id(&app, &handler, &open.reference).await;
    assert!(!case_detail(&app, &handler, open_id).await.anonymised);
}
