//! A registration's rounds: applying again after a refusal or a cancellation, changing the
//! details of a registration in force (变更), the center's re-check (复核) and cancellation (撤销)
//! with a published reason, the firm's dashboard (working days left, the center's messages), and
//! the migration that made rounds possible keeping what was there.

use portal_domain::api::firm::registration::{
    CancelReason, FirmDashboard, FirmRegistration, RegistrationKind, RegistrationStatus,
    StaffRegistration,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::registration::{complete, firm, mine, officer, queue, save, step, submit};
use super::registration_files::upload_all;
use super::NANTONG;
use crate::helpers::{at, database_url, error, migrated_before, spawn_app_in, TestApp};
use crate::staff_client::{call_as, get, Session};

const ROUNDS: &str = "/api/v1/firm/registration/rounds";
const DASHBOARD: &str = "/api/v1/firm/dashboard";

async fn start(app: &TestApp, firm: &Session, kind: &str) -> reqwest::Response {
    call_as(
        app,
        Method::POST,
        ROUNDS,
        firm,
        Some(json!({ "kind": kind })),
    )
    .await
}

async fn dashboard(app: &TestApp, firm: &Session) -> FirmDashboard {
    let response = get(app, firm, DASHBOARD).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn staff_view(app: &TestApp, officer: &Session, id: i64) -> StaffRegistration {
    let response = get(app, officer, &format!("/api/v1/staff/registrations/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The id of the round with this reference, from the officers' queue.
async fn id_of(app: &TestApp, officer: &Session, reference: &str) -> i64 {
    let queue = queue(app, officer).await;
    queue
        .items
        .iter()
        .find(|i| i.reference == reference)
        .unwrap_or_else(|| panic!("{reference} in the queue"))
        .id
}

/// Submits what the firm has saved; an officer takes it and does `decision`.
async fn decide(app: &TestApp, firm: &Session, officer: &Session, decision: Value) -> i64 {
    assert_eq!(submit(app, firm).await.status(), StatusCode::OK);
    let reference = mine(app, firm).await.reference.unwrap();
    let id = id_of(app, officer, &reference).await;
    for body in [json!({"action": "start"}), decision] {
        let response = step(app, officer, id, body).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    id
}

pub(super) async fn registered(app: &TestApp, firm: &Session, officer: &Session) -> i64 {
    upload_all(app, firm).await;
    assert_eq!(save(app, firm, complete()).await.status(), StatusCode::OK);
    decide(app, firm, officer, json!({"action": "register"})).await
}

/// The officer sends a re-check of registration `id` with `what` (the defects).
async fn send_recheck(
    app: &TestApp,
    officer: &Session,
    id: i64,
    what: &Value,
) -> reqwest::Response {
    step(
        app,
        officer,
        id,
        json!({"action": "recheck", "defects": what}),
    )
    .await
}

fn accepted(mut answers: Value) -> Value {
    answers["declaration"] = json!(true);
    answers
}

#[tokio::test]
async fn a_refused_firm_applies_again_with_its_answers_and_a_new_reference() {
    let app = super::app().await;
    let (_admin, officer) = officer(&app).await;
    let firm = firm(&app, NANTONG).await;
    upload_all(&app, &firm).await;
    assert_eq!(save(&app, &firm, complete()).await.status(), StatusCode::OK);
    // Nothing decided yet: no new round.
    assert!(mine(&app, &firm).await.may_start.is_empty());
    let refusal = json!({"action": "refuse", "text": "主营业务与技术领域不符"});
    let first = decide(&app, &firm, &officer, refusal).await;
    let refused = mine(&app, &firm).await;
    assert_eq!(refused.status, RegistrationStatus::Refused);
    assert_eq!(refused.may_start, vec![RegistrationKind::Application]);
    let first_reference = refused.reference.clone().unwrap();

    // A change needs a registration in force; saving needs a round open.
    let response = start(&app, &firm, "change").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.round_not_allowed");
    assert_eq!(
        save(&app, &firm, complete()).await.status(),
        StatusCode::CONFLICT
    );

    let response = start(&app, &firm, "application").await;
    assert_eq!(response.status(), StatusCode::OK);
    let again: FirmRegistration = response.json().await.unwrap();
    assert_eq!(again.status, RegistrationStatus::Draft);
    assert_eq!(again.kind, RegistrationKind::Application);
    assert_eq!(again.reference, None);
    assert_eq!(again.answers.insured_staff, Some(42), "answers kept");
    assert_eq!(again.files.len(), refused.files.len(), "documents kept");
    assert!(!again.files.is_empty());
    assert!(!again.answers.declaration, "the 承诺书 is accepted again");
    assert!(again.may_start.is_empty());
    // Asked again (a retry): the same draft, no second round.
    let retried: FirmRegistration = start(&app, &firm, "application")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retried, again);

    let mut answers = accepted(complete());
    answers["main_business"] = json!("智能纺织装备的研发和制造");
    assert_eq!(save(&app, &firm, answers).await.status(), StatusCode::OK);
    let second = decide(&app, &firm, &officer, json!({"action": "register"})).await;
    let now = mine(&app, &firm).await;
    assert_eq!(now.status, RegistrationStatus::Registered);
    assert_ne!(now.reference.unwrap(), first_reference);
    let view = staff_view(&app, &officer, second).await;
    assert_eq!(view.rounds.len(), 1);
    assert_eq!(view.rounds[0].id, first);
    assert_eq!(view.rounds[0].status, RegistrationStatus::Refused);
}

#[tokio::test]
async fn a_change_keeps_the_certificate_and_a_refused_change_leaves_the_registration_as_it_was() {
    let app = super::app().await;
    let (_admin, officer) = officer(&app).await;
    let firm = firm(&app, NANTONG).await;
    let first = registered(&app, &firm, &officer).await;
    let before = mine(&app, &firm).await;
    let certificate = before.certificate.clone().unwrap();
    assert_eq!(before.may_start, vec![RegistrationKind::Change]);
    let response = start(&app, &firm, "application").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    let response = start(&app, &firm, "change").await;
    assert_eq!(response.status(), StatusCode::OK);
    let change: FirmRegistration = response.json().await.unwrap();
    assert_eq!(change.kind, RegistrationKind::Change);
    assert_eq!(change.status, RegistrationStatus::Draft);
    assert_eq!(
        change.certificate.as_ref(),
        Some(&certificate),
        "still in force"
    );
    let mut answers = accepted(complete());
    answers["insured_staff"] = json!(60);
    assert_eq!(save(&app, &firm, answers).await.status(), StatusCode::OK);
    let second = decide(&app, &firm, &officer, json!({"action": "register"})).await;
    let changed = mine(&app, &firm).await;
    assert_eq!(changed.status, RegistrationStatus::Registered);
    assert_eq!(changed.answers.insured_staff, Some(60));
    let kept = changed.certificate.unwrap();
    assert_eq!(kept.number, certificate.number);
    assert_eq!(kept.valid_until, certificate.valid_until);
    assert_eq!(
        staff_view(&app, &officer, first).await.status,
        RegistrationStatus::Superseded
    );

    // A change refused: the registration in force stays as it was.
    assert_eq!(start(&app, &firm, "change").await.status(), StatusCode::OK);
    let mut answers = accepted(complete());
    answers["insured_staff"] = json!(9);
    assert_eq!(save(&app, &firm, answers).await.status(), StatusCode::OK);
    let refusal = json!({"action": "refuse", "text": "参保人数与证明不符"});
    decide(&app, &firm, &officer, refusal).await;
    let after = mine(&app, &firm).await;
    assert_eq!(after.status, RegistrationStatus::Refused);
    assert_eq!(after.kind, RegistrationKind::Change);
    assert_eq!(after.certificate.unwrap().number, certificate.number);
    assert_eq!(after.may_start, vec![RegistrationKind::Change]);
    assert_eq!(
        staff_view(&app, &officer, second).await.status,
        RegistrationStatus::Registered
    );
}

#[tokio::test]
async fn the_center_rechecks_a_registration_then_cancels_it_for_a_published_reason() {
    let app = super::app().await;
    let (_admin, officer) = officer(&app).await;
    let firm = firm(&app, NANTONG).await;
    let id = registered(&app, &firm, &officer).await;
    let number = mine(&app, &firm).await.certificate.unwrap().number;

    // A re-check needs what to confirm; a refusal step does not fit a registration.
    let response = step(&app, &officer, id, json!({"action": "recheck"})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = step(&app, &officer, id, json!({"action": "refuse", "text": "x"})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let what = json!([{"section": "firm", "text": "请更新参保人数并上传近三个月社保证明"}]);
    let response = send_recheck(&app, &officer, id, &what).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view: StaffRegistration = response.json().await.unwrap();
    assert_eq!(
        view.status,
        RegistrationStatus::Registered,
        "still in force"
    );
    let round = &view.rounds[0];
    assert_eq!(
        (round.kind, round.status),
        (
            RegistrationKind::Recheck,
            RegistrationStatus::NeedsAmendment
        )
    );
    // Only one re-check at a time.
    let again = send_recheck(&app, &officer, id, &what).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    let recheck = mine(&app, &firm).await;
    assert_eq!(recheck.kind, RegistrationKind::Recheck);
    assert_eq!(recheck.status, RegistrationStatus::NeedsAmendment);
    assert_eq!(recheck.defects.len(), 1);
    assert_eq!(recheck.certificate.as_ref().unwrap().number, number);
    // 20 November 2026 is a Friday; the (illustrative) amendment limit counts working days.
    let limit = recheck.settings.limits.amendment_working_days as i32;
    assert_eq!(recheck.days_left, Some(limit));
    let board = dashboard(&app, &firm).await;
    assert_eq!(board.days_left, Some(limit));
    assert_eq!(board.messages[0].action, "recheck");
    assert!(board.messages[0].detail.contains("社保证明"));
    // The officer's internal notes never reach the firm.
    let note = json!({"action": "note", "text": "内部：电话核实"});
    assert_eq!(
        step(&app, &officer, id, note).await.status(),
        StatusCode::OK
    );
    assert!(dashboard(&app, &firm)
        .await
        .messages
        .iter()
        .all(|m| !m.detail.contains("内部")));

    // Cancelling needs a published reason and what was found.
    let response = step(&app, &officer, id, json!({"action": "cancel", "text": "x"})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(
        body.fields["reason"].code,
        "registration.cancel_reason_missing"
    );
    let cancel = json!({
        "action": "cancel",
        "reason": "false_information",
        "text": "社保缴纳证明系伪造",
    });
    let response = step(&app, &officer, id, cancel).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view: StaffRegistration = response.json().await.unwrap();
    assert_eq!(view.status, RegistrationStatus::Cancelled);
    let cancellation = view.cancellation.unwrap();
    assert_eq!(cancellation.reason, CancelReason::FalseInformation);
    assert_eq!(cancellation.on.to_string(), "2026-11-20");
    // The open re-check is closed with it.
    assert_eq!(view.rounds[0].status, RegistrationStatus::Refused);

    let firm_view = mine(&app, &firm).await;
    assert_eq!(firm_view.certificate, None);
    assert_eq!(
        firm_view.cancellation.map(|c| c.text),
        Some("社保缴纳证明系伪造".to_owned())
    );
    assert_eq!(firm_view.may_start, vec![RegistrationKind::Application]);
    let board = dashboard(&app, &firm).await;
    assert_eq!(board.messages[0].action, "cancel");
    assert_eq!(board.certificate, None);
    assert!(board.cancellation.is_some());
    // Nothing in force to re-check or cancel any more.
    let response = send_recheck(&app, &officer, id, &what).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_firm_answers_a_recheck_and_keeps_its_registration() {
    let app = super::app().await;
    let (_admin, officer) = officer(&app).await;
    let firm = firm(&app, NANTONG).await;
    // A change started but not sent becomes the re-check, its answers kept.
    let id = registered(&app, &firm, &officer).await;
    let number = mine(&app, &firm).await.certificate.unwrap().number;
    assert_eq!(start(&app, &firm, "change").await.status(), StatusCode::OK);
    let mut answers = complete();
    answers["insured_staff"] = json!(55);
    answers["declaration"] = json!(false);
    assert_eq!(save(&app, &firm, answers).await.status(), StatusCode::OK);
    let what = json!([{"section": "rnd", "text": "请更新研发投入"}]);
    let response = send_recheck(&app, &officer, id, &what).await;
    assert_eq!(response.status(), StatusCode::OK);
    let recheck = mine(&app, &firm).await;
    assert_eq!(recheck.kind, RegistrationKind::Recheck);
    assert_eq!(recheck.answers.insured_staff, Some(55));

    let mut answers = accepted(complete());
    answers["rnd_spending"] = json!(420);
    assert_eq!(save(&app, &firm, answers).await.status(), StatusCode::OK);
    assert_eq!(submit(&app, &firm).await.status(), StatusCode::OK);
    let reference = mine(&app, &firm).await.reference.unwrap();
    let round = id_of(&app, &officer, &reference).await;
    for body in [json!({"action": "start"}), json!({"action": "register"})] {
        assert_eq!(
            step(&app, &officer, round, body).await.status(),
            StatusCode::OK
        );
    }
    let after = mine(&app, &firm).await;
    assert_eq!(after.status, RegistrationStatus::Registered);
    assert_eq!(after.answers.rnd_spending, Some(420));
    assert_eq!(after.certificate.unwrap().number, number);
    let board = dashboard(&app, &firm).await;
    assert_eq!(board.messages[0].action, "register");
    assert_eq!(board.days_left, None, "no clock runs");
}

#[tokio::test]
async fn the_dashboard_counts_working_days_and_says_when_the_center_is_late() {
    let app = super::app().await;
    let firm = firm(&app, NANTONG).await;
    let empty = dashboard(&app, &firm).await;
    assert_eq!(empty.round, None);
    assert!(empty.messages.is_empty());
    upload_all(&app, &firm).await;
    assert_eq!(save(&app, &firm, complete()).await.status(), StatusCode::OK);
    assert_eq!(submit(&app, &firm).await.status(), StatusCode::OK);
    let limit = mine(&app, &firm).await.settings.limits.review_working_days as i32;
    let board = dashboard(&app, &firm).await;
    assert_eq!(board.round.unwrap().status, RegistrationStatus::Submitted);
    assert_eq!(board.days_left, Some(limit));
    let due = board.due_on.unwrap();
    // The working day after the due day: one day overdue.
    let next_working = (1..10)
        .map(|n| due.add_days(n))
        .find(|d| !d.is_weekend())
        .unwrap();
    app.clock.set(at(&format!("{next_working}T10:00:00+08:00")));
    // Days later the session has ended: sign in again.
    let firm = super::sign_in(&app, NANTONG, "13812345678").await.0;
    assert_eq!(dashboard(&app, &firm).await.days_left, Some(-1));
    assert_eq!(mine(&app, &firm).await.days_left, Some(-1));
}

/// A registration made before rounds existed keeps its row, its history and its firm; the new
/// rules (one open round per firm) hold for it.
#[tokio::test]
async fn a_registration_made_before_rounds_keeps_its_row_and_history() {
    if crate::helpers::sqlite_only("a migration of an existing SQLite database") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pool = migrated_before(&dir, 19).await;
    for sql in [
        "INSERT INTO firms (id, uscc, name, created_at, updated_at) \
         VALUES (1, '91320600MA1MB5GT0D', '南通某某家纺有限公司', 0, 0)",
        "INSERT INTO firm_people (id, firm_id, name, mobile, password_hash, is_first, \
         created_at, updated_at) VALUES (1, 1, '王丽', '13812345678', 'x', 1, 0, 0)",
        "INSERT INTO registrations (id, firm_id, status, reference, answers, submitted_at, \
         due_on, created_at, updated_at) \
         VALUES (7, 1, 'submitted', 'BA-2026-000007', '{}', 0, '2026-11-27', 0, 0)",
        "INSERT INTO registration_events (registration_id, at, person_id, action) \
         VALUES (7, 0, 1, 'submitted')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let app = spawn_app_in(dir).await;
    let pool = sqlx::SqlitePool::connect(&database_url(&app.dir))
        .await
        .unwrap();
    let row: (String, String, Option<i64>) =
        sqlx::query_as("SELECT kind, status, previous_id FROM registrations WHERE id = 7")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(row, ("application".into(), "submitted".into(), None));
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM registration_events WHERE registration_id = 7")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(events, 1);
    let broken: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(broken.is_empty());
    // A second open round for the firm is refused by the database itself.
    let second = sqlx::query(
        "INSERT INTO registrations (firm_id, status, answers, created_at, updated_at) \
         VALUES (1, 'draft', '{}', 0, 0)",
    )
    .execute(&pool)
    .await;
    assert!(second.is_err());
}
