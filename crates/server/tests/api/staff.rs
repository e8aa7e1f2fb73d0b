//! The staff workbench over HTTP, on a clock fixed at Tuesday 2026-09-29 10:00 in Shanghai
//! (国庆节 10-01..07 off, Saturday 10-10 a working day), with the first administrator created
//! from the configuration as `PORTAL_ADMIN_USERNAME` / `PORTAL_ADMIN_PASSWORD` would.

use portal_domain::api::assistance::{AssistanceTracking, RequestStatus};
use portal_domain::api::booking::BookingCreated;
use portal_domain::api::staff::{
    CaseDetail, CaseList, DeskBooking, DeskBookingList, Overview, Role, StaffSession,
};
use portal_domain::api::ApiErrorBody;
use portal_server::staff::{route_table, Access};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::binary::Binary;
use crate::citizen::{
    book_ok, consultation, request_lookup, submitted, track, track_raw, MOBILE, RESIDENT_ID,
};
use crate::helpers::{at, spawn_staff_app, StaffOptions, TestApp, JPEG};
use crate::staff_client::{
    admin_options, audit, call, case_detail, case_queue, error, get, login, login_response, post,
    staff_app, staff_with, Session, ADMIN, ADMIN_PASSWORD, PASSWORD,
};

pub(crate) const NOW: &str = "2026-09-29T10:00:00+08:00";

async fn app_with(options: StaffOptions) -> TestApp {
    spawn_staff_app(tempfile::tempdir().unwrap(), NOW, options).await
}

pub(crate) async fn app() -> TestApp {
    staff_app(NOW).await
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

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
    let cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
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

#[tokio::test]
async fn the_first_administrator_is_created_only_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_staff_app(dir, NOW, admin_options()).await;
    login(&app, ADMIN, ADMIN_PASSWORD).await;
    // The same database started again with another password: the administrator exists, so
    // the configuration is ignored.
    let second = reuse(app, "other test-only password").await;
    assert_eq!(
        login_response(&second, ADMIN, "other test-only password")
            .await
            .status(),
        401
    );
    login(&second, ADMIN, ADMIN_PASSWORD).await;

    // Without the configuration nobody exists and nobody can log in.
    let empty = app_with(StaffOptions::default()).await;
    assert_eq!(
        login_response(&empty, ADMIN, ADMIN_PASSWORD).await.status(),
        401
    );
}

/// Starts a second server on the first one's database with another first-admin password.
async fn reuse(app: TestApp, password: &str) -> TestApp {
    let TestApp { dir, .. } = app;
    spawn_staff_app(
        dir,
        NOW,
        StaffOptions {
            first_admin: Some((ADMIN.to_owned(), password.to_owned())),
            ..admin_options()
        },
    )
    .await
}

#[tokio::test]
async fn accounts_can_be_created_changed_and_never_leave_no_administrator() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let response = post(
        &app,
        &admin,
        "/api/v1/staff/accounts",
        json!({"username": "CASE1", "display_name": "x", "roles": ["reception"], "password": PASSWORD}),
    )
    .await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.username_taken");
    let response = post(
        &app,
        &admin,
        "/api/v1/staff/accounts",
        json!({"username": "short", "display_name": "x", "roles": [], "password": "short"}),
    )
    .await;
    assert_eq!(response.status(), 400);
    let body = error(response).await;
    assert_eq!(body.fields["password"].code, "staff.password_too_short");
    assert_eq!(body.fields["roles"].code, "staff.roles_missing");

    // A change of roles applies from the next request.
    assert_eq!(
        get(&app, &handler, "/api/v1/staff/cases").await.status(),
        200
    );
    let patch = |body: Value| {
        call(
            &app,
            Method::PATCH,
            "/api/v1/staff/accounts/case1",
            Some(&admin),
            Some(&admin.csrf),
            Some(body),
        )
    };
    assert_eq!(patch(json!({"roles": ["reception"]})).await.status(), 200);
    assert_eq!(
        get(&app, &handler, "/api/v1/staff/cases").await.status(),
        403
    );
    // A new password ends the account's sessions.
    assert_eq!(
        patch(json!({"password": "another test-only pass"}))
            .await
            .status(),
        200
    );
    assert_eq!(
        get(&app, &handler, "/api/v1/staff/session").await.status(),
        401
    );

    // The only administrator cannot lose the role or be disabled.
    for body in [json!({"roles": ["reception"]}), json!({"active": false})] {
        let response = call(
            &app,
            Method::PATCH,
            "/api/v1/staff/accounts/admin",
            Some(&admin),
            Some(&admin.csrf),
            Some(body),
        )
        .await;
        assert_eq!(response.status(), 409);
        assert_eq!(error(response).await.code, "staff.last_administrator");
    }
    let me: StaffSession = get(&app, &admin, "/api/v1/staff/session")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me.roles, [Role::Administrator]);

    let log = audit(&app, &admin).await;
    let updates: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.action == "account.update")
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(updates, ["password set", "roles: reception"]);
    assert!(log.items.iter().all(|e| !e.summary.contains(PASSWORD)));
}

// ---------------------------------------------------------------------------------------------
// Access control from the route table
// ---------------------------------------------------------------------------------------------

fn concrete(path: &str) -> String {
    format!(
        "/api/v1{}",
        path.replace("{id}", "999999")
            .replace("{file_id}", "1")
            .replace("{username}", "nobody")
    )
}

#[tokio::test]
async fn every_staff_route_refuses_without_a_session_and_without_the_role() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let mut by_role = Vec::new();
    for role in Role::ALL {
        let session = staff_with(&app, &admin, role.code(), &[*role]).await;
        by_role.push((*role, session));
    }
    let routes = route_table();
    assert!(routes.len() >= 18);
    for route in &routes {
        let path = concrete(route.path);
        let label = format!("{} {}", route.method, route.path);
        assert!(route.path.starts_with("/staff/"), "{label}");
        if route.access == Access::Public {
            assert_eq!(label, "POST /staff/session", "only logging in is public");
            continue;
        }
        let body = (route.method != Method::GET).then(|| json!({}));
        // No session at all.
        let response = call(&app, route.method.clone(), &path, None, None, body.clone()).await;
        assert_eq!(response.status(), 401, "{label}");
        assert_eq!(
            error(response).await.code,
            "staff.unauthenticated",
            "{label}"
        );
        let Access::Roles(roles) = route.access else {
            continue;
        };
        for (role, session) in &by_role {
            let response = call(
                &app,
                route.method.clone(),
                &path,
                Some(session),
                Some(&session.csrf),
                body.clone(),
            )
            .await;
            let status = response.status();
            if roles.contains(role) {
                assert!(
                    status != 401 && status != 403,
                    "{label} refuses {role:?}: {status}"
                );
            } else {
                assert_eq!(status, 403, "{label} lets {role:?} in");
                assert_eq!(error(response).await.code, "staff.forbidden", "{label}");
            }
        }
        assert!(
            by_role.iter().any(|(role, _)| !roles.contains(role)),
            "{label} is open to every role: make it AnyStaff"
        );
    }

    // The table and the OpenAPI document name the same routes.
    let openapi: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut documented = Vec::new();
    for (path, item) in openapi["paths"].as_object().unwrap() {
        if let Some(rest) = path.strip_prefix("/api/v1/staff") {
            for method in item.as_object().unwrap().keys() {
                documented.push(format!("{} /staff{rest}", method.to_uppercase()));
            }
        }
    }
    let mut table: Vec<String> = routes
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    documented.sort();
    table.sort();
    assert_eq!(documented, table);
    for tag in openapi["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(p, _)| p.starts_with("/api/v1/staff"))
        .flat_map(|(_, item)| item.as_object().unwrap().values())
    {
        assert_eq!(tag["tags"], json!(["staff"]));
    }
}

#[tokio::test]
async fn every_state_changing_staff_route_needs_the_csrf_token() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let all = staff_with(&app, &admin, "everything", Role::ALL).await;
    let mut checked = 0;
    for route in route_table() {
        if route.method == Method::GET || route.access == Access::Public {
            continue;
        }
        let path = concrete(route.path);
        let label = format!("{} {}", route.method, route.path);
        for csrf in [None, Some("not-the-token"), Some("")] {
            let response = call(
                &app,
                route.method.clone(),
                &path,
                Some(&all),
                csrf,
                Some(json!({})),
            )
            .await;
            assert_eq!(response.status(), 403, "{label} with {csrf:?}");
            assert_eq!(error(response).await.code, "staff.csrf", "{label}");
        }
        // Another session's token is no good either.
        let response = call(
            &app,
            route.method.clone(),
            &path,
            Some(&all),
            Some(&admin.csrf),
            Some(json!({})),
        )
        .await;
        assert_eq!(response.status(), 403, "{label}");
        checked += 1;
    }
    assert!(
        checked >= 18,
        "the state-changing routes were all tried: {checked}"
    );
    // Nothing was changed: the session still works.
    assert_eq!(get(&app, &all, "/api/v1/staff/session").await.status(), 200);
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/// The request's answer by reference + mobile number, as the server wrote it (200).
async fn lookup_raw(app: &TestApp, reference: &str) -> String {
    let response = request_lookup(app, reference, MOBILE).await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn transition(app: &TestApp, s: &Session, id: i64, body: Value) -> reqwest::Response {
    post(
        app,
        s,
        &format!("/api/v1/staff/cases/{id}/transition"),
        body,
    )
    .await
}

async fn transition_ok(app: &TestApp, s: &Session, id: i64, body: Value) -> CaseDetail {
    let response = transition(app, s, id, body.clone()).await;
    assert_eq!(response.status(), 200, "{body}");
    response.json().await.unwrap()
}

async fn illegal(app: &TestApp, s: &Session, id: i64, to: &str, allowed: Value) {
    // The reason or outcome where it is required, so that the 409 is what is tested.
    let body = match to {
        "rejected" => json!({"to": to, "reason": "理由"}),
        "concluded" => json!({"to": to, "outcome": "结果"}),
        _ => json!({"to": to}),
    };
    let response = transition(app, s, id, body).await;
    assert_eq!(response.status(), StatusCode::CONFLICT, "to {to}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "staff.illegal_transition");
    assert_eq!(body["details"]["allowed"], allowed, "to {to}");
}

#[tokio::test]
async fn cases_follow_the_transition_table_and_the_applicant_sees_every_step() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let a = submitted(&app, "key-a").await;
    let b = submitted(&app, "key-b").await;

    // The queue: oldest first, with the deadline the applicant sees.
    let queue = case_queue(&app, &handler).await;
    assert_eq!(queue.total, 2);
    let first = &queue.items[0];
    assert_eq!(first.reference, a.reference);
    assert_eq!(first.status, RequestStatus::Submitted);
    let due = first.next_deadline.as_ref().unwrap().due.unwrap();
    assert_eq!(due.to_string(), "2026-10-12");
    // 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12.
    assert_eq!(first.working_days_left, Some(5));
    assert!(!first.overdue);
    let (id_a, id_b) = (queue.items[0].id, queue.items[1].id);

    // Staff see the answers unmasked and the evidence.
    let detail = case_detail(&app, &handler, id_a).await;
    assert_eq!(detail.answers.applicant.mobile.as_str(), MOBILE);
    assert_eq!(
        detail
            .answers
            .applicant
            .resident_id
            .as_ref()
            .unwrap()
            .as_str(),
        RESIDENT_ID
    );
    assert_eq!(detail.allowed_transitions, [RequestStatus::InitialReview]);
    let file = &detail.files[0];
    let response = get(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id_a}/files/{}", file.id),
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert_eq!(response.bytes().await.unwrap().as_ref(), JPEG);
    let response = get(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id_b}/files/{}", file.id),
    )
    .await;
    assert_eq!(response.status(), 404, "another case's file");

    // Illegal moves from submitted.
    for to in [
        "accepted",
        "rejected",
        "assisting",
        "concluded",
        "withdrawn",
        "submitted",
    ] {
        illegal(&app, &handler, id_a, to, json!(["initial_review"])).await;
    }
    // A: the whole way.
    transition_ok(&app, &handler, id_a, json!({"to": "initial_review"})).await;
    illegal(
        &app,
        &handler,
        id_a,
        "assisting",
        json!(["accepted", "rejected"]),
    )
    .await;
    let response = transition(
        &app,
        &handler,
        id_a,
        json!({"to": "accepted", "reason": "x"}),
    )
    .await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "staff.not_used_here"
    );
    transition_ok(&app, &handler, id_a, json!({"to": "accepted"})).await;
    illegal(&app, &handler, id_a, "initial_review", json!(["assisting"])).await;
    transition_ok(&app, &handler, id_a, json!({"to": "assisting"})).await;
    let response = transition(&app, &handler, id_a, json!({"to": "concluded"})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["outcome"].code,
        "staff.outcome_required"
    );
    let done = transition_ok(
        &app,
        &handler,
        id_a,
        json!({"to": "concluded", "outcome": "经调解，对方已下架侵权商品。"}),
    )
    .await;
    assert!(done.allowed_transitions.is_empty());
    illegal(&app, &handler, id_a, "assisting", json!([])).await;

    // B: refused, with a reason.
    transition_ok(&app, &handler, id_b, json!({"to": "initial_review"})).await;
    let response = transition(&app, &handler, id_b, json!({"to": "rejected"})).await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        error(response).await.fields["reason"].code,
        "staff.reason_required"
    );
    transition_ok(
        &app,
        &handler,
        id_b,
        json!({"to": "rejected", "reason": "不属于本中心受理范围。"}),
    )
    .await;
    illegal(&app, &handler, id_b, "accepted", json!([])).await;

    // The applicant's timeline shows every step, with the outcome and the reason.
    let tracked = track(&app, &a.tracking_token).await;
    assert_eq!(tracked.status, RequestStatus::Concluded);
    let steps: Vec<RequestStatus> = tracked.timeline.iter().map(|e| e.status).collect();
    use RequestStatus::*;
    assert_eq!(
        steps,
        [Submitted, InitialReview, Accepted, Assisting, Concluded]
    );
    assert_eq!(
        tracked.timeline[4].note.as_deref(),
        Some("经调解，对方已下架侵权商品。")
    );
    let tracked = track(&app, &b.tracking_token).await;
    assert_eq!(tracked.status, Rejected);
    assert_eq!(
        tracked.timeline.last().unwrap().note.as_deref(),
        Some("不属于本中心受理范围。")
    );

    // Every change is in the audit log, without personal data.
    let log = audit(&app, &admin).await;
    let transitions: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.action == "case.transition")
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(
        transitions,
        [
            "initial_review -> rejected",
            "submitted -> initial_review",
            "assisting -> concluded",
            "accepted -> assisting",
            "initial_review -> accepted",
            "submitted -> initial_review",
        ]
    );
    let raw = serde_json::to_string(&log).unwrap();
    for secret in ["张三丰", MOBILE, "不属于本中心", "经调解"] {
        assert!(!raw.contains(secret), "{secret} in the audit log");
    }
    assert!(log
        .items
        .iter()
        .filter(|e| e.action == "case.transition")
        .all(|e| e.actor.as_deref() == Some("case1")));
}

#[tokio::test]
async fn messages_reach_the_applicant_and_internal_notes_never_do() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    let request = submitted(&app, "key-m").await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;

    let note = "内部备注：申请人曾在 2025 年投诉过同一店铺";
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/notes"),
        json!({"text": note}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let detail: CaseDetail = response.json().await.unwrap();
    assert_eq!(detail.notes[0].text, note);
    assert_eq!(detail.notes[0].author, "case1");

    let ask = "请补充侵权商品的购买凭证。";
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/messages"),
        json!({"kind": "more_material_requested", "text": ask}),
    )
    .await;
    assert_eq!(response.status(), 201);
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/messages"),
        json!({"kind": "shout", "text": ask}),
    )
    .await;
    assert_eq!(response.status(), 400);

    // The applicant sees the message and can answer it; the note is nowhere.
    let raw = track_raw(&app, &request.tracking_token).await;
    assert!(!raw.contains("内部备注"), "a note on the tracking page");
    let tracked: AssistanceTracking = serde_json::from_str(&raw).unwrap();
    assert_eq!(tracked.messages.len(), 1);
    assert_eq!(tracked.messages[0].text, ask);
    assert!(tracked.messages[0].can_reply);
    // By reference + mobile the applicant learns that there is a message, not what it says
    // (issue #13 item 1): that takes the tracking link.
    let raw = lookup_raw(&app, &request.reference).await;
    assert!(
        !raw.contains("请补充侵权商品的购买凭证"),
        "a message in the lookup"
    );
    assert!(raw.contains("\"messages\":1"), "{raw}");
    assert!(!raw.contains("内部备注"), "a note in the lookup");
    let response = app
        .client
        .post(app.url(&format!(
            "/api/v1/assistance/requests/{}/messages/{}/reply",
            request.tracking_token, tracked.messages[0].id
        )))
        .json(&json!({"text": "已补充，见附件。"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let detail = case_detail(&app, &handler, id).await;
    assert_eq!(
        detail.messages[0].reply.as_ref().unwrap().text.as_deref(),
        Some("已补充，见附件。")
    );

    // Once the case is closed, no more material can be asked for; information still can.
    transition_ok(&app, &handler, id, json!({"to": "initial_review"})).await;
    transition_ok(
        &app,
        &handler,
        id,
        json!({"to": "rejected", "reason": "材料不足"}),
    )
    .await;
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/messages"),
        json!({"kind": "more_material_requested", "text": ask}),
    )
    .await;
    assert_eq!(response.status(), 409);
    assert_eq!(error(response).await.code, "staff.case_closed");
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/messages"),
        json!({"kind": "info", "text": "如有新证据，可重新申请。"}),
    )
    .await;
    assert_eq!(response.status(), 201);

    let log = audit(&app, &admin).await;
    let actions: Vec<&str> = log
        .items
        .iter()
        .filter(|e| e.action.starts_with("case."))
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "case.message",
            "case.transition",
            "case.transition",
            "case.read",
            "case.message",
            "case.note"
        ]
    );
    assert!(!serde_json::to_string(&log).unwrap().contains("内部备注"));
}

#[tokio::test]
async fn cases_are_assigned_filtered_and_the_overview_counts_them() {
    let app = app().await;
    let admin = login(&app, ADMIN, ADMIN_PASSWORD).await;
    let handler = staff_with(&app, &admin, "case1", &[Role::CaseHandler]).await;
    staff_with(&app, &admin, "desk1", &[Role::Reception]).await;
    submitted(&app, "key-1").await;
    submitted(&app, "key-2").await;
    let queue = case_queue(&app, &handler).await;
    let id = queue.items[0].id;

    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/assign"),
        json!({"username": "desk1"}),
    )
    .await;
    assert_eq!(response.status(), 400, "not a case handler");
    assert_eq!(
        error(response).await.fields["username"].code,
        "staff.assignee_unknown"
    );
    let response = post(
        &app,
        &handler,
        &format!("/api/v1/staff/cases/{id}/assign"),
        json!({"username": "case1"}),
    )
    .await;
    assert_eq!(response.status(), 200);
    let detail: CaseDetail = response.json().await.unwrap();
    assert_eq!(detail.summary.assignee.as_deref(), Some("case1"));

    let list = |query: &'static str| {
        let app = &app;
        let handler = &handler;
        async move {
            let response = get(app, handler, &format!("/api/v1/staff/cases{query}")).await;
            assert_eq!(response.status(), 200, "{query}");
            response.json::<CaseList>().await.unwrap()
        }
    };
    assert_eq!(list("?assignee=me").await.total, 1);
    assert_eq!(list("?assignee=none").await.total, 1);
    assert_eq!(list("?status=submitted").await.total, 2);
    assert_eq!(list("?status=accepted").await.total, 0);
    assert_eq!(list("?overdue=true").await.total, 0);
    assert_eq!(list("?per_page=1&page=2").await.items.len(), 1);
    let response = get(&app, &handler, "/api/v1/staff/cases?status=nonsense").await;
    assert_eq!(response.status(), 400);

    // Two weeks later (10-13) both initial reviews (due 10-12) are overdue.
    app.clock.set(at("2026-10-13T10:00:00+08:00"));
    // (The sessions have long expired.)
    let handler = login(&app, "case1", PASSWORD).await;
    let list = |query: &'static str| {
        let app = &app;
        let handler = &handler;
        async move {
            let response = get(app, handler, &format!("/api/v1/staff/cases{query}")).await;
            assert_eq!(response.status(), 200, "{query}");
            response.json::<CaseList>().await.unwrap()
        }
    };
    let overdue = list("?overdue=1").await;
    assert_eq!(overdue.total, 2);
    assert!(overdue
        .items
        .iter()
        .all(|c| c.overdue && c.working_days_left == Some(-1)));
    let overview: Overview = get(&app, &handler, "/api/v1/staff/overview")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.today.to_string(), "2026-10-13");
    let submitted = overview
        .cases_by_status
        .iter()
        .find(|c| c.status == RequestStatus::Submitted)
        .unwrap();
    assert_eq!(submitted.count, 2);
    // Every status a case can be in: `rated` is only a step of the applicant's timeline.
    assert_eq!(overview.cases_by_status.len(), RequestStatus::ALL.len() - 1);
    assert_eq!(overview.deadlines_at_risk.len(), 2);
    assert_eq!(overview.bookings_per_day.len(), 14);
}

// ---------------------------------------------------------------------------------------------
// The booking desk
// ---------------------------------------------------------------------------------------------

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
    let day: DeskBookingList = get(
        &app,
        &desk,
        &format!("/api/v1/staff/bookings?date=2026-09-30&venue={CENTER}"),
    )
    .await
    .json()
    .await
    .unwrap();
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

/// The real binary, configured through the environment as the README says
/// (`PORTAL_ADMIN_USERNAME` + `PORTAL_ADMIN_PASSWORD_FILE`): the administrator can log in, and
/// the log holds no password, session id or CSRF token.
#[tokio::test]
async fn the_binary_creates_the_first_administrator_from_a_password_file_and_logs_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    let password_file = dir.path().join("admin-password");
    // A trailing line break belongs to the file, not to the password.
    std::fs::write(&password_file, format!("{ADMIN_PASSWORD}\n")).unwrap();
    let server = Binary::start(dir.path(), Some(NOW), |command| {
        command
            .env("PORTAL_ADMIN_USERNAME", ADMIN)
            .env("PORTAL_ADMIN_PASSWORD_FILE", &password_file)
            .env_remove("PORTAL_ADMIN_PASSWORD")
            .env_remove("PORTAL_INSECURE_COOKIES");
    });
    let base = &server.base;
    let client = reqwest::Client::new();
    let url = format!("{base}/api/v1/staff/session");

    let failed = client
        .post(&url)
        .json(&json!({"username": ADMIN, "password": "a wrong password guess"}))
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), 401);
    let response = client
        .post(&url)
        .json(&json!({"username": ADMIN, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    // By default the cookies are `__Host-` cookies with `Secure` (item 12 of issue #13).
    assert!(set_cookie.ends_with("; Secure"), "{set_cookie}");
    assert!(
        set_cookie.starts_with("__Host-portal_staff_session="),
        "{set_cookie}"
    );
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    let session: StaffSession = response.json().await.unwrap();
    let logout = client
        .delete(&url)
        .header("Cookie", &cookie)
        .header("X-CSRF-Token", &session.csrf_token)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);

    let log = server.stop();
    assert!(log.contains("first staff administrator created"), "{log}");
    assert!(log.contains("staff login"), "{log}");
    let session_id = cookie.split_once('=').unwrap().1;
    for secret in [
        ADMIN_PASSWORD,
        "a wrong password guess",
        session_id,
        session.csrf_token.as_str(),
    ] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
}
