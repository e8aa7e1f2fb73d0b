//! The fast track's firm accounts (issue #14 part 1), and the helpers their tests share.
//! Requests come through the tests' "reverse proxy" (127.0.0.1 is trusted), so
//! `X-Forwarded-For` names the client.

mod accounts;
mod people;
mod pre_exam;
mod pre_exam_exam;
mod pre_exam_quota;
mod pre_exam_stats;
mod registration;
mod registration_files;
mod rounds;

use portal_domain::api::firm::{FirmSession, PLAIN_HTTP_SESSION_COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::staff_client::{proxied_staff_app, Session};

pub const NOW: &str = "2026-11-20T10:00:00+08:00";
/// Registered in 南通 (division 320600) and in 海安 (320623).
pub const NANTONG: &str = "91320600MA1MB5GT0D";
pub const HAIAN: &str = "93320623MA1N1Q4H4Y";
/// Registered in 北京.
pub const BEIJING: &str = "91110000600037341L";
pub const PASSWORD: &str = "firm test password 1";

pub async fn app() -> TestApp {
    proxied_staff_app(NOW).await
}

pub fn sign_up_body(uscc: &str, mobile: &str, password: &str) -> Value {
    json!({
        "uscc": uscc,
        "firm_name": "南通某某家纺有限公司",
        "contact_name": "王丽",
        "mobile": mobile,
        "password": password,
    })
}

pub async fn post_from(app: &TestApp, client: &str, path: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("X-Forwarded-For", client)
        .json(&body)
        .send()
        .await
        .unwrap()
}

pub async fn sign_up(app: &TestApp, uscc: &str, mobile: &str, password: &str) -> reqwest::Response {
    let body = sign_up_body(uscc, mobile, password);
    post_from(app, "203.0.113.1", "/api/v1/firm/sign-up", body).await
}

pub async fn sign_in_from(
    app: &TestApp,
    client: &str,
    uscc: &str,
    mobile: &str,
    password: &str,
) -> reqwest::Response {
    let body = json!({"uscc": uscc, "mobile": mobile, "password": password});
    post_from(app, client, "/api/v1/firm/session", body).await
}

/// Signs in (which must succeed) and keeps the session cookie and the CSRF token.
pub async fn sign_in(app: &TestApp, uscc: &str, mobile: &str) -> (Session, FirmSession) {
    let response = sign_in_from(app, "203.0.113.2", uscc, mobile, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|pair| pair.starts_with(&format!("{PLAIN_HTTP_SESSION_COOKIE}=")))
        .expect("the firm session cookie");
    let session: FirmSession = response.json().await.unwrap();
    let csrf = session.csrf_token.clone();
    (Session { cookie, csrf }, session)
}
