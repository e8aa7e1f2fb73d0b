//! Consultation booking over HTTP, on a clock fixed at Monday 2026-09-21 09:00 in Shanghai, so
//! no test depends on today's date. Around it in the official calendar: 中秋节 09-25..27 and
//! 国庆节 10-01..07 off, Saturday 10-10 a working day (调休); the 15-working-day window is
//! 09-22 … 10-19.
//!
//! This module holds what the booking tests share (the clock, the venues, a valid request, the
//! calendar file, the lookup routes and changes by reference); the tests are in its submodules,
//! one concern each.

use portal_domain::api::booking::BookingSummary;
use serde_json::{json, Value};

use crate::citizen::{availability_ok, post};
use crate::helpers::TestApp;

const NOW: &str = "2026-09-21T09:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
const TEXTILES: &str = "nantong-home-textiles-fast-rights-center";
const QIDONG: &str = "qidong-power-tools-fast-rights-center";
const MOBILE: &str = "13812345678";
/// What the holder of a test booking gave that a booking found by reference must never show.
const HOLDER_SECRETS: [&str; 6] = [
    MOBILE,
    "张三丰",
    "三丰",
    "91110000600037341L",
    "南通某某家纺有限公司",
    "外观设计",
];

/// A valid booking request at the center for patents.
fn request(date: &str, time: &str, mobile: &str) -> Value {
    json!({
        "venue": CENTER,
        "topic": "patent",
        "date": date,
        "time": time,
        "name": "张三",
        "mobile": mobile,
        "description": "外观设计专利被仿冒，想了解维权途径",
        "wheelchair_access": true,
    })
}

/// A distinct valid mobile number per `i`.
fn mobile(i: usize) -> String {
    format!("139{i:08}")
}

/// Free seats of one slot, from the availability answer.
async fn remaining(app: &TestApp, date: &str, time: &str) -> u16 {
    let availability = availability_ok(app, CENTER, "patent").await;
    let day = availability
        .days
        .iter()
        .find(|d| d.date.to_string() == date)
        .unwrap_or_else(|| panic!("{date} is in the window"));
    day.slots
        .iter()
        .find(|s| s.time == time)
        .unwrap_or_else(|| panic!("{time} is a slot"))
        .remaining
}

const LOOKUP_RESCHEDULE: &str = "/api/v1/bookings/lookup/reschedule";
const LOOKUP_CANCEL: &str = "/api/v1/bookings/lookup/cancel";
const LOOKUP: &str = "/api/v1/bookings/lookup";
const LOOKUP_ROUTES: [&str; 3] = [LOOKUP, LOOKUP_RESCHEDULE, LOOKUP_CANCEL];

async fn ics(app: &TestApp, token: &str) -> String {
    let response = app
        .get(&format!("/api/v1/bookings/{token}/calendar.ics"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    response.text().await.unwrap()
}

fn ics_value<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.split("\r\n")
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("{name} in {ics}"))
}

async fn reschedule_by_reference(
    app: &TestApp,
    reference: &str,
    mobile: &str,
    date: &str,
    time: &str,
) -> reqwest::Response {
    post(
        app,
        LOOKUP_RESCHEDULE,
        &json!({"reference": reference, "mobile": mobile, "date": date, "time": time}),
    )
    .await
}

async fn cancel_by_reference(app: &TestApp, reference: &str, mobile: &str) -> reqwest::Response {
    post(
        app,
        LOOKUP_CANCEL,
        &json!({"reference": reference, "mobile": mobile}),
    )
    .await
}

/// The answer of a change by reference: 200, masked, nothing only the manage link shows.
async fn summary_ok(response: reqwest::Response, secrets: &[&str]) -> BookingSummary {
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let raw = response.text().await.unwrap();
    for secret in secrets {
        assert!(!raw.contains(secret), "{secret} leaked: {raw}");
    }
    let value: Value = serde_json::from_str(&raw).unwrap();
    for key in [
        "manage_token",
        "description",
        "organisation",
        "uscc",
        "other_adjustments",
    ] {
        assert!(value.get(key).is_none(), "{key} in {raw}");
    }
    serde_json::from_str(&raw).unwrap()
}

/// The booking behind `token` is still the confirmed 09:00 booking it was made as: never moved.
async fn assert_untouched(app: &TestApp, token: &str) {
    let booking = crate::citizen::booking(app, token).await;
    assert_eq!(
        (booking.sequence, booking.start_time.as_str()),
        (0, "09:00")
    );
    assert_eq!(
        serde_json::to_value(booking.status).unwrap(),
        json!("confirmed")
    );
}

mod by_reference;
mod check_in;
mod contract;
mod journey;
mod lookup;
mod seats;
mod validation;
