//! Signing a firm up with a code of a firm registered in 南通, its people signing in and out in a
//! realm of their own, and what must not leak (which firms have accounts) or lock anyone out.

use portal_domain::api::firm::{FirmSession, SignUpReceived, MAX_SIGN_UPS_PER_CLIENT};
use portal_domain::api::staff::MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use super::{
    app, post_from, sign_in, sign_in_from, sign_up, sign_up_body, BEIJING, HAIAN, NANTONG, PASSWORD,
};
use crate::helpers::{assert_documented, error, openapi};
use crate::staff_client::{call, login_admin};

#[tokio::test]
async fn a_firm_signs_up_and_its_person_signs_in_and_out() {
    let app = app().await;
    let response = sign_up(&app, NANTONG, "138 1234 5678", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let received: SignUpReceived = response.json().await.unwrap();
    assert_eq!(received.uscc_masked, "91************GT0D");

    // Typed in lower case, with +86: the same account.
    let (session, view) = sign_in(&app, &NANTONG.to_lowercase(), "+86 13812345678").await;
    assert_eq!(view.firm_name, "南通某某家纺有限公司");
    assert_eq!(view.person_name, "王丽");
    assert_eq!(view.uscc_masked, "91************GT0D");
    assert_eq!(view.mobile_masked, "138****5678");
    assert!(
        view.first,
        "the person who signed the firm up adds colleagues"
    );

    let whoami = call(
        &app,
        Method::GET,
        "/api/v1/firm/session",
        Some(&session),
        None,
        None,
    )
    .await;
    assert_eq!(whoami.status(), StatusCode::OK);
    assert_eq!(whoami.headers()["cache-control"], "no-store");
    assert_eq!(whoami.json::<FirmSession>().await.unwrap(), view);

    // Signing out is a change: it needs the CSRF token.
    let path = "/api/v1/firm/session";
    let refused = call(&app, Method::DELETE, path, Some(&session), None, None).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(refused).await.code, "firm.csrf");
    let wrong = call(&app, Method::DELETE, path, Some(&session), Some("x"), None).await;
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
    let out = call(
        &app,
        Method::DELETE,
        path,
        Some(&session),
        Some(&session.csrf),
        None,
    )
    .await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert!(out.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let after = call(&app, Method::GET, path, Some(&session), None, None).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error(after).await.code, "firm.unauthenticated");

    // Who did what, by row id and action only.
    let db = app.database().await;
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM firm_audit ORDER BY id")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(
        actions,
        ["firm.signed_up", "session.sign_in", "session.sign_out"]
    );
}

#[tokio::test]
async fn a_firm_from_elsewhere_is_told_where_it_stands_in_its_language() {
    let app = app().await;
    let response = app
        .client
        .post(app.url("/api/v1/firm/sign-up"))
        .header("Accept-Language", "en")
        .json(&sign_up_body(BEIJING, "13812345678", PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.code, "validation_failed");
    let field = &body.fields["uscc"];
    assert_eq!(field.code, "firm.out_of_city");
    assert!(
        field.message.contains("registered outside Nantong"),
        "{}",
        field.message
    );

    // Every problem at once, each at its field.
    let response = sign_up(&app, "91320600MA1MB5GT0X", "0513-1234567", "short").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(body.fields["uscc"].code, "uscc.check_digit");
    assert_eq!(body.fields["mobile"].code, "mobile_number.not_mobile");
    assert_eq!(body.fields["password"].code, "staff.password_too_short");
    let db = app.database().await;
    let firms: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM firms")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(firms, 0);
}

#[tokio::test]
async fn signing_up_again_reveals_nothing_and_takes_over_nothing() {
    let app = app().await;
    let first = sign_up(&app, HAIAN, "13812345678", PASSWORD).await;
    assert_eq!(first.status(), StatusCode::ACCEPTED);
    let first: Value = first.json().await.unwrap();
    // Someone else tries the same code with their own number and password.
    let again = sign_up(&app, HAIAN, "13900001111", "another password 22").await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    assert_eq!(again.json::<Value>().await.unwrap(), first);

    let impostor = sign_in_from(
        &app,
        "203.0.113.9",
        HAIAN,
        "13900001111",
        "another password 22",
    )
    .await;
    assert_eq!(impostor.status(), StatusCode::UNAUTHORIZED);
    let impostor = error(impostor).await;
    assert_eq!(impostor.code, "firm.sign_in_failed");
    // The same answer as a wrong password of the real person and an unknown firm.
    let wrong = sign_in_from(
        &app,
        "203.0.113.9",
        HAIAN,
        "13812345678",
        "wrong password 123",
    )
    .await;
    assert_eq!(error(wrong).await, impostor);
    let unknown = sign_in_from(&app, "203.0.113.9", NANTONG, "13812345678", PASSWORD).await;
    assert_eq!(error(unknown).await, impostor);

    // The real person still signs in with their own password.
    sign_in(&app, HAIAN, "13812345678").await;
    let db = app.database().await;
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM firm_people")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(people, 1);
}

#[tokio::test]
async fn a_staff_session_and_a_firm_session_open_only_their_own_routes() {
    let app = app().await;
    sign_up(&app, NANTONG, "13812345678", PASSWORD).await;
    let (firm, _) = sign_in(&app, NANTONG, "13812345678").await;
    let staff = login_admin(&app).await;

    let path = "/api/v1/firm/session";
    let staff_on_firm = call(&app, Method::GET, path, Some(&staff), None, None).await;
    assert_eq!(staff_on_firm.status(), StatusCode::UNAUTHORIZED);
    let path = "/api/v1/staff/session";
    let firm_on_staff = call(&app, Method::GET, path, Some(&firm), None, None).await;
    assert_eq!(firm_on_staff.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error(firm_on_staff).await.code, "staff.unauthenticated");
}

#[tokio::test]
async fn failed_sign_ins_slow_a_guesser_without_locking_the_person_out() {
    let app = app().await;
    sign_up(&app, NANTONG, "13812345678", PASSWORD).await;
    let guesser = "198.51.100.7";
    for _ in 0..MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT {
        let r = sign_in_from(&app, guesser, NANTONG, "13812345678", "a wrong guess 123").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let refused = sign_in_from(&app, guesser, NANTONG, "13812345678", PASSWORD).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(error(refused).await.code, "firm.sign_in_rate_limited");
    // The real person, from their own address, is not stopped.
    sign_in(&app, NANTONG, "13812345678").await;
}

#[tokio::test]
async fn sign_ups_from_one_address_are_limited() {
    let app = app().await;
    for i in 0..MAX_SIGN_UPS_PER_CLIENT {
        // Valid requests, all of the same firm: each counts, whatever it did.
        let body = sign_up_body(NANTONG, &format!("1381234{i:04}"), PASSWORD);
        let r = post_from(&app, "192.0.2.5", "/api/v1/firm/sign-up", body).await;
        assert_eq!(r.status(), StatusCode::ACCEPTED);
    }
    let body = sign_up_body(HAIAN, "13812345678", PASSWORD);
    let refused = post_from(&app, "192.0.2.5", "/api/v1/firm/sign-up", body.clone()).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(error(refused).await.code, "firm.sign_up_rate_limited");
    let elsewhere = post_from(&app, "192.0.2.6", "/api/v1/firm/sign-up", body).await;
    assert_eq!(elsewhere.status(), StatusCode::ACCEPTED);
}

#[tokio::test]
async fn the_firm_routes_are_documented() {
    let app = app().await;
    let doc = openapi(&app).await;
    assert_documented(
        &doc,
        &["/api/v1/firm/sign-up", "/api/v1/firm/session"],
        &[
            "SignUpRequest",
            "SignUpReceived",
            "SignInRequest",
            "FirmSession",
        ],
    );
}
