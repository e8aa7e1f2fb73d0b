//! The limits on failed staff logins that must slow a guesser without locking the real person
//! out (issue #13 item 4), and the cookies' safe defaults (item 12). Every request comes through
//! the tests' "reverse proxy" (127.0.0.1 is trusted), so `X-Forwarded-For` names the client.

use portal_domain::api::staff::{
    MAX_LOGIN_FAILURES_PER_USERNAME, MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT,
};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::staff_client::{error, proxied_staff_app, set_cookies, ADMIN, ADMIN_PASSWORD};

const NOW: &str = "2026-09-29T10:00:00+08:00";
const WRONG: &str = "wrong password guess";

async fn app() -> TestApp {
    proxied_staff_app(NOW).await
}

/// A login from `client`, with the cookies in `cookie` (if any).
async fn login_from(
    app: &TestApp,
    client: &str,
    cookie: Option<&str>,
    username: &str,
    password: &str,
) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/v1/staff/session"))
        .header("X-Forwarded-For", client)
        .json(&json!({"username": username, "password": password}));
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    request.send().await.unwrap()
}

/// The `name=value` of the cookie `name` that an answer sets.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap().trim().to_owned())
        .find(|pair| pair.starts_with(&format!("{name}=")))
}

#[tokio::test]
async fn wrong_passwords_from_one_address_do_not_lock_the_person_out_from_another() {
    let app = app().await;
    for i in 0..MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT {
        let response = login_from(&app, "203.0.113.7", None, ADMIN, WRONG).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "failure {}",
            i + 1
        );
    }
    // That address may not try `admin` any more, right password or not...
    let response = login_from(&app, "203.0.113.7", None, ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "900");
    assert_eq!(error(response).await.code, "staff.login_rate_limited");
    // ...but the real administrator at their own desk, in a browser never used before, signs in.
    let response = login_from(&app, "198.51.100.23", None, ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_guesser_with_many_addresses_is_slowed_but_a_known_browser_still_signs_in() {
    let app = app().await;
    // The administrator signed in on this browser last week: it holds the known-device cookie.
    let response = login_from(&app, "198.51.100.23", None, ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let device = set_cookie(&response, "portal_staff_device").expect("a device cookie");

    // A guesser spreads wrong passwords for `admin` over many addresses, 2 from each.
    for i in 0..MAX_LOGIN_FAILURES_PER_USERNAME {
        let client = format!("192.0.2.{}", i / 2);
        let response = login_from(&app, &client, None, ADMIN, WRONG).await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "failure {}",
            i + 1
        );
    }
    // Now no new browser may try `admin`, from any address, for a while.
    for client in ["192.0.2.200", "198.51.100.99"] {
        let response = login_from(&app, client, None, ADMIN, ADMIN_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{client}");
    }
    // A made-up device cookie does not help the guesser.
    let forged = format!("portal_staff_device={}", "A".repeat(43));
    let response = login_from(&app, "192.0.2.201", Some(&forged), ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    // The administrator's own browser still signs in, from another address too, and keeps its id.
    let response = login_from(&app, "198.51.100.77", Some(&device), ADMIN, ADMIN_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(set_cookie(&response, "portal_staff_device"), Some(device));
}

#[tokio::test]
async fn the_cookies_are_http_only_strict_and_over_plain_http_only_when_told() {
    // The tests' servers are configured as `PORTAL_INSECURE_COOKIES=1` would: plain names, no
    // `Secure` (the default, `__Host-` and `Secure`, is checked on the real binary in `staff`).
    let app = app().await;
    let response = login_from(&app, "198.51.100.23", None, ADMIN, ADMIN_PASSWORD).await;
    let cookies = set_cookies(&response);
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    assert!(
        cookies[0].starts_with("portal_staff_session="),
        "{cookies:?}"
    );
    assert!(
        cookies[1].starts_with("portal_staff_device="),
        "{cookies:?}"
    );
    assert!(
        cookies[1].contains("Max-Age=7776000"),
        "90 days: {cookies:?}"
    );
    for cookie in &cookies {
        let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(attributes.contains(&attribute), "{cookie}");
        }
        assert!(!attributes.contains(&"Secure"), "{cookie}");
        assert!(!cookie.contains("Domain"), "{cookie}");
    }
}
