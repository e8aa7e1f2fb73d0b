//! Seat scalping (issue #13 item 2): new bookings are limited per client address. The tests'
//! requests come through a trusted "reverse proxy" (127.0.0.1), so `X-Forwarded-For` names
//! the client; the clock stands at Monday 2026-09-21 09:00 in Shanghai and is moved by hand.

use portal_domain::api::booking::{
    BookingCreated, BookingStatus, MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY,
    MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR,
};
use portal_domain::api::booking_clusters::{BookingClusterList, BulkCancelled, ClusterKind};
use portal_domain::api::staff::Role;
use portal_domain::api::ApiErrorBody;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen;
use crate::helpers::{spawn_staff_app, StaffOptions, TestApp};
use crate::staff_client::{admin_options, audit, error, get, login_admin, post, staff_with};

const NOW: &str = "2026-09-21T09:00:00+08:00";
const SCALPER: &str = "203.0.113.7";

async fn app(booking_limit_exempt: &'static str) -> TestApp {
    let options = StaffOptions {
        trusted_proxies: "127.0.0.1",
        booking_limit_exempt,
        ..admin_options()
    };
    spawn_staff_app(tempfile::tempdir().unwrap(), NOW, options).await
}

/// The `i`-th booking of a run: its own slot (one per slot, so seats never run out) and an
/// invented mobile number of its own.
fn request(i: u32) -> Value {
    let dates = [
        "2026-09-22",
        "2026-09-23",
        "2026-09-24",
        "2026-09-28",
        "2026-09-29",
    ];
    let times = ["09:00", "09:30", "10:00", "10:30", "11:00", "14:00"];
    json!({
        "venue": "nantong-ip-protection-center",
        "topic": "patent",
        "date": dates[(i / 6) as usize],
        "time": times[(i % 6) as usize],
        "name": "张三",
        "mobile": format!("1390000{i:04}"),
        "description": "咨询",
    })
}

async fn book_from(
    app: &TestApp,
    client: &str,
    key: &str,
    body: &Value,
    lang: &str,
) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/bookings"))
        .header("X-Forwarded-For", client)
        .header("Idempotency-Key", key)
        .header("Accept-Language", lang)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn refused(response: reqwest::Response, retry_after: i64) -> ApiErrorBody {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["retry-after"],
        retry_after.to_string().as_str()
    );
    let body: ApiErrorBody = response.json().await.unwrap();
    assert_eq!(body.code, "booking.address_rate_limited");
    assert!(body.fields.is_empty(), "{body:?}");
    body
}

#[tokio::test]
async fn one_address_cannot_book_a_whole_day_but_others_still_can() {
    let app = app("").await;
    let t0 = app.clock.now();
    let per_hour = MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR;
    for i in 0..per_hour {
        app.clock.set(t0 + i64::from(i) * 60);
        let response = book_from(&app, SCALPER, &format!("k{i}"), &request(i), "zh").await;
        assert_eq!(response.status(), StatusCode::CREATED, "booking {i}");
    }
    // The next one, five minutes after the last, waits until the first is an hour old.
    app.clock.set(t0 + 10 * 60);
    let next = request(per_hour);
    let body = refused(book_from(&app, SCALPER, "next", &next, "en").await, 50 * 60).await;
    assert!(
        body.message.contains("Try again in 50 minutes"),
        "{}",
        body.message
    );
    let body = refused(book_from(&app, SCALPER, "next", &next, "zh").await, 50 * 60).await;
    assert!(body.message.contains("50 分钟后再试"), "{}", body.message);
    // A retry of a booking that was made still gets its first answer.
    let again = book_from(&app, SCALPER, "k0", &request(0), "zh").await;
    assert_eq!(again.status(), StatusCode::CREATED);
    // Somebody else, elsewhere, books as usual.
    let other = book_from(&app, "198.51.100.23", "other", &next, "zh").await;
    assert_eq!(other.status(), StatusCode::CREATED);

    // Hour after hour the scalper gets a few more, up to the day's limit.
    let mut made = per_hour;
    let mut hour = 1;
    while made < MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY {
        app.clock.set(t0 + hour * 3600 + 600);
        for _ in 0..per_hour.min(MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY - made) {
            let response =
                book_from(&app, SCALPER, &format!("k{made}"), &request(made + 1), "zh").await;
            assert_eq!(
                response.status(),
                StatusCode::CREATED,
                "booking {made}: {}",
                response.text().await.unwrap()
            );
            made += 1;
        }
        hour += 1;
    }
    // A fresh hour, but the day is used up: until the first booking is 24 hours old.
    let now = t0 + hour * 3600 + 600;
    app.clock.set(now);
    let last = request(made + 1);
    refused(
        book_from(&app, SCALPER, "last", &last, "zh").await,
        t0 + 24 * 3600 - now,
    )
    .await;
    app.clock.set(t0 + 24 * 3600);
    let response = book_from(&app, SCALPER, "last", &last, "zh").await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_service_halls_own_address_can_be_exempted() {
    let app = app("203.0.113.0/24").await;
    for i in 0..=MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR {
        let response = book_from(&app, SCALPER, &format!("k{i}"), &request(i), "zh").await;
        assert_eq!(response.status(), StatusCode::CREATED, "booking {i}");
    }
}

/// Asks, as `desk`, for the bookings `ids` to be cancelled for `reason`.
async fn bulk_cancel(
    app: &TestApp,
    desk: &crate::staff_client::Session,
    ids: &[i64],
    reason: &str,
) -> reqwest::Response {
    post(
        app,
        desk,
        "/api/v1/staff/bookings/bulk-cancel",
        json!({"ids": ids, "reason": reason}),
    )
    .await
}

async fn clusters(app: &TestApp, desk: &crate::staff_client::Session) -> BookingClusterList {
    let response = get(app, desk, "/api/v1/staff/bookings/clusters").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn reception_sees_bookings_made_in_bulk_and_cancels_them_in_one_action() {
    let app = app("").await;
    // A scalper takes six places from one address with made-up numbers in a row...
    let mut scalped = Vec::new();
    for i in 0..6 {
        let response = book_from(&app, SCALPER, &format!("s{i}"), &request(i), "zh").await;
        assert_eq!(response.status(), StatusCode::CREATED);
        scalped.push(response.json::<BookingCreated>().await.unwrap());
    }
    // ...and two neighbours book from their own addresses.
    let mut other = request(6);
    other["mobile"] = json!("13612345678");
    let neighbour = book_from(&app, "198.51.100.1", "n1", &other, "zh").await;
    assert_eq!(neighbour.status(), StatusCode::CREATED);
    let neighbour: BookingCreated = neighbour.json().await.unwrap();
    let mut second = request(7);
    second["mobile"] = json!("13812345678");
    let response = book_from(&app, "198.51.100.2", "n2", &second, "zh").await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let admin = login_admin(&app).await;
    let desk = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let found = clusters(&app, &desk).await;
    let kinds: Vec<(ClusterKind, Vec<String>)> = found
        .clusters
        .iter()
        .map(|c| {
            (
                c.kind,
                c.bookings.iter().map(|b| b.reference.clone()).collect(),
            )
        })
        .collect();
    let scalped_refs: Vec<String> = scalped
        .iter()
        .map(|c| c.booking.reference.clone())
        .collect();
    assert_eq!(
        kinds,
        [
            (ClusterKind::SameAddress, scalped_refs.clone()),
            (ClusterKind::SequentialMobiles, scalped_refs.clone()),
        ]
    );
    // Shown in full, as in the day list.
    assert_eq!(found.clusters[0].bookings[0].mobile, "13900000000");

    // A case handler may not see them.
    let handler = staff_with(&app, &admin, "cases1", &[Role::CaseHandler]).await;
    let response = get(&app, &handler, "/api/v1/staff/bookings/clusters").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // The reason is required.
    let ids: Vec<i64> = found.clusters[0].bookings.iter().map(|b| b.id).collect();
    let response = post(
        &app,
        &desk,
        "/api/v1/staff/bookings/bulk-cancel",
        json!({"ids": ids}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "staff.cancel_reason_missing"
    );

    let reason = "同一来源批量预约，经核查取消";
    let response = bulk_cancel(&app, &desk, &ids, reason).await;
    assert_eq!(response.status(), StatusCode::OK);
    let done: BulkCancelled = response.json().await.unwrap();
    assert_eq!((done.cancelled, done.skipped), (6, 0));
    // Sent again (a retry): nothing more happens.
    let response = bulk_cancel(&app, &desk, &ids, reason).await;
    let again: BulkCancelled = response.json().await.unwrap();
    assert_eq!((again.cancelled, again.skipped), (0, 6));
    assert!(clusters(&app, &desk).await.clusters.is_empty());

    // Each holder reads the reason and cannot move the booking to a new time.
    let token = &scalped[0].manage_token;
    let booking = citizen::booking(&app, token).await;
    assert_eq!(booking.status, BookingStatus::Cancelled);
    let cancellation = booking.center_cancellation.expect("the center's reason");
    assert_eq!(cancellation.reason, reason);
    assert!(cancellation.review);
    let response = citizen::reschedule(&app, token, "2026-09-30", "09:00").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "booking.already_cancelled");

    // The neighbours' bookings stand.
    let token = &neighbour.manage_token;
    let booking = citizen::booking(&app, token).await;
    assert_eq!(booking.status, BookingStatus::Confirmed);

    let log = audit(&app, &admin).await;
    // Newest first: the first cancellation is the older entry.
    let entry = log
        .items
        .iter()
        .rev()
        .find(|e| e.action == "booking.bulk_cancel")
        .expect("the bulk cancellation is audited");
    assert!(
        entry.summary.contains("cancelled=6 of 6"),
        "{}",
        entry.summary
    );
}
