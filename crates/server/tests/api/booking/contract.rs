//! The booking API's contract outside the handlers: the OpenAPI document, and the real binary
//! taking its clock from `PORTAL_NOW` and logging no personal data.

use portal_domain::api::booking::{Availability, BookingCreated};
use serde_json::{json, Value};

use crate::binary::{fetch_json, Binary};
use crate::helpers::{assert_documented, openapi, spawn_app_at};

use super::{mobile, request, CENTER, MOBILE, NOW};

#[tokio::test]
async fn the_openapi_document_describes_the_booking_api() {
    let app = spawn_app_at(NOW).await;
    let doc = openapi(&app).await;
    assert_documented(
        &doc,
        &[
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
        ],
        &[
            "BookingRequest",
            "BookingCreated",
            "Availability",
            "SlotTakenDetails",
            "LookupRescheduleRequest",
        ],
    );
    let create = &doc["paths"]["/api/v1/bookings"]["post"];
    assert!(create["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"));
    for code in ["201", "400", "409", "413", "422"] {
        assert!(create["responses"][code].is_object(), "{code}");
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
    let open: Availability = fetch_json(client.get(format!(
        "{base}/api/v1/booking/availability?venue={CENTER}&topic=patent"
    )))
    .await;
    assert_eq!(
        open.today.to_string(),
        "2026-09-21",
        "PORTAL_NOW is the clock"
    );

    let mut body = request("2026-09-22", "09:00", MOBILE);
    body["name"] = json!("张三丰");
    body["uscc"] = json!("91110000600037341L");
    let created: BookingCreated = fetch_json(
        client
            .post(format!("{base}/api/v1/bookings"))
            .header("Idempotency-Key", "log-check")
            .json(&body),
    )
    .await;
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
