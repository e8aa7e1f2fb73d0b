//! What administrators maintain, over HTTP: venue booking settings (the citizen availability
//! answers change at once) and the holiday calendar (a published year extends booking windows
//! and working-day deadlines at once, and survives a restart).
//!
//! Every holiday below that is not in `data/seed/cn_public_holidays.json` is MADE-UP TEST DATA,
//! named as such: it is no official notice and must never be copied into a seed file.

use portal_domain::api::admin::{AdminVenue, AdminVenueList, HolidayOrigin, HolidayYearList};
use portal_domain::api::assistance::{AssistanceSubmitted, Deadline};
use portal_domain::api::booking::{Availability, Booking, BookingCreated};
use portal_domain::api::staff::{AccountList, Role, StaffAccount};
use portal_domain::calendar::Date;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::citizen::{
    self, availability, availability_ok, complete_draft, consultation, submitted_with, track,
};
use crate::helpers::{spawn_staff_app, TestApp};
use crate::staff_client::{
    admin_options, audit, call_as_in, error, login, login_admin, staff_app, Session, ADMIN,
    PASSWORD,
};

const CENTER: &str = "nantong-ip-protection-center";

async fn put(app: &TestApp, session: &Session, path: &str, body: Value) -> reqwest::Response {
    call_as_in(app, Method::PUT, path, session, Some(body), "zh-CN").await
}

async fn get_json<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    session: &Session,
    path: &str,
) -> T {
    let response = call_as_in(app, Method::GET, path, session, None, "zh-CN").await;
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

fn slots(a: &Availability, date: &str) -> Vec<(String, u16)> {
    a.days
        .iter()
        .find(|d| d.date.to_string() == date)
        .unwrap_or_else(|| panic!("{date} is not in the window"))
        .slots
        .iter()
        .map(|s| (s.time.clone(), s.remaining))
        .collect()
}

async fn book(app: &TestApp, key: &str, date: &str, time: &str, mobile: &str) -> reqwest::Response {
    book_topic(app, key, "patent", date, time, mobile).await
}

async fn book_topic(
    app: &TestApp,
    key: &str,
    topic: &str,
    date: &str,
    time: &str,
    mobile: &str,
) -> reqwest::Response {
    citizen::book(app, key, &consultation(CENTER, topic, date, time, mobile)).await
}

/// Asks, as `admin` and in Chinese, for the account `body` describes.
async fn create_in_chinese(app: &TestApp, admin: &Session, body: Value) -> reqwest::Response {
    let path = "/api/v1/staff/accounts";
    call_as_in(app, Method::POST, path, admin, Some(body), "zh-CN").await
}

/// Changes the center's booking settings, as `admin` and in Chinese.
async fn put_center_booking(app: &TestApp, admin: &Session, body: Value) -> reqwest::Response {
    let path = format!("/api/v1/staff/admin/venues/{CENTER}/booking");
    put(app, admin, &path, body).await
}

/// Publishes (or corrects) the 2027 calendar, as `admin` and in `lang`.
async fn put_2027(app: &TestApp, admin: &Session, body: Value, lang: &str) -> reqwest::Response {
    let path = "/api/v1/staff/admin/holidays/2027";
    call_as_in(app, Method::PUT, path, admin, Some(body), lang).await
}

/// The next deadline the tracking page shows for the request with `token`.
async fn next_deadline(app: &TestApp, token: &str) -> Deadline {
    track(app, token).await.next_deadline.unwrap()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Venue booking settings
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn venue_settings_change_what_citizens_are_offered_at_once() {
    // Tuesday 2026-09-29: the window starts on Wednesday 09-30 (then 国庆节 10-01..07).
    let app = staff_app("2026-09-29T10:00:00+08:00").await;
    let admin = login_admin(&app).await;

    let list: AdminVenueList = get_json(&app, &admin, "/api/v1/staff/admin/venues").await;
    assert_eq!(
        list.items.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
        [
            CENTER,
            "nantong-home-textiles-fast-rights-center",
            "haian-furniture-fast-rights-center",
            "qidong-power-tools-fast-rights-center"
        ]
    );
    let center = &list.items[0];
    assert_eq!((center.slot_minutes, center.seats_per_slot), (30, 5));
    assert!(!center.defaults_confirmed);
    assert!(center.topics.contains(&"policy".to_owned()));
    assert_eq!(list.topics.len(), 9);

    let before = availability_ok(&app, CENTER, "patent").await;
    assert!(!before.defaults_confirmed);
    assert_eq!(slots(&before, "2026-09-30")[0], ("09:00".to_owned(), 5));
    // A booking made under the old settings, at 09:30.
    let response = book(&app, "admin-1", "2026-09-30", "09:30", "13800000001").await;
    assert_eq!(response.status(), 201);
    let booked: BookingCreated = response.json().await.unwrap();
    // And one about "policy", which is about to be taken away.
    let response = book_topic(
        &app,
        "admin-p",
        "policy",
        "2026-09-30",
        "10:00",
        "13800000004",
    )
    .await;
    assert_eq!(response.status(), 201);
    let policy_booking: BookingCreated = response.json().await.unwrap();

    // Fewer seats, other hours, longer slots, "policy" no longer offered.
    let topics: Vec<&str> = center
        .topics
        .iter()
        .map(String::as_str)
        .filter(|t| *t != "policy")
        .collect();
    let settings = json!({
        "slot_minutes": 60,
        "seats_per_slot": 2,
        "opening_hours": [{"opens": "08:30", "closes": "10:30"}, {"opens": "14:00", "closes": "16:00"}],
        "topics": topics,
    });
    let response = put_center_booking(&app, &admin, settings).await;
    assert_eq!(response.status(), 200);
    let saved: AdminVenue = response.json().await.unwrap();
    assert!(saved.defaults_confirmed);
    assert_eq!((saved.slot_minutes, saved.seats_per_slot), (60, 2));

    // The very next availability answer: new slots, fewer places, confirmed.
    let after = availability_ok(&app, CENTER, "patent").await;
    assert!(after.defaults_confirmed);
    assert_eq!((after.slot_minutes, after.seats_per_slot), (60, 2));
    let expected: Vec<(String, u16)> = [("08:30", 2), ("09:30", 0), ("14:00", 2), ("15:00", 2)]
        .iter()
        .map(|(t, n)| ((*t).to_owned(), *n))
        .collect();
    assert_eq!(
        slots(&after, "2026-09-30"),
        expected,
        "the 09:30 and 10:00 bookings hold both places of the new 09:30-10:30 slot"
    );
    assert_eq!(
        slots(&after, "2026-10-08")
            .iter()
            .map(|(_, n)| *n)
            .collect::<Vec<_>>(),
        [2, 2, 2, 2]
    );
    // A topic taken away is not offered any more.
    let response = availability(&app, CENTER, "policy").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["topic"].code,
        "booking.topic_not_offered"
    );
    let venues: Value = app
        .get("/api/v1/booking/venues?topic=policy")
        .await
        .json()
        .await
        .unwrap();
    assert!(venues["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|v| v["id"] != CENTER));
    // The "policy" booking stands, but cannot be moved to a new time here any more.
    let response = app
        .client
        .post(app.url(&format!(
            "/api/v1/bookings/{}/reschedule",
            policy_booking.manage_token
        )))
        .json(&json!({"date": "2026-10-08", "time": "08:30"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["topic"].code,
        "booking.topic_not_offered"
    );
    // An old slot time is not a slot any more; a new one can be booked.
    let response = book(&app, "admin-2", "2026-10-08", "09:00", "13800000002").await;
    assert_eq!(response.status(), 400);
    let response = book(&app, "admin-3", "2026-10-08", "08:30", "13800000003").await;
    assert_eq!(response.status(), 201);

    // The booking made before keeps its time and seat.
    let kept: Booking = app
        .get(&format!("/api/v1/bookings/{}", booked.manage_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (kept.start_time.as_str(), kept.end_time.as_str()),
        ("09:30", "10:00")
    );
    assert!(kept.defaults_confirmed);

    // A venue being set up opens for booking when its status changes.
    let qidong = "qidong-power-tools-fast-rights-center";
    assert_eq!(availability(&app, qidong, "patent").await.status(), 400);
    let response = put(
        &app,
        &admin,
        &format!("/api/v1/staff/admin/venues/{qidong}/booking"),
        json!({
            "status": "operating", "slot_minutes": 30, "seats_per_slot": 1,
            "opening_hours": [{"opens": "09:00", "closes": "11:30"}],
            "topics": ["patent"],
        }),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(availability(&app, qidong, "patent").await.status(), 200);

    // Both changes are in the audit log, with the settings before and after.
    let log = audit(&app, &admin).await;
    let entry = log
        .items
        .iter()
        .find(|e| e.action == "venue.booking_settings" && e.target_id.as_deref() == Some(CENTER))
        .expect("an audit row");
    assert_eq!(entry.actor.as_deref(), Some(ADMIN));
    assert!(
        entry
            .summary
            .starts_with("operating, 60 min slots, 2 seats, hours 08:30-10:30 14:00-16:00")
            && entry
                .summary
                .contains("before: operating, 30 min slots, 5 seats"),
        "{}",
        entry.summary
    );
    assert_eq!(
        log.items
            .iter()
            .filter(|e| e.action == "venue.booking_settings")
            .count(),
        2
    );
}

#[tokio::test]
async fn bookings_made_before_longer_slots_fill_the_new_slot_they_overlap() {
    // Tuesday 2026-09-29; Wednesday 09-30 is bookable.
    let app = staff_app("2026-09-29T10:00:00+08:00").await;
    let admin = login_admin(&app).await;
    // Under the default 30-minute slots: 09:30-10:00 and 10:00-10:30.
    let mut held = Vec::new();
    for (key, time, mobile) in [
        ("o-1", "09:30", "13800000011"),
        ("o-2", "10:00", "13800000012"),
    ] {
        let response = book(&app, key, "2026-09-30", time, mobile).await;
        assert_eq!(response.status(), 201);
        held.push(
            response
                .json::<BookingCreated>()
                .await
                .unwrap()
                .manage_token,
        );
    }
    let list: AdminVenueList = get_json(&app, &admin, "/api/v1/staff/admin/venues").await;
    let settings = json!({
        "slot_minutes": 60,
        "seats_per_slot": 2,
        "opening_hours": [{"opens": "08:30", "closes": "11:30"}],
        "topics": list.items[0].topics,
    });
    let response = put_center_booking(&app, &admin, settings).await;
    assert_eq!(response.status(), 200);

    // The new 09:30-10:30 slot holds both: no place is left in it, for citizens and the desk.
    let after = availability_ok(&app, CENTER, "patent").await;
    assert_eq!(
        slots(&after, "2026-09-30"),
        [
            ("08:30".to_owned(), 2),
            ("09:30".to_owned(), 0),
            ("10:30".to_owned(), 2)
        ]
    );
    let response = book(&app, "o-3", "2026-09-30", "09:30", "13800000013").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.slot_full");
    let desk: Value = get_json(
        &app,
        &admin,
        &format!("/api/v1/staff/slots?venue={CENTER}&date=2026-09-30"),
    )
    .await;
    let booked: Vec<(&str, u64)> = desk["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["time"].as_str().unwrap(), s["booked"].as_u64().unwrap()))
        .collect();
    assert_eq!(booked, [("08:30", 0), ("09:30", 2), ("10:30", 0)]);

    // Closing that slot cancels both, and tells them why.
    let response = call_as_in(
        &app,
        Method::POST,
        "/api/v1/staff/closures",
        &admin,
        Some(
            json!({"venue": CENTER, "date": "2026-09-30", "start_time": "09:30",
            "reason": "专家临时外出"}),
        ),
        "zh-CN",
    )
    .await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    for token in &held {
        let booking: Value = app
            .get(&format!("/api/v1/bookings/{token}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(booking["status"], "cancelled", "{booking}");
    }
}

#[tokio::test]
async fn venue_settings_are_checked_field_by_field_in_both_languages() {
    let app = staff_app("2026-09-29T10:00:00+08:00").await;
    let admin = login_admin(&app).await;
    let path = format!("/api/v1/staff/admin/venues/{CENTER}/booking");
    let bad = json!({
        "slot_minutes": 5,
        "seats_per_slot": 51,
        "opening_hours": [{"opens": "13:30", "closes": "17:00"}, {"opens": "9:00", "closes": "11:30"},
            {"opens": "12:00", "closes": "12:10"}],
        "topics": ["patent", "alchemy"],
    });
    for (lang, slot_message, hours_message) in [
        (
            "zh-CN",
            "时段长度请填写 10 至 240 之间的整数（分钟）。",
            "时间格式应为“时:分”（24 小时制），例如 09:00 或 17:30。",
        ),
        (
            "en",
            "The length of a slot must be a whole number of minutes from 10 to 240.",
            "Write the time as hours:minutes on the 24-hour clock, for example 09:00 or 17:30.",
        ),
    ] {
        let response = call_as_in(&app, Method::PUT, &path, &admin, Some(bad.clone()), lang).await;
        assert_eq!(response.status(), 400);
        let body = error(response).await;
        assert_eq!(body.code, "validation_failed");
        let codes: Vec<(&str, &str)> = body
            .fields
            .iter()
            .map(|(f, e)| (f.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("opening_hours.1.opens", "admin.time_format"),
                ("opening_hours.2.opens", "admin.period_overlaps"),
                ("seats_per_slot", "admin.seats_range"),
                ("slot_minutes", "admin.slot_minutes_range"),
                ("topics", "admin.topic_unknown"),
            ]
        );
        assert_eq!(body.fields["slot_minutes"].message, slot_message);
        assert_eq!(body.fields["opening_hours.1.opens"].message, hours_message);
    }
    // Nothing was changed, and nothing logged.
    let list: AdminVenueList = get_json(&app, &admin, "/api/v1/staff/admin/venues").await;
    assert_eq!(
        (list.items[0].slot_minutes, list.items[0].seats_per_slot),
        (30, 5)
    );
    assert!(!list.items[0].defaults_confirmed);
    assert!(audit(&app, &admin)
        .await
        .items
        .iter()
        .all(|e| e.action != "venue.booking_settings"));

    // Missing everything; an unknown venue; a body that is not JSON of the right types.
    let response = put(&app, &admin, &path, json!({})).await;
    let body = error(response).await;
    let fields: Vec<&str> = body.fields.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        ["opening_hours", "seats_per_slot", "slot_minutes", "topics"]
    );
    let response = put(
        &app,
        &admin,
        "/api/v1/staff/admin/venues/nowhere/booking",
        json!({}),
    )
    .await;
    assert_eq!(response.status(), 404);
    let response = put(&app, &admin, &path, json!({"slot_minutes": "thirty"})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(error(response).await.code, "bad_request");
}

// ---------------------------------------------------------------------------------------------
// The holiday calendar
// ---------------------------------------------------------------------------------------------

/// MADE-UP TEST DATA for 2027: one invented holiday and one invented adjusted working day. Not
/// the official 2027 notice (which is not published when this is written).
fn test_2027() -> Value {
    json!({
        "source_title": "测试数据：虚构的 2027 年节假日安排（TEST DATA, not an official notice)",
        "source_url": "https://example.org/test-only/holidays-2027",
        "holidays": [{"name": "测试假日（虚构）", "from": "2027-01-04", "to": "2027-01-05"}],
        "working_days": ["2027-01-09"],
    })
}

/// A complete request, its facts discovered in December.
async fn submit_request(app: &TestApp) -> AssistanceSubmitted {
    let mut answers = complete_draft();
    answers["facts"]["discovered_on"] = json!("2026-12-01");
    submitted_with(app, "admin-holidays-1", &answers, "现场照片.jpg").await
}

#[tokio::test]
async fn publishing_a_year_extends_booking_windows_and_deadlines_at_once_and_after_a_restart() {
    // Monday 2026-12-28: three working days of 2026 are left, 2027 is not published.
    let app = staff_app("2026-12-28T10:00:00+08:00").await;
    let admin = login_admin(&app).await;

    let before = availability_ok(&app, CENTER, "patent").await;
    assert_eq!(before.unpublished_year, Some(2027));
    assert_eq!(
        before.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        [d("2026-12-29"), d("2026-12-30"), d("2026-12-31")]
    );
    let request = submit_request(&app).await;
    let deadline = next_deadline(&app, &request.tracking_token).await;
    assert_eq!(
        (deadline.due, deadline.unpublished_year),
        (None, Some(2027))
    );
    let response = book(&app, "h-1", "2027-01-06", "09:00", "13800000011").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["date"].code,
        "calendar.not_published"
    );

    let list: HolidayYearList = get_json(&app, &admin, "/api/v1/staff/admin/holidays").await;
    assert_eq!(list.current_year, 2026);
    assert_eq!(
        list.items
            .iter()
            .map(|y| (y.year, y.origin, y.editable))
            .collect::<Vec<_>>(),
        [
            (2025, HolidayOrigin::SeedFile, false),
            (2026, HolidayOrigin::SeedFile, true)
        ]
    );

    let response = put(
        &app,
        &admin,
        "/api/v1/staff/admin/holidays/2027",
        test_2027(),
    )
    .await;
    assert_eq!(response.status(), 200);
    let published: portal_domain::api::admin::HolidayYear = response.json().await.unwrap();
    assert_eq!(published.origin, HolidayOrigin::Published);
    assert_eq!(published.published_by.as_deref(), Some(ADMIN));
    assert_eq!(published.working_days, [d("2027-01-09")]);

    // At once: the window runs into 2027, without the (made-up) holiday, with the (made-up)
    // adjusted working Saturday.
    let after = availability_ok(&app, CENTER, "patent").await;
    assert_eq!(after.unpublished_year, None);
    let days: Vec<Date> = after.days.iter().map(|d| d.date).collect();
    assert_eq!(days.len(), 15);
    assert_eq!(
        days[..8],
        [
            d("2026-12-29"),
            d("2026-12-30"),
            d("2026-12-31"),
            d("2027-01-01"),
            d("2027-01-06"),
            d("2027-01-07"),
            d("2027-01-08"),
            d("2027-01-09"),
        ]
    );
    let response = book(&app, "h-2", "2027-01-04", "09:00", "13800000012").await;
    assert_eq!(
        error(response).await.fields["date"].code,
        "booking.date_holiday"
    );
    let response = book(&app, "h-3", "2027-01-06", "09:00", "13800000013").await;
    assert_eq!(response.status(), 201);
    // The request's working-day deadline counts with 2027 now: 12-29, 12-30, 12-31, 01-01,
    // (01-04 and 01-05 off) 01-06.
    let deadline = next_deadline(&app, &request.tracking_token).await;
    assert_eq!(
        (deadline.due, deadline.unpublished_year),
        (Some(d("2027-01-06")), None)
    );

    // The audit log says who published which year.
    let log = audit(&app, &admin).await;
    let entry = log
        .items
        .iter()
        .find(|e| e.action == "holidays.publish")
        .unwrap();
    assert_eq!(entry.target_id.as_deref(), Some("2027"));
    assert_eq!(entry.actor.as_deref(), Some(ADMIN));
    assert_eq!(
        entry.summary,
        "holiday ranges: 1 (2 days off), adjusted working days: 1; newly published"
    );

    // A restart merges the database's years with the seed file.
    let again = spawn_staff_app(app.dir, "2026-12-28T10:00:00+08:00", admin_options()).await;
    let restarted = availability_ok(&again, CENTER, "patent").await;
    assert_eq!(restarted.unpublished_year, None);
    assert_eq!(
        restarted.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        days
    );
    let list: HolidayYearList = get_json(
        &again,
        &login_admin(&again).await,
        "/api/v1/staff/admin/holidays",
    )
    .await;
    assert_eq!(list.items.last().unwrap().year, 2027);
}

#[tokio::test]
async fn past_years_are_refused_and_a_seed_year_can_be_corrected() {
    let app = staff_app("2026-09-29T10:00:00+08:00").await;
    let admin = login_admin(&app).await;

    for (lang, message) in [
        (
            "zh-CN",
            "只能发布或更正今年及以后年份的节假日安排，往年的安排不能再修改。",
        ),
        (
            "en",
            "Only this year and later years can be published or corrected; past years cannot change.",
        ),
    ] {
        let response = call_as_in(
            &app,
            Method::PUT,
            "/api/v1/staff/admin/holidays/2025",
            &admin,
            Some(test_2027()),
            lang,
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body = error(response).await;
        assert_eq!((body.code.as_str(), body.message.as_str()), ("admin.year_past", message));
    }
    for year in ["27", "20x7", "0000", "12027"] {
        let response = put(
            &app,
            &admin,
            &format!("/api/v1/staff/admin/holidays/{year}"),
            test_2027(),
        )
        .await;
        assert_eq!(response.status(), 404, "{year}");
    }

    // The same checks as the seed file, per field, in both languages.
    let mut bad = test_2027();
    bad["holidays"][0]["to"] = json!("2027-01-03");
    bad["working_days"] = json!(["2027-01-09", "2027-01-12"]);
    bad["source_url"] = json!("www.example.org");
    let response = put_2027(&app, &admin, bad.clone(), "en").await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["source_url"].code, "admin.source_url_invalid");
    assert_eq!(
        body.fields.len(),
        1,
        "the calendar is checked once the fields are well-formed"
    );
    bad["source_url"] = json!("https://example.org/test-only");
    for (lang, message) in [
        ("zh-CN", "节假日日历中“测试假日（虚构）”的结束日期 2027-01-03 早于开始日期 2027-01-04"),
        ("en", "In the holiday calendar, \"测试假日（虚构）\" ends (2027-01-03) before it starts (2027-01-04)"),
    ] {
        let response = put_2027(&app, &admin, bad.clone(), lang)
        .await;
        let body = error(response).await;
        assert_eq!(body.fields["holidays.0.to"].code, "calendar.reversed_range");
        assert_eq!(body.fields["holidays.0.to"].message, message);
    }
    bad["holidays"][0]["to"] = json!("2027-01-05");
    let body = error(put(&app, &admin, "/api/v1/staff/admin/holidays/2027", bad).await).await;
    assert_eq!(
        body.fields["working_days.1"].code,
        "calendar.working_day_not_weekend"
    );

    // A year of the seed file can be corrected (this year or later): here 2026 with one MADE-UP
    // extra day off (test data) on Friday 2026-10-09. The database's version wins.
    let list: HolidayYearList = get_json(&app, &admin, "/api/v1/staff/admin/holidays").await;
    let seed_2026 = list.items.iter().find(|y| y.year == 2026).unwrap();
    let mut holidays = serde_json::to_value(&seed_2026.holidays).unwrap();
    holidays
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "测试更正（虚构）", "from": "2026-10-09", "to": "2026-10-09"}));
    let response = book(&app, "c-1", "2026-10-09", "09:00", "13800000021").await;
    assert_eq!(
        response.status(),
        201,
        "a working day before the correction"
    );
    let response = put(
        &app,
        &admin,
        "/api/v1/staff/admin/holidays/2026",
        json!({
            "source_title": format!("{}（测试更正 TEST DATA）", seed_2026.source_title),
            "source_url": "https://example.org/test-only/holidays-2026",
            "holidays": holidays,
            "working_days": seed_2026.working_days,
        }),
    )
    .await;
    assert_eq!(response.status(), 200);
    let response = book(&app, "c-2", "2026-10-09", "09:30", "13800000022").await;
    assert_eq!(
        error(response).await.fields["date"].code,
        "booking.date_holiday"
    );
    let list: HolidayYearList = get_json(&app, &admin, "/api/v1/staff/admin/holidays").await;
    let corrected = list.items.iter().find(|y| y.year == 2026).unwrap();
    assert_eq!(corrected.origin, HolidayOrigin::Published);
    assert_eq!(corrected.holidays.len(), seed_2026.holidays.len() + 1);
    let log = audit(&app, &admin).await;
    let publications: Vec<(&str, &str)> = log
        .items
        .iter()
        .filter(|e| e.action == "holidays.publish")
        .map(|e| (e.target_id.as_deref().unwrap(), e.summary.as_str()))
        .collect();
    assert_eq!(
        publications,
        [(
            "2026",
            "holiday ranges: 8 (34 days off), adjusted working days: 6; corrects the seed file's year"
        )]
    );
}

#[tokio::test]
async fn only_administrators_change_settings() {
    let app = staff_app("2026-09-29T10:00:00+08:00").await;
    let admin = login_admin(&app).await;
    let response = create_in_chinese(
        &app,
        &admin,
        json!({"username": "desk", "display_name": "前台", "roles": [Role::Reception],
            "password": PASSWORD}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let desk = login(&app, "desk", PASSWORD).await;
    for (method, path, body) in [
        (Method::GET, "/api/v1/staff/admin/venues".to_owned(), None),
        (
            Method::PUT,
            format!("/api/v1/staff/admin/venues/{CENTER}/booking"),
            Some(json!({})),
        ),
        (Method::GET, "/api/v1/staff/admin/holidays".to_owned(), None),
        (
            Method::PUT,
            "/api/v1/staff/admin/holidays/2027".to_owned(),
            Some(test_2027()),
        ),
    ] {
        let response = call_as_in(&app, method, &path, &desk, body, "zh-CN").await;
        assert_eq!(response.status(), 403, "{path}");
        assert_eq!(error(response).await.code, "staff.forbidden");
    }
    let list: HolidayYearList = get_json(&app, &admin, "/api/v1/staff/admin/holidays").await;
    assert_eq!(list.items.len(), 2, "nothing was published");

    // The accounts list says when each account last logged in.
    let accounts: AccountList = get_json(&app, &admin, "/api/v1/staff/accounts").await;
    let desk = accounts
        .items
        .iter()
        .find(|a| a.username == "desk")
        .unwrap();
    assert_eq!(
        desk.last_login_at.as_deref(),
        Some("2026-09-29T10:00:00+08:00")
    );
    let response = create_in_chinese(
        &app,
        &admin,
        json!({"username": "new", "display_name": "新人", "roles": [Role::CaseHandler],
            "password": PASSWORD}),
    )
    .await;
    let created: StaffAccount = response.json().await.unwrap();
    assert_eq!(created.last_login_at, None);
}
