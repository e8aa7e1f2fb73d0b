use portal_domain::api::ApiErrorBody;

use crate::helpers::spawn_app;

async fn error_body(response: reqwest::Response) -> ApiErrorBody {
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "errors are JSON"
    );
    response.json().await.expect("the error contract")
}

#[tokio::test]
async fn unknown_api_routes_answer_a_json_404() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/no-such-thing",
        "/api/v1/venues/extra/segments",
        "/api/v2/health",
        "/api/",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body = error_body(response).await;
        assert_eq!(body.code, "not_found", "{path}");
        assert!(!body.message.is_empty());
    }
}

#[tokio::test]
async fn a_wrong_method_answers_a_json_405() {
    let app = spawn_app().await;
    let response = app
        .client
        .delete(app.url("/api/v1/venues"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(error_body(response).await.code, "method_not_allowed");
}

#[tokio::test]
async fn an_unreadable_query_string_is_a_400_not_a_500() {
    let app = spawn_app().await;
    // The same single-valued parameter twice cannot be read.
    let response = app.get("/api/v1/venues?kind=center&kind=partner").await;
    assert_eq!(response.status(), 400);
    assert_eq!(error_body(response).await.code, "bad_request");
}

#[tokio::test]
async fn error_messages_follow_accept_language() {
    let app = spawn_app().await;
    let zh = error_body(app.get("/api/v1/nothing").await).await;
    let en = error_body(
        app.client
            .get(app.url("/api/v1/nothing"))
            .header("Accept-Language", "en")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(zh.code, en.code);
    assert_ne!(zh.message, en.message);
    assert!(en.message.is_ascii());
    assert!(!zh.message.is_ascii());
}

/// Dates at the far end of the calendar (where "the day after" has no answer) are refused as
/// bad input, never a panic: the desk's day view and a holiday year ending on 9999-12-31.
#[tokio::test]
async fn dates_at_the_ends_of_the_calendar_are_refused_not_a_crash() {
    use crate::staff_client::{get, login_admin, staff_app};
    use reqwest::Method;
    use serde_json::json;

    let app = staff_app("2026-11-20T10:00:00+08:00").await;
    let admin = login_admin(&app).await;
    let desk = crate::staff_client::staff_with(
        &app,
        &admin,
        "desk",
        &[portal_domain::api::staff::Role::Reception],
    )
    .await;
    for date in ["9999-12-31", "0001-01-01", "3000-01-01"] {
        let response = get(&app, &desk, &format!("/api/v1/staff/slots?date={date}")).await;
        assert_eq!(response.status(), 400, "slots on {date}");
        error_body(response).await;
        let response = get(&app, &desk, &format!("/api/v1/staff/bookings?date={date}")).await;
        assert_eq!(response.status(), 400, "desk day list on {date}");
        error_body(response).await;
    }
    let holiday_ending_9999 = json!({
        "source_title": "测试数据（TEST DATA, not an official notice)",
        "source_url": "https://example.org/test-only/holidays-9999",
        "holidays": [{"name": "测试假日（虚构）", "from": "9999-12-30", "to": "9999-12-31"}],
        "working_days": [],
    });
    for year in ["9999", "2999"] {
        let response = crate::staff_client::call_as(
            &app,
            Method::PUT,
            &format!("/api/v1/staff/admin/holidays/{year}"),
            &admin,
            Some(holiday_ending_9999.clone()),
        )
        .await;
        let status = response.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "holiday year {year}: {status}"
        );
        error_body(response).await;
    }
}

/// Found by the API contract run (schemathesis): serde reads a struct from a JSON array too, so
/// `["admin", "password"]` signed in although every body is documented as an object.
#[tokio::test]
async fn a_json_body_that_is_not_an_object_is_a_bad_request() {
    use crate::staff_client::{staff_app, ADMIN, ADMIN_PASSWORD};
    let app = staff_app("2026-11-20T10:00:00+08:00").await;
    for body in [
        serde_json::json!([ADMIN, ADMIN_PASSWORD]),
        serde_json::json!([null, null]),
        serde_json::json!("text"),
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/staff/session"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{body}");
        assert_eq!(error_body(response).await.code, "bad_request", "{body}");
    }
    // An object with whitespace before it is still an object.
    let response = app
        .client
        .post(app.url("/api/v1/staff/session"))
        .header("content-type", "application/json")
        .body(format!(
            " \n{}",
            serde_json::json!({ "username": ADMIN, "password": ADMIN_PASSWORD })
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}
