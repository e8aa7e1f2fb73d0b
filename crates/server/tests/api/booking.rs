//! Consultation booking over HTTP, on a clock fixed at Monday 2026-09-21 09:00 in Shanghai, so
//! no test depends on today's date. Around it in the official calendar: 中秋节 09-25..27 and
//! 国庆节 10-01..07 off, Saturday 10-10 a working day (调休); the 15-working-day window is
//! 09-22 … 10-19.

use std::collections::{BTreeMap, HashSet};

use portal_domain::api::booking::{
    Availability, Booking, BookingCreated, BookingReference, BookingSummary, BookingVenueList,
    TopicList,
};
use portal_domain::api::ApiErrorBody;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::binary::Binary;
use crate::citizen::{
    self, availability_ok, book, book_ok, booking_request, booking_summary, cancel, post,
    reschedule, reschedule_request,
};
use crate::helpers::{at, error, spawn_app_at, spawn_hall_app_at, TestApp};

const NOW: &str = "2026-09-21T09:00:00+08:00";
const CENTER: &str = "nantong-ip-protection-center";
const TEXTILES: &str = "nantong-home-textiles-fast-rights-center";
const QIDONG: &str = "qidong-power-tools-fast-rights-center";
const MOBILE: &str = "13812345678";

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

#[tokio::test]
async fn the_full_journey_from_topics_to_cancellation() {
    let app = spawn_app_at(NOW).await;

    // Topics, with what to bring.
    let topics: TopicList = app
        .get("/api/v1/booking/topics")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<_> = topics.items.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "patent",
            "trademark",
            "copyright",
            "geographical-indication",
            "trade-secret",
            "overseas-ip",
            "rights-assistance",
            "ip-finance",
            "policy"
        ]
    );
    assert!(topics.items[5].name_zh.contains("知联侨"));
    for topic in &topics.items {
        assert!(!topic.what_to_bring_zh.is_empty(), "{}", topic.id);
        assert_eq!(topic.what_to_bring_zh.len(), topic.what_to_bring_en.len());
    }

    // Venues for a topic: only the center offers GIs; Qidong is listed but not bookable.
    let venues: BookingVenueList = app
        .get("/api/v1/booking/venues?topic=geographical-indication")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<_> = venues.items.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, [CENTER]);
    let venues: BookingVenueList = app
        .get("/api/v1/booking/venues?topic=patent")
        .await
        .json()
        .await
        .unwrap();
    let bookable: BTreeMap<_, _> = venues
        .items
        .iter()
        .map(|v| (v.id.as_str(), v.bookable))
        .collect();
    assert_eq!(
        bookable,
        BTreeMap::from([
            (CENTER, true),
            (TEXTILES, true),
            ("haian-furniture-fast-rights-center", true),
            (QIDONG, false),
        ])
    );
    for venue in &venues.items {
        assert!(!venue.defaults_confirmed, "shipped hours are defaults");
        assert!(!venue.opening_hours.is_empty());
    }
    let center = &venues.items[0];
    assert_eq!((center.slot_minutes, center.seats_per_slot), (30, 5));

    // Availability: 15 working days from tomorrow, 12 half-hour slots a day, all free.
    let open = availability_ok(&app, CENTER, "patent").await;
    assert_eq!(open.today.to_string(), "2026-09-21");
    assert!(!open.defaults_confirmed);
    assert_eq!(open.days.len(), 15);
    assert_eq!(open.days[0].date.to_string(), "2026-09-22");
    assert_eq!(open.days[14].date.to_string(), "2026-10-19");
    assert_eq!(open.unpublished_year, None);
    let times: Vec<_> = open.days[0].slots.iter().map(|s| s.time.as_str()).collect();
    assert_eq!(
        times,
        [
            "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00",
            "15:30", "16:00", "16:30"
        ]
    );
    assert!(open
        .days
        .iter()
        .all(|d| d.slots.iter().all(|s| s.remaining == 5)));

    // Book.
    let created = book_ok(&app, "journey-1", &request("2026-09-22", "09:00", MOBILE)).await;
    let token = created.manage_token.clone();
    assert_eq!(token.len(), 43);
    assert!(token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let booking = &created.booking;
    assert_eq!(booking.reference.len(), 9);
    assert_eq!(&booking.reference[4..5], "-");
    assert!(!booking.reference.contains(['0', 'O', '1', 'I', 'L']));
    assert_eq!(booking.date.to_string(), "2026-09-22");
    assert_eq!(
        (booking.start_time.as_str(), booking.end_time.as_str()),
        ("09:00", "09:30")
    );
    assert_eq!(booking.starts_at, "2026-09-22T09:00:00+08:00");
    assert_eq!(booking.ends_at, "2026-09-22T09:30:00+08:00");
    assert_eq!(booking.venue.id, CENTER);
    assert_eq!(booking.topic.name_zh, "专利");
    assert!(booking.what_to_bring_zh[0].contains("身份证件"));
    assert_eq!(booking.name, "张三", "the holder sees the name");
    assert_eq!(booking.mobile, "138****5678", "the mobile stays masked");
    assert!(booking.wheelchair_access);
    assert_eq!(booking.sequence, 0);
    assert!(booking.changeable);
    assert_eq!(booking.change_deadline, "2026-09-22T07:00:00+08:00");
    assert!(!booking.defaults_confirmed);
    assert_eq!(remaining(&app, "2026-09-22", "09:00").await, 4);

    // The manage link shows it.
    let shown = citizen::booking(&app, &token).await;
    assert_eq!(&shown, booking);

    // Reschedule: same reference, same token, sequence 1; the seats follow.
    let response = reschedule(&app, &token, "2026-09-23", "14:00").await;
    assert_eq!(response.status(), 200);
    let moved: Booking = response.json().await.unwrap();
    assert_eq!(moved.reference, booking.reference);
    assert_eq!(moved.date.to_string(), "2026-09-23");
    assert_eq!(moved.start_time, "14:00");
    assert_eq!(moved.starts_at, "2026-09-23T14:00:00+08:00");
    assert_eq!(moved.sequence, 1);
    assert_eq!(remaining(&app, "2026-09-22", "09:00").await, 5);
    assert_eq!(remaining(&app, "2026-09-23", "14:00").await, 4);
    assert_eq!(citizen::booking(&app, &token).await, moved);
    // The same reschedule again (a retry) changes nothing.
    let again: Booking = reschedule(&app, &token, "2026-09-23", "14:00")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, moved);

    // Cancel: the seat is free again; cancelling twice is harmless.
    let response = cancel(&app, &token).await;
    assert_eq!(response.status(), 200);
    let cancelled: Booking = response.json().await.unwrap();
    assert_eq!(
        serde_json::to_value(cancelled.status).unwrap(),
        json!("cancelled")
    );
    assert_eq!(cancelled.sequence, 2);
    assert!(!cancelled.changeable);
    assert_eq!(remaining(&app, "2026-09-23", "14:00").await, 5);
    let twice: Booking = cancel(&app, &token).await.json().await.unwrap();
    assert_eq!(twice.sequence, 2);

    // A cancelled booking cannot be moved.
    let response = reschedule(&app, &token, "2026-09-24", "09:00").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "booking.already_cancelled");
}

#[tokio::test]
async fn a_retried_booking_gets_the_same_answer_and_never_a_second_seat() {
    let app = spawn_app_at(NOW).await;
    let body = request("2026-09-22", "09:00", MOBILE);

    let first = book(&app, "key-1", &body).await;
    assert_eq!(first.status(), 201);
    let first = first.text().await.unwrap();
    // A double click, a retry after a timeout, a reload: the same key and body.
    let second = book(&app, "key-1", &body).await;
    assert_eq!(second.status(), 201);
    assert_eq!(second.text().await.unwrap(), first, "the very same answer");
    // The same booking typed differently is the same body.
    let mut retyped = body.clone();
    retyped["mobile"] = json!("+86 138-1234-5678");
    retyped["name"] = json!("  张三 ");
    let third = book(&app, "key-1", &retyped).await;
    assert_eq!(third.status(), 201);
    assert_eq!(third.text().await.unwrap(), first);
    assert_eq!(remaining(&app, "2026-09-22", "09:00").await, 4);

    // Retries racing each other: one booking.
    let racing_body = request("2026-09-22", "10:00", &mobile(1));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let attempt = booking_request(&app, "key-racing", &racing_body);
        tasks.spawn(async move {
            let response = attempt.send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        });
    }
    let answers: Vec<_> = tasks.join_all().await;
    assert!(answers.iter().all(|(status, _)| *status == 201));
    let bodies: HashSet<_> = answers.iter().map(|(_, body)| body.as_str()).collect();
    assert_eq!(bodies.len(), 1, "every retry got the first answer");
    assert_eq!(remaining(&app, "2026-09-22", "10:00").await, 4);

    // The same key for another booking is refused, clearly.
    let other = request("2026-09-22", "09:30", MOBILE);
    let response = book(&app, "key-1", &other).await;
    assert_eq!(response.status(), 422);
    let body = error(response).await;
    assert_eq!(body.code, "booking.idempotency_key_reused");
    assert!(body.message.contains("Idempotency-Key"));
    assert_eq!(remaining(&app, "2026-09-22", "09:30").await, 5);

    // No key, or a key that is not a short printable token.
    let response = app
        .client
        .post(app.url("/api/v1/bookings"))
        .json(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.code,
        "booking.idempotency_key_missing"
    );
    for key in ["x".repeat(129), " ".to_owned()] {
        let response = book(&app, &key, &other).await;
        assert_eq!(response.status(), 400);
        assert_eq!(
            error(response).await.code,
            "booking.idempotency_key_invalid"
        );
    }
}

#[tokio::test]
async fn forty_concurrent_attempts_on_a_five_seat_slot_confirm_exactly_five() {
    let app = spawn_app_at(NOW).await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..40 {
        let attempt = booking_request(
            &app,
            &format!("race-{i}"),
            &request("2026-09-24", "10:30", &mobile(i)),
        );
        tasks.spawn(async move {
            let response = attempt.send().await.unwrap();
            let status = response.status();
            (status, response.json::<Value>().await.unwrap())
        });
    }
    let answers = tasks.join_all().await;
    let count = |status: u16| answers.iter().filter(|(s, _)| s.as_u16() == status).count();
    assert_eq!(count(201), 5);
    assert_eq!(count(409), 35);
    assert_eq!(
        answers.iter().filter(|(s, _)| s.is_server_error()).count(),
        0
    );

    for (_, body) in answers.iter().filter(|(s, _)| *s == 409) {
        assert_eq!(body["code"], "booking.slot_full");
        let offers = body["details"]["next_available"].as_array().unwrap();
        assert_eq!(offers.len(), 5);
        // The next free slots after the full one, in order.
        assert_eq!(offers[0]["date"], "2026-09-24");
        assert_eq!(offers[0]["time"], "11:00");
        assert_eq!(offers[1]["time"], "13:30");
        assert!(offers.iter().all(|o| o["remaining"].as_u64().unwrap() > 0));
    }
    assert_eq!(remaining(&app, "2026-09-24", "10:30").await, 0);

    // The database agrees: five confirmed bookings on five different seats.
    let pool = app.database().await;
    let seats: Vec<i64> = sqlx::query_scalar(
        "SELECT seat FROM bookings WHERE status = 'confirmed' AND date = '2026-09-24' \
         AND start_time = '10:30' ORDER BY seat",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(seats, [1, 2, 3, 4, 5]);

    // And refuses a second confirmed booking on a held seat, whoever writes it (the server maps
    // this message to a 409 should it ever happen).
    let duplicate = sqlx::query(
        "INSERT INTO bookings (reference, token_hash, venue_id, topic_id, date, start_time, \
         end_time, starts_at, ends_at, seat, status, name, mobile, wheelchair_access, \
         sign_language_interpreter, for_someone_else, created_at, updated_at) \
         SELECT 'ZZZZZZZZ', x'00', venue_id, topic_id, date, start_time, end_time, starts_at, \
         ends_at, seat, 'confirmed', name, mobile, 0, 0, 0, created_at, updated_at \
         FROM bookings WHERE status = 'confirmed' AND start_time = '10:30' AND seat = 1",
    )
    .execute(&pool)
    .await
    .unwrap_err();
    let duplicate = duplicate.into_database_error().unwrap();
    assert!(duplicate.is_unique_violation());
    assert!(duplicate.message().contains("bookings.seat"), "{duplicate}");
}

#[tokio::test]
async fn reschedules_racing_new_bookings_for_the_last_seat_never_overbook() {
    let app = spawn_hall_app_at(NOW).await;
    // Four of the five seats at 10:00 are taken.
    for i in 0..4 {
        book_ok(
            &app,
            &format!("fill-{i}"),
            &request("2026-09-22", "10:00", &mobile(i)),
        )
        .await;
    }
    // Five bookings elsewhere that will try to move to 10:00.
    let mut movers = Vec::new();
    for i in 0..5 {
        let created = book_ok(
            &app,
            &format!("mover-{i}"),
            &request("2026-09-23", "15:00", &mobile(100 + i)),
        )
        .await;
        movers.push(created.manage_token);
    }

    let mut tasks = tokio::task::JoinSet::new();
    for (i, token) in movers.iter().enumerate() {
        let attempt = reschedule_request(&app, token, "2026-09-22", "10:00");
        tasks.spawn(async move {
            let response = attempt.send().await.unwrap();
            ("move", i, response.status())
        });
    }
    for i in 0..5 {
        let attempt = booking_request(
            &app,
            &format!("new-{i}"),
            &request("2026-09-22", "10:00", &mobile(200 + i)),
        );
        tasks.spawn(async move {
            let response = attempt.send().await.unwrap();
            ("book", i, response.status())
        });
    }
    let answers = tasks.join_all().await;
    let won: Vec<_> = answers.iter().filter(|(_, _, s)| s.is_success()).collect();
    assert_eq!(won.len(), 1, "exactly one took the last seat: {answers:?}");
    assert!(answers
        .iter()
        .all(|(_, _, s)| s.is_success() || *s == StatusCode::CONFLICT));
    assert_eq!(remaining(&app, "2026-09-22", "10:00").await, 0);

    // A move that lost left its booking where it was, untouched.
    for (i, token) in movers.iter().enumerate() {
        let booking = citizen::booking(&app, token).await;
        let moved = won.iter().any(|(kind, j, _)| *kind == "move" && *j == i);
        if moved {
            assert_eq!(
                (booking.start_time.as_str(), booking.sequence),
                ("10:00", 1)
            );
        } else {
            assert_eq!(
                (booking.start_time.as_str(), booking.sequence),
                ("15:00", 0)
            );
        }
    }
    let moved_away = usize::from(won[0].0 == "move");
    assert_eq!(
        remaining(&app, "2026-09-23", "15:00").await as usize,
        moved_away,
        "a successful move released its old seat"
    );
}

#[tokio::test]
async fn cancelling_and_moving_close_two_hours_before_the_start() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "late", &request("2026-09-22", "09:00", MOBILE)).await;
    let token = created.manage_token;

    // One second after 07:00 on the day: too late, online.
    app.clock.set(at("2026-09-22T07:00:01+08:00"));
    assert!(!citizen::booking(&app, &token).await.changeable);
    let response = cancel(&app, &token).await;
    assert_eq!(response.status(), 409);
    let body = error(response).await;
    assert_eq!(body.code, "booking.cancel_too_late");
    assert!(body.message.contains("2 小时"));
    let response = reschedule(&app, &token, "2026-09-23", "09:00").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "booking.change_too_late");
    // Nothing changed.
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(
        (booking.sequence, booking.start_time.as_str()),
        (0, "09:00")
    );

    // At 07:00 exactly it still can be cancelled.
    app.clock.set(at("2026-09-22T07:00:00+08:00"));
    assert!(citizen::booking(&app, &token).await.changeable);
    assert_eq!(cancel(&app, &token).await.status(), 200);
}

#[tokio::test]
async fn one_mobile_number_holds_at_most_three_upcoming_bookings() {
    let app = spawn_app_at(NOW).await;
    let mut tokens = Vec::new();
    for (i, (date, time)) in [
        ("2026-09-22", "09:00"),
        ("2026-09-23", "09:00"),
        ("2026-09-24", "09:00"),
    ]
    .iter()
    .enumerate()
    {
        let created = book_ok(&app, &format!("limit-{i}"), &request(date, time, MOBILE)).await;
        tokens.push(created.manage_token);
    }

    // The fourth, even written differently, is refused on the mobile field.
    let fourth = request("2026-09-28", "09:00", "+86 138 1234 5678");
    let response = book(&app, "limit-3", &fourth).await;
    assert_eq!(response.status(), 409);
    let body = error(response).await;
    assert_eq!(body.code, "booking.mobile_unavailable");
    assert_eq!(body.fields["mobile"].code, "booking.mobile_unavailable");
    assert!(body.fields["mobile"].message.contains("3 个"));
    let response = booking_request(&app, "limit-3-en", &fourth)
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    let body = error(response).await;
    assert!(body.fields["mobile"]
        .message
        .contains("3 upcoming bookings"));
    assert_eq!(remaining(&app, "2026-09-28", "09:00").await, 5);

    // Another number is not affected.
    book_ok(&app, "other", &request("2026-09-28", "09:00", &mobile(7))).await;

    // Cancelling one frees a place …
    assert_eq!(cancel(&app, &tokens[1]).await.status(), 200);
    book_ok(&app, "limit-4", &fourth).await;
    let fifth = request("2026-09-29", "09:00", MOBILE);
    assert_eq!(book(&app, "limit-5", &fifth).await.status(), 409);
    // … and so does a consultation that has started: it is no longer upcoming.
    app.clock.set(at("2026-09-22T09:00:01+08:00"));
    book_ok(&app, "limit-6", &fifth).await;

    // Nobody can be in two places at once.
    let clash = json!({
        "venue": TEXTILES, "topic": "patent", "date": "2026-09-29", "time": "09:00",
        "name": "张三", "mobile": mobile(8),
    });
    book_ok(&app, "clash-1", &clash).await;
    let mut same_time = request("2026-09-29", "09:00", &mobile(8));
    same_time["venue"] = json!(CENTER);
    let response = book(&app, "clash-2", &same_time).await;
    assert_eq!(response.status(), 409);
    let body = error(response).await;
    assert_eq!(body.code, "booking.mobile_unavailable");
    assert_eq!(body.fields["mobile"].code, "booking.mobile_unavailable");
}

#[tokio::test]
async fn lookup_by_reference_and_mobile_leaks_nothing() {
    let app = spawn_app_at(NOW).await;
    let mut body = request("2026-09-22", "09:00", MOBILE);
    body["name"] = json!("张三丰");
    body["organisation"] = json!("南通某某家纺有限公司");
    body["uscc"] = json!("91110000600037341L");
    let created = book_ok(&app, "lookup", &body).await;
    let reference = created.booking.reference.clone();

    // The holder sees the name; mobile and USCC stay masked.
    let raw = app
        .get(&format!("/api/v1/bookings/{}", created.manage_token))
        .await;
    assert_eq!(raw.headers()["cache-control"], "no-store");
    let raw = raw.text().await.unwrap();
    assert!(raw.contains("张三丰"));
    assert!(raw.contains("138****5678") && !raw.contains(MOBILE));
    assert!(raw.contains("91************341L") && !raw.contains("91110000600037341L"));

    // Reference (typed loosely) + the right mobile: masked summary, no manage token.
    let loose = reference.to_lowercase().replace('-', " ");
    let response = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": loose, "mobile": "138 1234 5678"}),
    )
    .await;
    assert_eq!(response.status(), 200);
    let raw = response.text().await.unwrap();
    for secret in [
        MOBILE,
        "张三丰",
        "三丰",
        "91110000600037341L",
        "南通某某家纺有限公司",
        "外观设计",
        created.manage_token.as_str(),
    ] {
        assert!(!raw.contains(secret), "{secret} leaked: {raw}");
    }
    let summary: BookingSummary = serde_json::from_str(&raw).unwrap();
    assert_eq!(summary.reference, reference);
    assert_eq!(summary.name, "张**");
    assert_eq!(summary.mobile, "138****5678");
    assert_eq!(summary.start_time, "09:00");
    let raw: Value = serde_json::from_str(&raw).unwrap();
    assert!(raw.get("manage_token").is_none() && raw.get("description").is_none());

    // A wrong mobile and an unknown reference give the very same 404.
    let wrong_mobile = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": reference, "mobile": mobile(1)}),
    )
    .await;
    let unknown = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": "2222-2222", "mobile": MOBILE}),
    )
    .await;
    assert_eq!(wrong_mobile.status(), 404);
    assert_eq!(unknown.status(), 404);
    assert_eq!(
        wrong_mobile.text().await.unwrap(),
        unknown.text().await.unwrap()
    );

    // Malformed input is a field message, not a probe.
    let response = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": "K0QX-M2PD", "mobile": "12345"}),
    )
    .await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["reference"].code, "booking.reference_format");
    assert_eq!(body.fields["mobile"].code, "mobile_number.wrong_length");

    // A wrong or malformed manage token is an ordinary 404.
    for token in [
        "A".repeat(43),
        "short".to_owned(),
        "%E5%BC%A0".to_owned(),
        format!("{}x", created.manage_token),
    ] {
        for path in ["", "/calendar.ics"] {
            let response = app.get(&format!("/api/v1/bookings/{token}{path}")).await;
            assert_eq!(response.status(), 404, "{token}{path}");
            assert_eq!(error(response).await.code, "not_found");
        }
        assert_eq!(cancel(&app, &token).await.status(), 404);
    }
}

// ---------------------------------------------------------------------------------------------
// Changing and cancelling by reference + mobile number
// ---------------------------------------------------------------------------------------------

const LOOKUP_RESCHEDULE: &str = "/api/v1/bookings/lookup/reschedule";
const LOOKUP_CANCEL: &str = "/api/v1/bookings/lookup/cancel";

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

/// The summary says what the manage link says (apart from what it masks or leaves out).
fn assert_same_booking(summary: &BookingSummary, booking: &Booking) {
    assert_eq!(summary.reference, booking.reference);
    assert_eq!(summary.status, booking.status);
    assert_eq!(summary.venue, booking.venue);
    assert_eq!(summary.venue_address, booking.venue_address);
    assert_eq!(summary.topic, booking.topic);
    assert_eq!(summary.date, booking.date);
    assert_eq!(
        (&summary.start_time, &summary.end_time),
        (&booking.start_time, &booking.end_time)
    );
    assert_eq!(
        (&summary.starts_at, &summary.ends_at),
        (&booking.starts_at, &booking.ends_at)
    );
    assert_eq!(summary.mobile, booking.mobile);
    assert_eq!(summary.sequence, booking.sequence);
    assert_eq!(summary.changeable, booking.changeable);
    assert_eq!(summary.change_deadline, booking.change_deadline);
    assert_eq!(summary.defaults_confirmed, booking.defaults_confirmed);
}

#[tokio::test]
async fn a_booking_is_moved_and_cancelled_by_reference_and_mobile_and_the_manage_link_follows() {
    let app = spawn_app_at(NOW).await;
    // The seeded venues have no address yet; give the center one to see it come through.
    let pool = app.database().await;
    sqlx::query("UPDATE venues SET address = '南通市崇川区某某路 1 号' WHERE id = ?")
        .bind(CENTER)
        .execute(&pool)
        .await
        .unwrap();
    let mut body = request("2026-09-22", "09:00", MOBILE);
    body["name"] = json!("张三丰");
    body["organisation"] = json!("南通某某家纺有限公司");
    body["uscc"] = json!("91110000600037341L");
    body["other_adjustments"] = json!("需要放大镜");
    let created = book_ok(&app, "by-reference", &body).await;
    let token = created.manage_token.clone();
    let reference = created.booking.reference.clone();
    let secrets = [
        MOBILE,
        "张三丰",
        "三丰",
        "91110000600037341L",
        "南通某某家纺有限公司",
        "外观设计",
        "放大镜",
        token.as_str(),
    ];
    let first_ics = ics(&app, &token).await;
    let uid = ics_value(&first_ics, "UID").to_owned();

    // The lookup now says whether and until when it can be changed.
    let found = booking_summary(&app, &reference, MOBILE).await;
    assert_eq!(
        found.venue_address.as_deref(),
        Some("南通市崇川区某某路 1 号")
    );
    assert_eq!(found.sequence, 0);
    assert!(found.changeable);
    assert_eq!(found.change_deadline, "2026-09-22T07:00:00+08:00");
    assert!(!found.defaults_confirmed);
    assert_same_booking(&found, &citizen::booking(&app, &token).await);

    // Move it, typing the reference and the number loosely.
    let loose = reference.to_lowercase().replace('-', " ");
    let response =
        reschedule_by_reference(&app, &loose, "+86 138 1234 5678", "2026-09-23", "14:00").await;
    let moved = summary_ok(response, &secrets).await;
    assert_eq!(moved.reference, reference);
    assert_eq!(moved.date.to_string(), "2026-09-23");
    assert_eq!(
        (moved.start_time.as_str(), moved.end_time.as_str()),
        ("14:00", "14:30")
    );
    assert_eq!(moved.starts_at, "2026-09-23T14:00:00+08:00");
    assert_eq!(moved.sequence, 1);
    assert!(moved.changeable);
    assert_eq!(moved.change_deadline, "2026-09-23T12:00:00+08:00");
    assert_eq!(
        (moved.name.as_str(), moved.mobile.as_str()),
        ("张**", "138****5678")
    );
    assert_eq!(remaining(&app, "2026-09-22", "09:00").await, 5);
    assert_eq!(remaining(&app, "2026-09-23", "14:00").await, 4);
    assert_eq!(booking_summary(&app, &reference, MOBILE).await, moved);

    // The manage link opens the same booking at its new time, and the calendar file updates.
    let managed = citizen::booking(&app, &token).await;
    assert_same_booking(&moved, &managed);
    assert_eq!(managed.name, "张三丰");
    let moved_ics = ics(&app, &token).await;
    assert_eq!(ics_value(&moved_ics, "UID"), uid);
    assert_eq!(ics_value(&moved_ics, "SEQUENCE"), "1");
    assert_eq!(ics_value(&moved_ics, "DTSTART"), "20260923T060000Z");

    // A retry of the same move changes nothing.
    let again = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "14:00").await;
    assert_eq!(summary_ok(again, &secrets).await, moved);
    assert_eq!(citizen::booking(&app, &token).await.sequence, 1);
    assert_eq!(remaining(&app, "2026-09-23", "14:00").await, 4);

    // The two ways mix: a move by the manage link shows in the lookup, and back.
    let by_token: Booking = reschedule(&app, &token, "2026-09-24", "10:00")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_token.sequence, 2);
    assert_same_booking(&booking_summary(&app, &reference, MOBILE).await, &by_token);

    // Cancel by reference: the seat is free at once; a second cancel is harmless.
    let response = cancel_by_reference(&app, &loose, "138-1234-5678").await;
    let cancelled = summary_ok(response, &secrets).await;
    assert_eq!(
        serde_json::to_value(cancelled.status).unwrap(),
        json!("cancelled")
    );
    assert_eq!(cancelled.sequence, 3);
    assert!(!cancelled.changeable);
    assert_eq!(cancelled.start_time, "10:00");
    assert_eq!(remaining(&app, "2026-09-24", "10:00").await, 5);
    let twice = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(summary_ok(twice, &secrets).await, cancelled);
    assert_eq!(cancel(&app, &token).await.status(), 200, "by token too");

    // The manage link shows it cancelled; the calendar file cancels the event.
    let managed = citizen::booking(&app, &token).await;
    assert_same_booking(&cancelled, &managed);
    let cancelled_ics = ics(&app, &token).await;
    assert_eq!(ics_value(&cancelled_ics, "UID"), uid);
    assert_eq!(ics_value(&cancelled_ics, "SEQUENCE"), "3");
    assert_eq!(ics_value(&cancelled_ics, "METHOD"), "CANCEL");
    assert_eq!(ics_value(&cancelled_ics, "STATUS"), "CANCELLED");

    // A cancelled booking cannot be moved, whichever way is asked: the very same answer.
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-28", "09:00").await;
    assert_eq!(response.status(), 409);
    let by_reference = response.text().await.unwrap();
    let response = reschedule(&app, &token, "2026-09-28", "09:00").await;
    assert_eq!(response.status(), 409);
    assert_eq!(response.text().await.unwrap(), by_reference);
    let body: ApiErrorBody = serde_json::from_str(&by_reference).unwrap();
    assert_eq!(body.code, "booking.already_cancelled");
    assert_eq!(remaining(&app, "2026-09-28", "09:00").await, 5);
}

#[tokio::test]
async fn changes_by_reference_are_refused_exactly_as_changes_by_the_manage_link() {
    let app = spawn_hall_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);
    // The slot it would move to is full …
    for i in 0..5 {
        book_ok(
            &app,
            &format!("full-{i}"),
            &request("2026-09-24", "10:30", &mobile(i)),
        )
        .await;
    }
    // … and the same number has a booking elsewhere at 09-23 09:00.
    let elsewhere = json!({
        "venue": TEXTILES, "topic": "patent", "date": "2026-09-23", "time": "09:00",
        "name": "张三", "mobile": MOBILE,
    });
    book_ok(&app, "elsewhere", &elsewhere).await;

    let both = |date: &'static str, time: &'static str| {
        let (app, token, reference) = (&app, &token, &reference);
        async move {
            let by_reference = reschedule_by_reference(app, reference, MOBILE, date, time).await;
            let by_token = reschedule(app, token, date, time).await;
            let status = by_reference.status();
            assert_eq!(by_token.status(), status, "{date} {time}");
            let text = by_reference.text().await.unwrap();
            assert_eq!(by_token.text().await.unwrap(), text, "{date} {time}");
            (status, text)
        }
    };

    let (status, text) = both("2026-09-24", "10:30").await;
    assert_eq!(status, 409);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["code"], "booking.slot_full");
    let offers = body["details"]["next_available"].as_array().unwrap();
    assert_eq!(offers[0]["date"], "2026-09-24");
    assert_eq!(offers[0]["time"], "11:00");

    let (status, text) = both("2026-09-23", "09:00").await;
    assert_eq!(status, 409);
    let body: ApiErrorBody = serde_json::from_str(&text).unwrap();
    assert_eq!(body.code, "booking.mobile_overlap");
    assert_eq!(body.fields["time"].code, "booking.mobile_overlap");

    for (date, time, field, code) in [
        ("2026-10-01", "09:00", "date", "booking.date_holiday"),
        ("2026-10-11", "09:00", "date", "booking.date_weekend"),
        ("2026-09-21", "14:00", "date", "booking.date_today"),
        ("2026-10-20", "09:00", "date", "booking.date_too_far"),
        ("2026-09-23", "12:00", "time", "booking.time_not_offered"),
    ] {
        let (status, text) = both(date, time).await;
        assert_eq!(status, 400, "{date} {time}");
        let body: ApiErrorBody = serde_json::from_str(&text).unwrap();
        assert_eq!(body.code, "validation_failed");
        assert_eq!(body.fields[field].code, code, "{date} {time}");
    }

    // Nothing moved, nothing was taken.
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(
        (booking.start_time.as_str(), booking.sequence),
        ("09:00", 0)
    );
    assert_eq!(remaining(&app, "2026-09-22", "09:00").await, 4);
    assert_eq!(remaining(&app, "2026-09-24", "10:30").await, 0);
}

#[tokio::test]
async fn changes_by_reference_need_the_right_mobile_and_well_formed_fields() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);
    let not_found = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": reference, "mobile": mobile(1)}),
    )
    .await;
    assert_eq!(not_found.status(), 404);
    let not_found = not_found.text().await.unwrap();

    // A wrong number and an unknown reference: the lookup's very 404, on both routes.
    for (reference, mobile) in [
        (reference.as_str(), mobile(1)),
        ("2222-2222", MOBILE.into()),
    ] {
        let response =
            reschedule_by_reference(&app, reference, &mobile, "2026-09-23", "09:00").await;
        assert_eq!(response.status(), 404, "{reference} {mobile}");
        assert_eq!(response.text().await.unwrap(), not_found);
        let response = cancel_by_reference(&app, reference, &mobile).await;
        assert_eq!(response.status(), 404, "{reference} {mobile}");
        assert_eq!(response.text().await.unwrap(), not_found);
    }
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(
        (
            booking.start_time.as_str(),
            booking.sequence,
            booking.changeable
        ),
        ("09:00", 0, true),
        "untouched"
    );

    // Missing and malformed fields are field messages, all at once, before any look-up.
    let fields = |body: &ApiErrorBody| -> BTreeMap<String, String> {
        body.fields
            .iter()
            .map(|(field, e)| (field.clone(), e.code.clone()))
            .collect()
    };
    let expected = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect()
    };
    let response = post(&app, LOOKUP_RESCHEDULE, &json!({})).await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    assert_eq!(
        fields(&body),
        expected(&[
            ("date", "date.empty"),
            ("mobile", "mobile_number.empty"),
            ("reference", "booking.reference_missing"),
            ("time", "booking.time_missing"),
        ])
    );
    let response = reschedule_by_reference(&app, "K0QX-M2PD", "12345", "2026-02-30", "9:00").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        fields(&error(response).await),
        expected(&[
            ("date", "date.invalid"),
            ("mobile", "mobile_number.wrong_length"),
            ("reference", "booking.reference_format"),
            ("time", "booking.time_format"),
        ])
    );
    // A bad slot for an unknown reference is still only about the slot: nothing is probed.
    let response = reschedule_by_reference(&app, "2222-2222", MOBILE, "yesterday", "09:00").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        fields(&error(response).await),
        expected(&[("date", "date.format")])
    );
    let response = post(&app, LOOKUP_CANCEL, &json!({})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        fields(&error(response).await),
        expected(&[
            ("mobile", "mobile_number.empty"),
            ("reference", "booking.reference_missing"),
        ])
    );
    let response = cancel_by_reference(&app, &reference, "0513-8512-3456").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        fields(&error(response).await),
        expected(&[("mobile", "mobile_number.not_mobile")])
    );
    // In English on request.
    let response = app
        .client
        .post(app.url(LOOKUP_RESCHEDULE))
        .header("Accept-Language", "en")
        .json(&json!({"reference": reference, "mobile": MOBILE}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert!(body.fields.values().all(|e| e.message.is_ascii()));
    assert_eq!(body.fields.len(), 2, "date and time");

    // Bodies that cannot be read at all.
    for path in [LOOKUP_RESCHEDULE, LOOKUP_CANCEL] {
        let response = app
            .client
            .post(app.url(path))
            .header("Content-Type", "application/json")
            .body("{\"reference\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{path}");
        assert_eq!(error(response).await.code, "bad_request");
        let response = post(
            &app,
            path,
            &json!({"reference": 12345678, "mobile": MOBILE}),
        )
        .await;
        assert_eq!(response.status(), 400, "{path}");
        assert_eq!(error(response).await.code, "bad_request");
    }
    // Changes are POST only.
    let response = app.get(LOOKUP_CANCEL).await;
    assert_eq!(response.status(), 405);
    assert_eq!(citizen::booking(&app, &token).await.sequence, 0);
}

#[tokio::test]
async fn changes_by_reference_close_two_hours_before_the_start() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "late", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);

    // One second after 07:00 on the day: too late, online, whichever way.
    app.clock.set(at("2026-09-22T07:00:01+08:00"));
    let found = booking_summary(&app, &reference, MOBILE).await;
    assert!(!found.changeable);
    assert_eq!(found.change_deadline, "2026-09-22T07:00:00+08:00");
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "09:00").await;
    assert_eq!(response.status(), 409);
    let too_late = response.text().await.unwrap();
    let body: ApiErrorBody = serde_json::from_str(&too_late).unwrap();
    assert_eq!(body.code, "booking.change_too_late");
    assert!(body.message.contains("2 小时"));
    let by_token = reschedule(&app, &token, "2026-09-23", "09:00").await;
    assert_eq!(by_token.text().await.unwrap(), too_late);
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "booking.cancel_too_late");
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(
        (booking.sequence, booking.start_time.as_str()),
        (0, "09:00")
    );
    assert_eq!(
        serde_json::to_value(booking.status).unwrap(),
        json!("confirmed")
    );

    // At 07:00 exactly it still can be moved, and the move reopens changes until 2 hours
    // before the new start.
    app.clock.set(at("2026-09-22T07:00:00+08:00"));
    assert!(booking_summary(&app, &reference, MOBILE).await.changeable);
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "09:00").await;
    let moved = summary_ok(response, &[MOBILE]).await;
    assert_eq!(moved.change_deadline, "2026-09-23T07:00:00+08:00");
    app.clock.set(at("2026-09-23T07:00:01+08:00"));
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "booking.cancel_too_late");
    app.clock.set(at("2026-09-23T07:00:00+08:00"));
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    let cancelled = summary_ok(response, &[MOBILE]).await;
    assert_eq!(cancelled.sequence, 2);
    // Once cancelled, asking again after the cutoff still answers with the cancelled booking.
    app.clock.set(at("2026-09-23T10:00:00+08:00"));
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(summary_ok(response, &[MOBILE]).await.sequence, 2);
}

#[tokio::test]
async fn racing_moves_of_one_booking_by_token_and_by_reference_leave_it_one_seat() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "racer", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);
    let times = [
        "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00", "15:30",
    ];

    let mut tasks = tokio::task::JoinSet::new();
    for (i, time) in times.into_iter().enumerate() {
        let client = app.client.clone();
        let (url, body) = if i % 2 == 0 {
            (
                app.url(&format!("/api/v1/bookings/{token}/reschedule")),
                json!({"date": "2026-09-23", "time": time}),
            )
        } else {
            (
                app.url(LOOKUP_RESCHEDULE),
                json!({"reference": reference, "mobile": MOBILE, "date": "2026-09-23", "time": time}),
            )
        };
        tasks.spawn(async move {
            let response = client.post(url).json(&body).send().await.unwrap();
            response.status()
        });
    }
    let statuses = tasks.join_all().await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");

    // Every move happened, one after the other, and the booking holds exactly one seat.
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(booking.sequence, 10);
    assert_eq!(booking.date.to_string(), "2026-09-23");
    let open = availability_ok(&app, CENTER, "patent").await;
    let held: Vec<_> = open
        .days
        .iter()
        .flat_map(|d| {
            d.slots
                .iter()
                .filter(|s| s.remaining < 5)
                .map(move |s| (d.date.to_string(), s.time.clone(), s.remaining))
        })
        .collect();
    assert_eq!(
        held,
        [("2026-09-23".to_owned(), booking.start_time.clone(), 4)]
    );
    assert_same_booking(&booking_summary(&app, &reference, MOBILE).await, &booking);
}

// ---------------------------------------------------------------------------------------------
// The limit on failed lookups by reference + mobile number
// ---------------------------------------------------------------------------------------------

/// A lookup by reference on `path` (one of the three lookup routes), in `lang`.
async fn lookup_on(
    app: &TestApp,
    path: &str,
    reference: &str,
    mobile: &str,
    lang: &str,
) -> reqwest::Response {
    let mut body = json!({"reference": reference, "mobile": mobile});
    if path == LOOKUP_RESCHEDULE {
        body["date"] = json!("2026-09-23");
        body["time"] = json!("14:00");
    }
    app.client
        .post(app.url(path))
        .header("Accept-Language", lang)
        .json(&body)
        .send()
        .await
        .unwrap()
}

const LOOKUP: &str = "/api/v1/bookings/lookup";
const LOOKUP_ROUTES: [&str; 3] = [LOOKUP, LOOKUP_RESCHEDULE, LOOKUP_CANCEL];

/// A 429 of the limit: the code, `Retry-After`, not cached; gives the body.
async fn rate_limited(response: reqwest::Response, retry_after: i64) -> ApiErrorBody {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["retry-after"],
        retry_after.to_string().as_str()
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body = error(response).await;
    assert_eq!(body.code, "booking.lookup_rate_limited");
    assert!(body.fields.is_empty());
    body
}

#[tokio::test]
async fn five_failed_lookups_of_a_reference_lock_it_for_an_hour_on_every_lookup_route() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);
    let other = book_ok(&app, "other", &request("2026-09-22", "09:00", &mobile(2))).await;

    // Five wrong numbers, spread over the three routes: they share one count.
    for (i, path) in [
        LOOKUP,
        LOOKUP_RESCHEDULE,
        LOOKUP_CANCEL,
        LOOKUP,
        LOOKUP_CANCEL,
    ]
    .into_iter()
    .enumerate()
    {
        let response = lookup_on(&app, path, &reference, &mobile(10 + i), "zh").await;
        assert_eq!(response.status(), 404, "failure {} on {path}", i + 1);
    }

    // Now even the right number is refused, on every route, in the asked language.
    let response = lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await;
    assert_eq!(response.headers()["content-language"], "en");
    let en = rate_limited(response, 3600).await;
    for words in ["manage link", "60 minutes", "12345"] {
        assert!(en.message.contains(words), "{words}: {}", en.message);
    }
    let zh = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "zh").await,
        3600,
    )
    .await;
    for words in ["管理链接", "60 分钟", "12345"] {
        assert!(zh.message.contains(words), "{words}: {}", zh.message);
    }
    for path in LOOKUP_ROUTES {
        rate_limited(lookup_on(&app, path, &reference, MOBILE, "zh").await, 3600).await;
    }
    // Nothing was moved or cancelled, and the manage link is not limited.
    let booking = citizen::booking(&app, &token).await;
    assert_eq!(
        (booking.sequence, booking.start_time.as_str()),
        (0, "09:00")
    );
    assert_eq!(
        serde_json::to_value(booking.status).unwrap(),
        json!("confirmed")
    );

    // An unknown reference is locked the same way, with the very same answer: the 429 does
    // not tell whether a reference exists.
    for i in 0..5 {
        let response = lookup_on(&app, LOOKUP, "2222-2222", &mobile(20 + i), "en").await;
        assert_eq!(response.status(), 404);
    }
    let unknown = lookup_on(&app, LOOKUP, "2222-2222", MOBILE, "en").await;
    let known = lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await;
    assert_eq!(unknown.status(), 429);
    assert_eq!(
        unknown.headers()["retry-after"],
        known.headers()["retry-after"]
    );
    assert_eq!(unknown.text().await.unwrap(), known.text().await.unwrap());

    // Another reference is not affected.
    let other_reference = &other.booking.reference;
    assert_eq!(
        booking_summary(&app, other_reference, &mobile(2))
            .await
            .reference,
        *other_reference
    );

    // Half an hour later, still locked, for the half hour left.
    app.clock.set(at(NOW) + 30 * 60);
    let body = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await,
        1800,
    )
    .await;
    assert!(body.message.contains("30 minutes"), "{}", body.message);
    // An hour after the failures, the right number works again, on every route.
    app.clock.set(at(NOW) + 60 * 60);
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "14:00").await;
    assert_eq!(summary_ok(response, &[MOBILE]).await.sequence, 1);
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(summary_ok(response, &[MOBILE]).await.sequence, 2);
    // … and the count starts again from nothing.
    for i in 0..4 {
        let response = lookup_on(&app, LOOKUP, &reference, &mobile(30 + i), "zh").await;
        assert_eq!(response.status(), 404);
    }
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
}

#[tokio::test]
async fn lookups_that_find_the_booking_do_not_count() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    for i in 0..4 {
        let response = lookup_on(&app, LOOKUP, &reference, &mobile(10 + i), "zh").await;
        assert_eq!(response.status(), 404);
    }
    // Many successes on every route after four failures: none of them counts …
    for _ in 0..10 {
        booking_summary(&app, &reference, MOBILE).await;
    }
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "14:00").await;
    assert_eq!(response.status(), 200);
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(response.status(), 200);
    // … nor do answers that are not a 404: a refused change and a malformed request.
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-24", "09:00").await;
    assert_eq!(error(response).await.code, "booking.already_cancelled");
    let response = lookup_on(&app, LOOKUP, &reference, "12345", "zh").await;
    assert_eq!(response.status(), 400);
    // … so the fifth failure is still a 404, and only then is the reference locked.
    let response = lookup_on(&app, LOOKUP, &reference, &mobile(14), "zh").await;
    assert_eq!(response.status(), 404);
    rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "zh").await,
        3600,
    )
    .await;
}

#[tokio::test]
async fn parallel_failed_lookups_cannot_slip_past_the_limit() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let client = app.client.clone();
        let url = app.url(LOOKUP);
        let body = json!({"reference": reference, "mobile": mobile(100 + i)});
        tasks.spawn(async move { client.post(url).json(&body).send().await.unwrap().status() });
    }
    let statuses = tasks.join_all().await;
    let count = |status: u16| statuses.iter().filter(|s| s.as_u16() == status).count();
    assert_eq!((count(404), count(429)), (5, 15), "{statuses:?}");
}

#[tokio::test]
async fn thirty_failed_lookups_from_one_address_lock_every_lookup_from_it_for_an_hour() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    // 30 different references, one wrong guess each (the test client is 127.0.0.1), over the
    // three routes.
    for i in 0..30u64 {
        let guess = BookingReference::from_random(i * 1_000_003).to_string();
        assert_ne!(guess, reference);
        let path = LOOKUP_ROUTES[i as usize % 3];
        let response = lookup_on(&app, path, &guess, MOBILE, "zh").await;
        assert_eq!(response.status(), 404, "failure {} on {path}", i + 1);
    }
    // The 31st lookup from the address is refused, whatever it asks for, with the same answer
    // as the per-reference limit.
    let body = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await,
        3600,
    )
    .await;
    assert!(body.message.contains("manage link"), "{}", body.message);
    for path in LOOKUP_ROUTES {
        rate_limited(lookup_on(&app, path, "3333-3333", MOBILE, "zh").await, 3600).await;
    }
    // Other routes are not limited.
    citizen::booking(&app, &created.manage_token).await;
    // An hour later the address may look up again.
    app.clock.set(at(NOW) + 60 * 60);
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
}

#[tokio::test]
async fn the_calendar_file_keeps_its_uid_and_raises_its_sequence() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "ics", &request("2026-09-22", "09:00", MOBILE)).await;
    let token = created.manage_token;

    let first = ics(&app, &token).await;
    assert!(first.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(first.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert!(
        !first.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    assert!(first.split("\r\n").all(|line| line.len() <= 75));
    let uid = ics_value(&first, "UID").to_owned();
    assert!(uid.contains(&created.booking.reference.replace('-', "")));
    assert_eq!(ics_value(&first, "METHOD"), "PUBLISH");
    assert_eq!(ics_value(&first, "STATUS"), "CONFIRMED");
    assert_eq!(ics_value(&first, "SEQUENCE"), "0");
    // 09:00 in Shanghai is 01:00 UTC: no off-by-one-hour.
    assert_eq!(ics_value(&first, "DTSTART"), "20260922T010000Z");
    assert_eq!(ics_value(&first, "DTEND"), "20260922T013000Z");
    assert!(ics_value(&first, "SUMMARY").contains("专利"));
    assert!(first.contains("LOCATION:南通市知识产权保护中心"));

    assert_eq!(
        reschedule(&app, &token, "2026-09-23", "14:00")
            .await
            .status(),
        200
    );
    let moved = ics(&app, &token).await;
    assert_eq!(ics_value(&moved, "UID"), uid);
    assert_eq!(ics_value(&moved, "SEQUENCE"), "1");
    assert_eq!(ics_value(&moved, "DTSTART"), "20260923T060000Z");
    assert_eq!(ics_value(&moved, "METHOD"), "PUBLISH");

    assert_eq!(cancel(&app, &token).await.status(), 200);
    let cancelled = ics(&app, &token).await;
    assert_eq!(ics_value(&cancelled, "UID"), uid);
    assert_eq!(ics_value(&cancelled, "SEQUENCE"), "2");
    assert_eq!(ics_value(&cancelled, "METHOD"), "CANCEL");
    assert_eq!(ics_value(&cancelled, "STATUS"), "CANCELLED");
}

#[tokio::test]
async fn only_working_days_of_the_official_calendar_inside_the_window_can_be_booked() {
    let app = spawn_app_at(NOW).await;

    let open = availability_ok(&app, CENTER, "patent").await;
    let dates: Vec<_> = open.days.iter().map(|d| d.date.to_string()).collect();
    for off in [
        "2026-09-25",
        "2026-09-26",
        "2026-10-01",
        "2026-10-07",
        "2026-10-11",
    ] {
        assert!(!dates.contains(&off.to_owned()), "{off} is a day off");
    }
    let saturday = open
        .days
        .iter()
        .find(|d| d.date.to_string() == "2026-10-10")
        .expect("the 调休 Saturday is bookable");
    assert_eq!(
        serde_json::to_value(&saturday.day_kind).unwrap(),
        json!({"kind": "adjusted_working_day"})
    );

    let date_error = |date: &'static str| {
        let app = &app;
        async move {
            let response = book(app, date, &request(date, "09:00", MOBILE)).await;
            assert_eq!(response.status(), 400, "{date}");
            let body = error(response).await;
            assert_eq!(body.code, "validation_failed");
            body.fields["date"].clone()
        }
    };
    let holiday = date_error("2026-10-01").await;
    assert_eq!(holiday.code, "booking.date_holiday");
    assert!(holiday.message.contains("国庆节"));
    assert_eq!(date_error("2026-09-25").await.code, "booking.date_holiday");
    assert_eq!(date_error("2026-10-11").await.code, "booking.date_weekend");
    assert_eq!(date_error("2026-09-21").await.code, "booking.date_today");
    assert_eq!(date_error("2026-09-18").await.code, "booking.date_past");
    let far = date_error("2026-10-20").await;
    assert_eq!(far.code, "booking.date_too_far");
    assert!(far.message.contains("2026-10-19"));
    assert_eq!(date_error("2026-02-30").await.code, "date.invalid");
    book_ok(&app, "saturday", &request("2026-10-10", "09:00", MOBILE)).await;
    book_ok(&app, "last-day", &request("2026-10-19", "16:30", MOBILE)).await;

    // Near the end of 2026 the window stops where the published calendar does.
    app.clock.set(at("2026-12-20T09:00:00+08:00"));
    let open = availability_ok(&app, CENTER, "patent").await;
    assert_eq!(open.unpublished_year, Some(2027));
    assert_eq!(open.days.len(), 9);
    assert_eq!(open.days.last().unwrap().date.to_string(), "2026-12-31");
    let not_published = date_error("2027-01-04").await;
    assert_eq!(not_published.code, "calendar.not_published");
    assert!(not_published.message.contains("2027"));
}

#[tokio::test]
async fn bad_input_gets_field_messages_in_both_languages_and_never_a_500() {
    let app = spawn_app_at(NOW).await;
    let bad = json!({
        "venue": CENTER,
        "topic": "patent",
        "date": "2026-09-22",
        "time": "12:00",
        "name": "名".repeat(41),
        "mobile": "0513-8512-3456",
        "organisation": "南通某某公司",
        "uscc": "91110000600037341A",
        "description": "字".repeat(5_000),
        "other_adjustments": "a\u{0}b",
    });
    for lang in ["zh-CN", "en"] {
        let response = app
            .client
            .post(app.url("/api/v1/bookings"))
            .header("Idempotency-Key", format!("bad-{lang}"))
            .header("Accept-Language", lang)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let body = error(response).await;
        assert_eq!(body.code, "validation_failed");
        let codes: BTreeMap<_, _> = body
            .fields
            .iter()
            .map(|(field, e)| (field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            BTreeMap::from([
                ("name", "booking.name_too_long"),
                ("mobile", "mobile_number.not_mobile"),
                ("uscc", "uscc.check_digit"),
                ("description", "booking.description_too_long"),
                ("other_adjustments", "booking.control_character"),
            ])
        );
        for field in body.fields.values() {
            assert_eq!(field.message.is_ascii(), lang == "en", "{}", field.message);
        }
    }

    // What only the server knows: the venues, their topics and hours.
    let cases = [
        (
            QIDONG,
            "patent",
            "09:00",
            "venue",
            "booking.venue_not_bookable",
        ),
        (
            TEXTILES,
            "geographical-indication",
            "09:00",
            "topic",
            "booking.topic_not_offered",
        ),
        (
            "no-such-venue",
            "patent",
            "09:00",
            "venue",
            "booking.venue_unknown",
        ),
        (
            CENTER,
            "astrology",
            "09:00",
            "topic",
            "booking.topic_unknown",
        ),
        (
            CENTER,
            "patent",
            "12:00",
            "time",
            "booking.time_not_offered",
        ),
        (
            CENTER,
            "patent",
            "11:30",
            "time",
            "booking.time_not_offered",
        ),
        (
            CENTER,
            "patent",
            "08:30",
            "time",
            "booking.time_not_offered",
        ),
        (
            CENTER,
            "patent",
            "09:15",
            "time",
            "booking.time_not_offered",
        ),
        (CENTER, "patent", "9:00", "time", "booking.time_format"),
    ];
    for (i, (venue, topic, time, field, code)) in cases.into_iter().enumerate() {
        let mut body = request("2026-09-22", time, MOBILE);
        body["venue"] = json!(venue);
        body["topic"] = json!(topic);
        let response = book(&app, &format!("case-{i}"), &body).await;
        assert_eq!(response.status(), 400, "{venue} {topic} {time}");
        let body = error(response).await;
        assert_eq!(body.fields[field].code, code, "{venue} {topic} {time}");
    }

    // Missing everything.
    let response = book(&app, "empty", &json!({})).await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    let fields: Vec<_> = body.fields.keys().map(String::as_str).collect();
    assert_eq!(fields, ["date", "mobile", "name", "time", "topic", "venue"]);

    // Bodies that cannot be read at all.
    let response = app
        .client
        .post(app.url("/api/v1/bookings"))
        .header("Idempotency-Key", "not-json")
        .header("Content-Type", "application/json")
        .body("{\"venue\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(error(response).await.code, "bad_request");
    let mut wrong_type = request("2026-09-22", "09:00", MOBILE);
    wrong_type["wheelchair_access"] = json!("yes");
    let response = book(&app, "wrong-type", &wrong_type).await;
    assert_eq!(response.status(), 400);
    assert_eq!(error(response).await.code, "bad_request");
    let mut huge = request("2026-09-22", "09:00", MOBILE);
    huge["description"] = json!("x".repeat(200_000));
    let response = book(&app, "huge", &huge).await;
    assert_eq!(response.status(), 413);
    assert_eq!(error(response).await.code, "payload_too_large");

    // Availability and venues check their parameters the same way.
    for (query, field, code) in [
        ("", "venue", "booking.venue_missing"),
        ("venue=x&topic=", "topic", "booking.topic_missing"),
        (
            &format!("venue={QIDONG}&topic=patent") as &str,
            "venue",
            "booking.venue_not_bookable",
        ),
        (
            &format!("venue={TEXTILES}&topic=ip-finance"),
            "topic",
            "booking.topic_not_offered",
        ),
    ] {
        let response = app
            .get(&format!("/api/v1/booking/availability?{query}"))
            .await;
        assert_eq!(response.status(), 400, "{query}");
        assert_eq!(error(response).await.fields[field].code, code, "{query}");
    }
    let response = app.get("/api/v1/booking/venues?topic=astrology").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["topic"].code,
        "booking.topic_unknown"
    );

    // A reschedule is checked like a booking.
    let created = book_ok(&app, "valid", &request("2026-09-22", "09:00", MOBILE)).await;
    let token = created.manage_token;
    for (date, time, field, code) in [
        ("2026-10-01", "09:00", "date", "booking.date_holiday"),
        ("2026-09-23", "12:00", "time", "booking.time_not_offered"),
        ("yesterday", "09:00", "date", "date.format"),
    ] {
        let response = reschedule(&app, &token, date, time).await;
        assert_eq!(response.status(), 400, "{date} {time}");
        assert_eq!(error(response).await.fields[field].code, code);
    }
    assert_eq!(citizen::booking(&app, &token).await.sequence, 0);
}

#[tokio::test]
async fn the_openapi_document_describes_the_booking_api() {
    let app = spawn_app_at(NOW).await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    for path in [
        "/api/v1/booking/topics",
        "/api/v1/booking/venues",
        "/api/v1/booking/availability",
        "/api/v1/bookings",
        "/api/v1/bookings/lookup",
        "/api/v1/bookings/lookup/reschedule",
        "/api/v1/bookings/lookup/cancel",
        "/api/v1/bookings/{token}",
        "/api/v1/bookings/{token}/reschedule",
        "/api/v1/bookings/{token}/cancel",
        "/api/v1/bookings/{token}/calendar.ics",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    let create = &doc["paths"]["/api/v1/bookings"]["post"];
    assert!(create["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"));
    for code in ["201", "400", "409", "413", "422"] {
        assert!(create["responses"][code].is_object(), "{code}");
    }
    for schema in [
        "BookingRequest",
        "BookingCreated",
        "Availability",
        "SlotTakenDetails",
        "LookupRescheduleRequest",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
    // Changing by reference + mobile number: its own body and the masked summary as answer.
    let schema_of = |op: &Value, part: &str| -> String {
        let content = match part {
            "request" => &op["requestBody"]["content"]["application/json"]["schema"],
            status => &op["responses"][status]["content"]["application/json"]["schema"],
        };
        content["$ref"].as_str().unwrap_or_default().to_owned()
    };
    let by_reference = &doc["paths"]["/api/v1/bookings/lookup/reschedule"]["post"];
    assert_eq!(
        schema_of(by_reference, "request"),
        "#/components/schemas/LookupRescheduleRequest"
    );
    let cancel_by_reference = &doc["paths"]["/api/v1/bookings/lookup/cancel"]["post"];
    assert_eq!(
        schema_of(cancel_by_reference, "request"),
        "#/components/schemas/LookupRequest"
    );
    for op in [by_reference, cancel_by_reference] {
        assert_eq!(schema_of(op, "200"), "#/components/schemas/BookingSummary");
        for code in ["400", "404", "409"] {
            assert!(op["responses"][code].is_object(), "{code}");
        }
    }
    // The three lookups by reference may be refused for too many failed lookups.
    let lookup = &doc["paths"]["/api/v1/bookings/lookup"]["post"];
    for op in [lookup, by_reference, cancel_by_reference] {
        let too_many = &op["responses"]["429"];
        assert_eq!(
            schema_of(op, "429"),
            "#/components/schemas/ApiErrorBody",
            "{op}"
        );
        assert!(too_many["description"]
            .as_str()
            .unwrap()
            .contains("booking.lookup_rate_limited"));
        assert!(too_many["headers"]["Retry-After"].is_object(), "{too_many}");
    }
    let summary = &doc["components"]["schemas"]["BookingSummary"]["properties"];
    for field in [
        "changeable",
        "change_deadline",
        "venue_address",
        "sequence",
        "defaults_confirmed",
    ] {
        assert!(summary[field].is_object(), "{field}");
    }
    for field in ["description", "organisation", "uscc"] {
        assert!(summary[field].is_null(), "{field}");
    }
}

#[tokio::test]
async fn the_binary_takes_now_from_portal_now_and_logs_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = Binary::start(dir.path(), Some(NOW), |_| {});
    let base = &server.base;

    let client = reqwest::Client::new();
    let open: Availability = client
        .get(format!(
            "{base}/api/v1/booking/availability?venue={CENTER}&topic=patent"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        open.today.to_string(),
        "2026-09-21",
        "PORTAL_NOW is the clock"
    );

    let mut body = request("2026-09-22", "09:00", MOBILE);
    body["name"] = json!("张三丰");
    body["uscc"] = json!("91110000600037341L");
    let created: BookingCreated = client
        .post(format!("{base}/api/v1/bookings"))
        .header("Idempotency-Key", "log-check")
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = &created.manage_token;
    let lookup = client
        .post(format!("{base}/api/v1/bookings/lookup"))
        .json(&json!({"reference": created.booking.reference, "mobile": MOBILE}))
        .send()
        .await
        .unwrap();
    assert_eq!(lookup.status(), 200);
    let moved = client
        .post(format!("{base}/api/v1/bookings/lookup/reschedule"))
        .json(&json!({
            "reference": created.booking.reference, "mobile": MOBILE,
            "date": "2026-09-23", "time": "14:00",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    for path in ["", "/calendar.ics"] {
        let response = client
            .get(format!("{base}/api/v1/bookings/{token}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let cancelled = client
        .post(format!("{base}/api/v1/bookings/{token}/cancel"))
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 200);
    // Guessing numbers for the reference reaches the limit on failed lookups.
    let wrong = mobile(77);
    for expected in [404, 404, 404, 404, 404, 429] {
        let response = client
            .post(format!("{base}/api/v1/bookings/lookup"))
            .json(&json!({"reference": created.booking.reference, "mobile": wrong}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), expected);
    }

    let log = server.stop();
    assert!(log.contains("booking created"), "the log is written: {log}");
    assert!(log.contains("booking rescheduled"), "{log}");
    assert!(
        log.contains("/api/v1/bookings/{token}"),
        "routes as templates"
    );
    for secret in [
        MOBILE,
        "张三丰",
        "91110000600037341L",
        token.as_str(),
        created.booking.reference.as_str(),
        created.booking.reference.replace('-', "").as_str(),
        wrong.as_str(),
    ] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
    // That the limit was reached is logged once, without the client's address.
    let limited: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("booking lookup limit reached"))
        .collect();
    assert_eq!(limited.len(), 1, "{log}");
    assert!(
        limited[0].contains(r#""rule":"reference""#),
        "{}",
        limited[0]
    );
    assert!(!limited[0].contains("127.0.0.1"), "{}", limited[0]);
}
