//! Changing and cancelling a booking by reference + mobile number instead of the manage link:
//! the same rules, the same seats, nothing more shown.

use std::collections::BTreeMap;

use portal_domain::api::booking::{Booking, BookingSummary};
use portal_domain::api::ApiErrorBody;
use serde_json::{json, Value};

use crate::citizen::{self, availability_ok, book_ok, booking_summary, cancel, post, reschedule};
use crate::helpers::{at, error, spawn_app_at, spawn_hall_app_at, PUBLIC_URL};

use super::{
    assert_untouched, cancel_by_reference, ics, ics_value, mobile, remaining, request,
    reschedule_by_reference, summary_ok, CENTER, HOLDER_SECRETS, LOOKUP_CANCEL, LOOKUP_RESCHEDULE,
    MOBILE, NOW, TEXTILES,
};

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
    sqlx::query("UPDATE venues SET address = '南通市崇川区某某路 1 号' WHERE id = $1")
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
    let secrets = [HOLDER_SECRETS.as_slice(), &["放大镜", token.as_str()]].concat();
    let first_ics = ics(&app, &token).await;
    let uid = ics_value(&first_ics, "UID").to_owned();
    // The file links to the booking's manage page at the portal's public address.
    let unfolded = first_ics.replace("\r\n ", "");
    assert_eq!(
        ics_value(&unfolded, "URL"),
        format!("{PUBLIC_URL}/booking/manage/{token}")
    );

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
    assert_untouched(&app, &token).await;

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
