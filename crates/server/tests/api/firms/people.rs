//! A firm's people: the first person adds a colleague, who sets their own password through a
//! one-time link; the center's administrators make a link for a forgotten password.

use portal_domain::api::firm::{ColleagueAdded, PasswordLink, PeopleList, StaffFirmView};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{app, sign_in, sign_in_from, sign_up, HAIAN, NANTONG, PASSWORD};
use crate::helpers::{error, TestApp};
use crate::staff_client::{call, login_admin, Session};

const FIRST: &str = "13812345678";
const COLLEAGUE: &str = "13900001111";

/// The token a link's path ends with.
fn token(link: &PasswordLink) -> &str {
    let token = link
        .path
        .strip_prefix("/fast-track/password/")
        .expect("the password page");
    assert_eq!(token.len(), 43);
    token
}

async fn set_password(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/firm/password/{token}")))
        .json(&json!({ "password": password }))
        .send()
        .await
        .unwrap()
}

async fn add_colleague(app: &TestApp, session: &Session, mobile: &str) -> reqwest::Response {
    let body = json!({ "name": "李雷", "mobile": mobile });
    let path = "/api/v1/firm/people";
    call(
        app,
        Method::POST,
        path,
        Some(session),
        Some(&session.csrf),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn the_first_person_adds_a_colleague_who_sets_their_own_password() {
    let app = app().await;
    sign_up(&app, NANTONG, FIRST, PASSWORD).await;
    let (first, _) = sign_in(&app, NANTONG, FIRST).await;

    let response = add_colleague(&app, &first, COLLEAGUE).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: ColleagueAdded = response.json().await.unwrap();
    assert_eq!(added.person.name, "李雷");
    assert_eq!(added.person.mobile_masked, "139****1111");
    assert!(!added.person.first && !added.person.password_set);

    // Without a password the colleague cannot sign in, with any password.
    let no_password = sign_in_from(&app, "203.0.113.3", NANTONG, COLLEAGUE, "").await;
    assert_eq!(no_password.status(), StatusCode::BAD_REQUEST);
    let guessed = sign_in_from(&app, "203.0.113.3", NANTONG, COLLEAGUE, PASSWORD).await;
    assert_eq!(guessed.status(), StatusCode::UNAUTHORIZED);

    let short = set_password(&app, token(&added.link), "short").await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(short).await.fields["password"].code,
        "staff.password_too_short"
    );
    let set = set_password(&app, token(&added.link), PASSWORD).await;
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let (colleague, view) = sign_in(&app, NANTONG, COLLEAGUE).await;
    assert_eq!(view.person_name, "李雷");
    assert!(!view.first);
    // A link works once.
    let again = set_password(&app, token(&added.link), "another password 2").await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(error(again).await.code, "firm.link_invalid");

    let list = call(
        &app,
        Method::GET,
        "/api/v1/firm/people",
        Some(&colleague),
        None,
        None,
    )
    .await;
    let list: PeopleList = list.json().await.unwrap();
    let shown: Vec<_> = list
        .items
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.mobile_masked.as_str(),
                p.first,
                p.password_set,
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("王丽", "138****5678", true, true),
            ("李雷", "139****1111", false, true)
        ]
    );
    // Only the first person adds colleagues.
    let refused = add_colleague(&app, &colleague, "13700002222").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(refused).await.code, "firm.forbidden");
    // A number that already signs someone in cannot be added again.
    let taken = add_colleague(&app, &first, COLLEAGUE).await;
    assert_eq!(taken.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(taken).await.fields["mobile"].code,
        "firm.mobile_taken"
    );
}

#[tokio::test]
async fn adding_the_same_colleague_again_makes_a_new_link_and_ends_the_old_one() {
    let app = app().await;
    sign_up(&app, HAIAN, FIRST, PASSWORD).await;
    let (first, _) = sign_in(&app, HAIAN, FIRST).await;
    let old: ColleagueAdded = add_colleague(&app, &first, COLLEAGUE)
        .await
        .json()
        .await
        .unwrap();
    let retried = add_colleague(&app, &first, COLLEAGUE).await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    let new: ColleagueAdded = retried.json().await.unwrap();
    assert_eq!(new.person, old.person);
    assert_ne!(new.link.path, old.link.path);
    let with_old = set_password(&app, token(&old.link), PASSWORD).await;
    assert_eq!(with_old.status(), StatusCode::NOT_FOUND);
    // A link stops working after 72 hours.
    app.clock.set(app.clock.now() + 72 * 3600 + 1);
    let late = set_password(&app, token(&new.link), PASSWORD).await;
    assert_eq!(late.status(), StatusCode::NOT_FOUND);
    assert_eq!(error(late).await.code, "firm.link_invalid");
}

#[tokio::test]
async fn staff_make_a_link_for_a_forgotten_password_which_ends_the_old_sessions() {
    let app = app().await;
    sign_up(&app, NANTONG, FIRST, PASSWORD).await;
    let (old_session, _) = sign_in(&app, NANTONG, FIRST).await;
    let staff = login_admin(&app).await;

    let path = format!("/api/v1/staff/firms?uscc={}", NANTONG.to_lowercase());
    let found = call(&app, Method::GET, &path, Some(&staff), None, None).await;
    assert_eq!(found.status(), StatusCode::OK);
    let firm: StaffFirmView = found.json().await.unwrap();
    assert_eq!(firm.uscc, NANTONG);
    assert_eq!(firm.people.len(), 1);
    let person = firm.people[0].id;
    let unknown = "/api/v1/staff/firms?uscc=93320623MA1N1Q4H4Y";
    let missing = call(&app, Method::GET, unknown, Some(&staff), None, None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(error(missing).await.code, "firm.not_found");

    let path = format!("/api/v1/staff/firms/{NANTONG}/people/{person}/password-link");
    let response = call(
        &app,
        Method::POST,
        &path,
        Some(&staff),
        Some(&staff.csrf),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let link: PasswordLink = response.json().await.unwrap();
    let other_firm = format!("/api/v1/staff/firms/{HAIAN}/people/{person}/password-link");
    let wrong = call(
        &app,
        Method::POST,
        &other_firm,
        Some(&staff),
        Some(&staff.csrf),
        None,
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);

    let new_password = "a new firm password 2";
    assert_eq!(
        set_password(&app, token(&link), new_password)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let whoami = call(
        &app,
        Method::GET,
        "/api/v1/firm/session",
        Some(&old_session),
        None,
        None,
    );
    assert_eq!(whoami.await.status(), StatusCode::UNAUTHORIZED);
    let old = sign_in_from(&app, "203.0.113.4", NANTONG, FIRST, PASSWORD).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = sign_in_from(&app, "203.0.113.4", NANTONG, FIRST, new_password).await;
    assert_eq!(new.status(), StatusCode::OK);

    // Who looked the firm up and who made the link.
    let db = app.database().await;
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM staff_audit WHERE action LIKE 'firm.%' ORDER BY id")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(actions, ["firm.viewed", "firm.password_link"]);
}
