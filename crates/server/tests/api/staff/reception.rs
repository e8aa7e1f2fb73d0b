//! The booking desk's day list: reception sees the day's bookings in full and checks people in
//! on the day.

use portal_domain::api::booking::BookingCreated;
use portal_domain::api::staff::{DeskBooking, DeskBookingList, Overview, Role};
use serde_json::{json, Value};

use crate::citizen::{book_ok, consultation};
use crate::helpers::{at, TestApp};
use crate::staff_client::{
    audit, day_list, error, get, login, post, staff_with, Session, ADMIN, ADMIN_PASSWORD, PASSWORD,
};

use super::{app, NOW};

const CENTER: &str = "nantong-ip-protection-center";

async fn book(app: &TestApp, key: &str, time: &str, mobile: &str) -> BookingCreated {
    let body = consultation(CENTER, "patent", "2026-09-30", time, mobile);
    book_ok(app, key, &body).await
}

#[tokio::test]
async fn reception_sees_the_days_bookings_in_full_and_checks_people_in_on_the_day() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let early = book(&app, "b1", "09:00", "13900000001").await;
    book(&app, "b2", "10:00", "13900000002").await;
    let cancelled = book(&app, "b3", "11:00", "13900000003").await;
    let response = app
        .client
        .post(app.url(&format!(
            "/api/v1/bookings/{}/cancel",
            cancelled.manage_token
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // Today (09-29) has none; the 30th has three, contact details in full.
    let today: DeskBookingList = get(&app, &desk, "/api/v1/staff/bookings")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(today.date.to_string(), "2026-09-29");
    assert!(today.items.is_empty());
    let day = day_list(&app, &desk, "2026-09-30", CENTER).await;
    assert_eq!(day.items.len(), 3);
    assert_eq!(day.items[0].mobile, "13900000001");
    assert_eq!(day.items[0].name, "李四");
    assert_eq!(day.items[0].reference, early.booking.reference);
    let (first, second, third) = (day.items[0].id, day.items[1].id, day.items[2].id);
    let response = get(&app, &desk, "/api/v1/staff/bookings?date=30/09/2026").await;
    assert_eq!(response.status(), 400);

    // Each move of the clock below is more than 30 minutes: the session ends, log in again.
    let act = |desk: Session, id: i64, what: &'static str| {
        let app = &app;
        async move {
            post(
                app,
                &desk,
                &format!("/api/v1/staff/bookings/{id}/{what}"),
                json!({}),
            )
            .await
        }
    };
    // The day before: not yet.
    let response = act(desk.clone(), first, "check-in").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.check_in_not_open");
    // On the day from 07:00 (2 hours before 09:00).
    app.clock.set(at("2026-09-30T06:59:59+08:00"));
    let desk = login(&app, "desk1", PASSWORD).await;
    assert_eq!(act(desk.clone(), first, "check-in").await.status(), 409);
    app.clock.set(at("2026-09-30T07:00:00+08:00"));
    let response = act(desk.clone(), first, "check-in").await;
    assert_eq!(response.status(), 200);
    let checked: DeskBooking = response.json().await.unwrap();
    assert_eq!(
        checked.attendance,
        Some(portal_domain::api::staff::Attendance::CheckedIn)
    );
    assert!(!checked.can_check_in);
    // Again: unchanged; the other way: refused.
    assert_eq!(act(desk.clone(), first, "check-in").await.status(), 200);
    let response = act(desk.clone(), first, "no-show").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.attendance_recorded");
    // The holder still sees a confirmed booking.
    let holder: Value = app
        .get(&format!("/api/v1/bookings/{}", early.manage_token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(holder["status"], "confirmed");

    // No-show only once the slot has ended.
    let response = act(desk.clone(), second, "no-show").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.no_show_too_early");
    app.clock.set(at("2026-09-30T11:00:00+08:00"));
    let desk = login(&app, "desk1", PASSWORD).await;
    assert_eq!(act(desk.clone(), second, "no-show").await.status(), 200);
    let response = act(desk.clone(), third, "check-in").await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.booking_cancelled");
    // The next day check-in is closed.
    app.clock.set(at("2026-10-01T08:00:00+08:00"));
    let desk = login(&app, "desk1", PASSWORD).await;
    let response = act(desk.clone(), first, "check-in").await;
    assert_eq!(response.status(), 200, "already checked in: unchanged");

    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let log = audit(&app, &admin).await;
    let desk_actions: Vec<(&str, Option<&str>)> = log
        .items
        .iter()
        .filter(|e| e.target_type == "booking")
        .map(|e| (e.action.as_str(), e.target_id.as_deref()))
        .collect();
    let (first, second) = (first.to_string(), second.to_string());
    assert_eq!(
        desk_actions,
        [
            ("booking.no_show", Some(second.as_str())),
            ("booking.check_in", Some(first.as_str()))
        ]
    );

    // Booking counts in the overview (administrator): the 30th has two confirmed bookings.
    app.clock.set(at(NOW));
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let overview: Overview = get(&app, &admin, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.bookings_per_day[0].bookings, 0);
    assert_eq!(overview.bookings_per_day[1].date.to_string(), "2026-09-30");
    assert_eq!(overview.bookings_per_day[1].bookings, 2);
}
