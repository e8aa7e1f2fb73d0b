//! The whole booking journey (topics, venues, free seats, booking, the manage link, moving,
//! cancelling) and the calendar file it offers.

use std::collections::BTreeMap;

use portal_domain::api::booking::{Booking, BookingVenueList, TopicList};
use serde_json::json;

use crate::citizen::{self, availability_ok, book_ok, cancel, reschedule};
use crate::helpers::{error, spawn_app_at};

use super::{ics, ics_value, remaining, request, CENTER, MOBILE, NOW, QIDONG, TEXTILES};

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
    // Both languages, whichever the page was in: the calendar program's reader may need either.
    let unfolded = first.replace("\r\n ", "");
    let summary = ics_value(&unfolded, "SUMMARY");
    assert!(summary.starts_with("预约咨询：") && summary.contains(" / Consultation: "));
    let description = ics_value(&unfolded, "DESCRIPTION");
    assert!(
        description.starts_with("预约号 Reference: "),
        "{description}"
    );
    assert!(description.contains("\\n请携带：") && description.contains("\\nPlease bring: "));
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
