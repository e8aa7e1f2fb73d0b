//! A password an administrator set (a new account's, or a reset) must be changed by its holder
//! before the workbench answers anything else; changing one's own password.

use portal_domain::api::staff::{Role, StaffSession};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::staff_client::{
    audit, call, change_password, error, get, login, login_admin, login_response, post, Session,
    PASSWORD,
};

use super::app;

const GIVEN: &str = "given at the counter 1";
const OWN: &str = "my own long passphrase";

#[tokio::test]
async fn a_new_account_chooses_its_own_password_before_anything_else() {
    let app = app().await;
    let admin = login_admin(&app).await;
    let created = post(
        &app,
        &admin,
        "/api/v1/staff/accounts",
        json!({"username": "case9", "display_name": "承办 九", "roles": ["case_handler"], "password": GIVEN}),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);

    // Signing in works and says what is due; the session routes answer, nothing else does.
    let response = login_response(&app, "case9", GIVEN).await;
    assert_eq!(response.status(), StatusCode::OK);
    let session: StaffSession = response.json().await.unwrap();
    assert!(session.must_change_password);
    let handler = login(&app, "case9", GIVEN).await;
    let me: StaffSession = get(&app, &handler, "/api/v1/staff/session")
        .await
        .json()
        .await
        .unwrap();
    assert!(me.must_change_password);
    let refused = get(&app, &handler, "/api/v1/staff/cases").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body = error(refused).await;
    assert_eq!(body.code, "staff.password_change_required");
    assert!(body.message.contains("密码"), "{}", body.message);

    // Each field says what is wrong, in the user's words; the same password is not a change.
    let response = change_password(&app, &handler, "", "short").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(
        body.fields["current_password"].code,
        "staff.password_missing"
    );
    assert_eq!(body.fields["new_password"].code, "staff.password_too_short");
    let body = error(change_password(&app, &handler, GIVEN, GIVEN).await).await;
    assert_eq!(body.fields["new_password"].code, "staff.password_unchanged");
    let response = change_password(&app, &handler, "not the given one", OWN).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(
        body.fields["current_password"].code,
        "staff.current_password_wrong"
    );
    assert_eq!(body.fields["current_password"].message, "当前密码不正确。");

    // Another browser signed in with the given password loses its session; this one goes on.
    let elsewhere = login(&app, "case9", GIVEN).await;
    let response = change_password(&app, &handler, GIVEN, OWN).await;
    assert_eq!(response.status(), StatusCode::OK);
    let changed: StaffSession = response.json().await.unwrap();
    assert!(!changed.must_change_password);
    assert_eq!(changed.roles, [Role::CaseHandler]);
    assert_eq!(
        get(&app, &handler, "/api/v1/staff/cases").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&app, &elsewhere, "/api/v1/staff/session")
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login_response(&app, "case9", GIVEN).await.status(),
        StatusCode::UNAUTHORIZED
    );
    login(&app, "case9", OWN).await;

    // The audit log says who changed their password, never the password.
    let log = audit(&app, &admin).await;
    let entry = log
        .items
        .iter()
        .find(|e| e.action == "account.password_change")
        .expect("the change is audited");
    assert_eq!(entry.actor.as_deref(), Some("case9"));
    assert_eq!(entry.target_id.as_deref(), Some("case9"));
    assert!(!entry.summary.contains(OWN) && !entry.summary.contains(GIVEN));
}

#[tokio::test]
async fn a_reset_by_an_administrator_asks_again_but_not_their_own() {
    let app = app().await;
    let admin = login_admin(&app).await;
    crate::staff_client::staff_with(&app, &admin, "desk9", &[Role::Reception]).await;
    let reset = |username: &'static str, password: &'static str| {
        call(
            &app,
            Method::PATCH,
            match username {
                "desk9" => "/api/v1/staff/accounts/desk9",
                _ => "/api/v1/staff/accounts/admin",
            },
            Some(&admin),
            Some(&admin.csrf),
            Some(json!({ "password": password })),
        )
    };
    assert_eq!(reset("desk9", GIVEN).await.status(), StatusCode::OK);
    let desk = login(&app, "desk9", GIVEN).await;
    assert_eq!(
        error(
            get(
                &app,
                &desk,
                "/api/v1/staff/bookings?date=2026-09-29&venue=x"
            )
            .await
        )
        .await
        .code,
        "staff.password_change_required"
    );
    assert_eq!(
        change_password(&app, &desk, GIVEN, PASSWORD).await.status(),
        StatusCode::OK
    );

    // An administrator who sets their own password on the accounts page chose it.
    assert_eq!(
        reset("admin", "the admin's new one 2").await.status(),
        StatusCode::OK
    );
    let admin: Session = login(&app, "admin", "the admin's new one 2").await;
    let me: StaffSession = get(&app, &admin, "/api/v1/staff/session")
        .await
        .json()
        .await
        .unwrap();
    assert!(!me.must_change_password);
}

#[tokio::test]
async fn wrong_current_passwords_meet_the_sign_in_limits() {
    let app = app().await;
    let admin = login_admin(&app).await;
    let mut last = StatusCode::OK;
    for i in 0..6 {
        last = change_password(&app, &admin, &format!("wrong guess number {i}"), OWN)
            .await
            .status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}
