//! Staff sessions: logging in and out, the cookies, idle and absolute timeouts, and the limits
//! on failed logins (per username, per address, behind trusted proxies).

use portal_domain::api::staff::{Role, StaffSession};
use portal_domain::api::ApiErrorBody;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{at, StaffOptions, TestApp};
use crate::staff_client::{
    admin_options, audit, call, error, get, login, login_response, set_cookies, staff_with,
    Session, ADMIN, ADMIN_PASSWORD, PASSWORD,
};

use super::{app, app_with, NOW};

#[tokio::test]
async fn login_sets_a_strict_http_only_cookie_and_logout_ends_the_session() {
    let app = app().await;
    let response = login_response(&app, " Admin ", ADMIN_PASSWORD).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let attributes: Vec<&str> = set_cookie.split(';').map(str::trim).collect();
    assert!(attributes[0].starts_with("portal_staff_session="));
    assert_eq!(attributes[0].len(), "portal_staff_session=".len() + 43);
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(attributes.contains(&attribute), "{set_cookie}");
    }
    assert!(!attributes.contains(&"Secure"), "plain HTTP in development");
    let session: StaffSession = response.json().await.unwrap();
    assert_eq!(session.username, ADMIN);
    assert_eq!(session.roles, [Role::Administrator]);
    assert_eq!(session.expires_at, "2026-09-29T22:00:00+08:00");
    let me = Session {
        cookie: attributes[0].to_owned(),
        csrf: session.csrf_token.clone(),
    };

    let response = get(&app, &me, "/api/v1/staff/session").await;
    assert_eq!(response.status(), 200);
    let again: StaffSession = response.json().await.unwrap();
    assert_eq!(again, session);

    // Logging out is a change: it needs the token.
    let response = call(
        &app,
        Method::DELETE,
        "/api/v1/staff/session",
        Some(&me),
        None,
        None,
    )
    .await;
    assert_eq!(response.status(), 403);
    assert_eq!(error(response).await.code, "staff.csrf");
    let response = call(
        &app,
        Method::DELETE,
        "/api/v1/staff/session",
        Some(&me),
        Some(&me.csrf),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let cleared = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.starts_with("portal_staff_session=;") && cleared.contains("Max-Age=0"));
    let response = get(&app, &me, "/api/v1/staff/session").await;
    assert_eq!(response.status(), 401);
    assert_eq!(error(response).await.code, "staff.unauthenticated");

    let log = audit(&app, &login(&app, ADMIN, ADMIN_PASSWORD).await).await;
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "session.login",
            "session.logout",
            "session.login",
            "account.first_administrator"
        ]
    );
    assert_eq!(log.items[3].actor, None);
}

#[tokio::test]
async fn the_cookies_are_secure_host_cookies_unless_told_to_serve_plain_http() {
    let app = app_with(StaffOptions {
        secure_cookies: true,
        ..admin_options()
    })
    .await;
    let response = login_response(&app, ADMIN, ADMIN_PASSWORD).await;
    let cookies = set_cookies(&response);
    assert!(
        cookies[0].starts_with("__Host-portal_staff_session="),
        "{cookies:?}"
    );
    assert!(
        cookies[1].starts_with("__Host-portal_staff_device="),
        "{cookies:?}"
    );
    for cookie in &cookies {
        assert!(cookie.split(';').any(|a| a.trim() == "Secure"), "{cookie}");
    }
    // The session works under its `__Host-` name.
    let session: StaffSession = response.json().await.unwrap();
    let me = Session {
        cookie: cookies[0].split(';').next().unwrap().to_owned(),
        csrf: session.csrf_token,
    };
    assert_eq!(get(&app, &me, "/api/v1/staff/session").await.status(), 200);
    let plain = Session {
        cookie: me.cookie.trim_start_matches("__Host-").to_owned(),
        ..me
    };
    assert_eq!(
        get(&app, &plain, "/api/v1/staff/session").await.status(),
        401
    );
}

#[tokio::test]
async fn unknown_users_wrong_passwords_and_disabled_accounts_get_the_same_answer() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let desk1 = staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    let response = call(
        &app,
        Method::PATCH,
        "/api/v1/staff/accounts/desk1",
        Some(&admin),
        Some(&admin.csrf),
        Some(json!({"active": false})),
    )
    .await;
    assert_eq!(response.status(), 200);
    // Disabling an account ends the sessions it had.
    assert_eq!(
        get(&app, &desk1, "/api/v1/staff/session").await.status(),
        401
    );

    let mut answers = Vec::new();
    for (username, password) in [
        ("nobody", ADMIN_PASSWORD),
        (ADMIN, "not the password at all"),
        ("desk1", PASSWORD),
    ] {
        let response = login_response(&app, username, password).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{username}");
        assert!(response.headers().get("set-cookie").is_none());
        answers.push(response.text().await.unwrap());
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[1], answers[2]);
    let body: ApiErrorBody = serde_json::from_str(&answers[0]).unwrap();
    assert_eq!(body.code, "staff.login_failed");

    // Empty fields are a validation error, not a failed login.
    let response = login_response(&app, "", "").await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert!(body.fields.contains_key("username") && body.fields.contains_key("password"));
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_or_12_hours() {
    let app = app().await;
    let t0 = at(NOW);
    let session = login(&app, ADMIN, ADMIN_PASSWORD).await;
    // Busy: a request every 29 minutes keeps it alive ...
    for i in 1..=24 {
        app.clock.set(t0 + i * 29 * 60);
        let response = get(&app, &session, "/api/v1/staff/session").await;
        assert_eq!(response.status(), 200, "after {} minutes", i * 29);
    }
    // ... until 12 hours after login (24 × 29 min = 11 h 36 min).
    app.clock.set(t0 + 12 * 60 * 60);
    let response = get(&app, &session, "/api/v1/staff/session").await;
    assert_eq!(response.status(), 401);

    // Idle: 30 minutes without a request.
    let session = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let t1 = t0 + 12 * 60 * 60;
    app.clock.set(t1 + 29 * 60 + 59);
    assert_eq!(
        get(&app, &session, "/api/v1/staff/session").await.status(),
        200
    );
    app.clock.set(t1 + 29 * 60 + 59 + 30 * 60);
    let response = get(&app, &session, "/api/v1/staff/session").await;
    assert_eq!(response.status(), 401);
    assert_eq!(error(response).await.code, "staff.unauthenticated");

    // A made-up cookie is no session either.
    let fake = Session {
        cookie: format!("portal_staff_session={}", "A".repeat(43)),
        csrf: String::new(),
    };
    assert_eq!(
        get(&app, &fake, "/api/v1/staff/session").await.status(),
        401
    );
}

#[tokio::test]
async fn failed_logins_are_limited_per_username_and_per_address() {
    let app = app().await;
    let t0 = at(NOW);
    for _ in 0..5 {
        assert_eq!(
            login_response(&app, ADMIN, "wrong password!!")
                .await
                .status(),
            401
        );
    }
    // Locked, even with the right password, for 15 minutes from the first failure.
    let response = login_response(&app, ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "900");
    assert_eq!(error(response).await.code, "staff.login_rate_limited");
    // The same for a name that does not exist: nothing tells them apart.
    for _ in 0..5 {
        assert_eq!(
            login_response(&app, "ghost", "wrong password!!")
                .await
                .status(),
            401
        );
    }
    assert_eq!(login_response(&app, "ghost", "x").await.status(), 429);
    app.clock.set(t0 + 15 * 60);
    login(&app, ADMIN, ADMIN_PASSWORD).await;

    // 20 failures from one address, whatever the usernames, lock the address.
    for i in 0..20 {
        let status = login_response(&app, &format!("user{i}"), "wrong password!!")
            .await
            .status();
        assert_eq!(status, 401, "failure {}", i + 1);
    }
    let response = login_response(&app, ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), 429);
    app.clock.set(t0 + 30 * 60);
    login(&app, ADMIN, ADMIN_PASSWORD).await;
}

/// A failed login sent as if through a proxy that says the client is `forwarded_for`.
async fn login_forwarded(app: &TestApp, forwarded_for: &str, username: &str) -> StatusCode {
    app.client
        .post(app.url("/api/v1/staff/session"))
        .header("X-Forwarded-For", forwarded_for)
        .json(&json!({"username": username, "password": "wrong password!!"}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_failed_logins_count_per_forwarded_client() {
    // The tests' requests come from 127.0.0.1: here that is the portal's reverse proxy.
    let app = app_with(StaffOptions {
        trusted_proxies: "127.0.0.1",
        ..admin_options()
    })
    .await;
    // 20 failures from one visitor; the first entries are made up by the visitor itself and
    // change every time, the proxy appends the address it really saw.
    for i in 0..20 {
        let status = login_forwarded(
            &app,
            &format!("192.0.2.{i}, 203.0.113.7"),
            &format!("user{i}"),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {}", i + 1);
    }
    assert_eq!(
        login_forwarded(&app, "198.51.100.1, 203.0.113.7", "someone").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Everybody else behind the same proxy can still sign in.
    let response = app
        .client
        .post(app.url("/api/v1/staff/session"))
        .header("X-Forwarded-For", "198.51.100.23")
        .json(&json!({"username": ADMIN, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_address_changes_nothing() {
    let app = app().await;
    for i in 0..20 {
        let status = login_forwarded(&app, &format!("203.0.113.{i}"), &format!("user{i}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {}", i + 1);
    }
    // The address is the peer's: a new X-Forwarded-For does not get round the limit.
    assert_eq!(
        login_forwarded(&app, "198.51.100.23", "someone").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
