//! Staff accounts: the first administrator from the configuration (also through the real
//! binary and a password file), and creating and changing accounts.

use portal_domain::api::staff::{Role, StaffSession};
use reqwest::Method;
use serde_json::{json, Value};

use crate::binary::Binary;
use crate::helpers::{spawn_staff_app, StaffOptions, TestApp};
use crate::staff_client::{
    admin_options, audit, call, error, get, login, login_response, post, staff_with, ADMIN,
    ADMIN_PASSWORD, PASSWORD,
};

use super::{app, app_with, NOW};

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
