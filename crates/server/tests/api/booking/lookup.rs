//! Looking a booking up by reference + mobile number: what the answer leaks (nothing), and the
//! limit on failed lookups per reference and per address on every lookup route.

use portal_domain::api::booking::BookingSummary;
use portal_domain::api::ApiErrorBody;
use portal_domain::reference::BookingReference;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::citizen::{self, book_ok, booking_summary, cancel, post};
use crate::helpers::{at, error, spawn_app_at, TestApp};

use super::{
    assert_untouched, cancel_by_reference, mobile, request, reschedule_by_reference, summary_ok,
    HOLDER_SECRETS, LOOKUP, LOOKUP_CANCEL, LOOKUP_RESCHEDULE, LOOKUP_ROUTES, MOBILE, NOW,
};

#[tokio::test]
async fn lookup_by_reference_and_mobile_leaks_nothing() {
    let app = spawn_app_at(NOW).await;
    let mut body = request("2026-09-22", "09:00", MOBILE);
    body["name"] = json!("张三丰");
    body["organisation"] = json!("南通某某家纺有限公司");
    body["uscc"] = json!("91110000600037341L");
    let created = book_ok(&app, "lookup", &body).await;
    let reference = created.booking.reference.clone();

    // The holder sees the name; mobile and USCC stay masked.
    let raw = app
        .get(&format!("/api/v1/bookings/{}", created.manage_token))
        .await;
    assert_eq!(raw.headers()["cache-control"], "no-store");
    let raw = raw.text().await.unwrap();
    assert!(raw.contains("张三丰"));
    assert!(raw.contains("138****5678") && !raw.contains(MOBILE));
    assert!(raw.contains("91************341L") && !raw.contains("91110000600037341L"));

    // Reference (typed loosely) + the right mobile: masked summary, no manage token.
    let loose = reference.to_lowercase().replace('-', " ");
    let response = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": loose, "mobile": "138 1234 5678"}),
    )
    .await;
    assert_eq!(response.status(), 200);
    let raw = response.text().await.unwrap();
    for secret in HOLDER_SECRETS
        .into_iter()
        .chain([created.manage_token.as_str()])
    {
        assert!(!raw.contains(secret), "{secret} leaked: {raw}");
    }
    let summary: BookingSummary = serde_json::from_str(&raw).unwrap();
    assert_eq!(summary.reference, reference);
    assert_eq!(summary.name, "张**");
    assert_eq!(summary.mobile, "138****5678");
    assert_eq!(summary.start_time, "09:00");
    let raw: Value = serde_json::from_str(&raw).unwrap();
    assert!(raw.get("manage_token").is_none() && raw.get("description").is_none());

    // A wrong mobile and an unknown reference give the very same 404.
    let wrong_mobile = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": reference, "mobile": mobile(1)}),
    )
    .await;
    let unknown = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": "2222-2222", "mobile": MOBILE}),
    )
    .await;
    assert_eq!(wrong_mobile.status(), 404);
    assert_eq!(unknown.status(), 404);
    assert_eq!(
        wrong_mobile.text().await.unwrap(),
        unknown.text().await.unwrap()
    );

    // Malformed input is a field message, not a probe.
    let response = post(
        &app,
        "/api/v1/bookings/lookup",
        &json!({"reference": "K0QX-M2PD", "mobile": "12345"}),
    )
    .await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["reference"].code, "booking.reference_format");
    assert_eq!(body.fields["mobile"].code, "mobile_number.wrong_length");

    // A wrong or malformed manage token is an ordinary 404.
    for token in [
        "A".repeat(43),
        "short".to_owned(),
        "%E5%BC%A0".to_owned(),
        format!("{}x", created.manage_token),
    ] {
        for path in ["", "/calendar.ics"] {
            let response = app.get(&format!("/api/v1/bookings/{token}{path}")).await;
            assert_eq!(response.status(), 404, "{token}{path}");
            assert_eq!(error(response).await.code, "not_found");
        }
        assert_eq!(cancel(&app, &token).await.status(), 404);
    }
}

/// A lookup by reference on `path` (one of the three lookup routes), in `lang`.
async fn lookup_on(
    app: &TestApp,
    path: &str,
    reference: &str,
    mobile: &str,
    lang: &str,
) -> reqwest::Response {
    let mut body = json!({"reference": reference, "mobile": mobile});
    if path == LOOKUP_RESCHEDULE {
        body["date"] = json!("2026-09-23");
        body["time"] = json!("14:00");
    }
    app.client
        .post(app.url(path))
        .header("Accept-Language", lang)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// A 429 of the limit: the code, `Retry-After`, not cached; gives the body.
async fn rate_limited(response: reqwest::Response, retry_after: i64) -> ApiErrorBody {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["retry-after"],
        retry_after.to_string().as_str()
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body = error(response).await;
    assert_eq!(body.code, "booking.lookup_rate_limited");
    assert!(body.fields.is_empty());
    body
}

#[tokio::test]
async fn five_failed_lookups_of_a_reference_lock_it_for_an_hour_on_every_lookup_route() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let (token, reference) = (created.manage_token, created.booking.reference);
    let other = book_ok(&app, "other", &request("2026-09-22", "09:00", &mobile(2))).await;

    // Five wrong numbers, spread over the three routes: they share one count.
    for (i, path) in [
        LOOKUP,
        LOOKUP_RESCHEDULE,
        LOOKUP_CANCEL,
        LOOKUP,
        LOOKUP_CANCEL,
    ]
    .into_iter()
    .enumerate()
    {
        let response = lookup_on(&app, path, &reference, &mobile(10 + i), "zh").await;
        assert_eq!(response.status(), 404, "failure {} on {path}", i + 1);
    }

    // Now even the right number is refused, on every route, in the asked language.
    let response = lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await;
    assert_eq!(response.headers()["content-language"], "en");
    let en = rate_limited(response, 3600).await;
    for words in ["manage link", "60 minutes", "12345"] {
        assert!(en.message.contains(words), "{words}: {}", en.message);
    }
    let zh = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "zh").await,
        3600,
    )
    .await;
    for words in ["管理链接", "60 分钟", "12345"] {
        assert!(zh.message.contains(words), "{words}: {}", zh.message);
    }
    for path in LOOKUP_ROUTES {
        rate_limited(lookup_on(&app, path, &reference, MOBILE, "zh").await, 3600).await;
    }
    // Nothing was moved or cancelled, and the manage link is not limited.
    assert_untouched(&app, &token).await;

    // An unknown reference is locked the same way, with the very same answer: the 429 does
    // not tell whether a reference exists.
    for i in 0..5 {
        let response = lookup_on(&app, LOOKUP, "2222-2222", &mobile(20 + i), "en").await;
        assert_eq!(response.status(), 404);
    }
    let unknown = lookup_on(&app, LOOKUP, "2222-2222", MOBILE, "en").await;
    let known = lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await;
    assert_eq!(unknown.status(), 429);
    assert_eq!(
        unknown.headers()["retry-after"],
        known.headers()["retry-after"]
    );
    assert_eq!(unknown.text().await.unwrap(), known.text().await.unwrap());

    // Another reference is not affected.
    let other_reference = &other.booking.reference;
    assert_eq!(
        booking_summary(&app, other_reference, &mobile(2))
            .await
            .reference,
        *other_reference
    );

    // Half an hour later, still locked, for the half hour left.
    app.clock.set(at(NOW) + 30 * 60);
    let body = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await,
        1800,
    )
    .await;
    assert!(body.message.contains("30 minutes"), "{}", body.message);
    // An hour after the failures, the right number works again, on every route.
    app.clock.set(at(NOW) + 60 * 60);
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "14:00").await;
    assert_eq!(summary_ok(response, &[MOBILE]).await.sequence, 1);
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(summary_ok(response, &[MOBILE]).await.sequence, 2);
    // … and the count starts again from nothing.
    for i in 0..4 {
        let response = lookup_on(&app, LOOKUP, &reference, &mobile(30 + i), "zh").await;
        assert_eq!(response.status(), 404);
    }
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
}

#[tokio::test]
async fn lookups_that_find_the_booking_do_not_count() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    for i in 0..4 {
        let response = lookup_on(&app, LOOKUP, &reference, &mobile(10 + i), "zh").await;
        assert_eq!(response.status(), 404);
    }
    // Many successes on every route after four failures: none of them counts …
    for _ in 0..10 {
        booking_summary(&app, &reference, MOBILE).await;
    }
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-23", "14:00").await;
    assert_eq!(response.status(), 200);
    let response = cancel_by_reference(&app, &reference, MOBILE).await;
    assert_eq!(response.status(), 200);
    // … nor do answers that are not a 404: a refused change and a malformed request.
    let response = reschedule_by_reference(&app, &reference, MOBILE, "2026-09-24", "09:00").await;
    assert_eq!(error(response).await.code, "booking.already_cancelled");
    let response = lookup_on(&app, LOOKUP, &reference, "12345", "zh").await;
    assert_eq!(response.status(), 400);
    // … so the fifth failure is still a 404, and only then is the reference locked.
    let response = lookup_on(&app, LOOKUP, &reference, &mobile(14), "zh").await;
    assert_eq!(response.status(), 404);
    rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "zh").await,
        3600,
    )
    .await;
}

#[tokio::test]
async fn parallel_failed_lookups_cannot_slip_past_the_limit() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let client = app.client.clone();
        let url = app.url(LOOKUP);
        let body = json!({"reference": reference, "mobile": mobile(100 + i)});
        tasks.spawn(async move { client.post(url).json(&body).send().await.unwrap().status() });
    }
    let statuses = tasks.join_all().await;
    let count = |status: u16| statuses.iter().filter(|s| s.as_u16() == status).count();
    assert_eq!((count(404), count(429)), (5, 15), "{statuses:?}");
}

#[tokio::test]
async fn thirty_failed_lookups_from_one_address_lock_every_lookup_from_it_for_an_hour() {
    let app = spawn_app_at(NOW).await;
    let created = book_ok(&app, "mine", &request("2026-09-22", "09:00", MOBILE)).await;
    let reference = created.booking.reference;
    // 30 different references, one wrong guess each (the test client is 127.0.0.1), over the
    // three routes.
    for i in 0..30u64 {
        let guess = BookingReference::from_random(i * 1_000_003).to_string();
        assert_ne!(guess, reference);
        let path = LOOKUP_ROUTES[i as usize % 3];
        let response = lookup_on(&app, path, &guess, MOBILE, "zh").await;
        assert_eq!(response.status(), 404, "failure {} on {path}", i + 1);
    }
    // The 31st lookup from the address is refused, whatever it asks for, with the same answer
    // as the per-reference limit.
    let body = rate_limited(
        lookup_on(&app, LOOKUP, &reference, MOBILE, "en").await,
        3600,
    )
    .await;
    assert!(body.message.contains("manage link"), "{}", body.message);
    for path in LOOKUP_ROUTES {
        rate_limited(lookup_on(&app, path, "3333-3333", MOBILE, "zh").await, 3600).await;
    }
    // Other routes are not limited.
    citizen::booking(&app, &created.manage_token).await;
    // An hour later the address may look up again.
    app.clock.set(at(NOW) + 60 * 60);
    assert_eq!(
        booking_summary(&app, &reference, MOBILE).await.reference,
        reference
    );
}
