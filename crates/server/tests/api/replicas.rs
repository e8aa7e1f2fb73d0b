//! Several replicas of one deployment on one database (issue #16): what one of them is told
//! reaches the others without a restart, and the limits count on all of them together (and
//! across a restart).

use std::time::{Duration, Instant};

use portal_domain::api::staff::MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT;
use reqwest::StatusCode;
use serde_json::json;

use crate::citizen::{availability_ok, post_draft};
use crate::helpers::{
    at, error, spawn_app_at, spawn_replica, spawn_staff_app, StaffOptions, TestApp,
};
use crate::staff_client::{
    admin_options, call_as, login_admin, login_response, staff_app, ADMIN, ADMIN_PASSWORD,
};

const CENTER: &str = "nantong-ip-protection-center";
/// Monday 28 December 2026: three working days of 2026 are left and 2027 is not published.
const NOW: &str = "2026-12-28T10:00:00+08:00";

#[tokio::test]
async fn a_holiday_year_published_on_one_replica_is_counted_by_the_other_within_a_second() {
    let one = staff_app(NOW).await;
    let other = spawn_replica(&one, NOW, admin_options()).await;
    let before = availability_ok(&other, CENTER, "patent").await;
    assert_eq!(before.unpublished_year, Some(2027));

    // MADE-UP TEST DATA for 2027 (not the official notice), published on the first replica.
    let admin = login_admin(&one).await;
    let year = json!({
        "source_title": "测试数据：虚构的 2027 年节假日安排（TEST DATA, not an official notice)",
        "source_url": "https://example.org/test-only/holidays-2027",
        "holidays": [{"name": "测试假日（虚构）", "from": "2027-01-04", "to": "2027-01-05"}],
        "working_days": ["2027-01-09"],
    });
    let path = "/api/v1/staff/admin/holidays/2027";
    let response = call_as(&one, reqwest::Method::PUT, path, &admin, Some(year)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        availability_ok(&one, CENTER, "patent")
            .await
            .unpublished_year,
        None
    );

    // The other replica was not told: it finds out from the database.
    let published = Instant::now();
    loop {
        let after = availability_ok(&other, CENTER, "patent").await;
        if after.unpublished_year.is_none() {
            let days: Vec<String> = after.days.iter().map(|d| d.date.to_string()).collect();
            assert!(days.contains(&"2027-01-06".to_owned()), "{days:?}");
            assert!(
                !days.contains(&"2027-01-04".to_owned()),
                "the holiday: {days:?}"
            );
            break;
        }
        assert!(
            published.elapsed() < Duration::from_secs(2),
            "the other replica still counts without 2027 after 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A booking lookup of `reference` with `mobile`.
async fn lookup(app: &TestApp, reference: &str, mobile: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/bookings/lookup"))
        .json(&json!({"reference": reference, "mobile": mobile}))
        .send()
        .await
        .unwrap()
}

/// Asserts the 429 of a limit with `code` and `Retry-After: retry_after`.
async fn assert_limited(response: reqwest::Response, code: &str, retry_after: &str) {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], retry_after);
    assert_eq!(error(response).await.code, code);
}

#[tokio::test]
async fn failed_booking_lookups_on_two_replicas_count_towards_one_limit() {
    let one = spawn_app_at(NOW).await;
    let other = spawn_replica(&one, NOW, StaffOptions::default()).await;
    // 3 wrong numbers on one replica and 2 on the other: the 5 a reference is allowed an hour.
    for (i, app) in [&one, &one, &one, &other, &other].into_iter().enumerate() {
        let response = lookup(app, "7777-2345", &format!("1391234000{i}")).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "failure {}",
            i + 1
        );
    }
    // The 6th try is refused on either, as it would be on one server alone.
    for app in [&one, &other] {
        let response = lookup(app, "7777-2345", "13912340009").await;
        assert_limited(response, "booking.lookup_rate_limited", "3600").await;
    }
    // Another reference is not affected.
    let response = lookup(&other, "8888-2345", "13912340009").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn failed_staff_sign_ins_on_two_replicas_count_towards_one_limit() {
    let one = staff_app(NOW).await;
    let other = spawn_replica(&one, NOW, admin_options()).await;
    for i in 0..MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT {
        let app = if i % 2 == 0 { &one } else { &other };
        let response = login_response(app, ADMIN, "wrong password guess").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "failure {}",
            i + 1
        );
    }
    // That address may not try `admin` on either replica any more, right password or not.
    for app in [&one, &other] {
        let response = login_response(app, ADMIN, ADMIN_PASSWORD).await;
        assert_limited(response, "staff.login_rate_limited", "900").await;
    }
}

#[tokio::test]
async fn new_drafts_from_one_address_on_two_replicas_count_towards_one_budget() {
    let one = spawn_app_at(NOW).await;
    let other = spawn_replica(&one, NOW, StaffOptions::default()).await;
    // 30 new drafts an hour per address: 15 on each replica.
    for i in 0..30 {
        let app = if i % 2 == 0 { &one } else { &other };
        let response = post_draft(app).await;
        assert_eq!(response.status(), StatusCode::CREATED, "draft {}", i + 1);
    }
    for app in [&one, &other] {
        let response = post_draft(app).await;
        assert_limited(response, "assistance.drafts_rate_limited", "3600").await;
    }
}

#[tokio::test]
async fn the_counts_of_failed_lookups_survive_a_restart_and_still_run_out_after_an_hour() {
    let first = spawn_app_at(NOW).await;
    for i in 0..5 {
        let response = lookup(&first, "7777-2345", &format!("1391234000{i}")).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "failure {}",
            i + 1
        );
    }
    // A new server process on the same database (a restart: nothing in memory).
    let restarted = spawn_staff_app(first.dir, NOW, StaffOptions::default()).await;
    let response = lookup(&restarted, "7777-2345", "13912340009").await;
    assert_limited(response, "booking.lookup_rate_limited", "3600").await;
    // An hour after the failures they no longer count.
    restarted.clock.set(at(NOW) + 3600);
    let response = lookup(&restarted, "7777-2345", "13912340009").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
