//! Seats are never given twice: retried and racing bookings and moves, the two-hour change
//! deadline, and at most three upcoming bookings per mobile number.

use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{
    self, book, book_ok, booking_request, cancel, reschedule, reschedule_request,
};
use crate::helpers::{at, error, spawn_app_at, spawn_hall_app_at};

use super::{mobile, remaining, request, CENTER, MOBILE, NOW, TEXTILES};

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
    let response = citizen::post(&app, "/api/v1/bookings", &other).await;
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
         SELECT 'ZZZZZZZZ', $1, venue_id, topic_id, date, start_time, end_time, starts_at, \
         ends_at, seat, 'confirmed', name, mobile, 0, 0, 0, created_at, updated_at \
         FROM bookings WHERE status = 'confirmed' AND start_time = '10:30' AND seat = 1",
    )
    .bind(vec![0u8])
    .execute(&pool)
    .await
    .unwrap_err();
    let duplicate = duplicate.into_database_error().unwrap();
    assert!(duplicate.is_unique_violation());
    // (SQLite names the columns, PostgreSQL the index.)
    assert!(
        duplicate.message().contains("bookings.seat")
            || duplicate.constraint() == Some("bookings_one_per_seat"),
        "{duplicate}"
    );
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
