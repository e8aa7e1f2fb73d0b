//! The booking desk's slots over HTTP (closing a slot or a day, reopening, adding seats) and what
//! the citizens whose bookings are cancelled see and can do, on a clock fixed at Friday
//! 2026-11-20 10:00 in Shanghai (the booking window starts on Monday 2026-11-23).

use portal_domain::api::booking::{Availability, Booking, BookingCreated, BookingSummary};
use portal_domain::api::desk::{Closure, ClosureCreated, DeskSlot, DeskSlots};
use portal_domain::api::staff::Role;
use portal_domain::api::ApiErrorBody;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::citizen::{
    self, availability_ok, booking, booking_summary, cancel, consultation, reschedule,
};
use crate::helpers::{at, TestApp};
use crate::staff_client::{
    audit, call_as, error, login, post, staff_app, staff_named, Session, ADMIN, ADMIN_PASSWORD,
};

const NOW: &str = "2026-11-20T10:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
const HAIAN: &str = "haian-furniture-fast-rights-center";
const TEXTILES: &str = "nantong-home-textiles-fast-rights-center";
const QIDONG: &str = "qidong-power-tools-fast-rights-center";

async fn app() -> TestApp {
    staff_app(NOW).await
}

/// Like `staff_client::staff_with`, but the display name is `前台 {username}` (the tests check
/// it where a closure names who made it).
async fn desk_staff_with(
    app: &TestApp,
    admin: &Session,
    username: &str,
    roles: &[Role],
) -> Session {
    staff_named(app, admin, username, &format!("前台 {username}"), roles).await
}

async fn desk(app: &TestApp) -> (Session, Session) {
    let admin = login(app, ADMIN, ADMIN_PASSWORD).await;
    let desk = desk_staff_with(app, &admin, "desk1", &[Role::Reception]).await;
    (admin, desk)
}

fn field_codes(body: &ApiErrorBody) -> Vec<(&str, &str)> {
    body.fields
        .iter()
        .map(|(f, e)| (f.as_str(), e.code.as_str()))
        .collect()
}

async fn slots(app: &TestApp, s: &Session, venue: &str, date: &str) -> DeskSlots {
    let response = call_as(
        app,
        Method::GET,
        &format!("/api/v1/staff/slots?venue={venue}&date={date}"),
        s,
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn slot<'a>(day: &'a DeskSlots, time: &str) -> &'a DeskSlot {
    day.slots.iter().find(|s| s.time == time).expect("the slot")
}

async fn close(
    app: &TestApp,
    s: &Session,
    venue: &str,
    date: &str,
    time: Option<&str>,
) -> reqwest::Response {
    post(
        app,
        s,
        "/api/v1/staff/closures",
        json!({"venue": venue, "date": date, "start_time": time, "reason": "设备检修"}),
    )
    .await
}

async fn close_ok(
    app: &TestApp,
    s: &Session,
    venue: &str,
    date: &str,
    time: Option<&str>,
) -> ClosureCreated {
    let response = close(app, s, venue, date, time).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn book(
    app: &TestApp,
    venue: &str,
    date: &str,
    time: &str,
    mobile: &str,
) -> reqwest::Response {
    let key = format!("{venue}-{date}-{time}-{mobile}");
    citizen::book(
        app,
        &key,
        &consultation(venue, "patent", date, time, mobile),
    )
    .await
}

async fn book_ok(
    app: &TestApp,
    venue: &str,
    date: &str,
    time: &str,
    mobile: &str,
) -> BookingCreated {
    let response = book(app, venue, date, time, mobile).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{date} {time}");
    response.json().await.unwrap()
}

async fn ics(app: &TestApp, token: &str) -> String {
    app.get(&format!("/api/v1/bookings/{token}/calendar.ics"))
        .await
        .text()
        .await
        .unwrap()
}

/// The times offered on `date` with their free seats.
fn offered(a: &Availability, date: &str) -> Vec<(String, u16)> {
    a.days
        .iter()
        .find(|d| d.date.to_string() == date)
        .map(|d| {
            d.slots
                .iter()
                .map(|s| (s.time.clone(), s.remaining))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn closing_a_slot_cancels_its_bookings_tells_their_holders_and_lets_them_rebook() {
    let app = app().await;
    let (admin, desk) = desk(&app).await;
    let first = book_ok(&app, CENTER, "2026-11-23", "09:00", "13900000001").await;
    let second = book_ok(&app, CENTER, "2026-11-23", "09:00", "13900000002").await;
    let other = book_ok(&app, CENTER, "2026-11-23", "09:30", "13900000003").await;

    let day = slots(&app, &desk, CENTER, "2026-11-23").await;
    assert_eq!(day.venue.id, CENTER);
    assert_eq!(
        day.slots.len(),
        12,
        "09:00–11:30 and 13:30–17:00 in 30 minutes"
    );
    let nine = slot(&day, "09:00");
    assert_eq!((nine.booked, nine.capacity, nine.past), (2, 5, false));
    assert!(nine.closure.is_none());

    let created = close_ok(&app, &desk, CENTER, "2026-11-23", Some("09:00")).await;
    assert_eq!(created.cancelled, 2);
    assert_eq!(created.closure.start_time.as_deref(), Some("09:00"));
    assert_eq!(created.closure.reason, "设备检修");
    assert_eq!(created.closure.closed_by, "前台 desk1");

    // The holder's page says the center cancelled it, and why.
    let seen = booking(&app, &first.manage_token).await;
    assert_eq!(
        seen.status,
        portal_domain::api::booking::BookingStatus::Cancelled
    );
    assert_eq!(seen.sequence, 1);
    assert!(!seen.changeable);
    let why = seen.center_cancellation.expect("cancelled by the center");
    assert_eq!(why.reason, "设备检修");
    assert!(!why.whole_day);
    let calendar = ics(&app, &first.manage_token).await;
    assert!(calendar.contains("METHOD:CANCEL"));
    assert!(calendar.contains("SEQUENCE:1"));
    // So does the lookup by reference and mobile number.
    let found = booking_summary(&app, &second.booking.reference, "13900000002").await;
    assert_eq!(found.center_cancellation.unwrap().reason, "设备检修");
    // The booking of the next slot is untouched.
    let kept = booking(&app, &other.manage_token).await;
    assert_eq!(
        kept.status,
        portal_domain::api::booking::BookingStatus::Confirmed
    );
    assert!(kept.center_cancellation.is_none());

    // The slot is no longer offered, and booking or moving into it is refused with other times.
    let offer = offered(&availability_ok(&app, CENTER, "patent").await, "2026-11-23");
    assert!(!offer.iter().any(|(t, _)| t == "09:00"));
    assert!(offer.contains(&("09:30".to_owned(), 4)));
    let response = book(&app, CENTER, "2026-11-23", "09:00", "13900000004").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "booking.slot_closed");
    let next = body["details"]["next_available"].as_array().unwrap();
    assert!(!next.is_empty());
    assert!(!next
        .iter()
        .any(|o| o["date"] == "2026-11-23" && o["time"] == "09:00"));
    let response = reschedule(&app, &other.manage_token, "2026-11-23", "09:00").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.slot_closed");

    // Closing it again: a stable 409.
    let response = close(&app, &desk, CENTER, "2026-11-23", Some("09:00")).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "staff.already_closed");
    let day = slots(&app, &desk, CENTER, "2026-11-23").await;
    let nine = slot(&day, "09:00");
    assert_eq!(nine.booked, 0);
    assert_eq!(nine.closure.as_ref().unwrap().id, created.closure.id);
    assert!(day.day_closure.is_none());

    // Rebooking: the same booking (reference, link) confirmed again at a new time, whatever the
    // old slot's cut-off, by its link or by reference and mobile number.
    let response = reschedule(&app, &first.manage_token, "2026-11-24", "10:00").await;
    assert_eq!(response.status(), StatusCode::OK);
    let rebooked: Booking = response.json().await.unwrap();
    assert_eq!(rebooked.reference, first.booking.reference);
    assert_eq!(
        rebooked.status,
        portal_domain::api::booking::BookingStatus::Confirmed
    );
    assert_eq!(rebooked.date.to_string(), "2026-11-24");
    assert_eq!(rebooked.start_time, "10:00");
    assert_eq!(rebooked.sequence, 2);
    assert!(rebooked.changeable);
    assert!(rebooked.center_cancellation.is_none());
    let calendar = ics(&app, &first.manage_token).await;
    assert!(calendar.contains("METHOD:PUBLISH"));
    assert!(calendar.contains("SEQUENCE:2"));
    assert!(calendar.contains("DTSTART:20261124T020000Z"));
    let response = app
        .client
        .post(app.url("/api/v1/bookings/lookup/reschedule"))
        .json(&json!({
            "reference": second.booking.reference, "mobile": "13900000002",
            "date": "2026-11-23", "time": "10:00",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let moved: BookingSummary = response.json().await.unwrap();
    assert_eq!(
        moved.status,
        portal_domain::api::booking::BookingStatus::Confirmed
    );
    assert_eq!(moved.start_time, "10:00");

    // A booking its holder cancelled cannot come back this way.
    let response = cancel(&app, &other.manage_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cancelled: Booking = response.json().await.unwrap();
    assert!(cancelled.center_cancellation.is_none());
    let response = reschedule(&app, &other.manage_token, "2026-11-24", "11:00").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.already_cancelled");

    // The audit log names the closure, not the people.
    let log = audit(&app, &admin).await;
    let entry = log
        .items
        .iter()
        .find(|e| e.action == "booking.close")
        .expect("an audit row");
    assert_eq!(entry.actor.as_deref(), Some("desk1"));
    assert_eq!(entry.target_type, "closure");
    assert_eq!(
        entry.target_id.as_deref(),
        Some(created.closure.id.to_string().as_str())
    );
    assert_eq!(
        entry.summary,
        format!("venue={CENTER} date=2026-11-23 slot=09:00 cancelled=2")
    );
    assert!(!entry.summary.contains("李四") && !entry.summary.contains("1390000"));
}

#[tokio::test]
async fn closing_a_whole_day_and_reopening_it() {
    let app = app().await;
    let (admin, desk) = desk(&app).await;
    let morning = book_ok(&app, CENTER, "2026-11-24", "09:00", "13900000011").await;
    let afternoon = book_ok(&app, CENTER, "2026-11-24", "14:00", "13900000012").await;
    let elsewhere = book_ok(&app, TEXTILES, "2026-11-24", "14:00", "13900000013").await;
    let next_day = book_ok(&app, CENTER, "2026-11-25", "14:00", "13900000014").await;

    // An administrator may close too.
    let created = close_ok(&app, &admin, CENTER, "2026-11-24", None).await;
    assert_eq!(created.cancelled, 2);
    assert_eq!(created.closure.start_time, None);
    for token in [&morning.manage_token, &afternoon.manage_token] {
        let seen = booking(&app, token).await;
        assert!(seen.center_cancellation.unwrap().whole_day);
    }
    for token in [&elsewhere.manage_token, &next_day.manage_token] {
        let seen = booking(&app, token).await;
        assert_eq!(
            seen.status,
            portal_domain::api::booking::BookingStatus::Confirmed
        );
    }
    let day = slots(&app, &desk, CENTER, "2026-11-24").await;
    assert_eq!(
        day.day_closure.as_ref().map(|c| c.id),
        Some(created.closure.id)
    );
    assert!(day
        .slots
        .iter()
        .all(|s| s.closure.is_some() && s.booked == 0));
    assert!(offered(&availability_ok(&app, CENTER, "patent").await, "2026-11-24").is_empty());
    assert!(!offered(
        &availability_ok(&app, TEXTILES, "patent").await,
        "2026-11-24"
    )
    .is_empty());

    // Closing a slot of a closed day, or the day again: already closed.
    for time in [Some("10:00"), None] {
        let response = close(&app, &desk, CENTER, "2026-11-24", time).await;
        assert_eq!(response.status(), StatusCode::CONFLICT, "{time:?}");
        assert_eq!(error(response).await.code, "staff.already_closed");
    }

    // Reopening: bookable again; the cancelled bookings stay cancelled (and can be rebooked).
    let path = format!("/api/v1/staff/closures/{}", created.closure.id);
    let response = call_as(&app, Method::DELETE, &path, &desk, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let reopened: Closure = response.json().await.unwrap();
    assert!(reopened.reopened_at.is_some());
    let again: Closure = call_as(&app, Method::DELETE, &path, &desk, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, reopened, "reopening again changes nothing");
    let response = call_as(
        &app,
        Method::DELETE,
        "/api/v1/staff/closures/999999",
        &desk,
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let offer = offered(&availability_ok(&app, CENTER, "patent").await, "2026-11-24");
    assert_eq!(offer.len(), 12);
    assert!(offer.contains(&("09:00".to_owned(), 5)));
    let seen = booking(&app, &morning.manage_token).await;
    assert_eq!(
        seen.status,
        portal_domain::api::booking::BookingStatus::Cancelled
    );
    assert!(seen.center_cancellation.is_some());
    let day = slots(&app, &desk, CENTER, "2026-11-24").await;
    assert!(day.day_closure.is_none());
    assert!(day.slots.iter().all(|s| s.closure.is_none()));
    // The slot can be closed on its own now; nothing left in it to cancel.
    let created_slot = close_ok(&app, &desk, CENTER, "2026-11-24", Some("09:00")).await;
    assert_eq!(created_slot.cancelled, 0);
    // The rebooked person may even take the reopened afternoon again.
    let response = reschedule(&app, &afternoon.manage_token, "2026-11-24", "14:00").await;
    assert_eq!(response.status(), StatusCode::OK);

    let log = audit(&app, &admin).await;
    let actions: Vec<(&str, Option<&str>, &str)> = log
        .items
        .iter()
        .filter(|e| e.target_type == "closure")
        .map(|e| (e.action.as_str(), e.actor.as_deref(), e.summary.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (
                "booking.close",
                Some("desk1"),
                "venue=nantong-ip-protection-center date=2026-11-24 slot=09:00 cancelled=0"
            ),
            (
                "booking.reopen",
                Some("desk1"),
                "venue=nantong-ip-protection-center date=2026-11-24 slot=day"
            ),
            (
                "booking.close",
                Some("admin"),
                "venue=nantong-ip-protection-center date=2026-11-24 slot=day cancelled=2"
            ),
        ]
    );
}

#[tokio::test]
async fn closing_today_leaves_the_bookings_that_have_started() {
    let app = app().await;
    let early = book_ok(&app, CENTER, "2026-11-23", "09:00", "13900000021").await;
    let late = book_ok(&app, CENTER, "2026-11-23", "11:00", "13900000022").await;
    // Monday at 10:00: the 09:00 slot has started.
    app.clock.set(at("2026-11-23T10:00:00+08:00"));
    let (_, desk) = desk(&app).await;
    let response = close(&app, &desk, CENTER, "2026-11-23", Some("09:00")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        field_codes(&error(response).await),
        [("start_time", "staff.slot_past")]
    );
    let created = close_ok(&app, &desk, CENTER, "2026-11-23", None).await;
    assert_eq!(created.cancelled, 1);
    assert_eq!(
        booking(&app, &early.manage_token).await.status,
        portal_domain::api::booking::BookingStatus::Confirmed
    );
    assert_eq!(
        booking(&app, &late.manage_token).await.status,
        portal_domain::api::booking::BookingStatus::Cancelled
    );
    let day = slots(&app, &desk, CENTER, "2026-11-23").await;
    assert!(slot(&day, "09:00").past);
    assert!(!slot(&day, "11:00").past);
}

#[tokio::test]
async fn adding_a_seat_lets_one_more_person_book() {
    let app = app().await;
    let (admin, desk) = desk(&app).await;
    // 海安 has 2 seats a slot.
    book_ok(&app, HAIAN, "2026-11-23", "10:00", "13900000031").await;
    book_ok(&app, HAIAN, "2026-11-23", "10:00", "13900000032").await;
    let response = book(&app, HAIAN, "2026-11-23", "10:00", "13900000033").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.slot_full");

    let seats = |add: Value| {
        post(
            &app,
            &desk,
            "/api/v1/staff/slots/seats",
            json!({"venue": HAIAN, "date": "2026-11-23", "start_time": "10:00", "add": add}),
        )
    };
    let response = seats(json!(1)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let slot: DeskSlot = response.json().await.unwrap();
    assert_eq!(
        (slot.seats, slot.extra_seats, slot.capacity, slot.booked),
        (2, 1, 3, 2)
    );
    assert!(
        offered(&availability_ok(&app, HAIAN, "patent").await, "2026-11-23")
            .contains(&("10:00".to_owned(), 1))
    );
    book_ok(&app, HAIAN, "2026-11-23", "10:00", "13900000033").await;
    let response = book(&app, HAIAN, "2026-11-23", "10:00", "13900000034").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.slot_full");
    // Moving into it needs a free seat too: none now.
    let elsewhere = book_ok(&app, HAIAN, "2026-11-23", "10:30", "13900000035").await;
    let response = reschedule(&app, &elsewhere.manage_token, "2026-11-23", "10:00").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    // 1 to 20 at a time, at most 50 in a slot.
    for (add, code) in [
        (json!(0), "staff.seats_range"),
        (json!(21), "staff.seats_range"),
        (json!(null), "staff.seats_missing"),
    ] {
        let response = seats(add).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(field_codes(&error(response).await), [("add", code)]);
    }
    for _ in 0..2 {
        assert_eq!(seats(json!(20)).await.status(), StatusCode::OK);
    }
    let response = seats(json!(8)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(field_codes(&body), [("add", "staff.seats_over_limit")]);
    assert!(body.fields["add"].message.contains("还能增加 7 个"));
    let full: DeskSlot = seats(json!(7)).await.json().await.unwrap();
    assert_eq!(full.capacity, 50);
    assert_eq!(
        field_codes(&error(seats(json!(1)).await).await),
        [("add", "staff.seats_over_limit")]
    );

    let log = audit(&app, &admin).await;
    let added: Vec<(&str, Option<&str>)> = log
        .items
        .iter()
        .filter(|e| e.action == "booking.add_seats")
        .map(|e| (e.summary.as_str(), e.target_id.as_deref()))
        .collect();
    let target = format!("{HAIAN}@2026-11-23T10:00");
    assert_eq!(
        added,
        [
            ("added=7 capacity=50", Some(target.as_str())),
            ("added=20 capacity=43", Some(target.as_str())),
            ("added=20 capacity=23", Some(target.as_str())),
            ("added=1 capacity=3", Some(target.as_str())),
        ]
    );
}

#[tokio::test]
async fn closures_and_seats_name_each_bad_field() {
    let app = app().await;
    let (admin, desk) = desk(&app).await;
    let closure = |body: Value| post(&app, &desk, "/api/v1/staff/closures", body);

    let response = closure(json!({})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    assert_eq!(
        field_codes(&body),
        [
            ("date", "date.empty"),
            ("reason", "staff.closure_reason_missing"),
            ("venue", "staff.venue_missing"),
        ]
    );
    let cases = [
        (
            json!({"venue": "no-such-venue", "date": "2026-11-23", "reason": "x"}),
            ("venue", "staff.venue_unknown"),
        ),
        (
            json!({"venue": QIDONG, "date": "2026-11-23", "reason": "x"}),
            ("venue", "staff.venue_not_bookable"),
        ),
        (
            json!({"venue": CENTER, "date": "2026-11-19", "reason": "x"}),
            ("date", "staff.date_past"),
        ),
        (
            json!({"venue": CENTER, "date": "2026-11-21", "reason": "x"}),
            ("date", "staff.not_working_day"),
        ),
        (
            json!({"venue": CENTER, "date": "2026-11-20", "start_time": "09:30", "reason": "x"}),
            ("start_time", "staff.slot_past"),
        ),
        (
            json!({"venue": CENTER, "date": "2026-11-23", "start_time": "09:10", "reason": "x"}),
            ("start_time", "staff.not_a_slot"),
        ),
        (
            json!({"venue": CENTER, "date": "2026-11-23", "start_time": "09:00", "reason": "很".repeat(201)}),
            ("reason", "staff.closure_reason_too_long"),
        ),
    ];
    for (body, expected) in cases {
        let response = closure(body.clone()).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(field_codes(&error(response).await), [expected], "{body}");
    }
    // The messages follow the language asked for.
    let response = app
        .client
        .post(app.url("/api/v1/staff/closures"))
        .header("Cookie", &desk.cookie)
        .header("X-CSRF-Token", &desk.csrf)
        .header("Accept-Language", "en")
        .json(
            &json!({"venue": CENTER, "date": "2026-11-23", "start_time": "09:00", "reason": "  "}),
        )
        .send()
        .await
        .unwrap();
    let body = error(response).await;
    assert_eq!(
        body.fields["reason"].message,
        "Enter the reason: the people whose bookings are cancelled see it on their booking page."
    );
    // Nothing was closed by any of these.
    let day = slots(&app, &desk, CENTER, "2026-11-23").await;
    assert!(day.slots.iter().all(|s| s.closure.is_none()));
    let log = audit(&app, &admin).await;
    assert!(!log.items.iter().any(|e| e.target_type == "closure"));

    // Seats: the same checks of the slot.
    let response = post(
        &app,
        &desk,
        "/api/v1/staff/slots/seats",
        json!({"venue": CENTER, "date": "2026-11-20", "start_time": "09:00", "add": 1}),
    )
    .await;
    assert_eq!(
        field_codes(&error(response).await),
        [("start_time", "staff.slot_past")]
    );

    // The day's slots: a venue is needed; a day off has none; today is the default.
    let response = call_as(&app, Method::GET, "/api/v1/staff/slots", &desk, None).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        field_codes(&error(response).await),
        [("venue", "staff.venue_missing")]
    );
    let weekend = slots(&app, &desk, CENTER, "2026-11-21").await;
    assert!(weekend.slots.is_empty());
    let today: DeskSlots = call_as(
        &app,
        Method::GET,
        &format!("/api/v1/staff/slots?venue={CENTER}"),
        &desk,
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(today.date.to_string(), "2026-11-20");
    assert!(slot(&today, "09:30").past);
    assert!(!slot(&today, "10:30").past);
}

#[tokio::test]
async fn case_handlers_cannot_close_slots() {
    let app = app().await;
    let (admin, _) = desk(&app).await;
    let handler = desk_staff_with(&app, &admin, "handler1", &[Role::CaseHandler]).await;
    let response = call_as(
        &app,
        Method::GET,
        &format!("/api/v1/staff/slots?venue={CENTER}&date=2026-11-23"),
        &handler,
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = close(&app, &handler, CENTER, "2026-11-23", Some("09:00")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(response).await.code, "staff.forbidden");
    // The administrator may.
    assert_eq!(
        slots(&app, &admin, CENTER, "2026-11-23").await.slots.len(),
        12
    );
}
