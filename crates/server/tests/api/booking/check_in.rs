//! Checking in at the service hall's kiosk (`POST /api/v1/bookings/check-in`, by reference +
//! the mobile's last four digits, and `/bookings/{token}/check-in`, by the QR code's link): the
//! desk's window, each refusal in words, checking in twice, the shared limit on failed lookups,
//! the audit entry and what the desk sees afterwards.

use portal_domain::api::booking::CheckedIn;
use portal_domain::api::staff::{Attendance, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{book_ok, cancel, consultation, post};
use crate::helpers::{at, error, TestApp};
use crate::staff_client::{
    self, audit, day_list, login, staff_app, staff_with, ADMIN, ADMIN_PASSWORD,
};

use super::{CENTER, LOOKUP, MOBILE, NOW};

const CHECK_IN: &str = "/api/v1/bookings/check-in";

async fn check_in(app: &TestApp, reference: &str, digits: &str) -> reqwest::Response {
    post(
        app,
        CHECK_IN,
        &json!({"reference": reference, "mobile_last_four": digits}),
    )
    .await
}

async fn check_in_en(app: &TestApp, reference: &str, digits: &str) -> reqwest::Response {
    app.client
        .post(app.url(CHECK_IN))
        .header("Accept-Language", "en")
        .json(&json!({"reference": reference, "mobile_last_four": digits}))
        .send()
        .await
        .unwrap()
}

async fn refused(response: reqwest::Response, code: &str) -> String {
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, code);
    body.message
}

/// A 09:00 booking by 李四 at the center on Tuesday 09-22 (the clock stands at Monday 09:00).
async fn booked(app: &TestApp, key: &str, time: &str, mobile: &str) -> (String, String) {
    let created = book_ok(
        app,
        key,
        &consultation(CENTER, "patent", "2026-09-22", time, mobile),
    )
    .await;
    (created.booking.reference, created.manage_token)
}

#[tokio::test]
async fn the_kiosk_checks_in_on_the_day_from_two_hours_before_and_says_why_not_otherwise() {
    let app = staff_app(NOW).await;
    let (reference, _) = booked(&app, "k1", "09:00", MOBILE).await;

    // The day before: not today, with the booking's date, in the asked language.
    let message = refused(
        check_in(&app, &reference, "5678").await,
        "booking.check_in_not_today",
    )
    .await;
    assert!(message.contains("2026-09-22"), "{message}");
    let message = refused(
        check_in_en(&app, &reference, "5678").await,
        "booking.check_in_not_today",
    )
    .await;
    assert!(
        message.contains("2026-09-22") && message.is_ascii(),
        "{message}"
    );

    // On the day, before 07:00: too early, saying from when.
    app.clock.set(at("2026-09-22T06:59:59+08:00"));
    let message = refused(
        check_in_en(&app, &reference, "5678").await,
        "booking.check_in_too_early",
    )
    .await;
    assert!(message.contains("07:00"), "{message}");

    // From 07:00: checked in, masked, where to wait; no mobile number in the answer.
    app.clock.set(at("2026-09-22T07:00:00+08:00"));
    let loose = reference.to_lowercase().replace('-', " ");
    let response = check_in(&app, &loose, " 56 78").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let raw = response.text().await.unwrap();
    for secret in [MOBILE, "李四", "5678"] {
        assert!(!raw.contains(secret), "{secret} in {raw}");
    }
    let checked: CheckedIn = serde_json::from_str(&raw).unwrap();
    assert_eq!(checked.reference, reference);
    assert_eq!(checked.name, "李*");
    assert_eq!(checked.venue.id, CENTER);
    assert_eq!(checked.start_time, "09:00");
    assert_eq!(checked.checked_in_at, "2026-09-22T07:00:00+08:00");
    assert!(!checked.already_checked_in);

    // Again (later, or by the QR code's link): already checked in, at the first time.
    app.clock.set(at("2026-09-22T08:30:00+08:00"));
    let again: CheckedIn = check_in(&app, &reference, "5678")
        .await
        .json()
        .await
        .unwrap();
    assert!(again.already_checked_in);
    assert_eq!(again.checked_in_at, "2026-09-22T07:00:00+08:00");

    // The next day: still "already checked in" (nothing to refuse).
    app.clock.set(at("2026-09-23T08:00:00+08:00"));
    let later: CheckedIn = check_in(&app, &reference, "5678")
        .await
        .json()
        .await
        .unwrap();
    assert!(later.already_checked_in);
}

#[tokio::test]
async fn a_booking_not_checked_in_on_its_day_cannot_be_checked_in_the_next_day() {
    let app = staff_app(NOW).await;
    let (reference, _) = booked(&app, "k1", "09:00", MOBILE).await;
    app.clock.set(at("2026-09-23T08:00:00+08:00"));
    refused(
        check_in(&app, &reference, "5678").await,
        "booking.check_in_not_today",
    )
    .await;
}

#[tokio::test]
async fn wrong_digits_and_an_unknown_reference_are_the_same_404_and_bad_fields_say_so() {
    let app = staff_app(NOW).await;
    let (reference, _) = booked(&app, "k1", "09:00", MOBILE).await;
    app.clock.set(at("2026-09-22T08:00:00+08:00"));
    let wrong = check_in(&app, &reference, "0000").await;
    let unknown = check_in(&app, "2222-2222", "5678").await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(wrong.text().await.unwrap(), unknown.text().await.unwrap());

    // Malformed fields: 400 with a message at each field, in the asked language.
    let response = check_in_en(&app, "", "56").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    assert_eq!(body.fields["reference"].code, "booking.reference_missing");
    assert_eq!(
        body.fields["mobile_last_four"].code,
        "booking.mobile_last_four_format"
    );
    assert!(body.fields["mobile_last_four"].message.contains("4 digits"));
    let response = post(&app, CHECK_IN, &json!({"reference": reference})).await;
    let body = error(response).await;
    assert_eq!(
        body.fields["mobile_last_four"].code,
        "booking.mobile_last_four_missing"
    );
    // Not JSON: a 4xx, never a 5xx.
    let response = app
        .client
        .post(app.url(CHECK_IN))
        .header("Content-Type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // A token that is no token.
    let response = post(&app, "/api/v1/bookings/nonsense/check-in", &json!({})).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_cancelled_booking_and_one_marked_not_attended_are_refused() {
    let app = staff_app(NOW).await;
    let (cancelled, token) = booked(&app, "k1", "09:00", MOBILE).await;
    assert_eq!(cancel(&app, &token).await.status(), StatusCode::OK);
    let (missed, _) = booked(&app, "k2", "09:00", "13900000002").await;
    app.clock.set(at("2026-09-22T11:00:00+08:00"));
    let message = refused(
        check_in_en(&app, &cancelled, "5678").await,
        "booking.check_in_cancelled",
    )
    .await;
    assert!(message.contains("cancelled"), "{message}");

    // The desk marks the other as not attended once its slot is over: the kiosk sends the
    // person to the desk.
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let day = day_list(&app, &desk, "2026-09-22", CENTER).await;
    let id = day
        .items
        .iter()
        .find(|b| b.reference == missed)
        .expect("on the desk's list")
        .id;
    let response = staff_client::post(
        &app,
        &desk,
        &format!("/api/v1/staff/bookings/{id}/no-show"),
        json!({}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    refused(
        check_in(&app, &missed, "0002").await,
        "booking.check_in_not_attended",
    )
    .await;
}

#[tokio::test]
async fn a_kiosk_check_in_is_the_desks_attendance_with_an_audit_entry_saying_so() {
    let app = staff_app(NOW).await;
    let (by_digits, _) = booked(&app, "k1", "09:00", MOBILE).await;
    let (by_qr, token) = booked(&app, "k2", "10:00", "13900000002").await;
    app.clock.set(at("2026-09-22T08:15:00+08:00"));
    assert_eq!(
        check_in(&app, &by_digits, "5678").await.status(),
        StatusCode::OK
    );
    // The QR code holds the manage link: its token checks in too, the same way.
    let path = format!("/api/v1/bookings/{token}/check-in");
    let response = post(&app, &path, &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let checked: CheckedIn = response.json().await.unwrap();
    assert_eq!(
        (checked.reference.as_str(), checked.already_checked_in),
        (by_qr.as_str(), false)
    );
    let again: CheckedIn = post(&app, &path, &json!({})).await.json().await.unwrap();
    assert!(again.already_checked_in);

    // The desk sees both as arrived, at the kiosk's time, with nothing left to do.
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let day = day_list(&app, &desk, "2026-09-22", CENTER).await;
    for reference in [&by_digits, &by_qr] {
        let b = day
            .items
            .iter()
            .find(|b| &b.reference == reference)
            .expect("on the list");
        assert_eq!(b.attendance, Some(Attendance::CheckedIn), "{reference}");
        assert_eq!(
            b.attendance_at.as_deref(),
            Some("2026-09-22T08:15:00+08:00")
        );
        assert!(!b.can_check_in);
        // The desk checking in again changes nothing.
        let response = staff_client::post(
            &app,
            &desk,
            &format!("/api/v1/staff/bookings/{}/check-in", b.id),
            json!({}),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    // One audit entry each, by nobody on the staff, saying it was the kiosk.
    let log = audit(&app, &admin).await;
    let kiosk: Vec<_> = log
        .items
        .iter()
        .filter(|e| e.action == "booking.check_in")
        .collect();
    assert_eq!(kiosk.len(), 2, "{kiosk:?}");
    for entry in kiosk {
        assert_eq!(entry.actor, None);
        assert_eq!(entry.target_type, "booking");
        assert!(entry.summary.contains("kiosk"), "{}", entry.summary);
    }
}

#[tokio::test]
async fn failed_check_ins_count_with_failed_lookups_and_lock_the_reference() {
    let app = staff_app(NOW).await;
    let (reference, _) = booked(&app, "k1", "09:00", MOBILE).await;
    app.clock.set(at("2026-09-22T08:00:00+08:00"));
    // Two failed lookups and three wrong sets of digits: five failures of one reference.
    for _ in 0..2 {
        let response = post(
            &app,
            LOOKUP,
            &json!({"reference": reference, "mobile": "13900000009"}),
        )
        .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    for digits in ["0001", "0002", "0003"] {
        assert_eq!(
            check_in(&app, &reference, digits).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    // Now even the right digits are refused, in words that send the person to the desk; and
    // the lookup by the right mobile number too.
    let response = check_in_en(&app, &reference, "5678").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    let body = error(response).await;
    assert_eq!(body.code, "booking.lookup_rate_limited");
    assert!(body.message.contains("reception desk"), "{}", body.message);
    let response = post(
        &app,
        LOOKUP,
        &json!({"reference": reference, "mobile": MOBILE}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // An hour after the first failure, the right digits check in.
    app.clock.set(at("2026-09-22T09:00:01+08:00"));
    let response = check_in(&app, &reference, "5678").await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn both_check_in_routes_are_documented() {
    let app = staff_app(NOW).await;
    let doc: Value = crate::helpers::openapi(&app).await;
    crate::helpers::assert_documented(
        &doc,
        &[CHECK_IN, "/api/v1/bookings/{token}/check-in"],
        &["CheckInRequest", "CheckedIn"],
    );
}
