//! The staff side of the API tests, shared by every test file that talks to the workbench:
//!
//! - the test-only credentials ([`ADMIN`] / [`ADMIN_PASSWORD`] for the first administrator,
//!   [`PASSWORD`] for every account the tests create) and the server they configure
//!   ([`admin_options`], [`staff_app`], [`proxied_staff_app`]);
//! - a logged-in member of staff ([`Session`]: the cookie and the CSRF token) and logging in
//!   ([`login`], [`login_admin`], [`login_response`] for the raw answer, [`set_cookies`] for
//!   its cookies);
//! - staff requests: [`call`] with any cookie and CSRF header (or none), [`call_as`] with the
//!   session's own, [`call_as_in`] also in a given language, and the shortcuts [`get`] (cookie
//!   only, as a GET needs no token) and [`post`];
//! - creating accounts ([`create_account`] for the raw answer, [`staff_with`] and
//!   [`staff_named`] to create one and log it in);
//! - reading the case queue ([`case_queue`]), a case's id ([`case_id`]), a case ([`case_detail`])
//!   and the desk's day
//!   ([`day_list`]);
//! - reading the audit log ([`audit`]) and an error answer ([`error`], from [`crate::helpers`]).

use portal_domain::api::staff::{
    AuditPage, CaseDetail, CaseList, DeskBookingList, Role, StaffSession,
};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::{json, Value};

pub use crate::helpers::error;
use crate::helpers::{spawn_staff_app, StaffOptions, TestApp};

/// Test-only credentials: the portal itself has no default password.
pub const ADMIN: &str = "admin";
pub const ADMIN_PASSWORD: &str = "test-only admin password 1";
pub const PASSWORD: &str = "test-only staff password 2";
/// The password an administrator gives a new account, which its holder must change first.
pub const FIRST_PASSWORD: &str = "test-only first password 3";

/// The first administrator [`ADMIN`] with [`ADMIN_PASSWORD`], plain HTTP, no trusted proxies.
pub fn admin_options() -> StaffOptions {
    StaffOptions {
        first_admin: Some((ADMIN.to_owned(), ADMIN_PASSWORD.to_owned())),
        secure_cookies: false,
        trusted_proxies: "",
        booking_limit_exempt: "",
    }
}

/// A server on a fresh database with the clock at `now` (RFC 3339) and [`admin_options`].
pub async fn staff_app(now: &str) -> TestApp {
    spawn_staff_app(tempfile::tempdir().unwrap(), now, admin_options()).await
}

/// [`staff_app`] behind the tests' "reverse proxy": 127.0.0.1 is trusted, so a request's
/// `X-Forwarded-For` names its client (for the limits per client address).
pub async fn proxied_staff_app(now: &str) -> TestApp {
    let options = StaffOptions {
        trusted_proxies: "127.0.0.1",
        ..admin_options()
    };
    spawn_staff_app(tempfile::tempdir().unwrap(), now, options).await
}

/// A logged-in member of staff: the cookie to send and the CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// The server's answer to a login, whatever it is.
pub async fn login_response(app: &TestApp, username: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/staff/session"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
}

/// Every `Set-Cookie` of an answer, whole.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// Logs in (which must succeed) and keeps the session cookie and the CSRF token.
pub async fn login(app: &TestApp, username: &str, password: &str) -> Session {
    let response = login_response(app, username, password).await;
    assert_eq!(response.status(), StatusCode::OK, "login of {username}");
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    let session: StaffSession = response.json().await.unwrap();
    Session {
        cookie,
        csrf: session.csrf_token,
    }
}

pub async fn login_admin(app: &TestApp) -> Session {
    login(app, ADMIN, ADMIN_PASSWORD).await
}

/// A new `Idempotency-Key` for each change the tests send (the workbench sends one per action).
fn new_key(method: &Method) -> Option<String> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    (*method != Method::GET && *method != Method::HEAD).then(|| {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!("test-key-{n}")
    })
}

/// A request with the session's cookie (if any), the given CSRF header (if any) and, for a
/// change, a new `Idempotency-Key`.
pub async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    session: Option<&Session>,
    csrf: Option<&str>,
    body: Option<Value>,
) -> reqwest::Response {
    let key = new_key(&method);
    call_with_key(app, method, path, session, csrf, key.as_deref(), body).await
}

/// [`call`] with this `Idempotency-Key` (or none).
pub async fn call_with_key(
    app: &TestApp,
    method: Method,
    path: &str,
    session: Option<&Session>,
    csrf: Option<&str>,
    key: Option<&str>,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path));
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(session) = session {
        request = request.header("Cookie", &session.cookie);
    }
    if let Some(csrf) = csrf {
        request = request.header("X-CSRF-Token", csrf);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A request as `session`: its cookie and its CSRF token.
pub async fn call_as(
    app: &TestApp,
    method: Method,
    path: &str,
    session: &Session,
    body: Option<Value>,
) -> reqwest::Response {
    call(app, method, path, Some(session), Some(&session.csrf), body).await
}

/// A request as `session` (its cookie and CSRF token) in `lang` (`zh-CN` or `en`).
pub async fn call_as_in(
    app: &TestApp,
    method: Method,
    path: &str,
    session: &Session,
    body: Option<Value>,
    lang: &str,
) -> reqwest::Response {
    let key = new_key(&method);
    let mut request = app
        .client
        .request(method, app.url(path))
        .header("Cookie", &session.cookie)
        .header("X-CSRF-Token", &session.csrf)
        .header("Accept-Language", lang);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A GET with the session's cookie only (reading needs no CSRF token).
pub async fn get(app: &TestApp, session: &Session, path: &str) -> reqwest::Response {
    call(app, Method::GET, path, Some(session), None, None).await
}

/// A POST as `session`: its cookie and its CSRF token.
pub async fn post(app: &TestApp, session: &Session, path: &str, body: Value) -> reqwest::Response {
    call_as(app, Method::POST, path, session, Some(body)).await
}

/// Asks, as `admin`, for an account with `roles`; the answer is not checked. When the account
/// is made, its holder signs in once with [`FIRST_PASSWORD`] and chooses [`PASSWORD`], as the
/// server asks of every new account, so that it can be used at once.
pub async fn create_account<R: Serialize>(
    app: &TestApp,
    admin: &Session,
    username: &str,
    display_name: &str,
    roles: &[R],
) -> reqwest::Response {
    let response = post(
        app,
        admin,
        "/api/v1/staff/accounts",
        json!({"username": username, "display_name": display_name, "roles": roles, "password": FIRST_PASSWORD}),
    )
    .await;
    if response.status() == StatusCode::CREATED {
        let first = login(app, username, FIRST_PASSWORD).await;
        let changed = change_password(app, &first, FIRST_PASSWORD, PASSWORD).await;
        assert_eq!(
            changed.status(),
            StatusCode::OK,
            "{username}'s own password"
        );
    }
    response
}

/// `PUT /api/v1/staff/session/password` as `session`.
pub async fn change_password(
    app: &TestApp,
    session: &Session,
    current: &str,
    new: &str,
) -> reqwest::Response {
    call_as(
        app,
        Method::PUT,
        "/api/v1/staff/session/password",
        session,
        Some(json!({"current_password": current, "new_password": new})),
    )
    .await
}

/// Creates an account named `display_name` with `roles` as the administrator and logs it in.
pub async fn staff_named(
    app: &TestApp,
    admin: &Session,
    username: &str,
    display_name: &str,
    roles: &[Role],
) -> Session {
    let response = create_account(app, admin, username, display_name, roles).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{username}");
    login(app, username, PASSWORD).await
}

/// Creates an account with `roles` as the administrator (its display name is the username) and
/// logs it in.
pub async fn staff_with(app: &TestApp, admin: &Session, username: &str, roles: &[Role]) -> Session {
    staff_named(app, admin, username, username, roles).await
}

/// The booking desk's list of `date`'s bookings at `venue`, as `session` sees it.
pub async fn day_list(
    app: &TestApp,
    session: &Session,
    date: &str,
    venue: &str,
) -> DeskBookingList {
    let path = format!("/api/v1/staff/bookings?date={date}&venue={venue}");
    get(app, session, &path).await.json().await.unwrap()
}

/// The audit log, newest first (up to 200 entries).
pub async fn audit(app: &TestApp, admin: &Session) -> AuditPage {
    let response = get(app, admin, "/api/v1/staff/audit?per_page=200").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The case queue as `session` sees it (its first page, default filter).
pub async fn case_queue(app: &TestApp, session: &Session) -> CaseList {
    get(app, session, "/api/v1/staff/cases")
        .await
        .json()
        .await
        .unwrap()
}

/// The id in the staff routes of the case with this reference, whatever its status.
pub async fn case_id(app: &TestApp, session: &Session, reference: &str) -> i64 {
    let list: Value = get(app, session, "/api/v1/staff/cases?status=all")
        .await
        .json()
        .await
        .unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["reference"] == reference)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// One case in full, as `session` sees it.
pub async fn case_detail(app: &TestApp, session: &Session, id: i64) -> CaseDetail {
    get(app, session, &format!("/api/v1/staff/cases/{id}"))
        .await
        .json()
        .await
        .unwrap()
}
