//! The citizen side of the API tests, shared by every test file that acts as an applicant or a
//! person booking a consultation (as [`crate::staff_client`] is for staff):
//!
//! - rights assistance: a [`complete_draft`], starting ([`new_draft`]), saving ([`save`],
//!   [`save_ok`]), adding files ([`upload`], [`upload_ok`]) and submitting ([`submit`]) a draft,
//!   or all of it at once ([`submitted`]); following a request by its tracking link
//!   ([`track`], [`track_raw`]), withdrawing it ([`withdraw`]) and looking it up by reference
//!   and mobile number ([`request_lookup`]);
//! - consultation booking: a booking's answers ([`consultation`]), booking ([`book`],
//!   [`book_ok`], [`booking_request`] to send later), the manage link ([`booking`],
//!   [`reschedule`], [`cancel`]), the lookup by reference and mobile number
//!   ([`booking_lookup`], [`booking_summary`]) and the free seats ([`availability`], [`availability_ok`]);
//! - a plain JSON POST ([`post`]) and a 400 naming a field ([`assert_field_error`]).

use portal_domain::api::assistance::{
    AssistanceSubmitted, AssistanceTracking, DraftCreated, DraftView, EvidenceFile,
};
use portal_domain::api::booking::{Availability, Booking, BookingCreated, BookingSummary};
use portal_domain::api::ApiErrorBody;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{TestApp, JPEG};

/// The applicant of [`complete_draft`].
pub const MOBILE: &str = "13812345678";
pub const RESIDENT_ID: &str = "320611199003071232";
pub const NAME: &str = "张三丰";

/// A POST of `body` as JSON, nothing else.
pub async fn post(app: &TestApp, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// A bad parameter is a 400 naming the field, answered at once.
pub async fn assert_field_error(app: &TestApp, path: &str, field: &str, code: &str) {
    let started = std::time::Instant::now();
    let response = app.get(path).await;
    assert_eq!(response.status(), 400, "{path}");
    let body: ApiErrorBody = response.json().await.unwrap();
    assert!(
        started.elapsed().as_millis() < 1000,
        "{path} answers at once"
    );
    assert_eq!(body.code, "validation_failed", "{path}");
    let error = body
        .fields
        .get(field)
        .unwrap_or_else(|| panic!("{path}: no message for {field}: {:?}", body.fields));
    assert_eq!(error.code, code, "{path}");
    assert!(!error.message.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Rights assistance
// ---------------------------------------------------------------------------------------------

/// A complete draft by an individual ([`NAME`], [`MOBILE`]), for a utility model patent.
pub fn complete_draft() -> Value {
    json!({
        "applicant": {
            "kind": "individual",
            "name": NAME,
            "resident_id": RESIDENT_ID,
            "mobile": MOBILE,
            "acting_for_someone_else": false
        },
        "right": {
            "type": "utility_model_patent",
            "number": "ZL 2012 2 0687633.0",
            "title": "一种家纺面料",
            "holder": NAME,
            "legal_status": "in_force"
        },
        "other_party": {
            "name": "某某家纺店",
            "online_link": "https://shop.example.com/item/1",
            "place": "某电商平台"
        },
        "facts": {
            "description": "对方在网店销售仿冒我方专利的床品。",
            "discovered_on": "2026-09-01",
            "estimated_loss": "50000"
        },
        "help": {"types": ["rights_guidance", "mediation"]},
        "evidence": {"complete": true},
        "declaration": {"accepted": true}
    })
}

/// Asks for a new draft; the answer as it comes.
pub async fn post_draft(app: &TestApp) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/assistance/drafts"))
        .send()
        .await
        .unwrap()
}

/// A new draft (201, not cached).
pub async fn new_draft(app: &TestApp) -> DraftCreated {
    let response = post_draft(app).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json().await.unwrap()
}

pub async fn save(app: &TestApp, token: &str, draft: &Value) -> reqwest::Response {
    app.client
        .put(app.url(&format!("/api/v1/assistance/drafts/{token}")))
        .json(draft)
        .send()
        .await
        .unwrap()
}

pub async fn save_ok(app: &TestApp, token: &str, draft: &Value) -> DraftView {
    let response = save(app, token, draft).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// A file named `name` sent to `{path}/files` (a draft's or a request's path).
pub async fn upload(app: &TestApp, path: &str, name: &str, bytes: &[u8]) -> reqwest::Response {
    app.client
        .post(app.url(&format!("{path}/files")))
        .query(&[("name", name)])
        .header("Content-Type", "image/jpeg")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

pub async fn upload_ok(app: &TestApp, path: &str, name: &str, bytes: &[u8]) -> EvidenceFile {
    let response = upload(app, path, name, bytes).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    response.json().await.unwrap()
}

pub async fn submit(app: &TestApp, token: &str, key: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/assistance/drafts/{token}/submit")))
        .header("Idempotency-Key", key)
        .send()
        .await
        .unwrap()
}

/// A [`complete_draft`] with one photo, submitted with the `Idempotency-Key` `key`.
pub async fn submitted(app: &TestApp, key: &str) -> AssistanceSubmitted {
    submitted_with(app, key, &complete_draft(), "现场照片.jpg").await
}

/// The draft `answers` with one photo named `photo`, submitted with the `Idempotency-Key` `key`.
pub async fn submitted_with(
    app: &TestApp,
    key: &str,
    answers: &Value,
    photo: &str,
) -> AssistanceSubmitted {
    let draft = new_draft(app).await;
    save_ok(app, &draft.token, answers).await;
    let path = format!("/api/v1/assistance/drafts/{}", draft.token);
    upload_ok(app, &path, photo, JPEG).await;
    let response = submit(app, &draft.token, key).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// The request behind a tracking link, as the server wrote it (200).
pub async fn track_raw(app: &TestApp, token: &str) -> String {
    let response = app
        .get(&format!("/api/v1/assistance/requests/{token}"))
        .await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

/// The request behind a tracking link (200).
pub async fn track(app: &TestApp, token: &str) -> AssistanceTracking {
    serde_json::from_str(&track_raw(app, token).await).unwrap()
}

/// Withdraws the request behind a tracking link, with `body` (a reason) or none.
pub async fn withdraw(app: &TestApp, token: &str, body: Option<Value>) -> reqwest::Response {
    let request = app
        .client
        .post(app.url(&format!("/api/v1/assistance/requests/{token}/withdraw")));
    let request = match body {
        Some(body) => request.json(&body),
        None => request,
    };
    request.send().await.unwrap()
}

/// Looks a request up by reference and mobile number; the answer is not checked.
pub async fn request_lookup(app: &TestApp, reference: &str, mobile: &str) -> reqwest::Response {
    post(
        app,
        "/api/v1/assistance/requests/lookup",
        &json!({"reference": reference, "mobile": mobile}),
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// Consultation booking
// ---------------------------------------------------------------------------------------------

/// A booking by 李四 (no wheelchair access asked for) at `venue` for `topic`.
pub fn consultation(venue: &str, topic: &str, date: &str, time: &str, mobile: &str) -> Value {
    json!({
        "venue": venue, "topic": topic, "date": date, "time": time,
        "name": "李四", "mobile": mobile, "wheelchair_access": false,
    })
}

/// A booking with `body` and the `Idempotency-Key` `key`, not sent yet (to add a header, or to
/// send it from a task that races others).
pub fn booking_request(app: &TestApp, key: &str, body: &Value) -> reqwest::RequestBuilder {
    app.client
        .post(app.url("/api/v1/bookings"))
        .header("Idempotency-Key", key)
        .json(body)
}

/// Books with `body` and the `Idempotency-Key` `key`; the answer is not checked.
pub async fn book(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    booking_request(app, key, body).send().await.unwrap()
}

/// [`book`], which must succeed (201).
pub async fn book_ok(app: &TestApp, key: &str, body: &Value) -> BookingCreated {
    let response = book(app, key, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{key}");
    response.json().await.unwrap()
}

/// The booking behind a manage link (200).
pub async fn booking(app: &TestApp, token: &str) -> Booking {
    let response = app.get(&format!("/api/v1/bookings/{token}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// A move of the booking behind a manage link, not sent yet.
pub fn reschedule_request(
    app: &TestApp,
    token: &str,
    date: &str,
    time: &str,
) -> reqwest::RequestBuilder {
    app.client
        .post(app.url(&format!("/api/v1/bookings/{token}/reschedule")))
        .json(&json!({"date": date, "time": time}))
}

/// Moves the booking behind a manage link; the answer is not checked.
pub async fn reschedule(app: &TestApp, token: &str, date: &str, time: &str) -> reqwest::Response {
    reschedule_request(app, token, date, time)
        .send()
        .await
        .unwrap()
}

/// Cancels the booking behind a manage link; the answer is not checked.
pub async fn cancel(app: &TestApp, token: &str) -> reqwest::Response {
    post(app, &format!("/api/v1/bookings/{token}/cancel"), &json!({})).await
}

/// Looks a booking up by reference and mobile number; the answer is not checked.
pub async fn booking_lookup(app: &TestApp, reference: &str, mobile: &str) -> reqwest::Response {
    post(
        app,
        "/api/v1/bookings/lookup",
        &json!({"reference": reference, "mobile": mobile}),
    )
    .await
}

/// [`booking_lookup`], which must find the booking (200).
pub async fn booking_summary(app: &TestApp, reference: &str, mobile: &str) -> BookingSummary {
    let response = booking_lookup(app, reference, mobile).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The free seats of a venue for a topic; the answer is not checked.
pub async fn availability(app: &TestApp, venue: &str, topic: &str) -> reqwest::Response {
    app.get(&format!(
        "/api/v1/booking/availability?venue={venue}&topic={topic}"
    ))
    .await
}

/// [`availability`], which must succeed (200).
pub async fn availability_ok(app: &TestApp, venue: &str, topic: &str) -> Availability {
    let response = availability(app, venue, topic).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}
