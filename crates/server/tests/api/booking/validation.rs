//! What can be booked: only working days of the official calendar inside the window, and bad
//! input answered with field messages in both languages, never a 500.

use std::collections::BTreeMap;

use serde_json::json;

use crate::citizen::{self, availability_ok, book, book_ok, reschedule};
use crate::helpers::{at, error, spawn_app_at};

use super::{request, CENTER, MOBILE, NOW, QIDONG, TEXTILES};

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
