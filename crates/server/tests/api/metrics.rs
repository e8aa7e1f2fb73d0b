//! The operators' Prometheus metrics (issue #16), on a listener of their own: requests by route
//! template (never a token or reference from the path), time to answer, limit refusals and the
//! database pool.

use crate::citizen::booking_lookup;
use crate::helpers::{spawn_app, TestApp};

async fn scrape(app: &TestApp) -> String {
    let response = reqwest::get(&app.metrics).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    response.text().await.unwrap()
}

/// The value of the sample whose name and labels are `series`.
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
}

#[tokio::test]
async fn requests_are_counted_by_route_template_with_refusals_and_the_pool() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/v1/venues").await.status(), 200);
    assert_eq!(app.get("/api/v1/venues").await.status(), 200);
    let secret = "a-manage-token-that-must-not-appear-in-metrics";
    let response = app.get(&format!("/api/v1/bookings/{secret}")).await;
    assert_eq!(response.status(), 404);
    // Failed lookups of one reference: the 6th is refused by the limit.
    for _ in 0..6 {
        booking_lookup(&app, "ABCD-EFGH", "13800000000").await;
    }

    let text = scrape(&app).await;
    let venues = r#"portal_http_requests_total{method="GET",route="/api/v1/venues",status="200"}"#;
    assert_eq!(value(&text, venues), Some(2.0), "{text}");
    let by_token =
        r#"portal_http_requests_total{method="GET",route="/api/v1/bookings/{token}",status="404"}"#;
    assert_eq!(value(&text, by_token), Some(1.0), "{text}");
    assert!(!text.contains(secret), "a token in the metrics");
    assert!(!text.contains("ABCD"), "a reference in the metrics");
    let timed =
        r#"portal_http_request_duration_seconds_count{method="GET",route="/api/v1/venues"}"#;
    assert_eq!(value(&text, timed), Some(2.0), "{text}");
    let refused = r#"portal_rate_limit_refusals_total{route="/api/v1/bookings/lookup"}"#;
    assert_eq!(value(&text, refused), Some(1.0), "{text}");
    let open = r#"portal_db_pool_connections{state="open"}"#;
    assert!(value(&text, open).is_some_and(|n| n >= 1.0), "{text}");
}

/// The metrics are not on the public address.
#[tokio::test]
async fn the_public_address_does_not_serve_the_metrics() {
    let app = spawn_app().await;
    let response = app.get("/metrics").await;
    let body = response.text().await.unwrap();
    assert!(!body.contains("portal_http_requests_total"), "{body}");
}
