//! Looking up by reference + mobile number (issue #13 item 1): the rights-assistance lookup has
//! the booking lookup's limits, and the count is shared by every lookup route, so a guesser
//! cannot get 30 tries on each. The answer is the same whether the reference exists or not.

use portal_domain::api::ApiErrorBody;
use reqwest::StatusCode;
use serde_json::json;

use crate::citizen::submitted;
use crate::helpers::{spawn_app_at, TestApp};

const NOW: &str = "2026-09-29T10:00:00+08:00";
const MOBILE: &str = "13812345678";

async fn lookup(app: &TestApp, route: &str, reference: &str, mobile: &str) -> reqwest::Response {
    app.client
        .post(app.url(route))
        .json(&json!({"reference": reference, "mobile": mobile}))
        .send()
        .await
        .unwrap()
}

async fn track(app: &TestApp, reference: &str, mobile: &str) -> reqwest::Response {
    lookup(app, "/api/v1/assistance/requests/lookup", reference, mobile).await
}

async fn limited(response: reqwest::Response, code: &str) -> ApiErrorBody {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "3600");
    let body: ApiErrorBody = response.json().await.unwrap();
    assert_eq!(body.code, code);
    body
}

#[tokio::test]
async fn a_known_reference_gets_five_wrong_numbers_then_nothing_tells_it_from_an_unknown_one() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "mine").await;
    for i in 0..5 {
        let response = track(&app, &mine.reference, &format!("1391234000{i}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "guess {i}");
    }
    // The sixth try is refused before the number is looked at, the right number included.
    let known = limited(
        track(&app, &mine.reference, MOBILE).await,
        "assistance.lookup_rate_limited",
    )
    .await;
    assert!(known.message.contains("跟踪链接"), "{}", known.message);
    // An unknown reference after as many failures gets the very same answer.
    for i in 0..5 {
        let response = track(&app, "WQ-2222-2222", &format!("1391234000{i}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let unknown = limited(
        track(&app, "WQ-2222-2222", MOBILE).await,
        "assistance.lookup_rate_limited",
    )
    .await;
    assert_eq!(unknown, known);
    // The tracking link is never limited.
    let link = app
        .client
        .get(app.url(&format!(
            "/api/v1/assistance/requests/{}",
            mine.tracking_token
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(link.status(), StatusCode::OK);
}

#[tokio::test]
async fn failures_on_every_lookup_route_add_up_per_address() {
    let app = spawn_app_at(NOW).await;
    let mine = submitted(&app, "mine").await;
    // 15 failed booking lookups and 15 failed request lookups, each of another reference.
    for &letter in &b"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[..15] {
        let c = char::from(letter);
        let booking = format!("{c}{c}{c}{c}-2345");
        let response = lookup(&app, "/api/v1/bookings/lookup", &booking, MOBILE).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "booking {booking}"
        );
        let request = format!("WQ-{c}{c}{c}{c}-3456");
        let response = track(&app, &request, MOBILE).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "request {request}"
        );
    }
    // The address has used up its 30: both routes refuse it, even for a right answer.
    limited(
        track(&app, &mine.reference, MOBILE).await,
        "assistance.lookup_rate_limited",
    )
    .await;
    limited(
        lookup(&app, "/api/v1/bookings/lookup", "7777-2345", MOBILE).await,
        "booking.lookup_rate_limited",
    )
    .await;
}

/// A new booking at the center on 2026-09-30 (a Wednesday) at `time` for `mobile`.
async fn book(app: &TestApp, key: &str, time: &str, mobile: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/bookings"))
        .header("Idempotency-Key", key)
        .json(&json!({
            "venue": "nantong-ip-protection-center", "topic": "patent",
            "date": "2026-09-30", "time": time, "name": "陌生人", "mobile": mobile,
        }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn booking_with_someone_elses_number_does_not_tell_when_they_have_an_appointment() {
    let app = spawn_app_at(NOW).await;
    // The holder of 13812345678 has a consultation at 10:00; 13900001111 holds three bookings.
    assert_eq!(
        book(&app, "holder", "10:00", MOBILE).await.status(),
        StatusCode::CREATED
    );
    for (i, time) in ["14:00", "14:30", "15:00"].iter().enumerate() {
        let response = book(&app, &format!("busy-{i}"), time, "13900001111").await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    // A stranger tries the holder's number at 10:00, and the busy number at 09:00: the same
    // answer, which names neither a time nor an appointment.
    let overlap: ApiErrorBody = book(&app, "probe-1", "10:00", MOBILE)
        .await
        .json()
        .await
        .unwrap();
    let limit: ApiErrorBody = book(&app, "probe-2", "09:00", "13900001111")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overlap.code, "booking.mobile_unavailable");
    assert_eq!(overlap.fields, limit.fields);
    let message = &overlap.fields["mobile"].message;
    assert!(
        !message.contains("10:00") && !message.contains("已有预约"),
        "{message}"
    );
    // The probes are bounded: 5 refusals for one number within the hour, then 429.
    for i in 0..4 {
        let response = book(&app, &format!("probe-3-{i}"), "10:00", MOBILE).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }
    let response = book(&app, "probe-4", "10:00", MOBILE).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: ApiErrorBody = response.json().await.unwrap();
    assert_eq!(body.code, "booking.mobile_rate_limited");
    // The holder's own number still books a free time: only refusals are limited.
    assert_eq!(
        book(&app, "holder-2", "11:00", MOBILE).await.status(),
        StatusCode::CREATED
    );
}
