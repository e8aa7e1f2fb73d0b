//! A firm's registration (专利预审备案): answers saved as drafts, the eligibility rules said
//! before submitting, submitting (idempotent), and the pre-examination officers' review through
//! to the certificate; roles, CSRF and the administrators' settings.

use portal_domain::api::firm::registration::{
    FastTrackSettings, FieldVenue, FirmRegistration, Outcome, RegistrationQueue,
    RegistrationStatus, Rule, SectionState, StaffRegistration,
};
use portal_domain::api::staff::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::registration_files::upload_all;
use super::{app, sign_in, sign_up, HAIAN, NANTONG, PASSWORD};
use crate::helpers::{error, TestApp};
use crate::staff_client::{audit, call, call_as, get, login_admin, staff_with, Session};

pub(super) const MOBILE: &str = "13812345678";
pub(super) const PATH: &str = "/api/v1/firm/registration";
const SUBMIT: &str = "/api/v1/firm/registration/submit";

/// Every question answered; the firm meets every rule (one granted invention).
pub(super) fn complete() -> Value {
    json!({
        "established_on": "2015-03-18",
        "insured_staff": 42,
        "main_business": "家用纺织品的研发、生产和销售",
        "fields": ["modern_textiles"],
        "rnd_staff": 8,
        "rnd_spending": 350,
        "design_only": false,
        "patents": ["ZL 2021 1 0000004.X"],
        "ip_system": true,
        "ip_contact": "王丽",
        "declaration": true,
    })
}

pub(super) async fn firm(app: &TestApp, uscc: &str) -> Session {
    assert_eq!(sign_up(app, uscc, MOBILE, PASSWORD).await.status(), 202);
    sign_in(app, uscc, MOBILE).await.0
}

pub(super) async fn save(app: &TestApp, firm: &Session, body: Value) -> reqwest::Response {
    call_as(app, Method::PUT, PATH, firm, Some(body)).await
}

pub(super) async fn submit(app: &TestApp, firm: &Session) -> reqwest::Response {
    call_as(app, Method::POST, SUBMIT, firm, None).await
}

pub(super) async fn mine(app: &TestApp, firm: &Session) -> FirmRegistration {
    let response = get(app, firm, PATH).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

pub(super) async fn step(
    app: &TestApp,
    officer: &Session,
    id: i64,
    body: Value,
) -> reqwest::Response {
    let path = format!("/api/v1/staff/registrations/{id}/actions");
    call_as(app, Method::POST, &path, officer, Some(body)).await
}

/// The officer sends the registration back to amend, with these defects; must succeed.
pub(super) async fn send_back(app: &TestApp, officer: &Session, id: i64, defects: Value) {
    let body = json!({"action": "amend", "defects": defects});
    assert_eq!(step(app, officer, id, body).await.status(), StatusCode::OK);
}

pub(super) async fn officer(app: &TestApp) -> (Session, Session) {
    let admin = login_admin(app).await;
    let officer = staff_with(app, &admin, "yushen", &[Role::PreExamOfficer]).await;
    (admin, officer)
}

pub(super) async fn queue(app: &TestApp, officer: &Session) -> RegistrationQueue {
    let response = get(app, officer, "/api/v1/staff/registrations").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn outcome(registration: &FirmRegistration, rule: Rule) -> Outcome {
    registration
        .eligibility
        .iter()
        .find(|o| o.rule == rule)
        .unwrap()
        .outcome
}

#[tokio::test]
async fn a_draft_is_saved_as_the_firm_types_and_the_rules_say_what_is_met() {
    let app = app().await;
    let firm = firm(&app, NANTONG).await;
    let empty = mine(&app, &firm).await;
    assert_eq!(empty.status, RegistrationStatus::Draft);
    assert_eq!(empty.reference, None);
    assert!(empty
        .sections
        .iter()
        .all(|s| s.state == SectionState::NotStarted));
    assert!(empty
        .eligibility
        .iter()
        .all(|o| o.outcome == Outcome::Unknown));
    assert_eq!(empty.settings, FastTrackSettings::default());

    // Three insured staff: below the (illustrative) five; the firm section half done.
    let response = save(
        &app,
        &firm,
        json!({"insured_staff": 3, "established_on": "2015-03-18"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let saved = mine(&app, &firm).await;
    assert_eq!(saved.answers.insured_staff, Some(3));
    assert_eq!(saved.sections[0].state, SectionState::InProgress);
    assert_eq!(outcome(&saved, Rule::InsuredStaff), Outcome::NotMet);
    assert_eq!(outcome(&saved, Rule::YearsRegistered), Outcome::Met);

    upload_all(&app, &firm).await;
    assert_eq!(save(&app, &firm, complete()).await.status(), StatusCode::OK);
    let saved = mine(&app, &firm).await;
    assert!(
        saved
            .sections
            .iter()
            .all(|s| s.state == SectionState::Completed),
        "{:?}",
        saved.sections
    );
    assert!(
        saved.eligibility.iter().all(|o| o.outcome == Outcome::Met),
        "{:?}",
        saved.eligibility
    );
}

#[tokio::test]
async fn wrong_answers_are_refused_at_their_fields_and_not_saved() {
    let app = app().await;
    let firm = firm(&app, NANTONG).await;
    let body = json!({
        "established_on": "2015-13-01",
        "insured_staff": 5,
        "rnd_staff": 9,
        "fields": ["next_gen_it"],
        "patents": ["202110000004.1"],
    });
    let response = save(&app, &firm, body).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(
        body.fields["firm.established_on"].code,
        "registration.date_format"
    );
    assert_eq!(
        body.fields["rnd.rnd_staff"].code,
        "registration.more_rnd_than_staff"
    );
    assert_eq!(
        body.fields["firm.fields"].code,
        "registration.field_not_open"
    );
    assert_eq!(
        body.fields["patents.patents"].code,
        "patent_number.check_digit"
    );
    assert!(body.fields["patents.patents"]
        .message
        .starts_with("202110000004.1"));
    assert_eq!(
        mine(&app, &firm).await.answers.insured_staff,
        None,
        "nothing saved"
    );

    let future = json!({"established_on": "2026-11-21"});
    let body = error(save(&app, &firm, future).await).await;
    assert_eq!(
        body.fields["firm.established_on"].code,
        "registration.established_in_future"
    );
    let unknown = json!({"fields": ["space_travel"]});
    let body = error(save(&app, &firm, unknown).await).await;
    assert_eq!(
        body.fields["firm.fields"].code,
        "registration.unknown_field"
    );
    let twice = json!({"patents": ["202110000004X", "ZL 2021 1 0000004.X"]});
    let body = error(save(&app, &firm, twice).await).await;
    assert_eq!(
        body.fields["patents.patents"].code,
        "registration.patent_repeated"
    );
}

#[tokio::test]
async fn submitting_needs_every_answer_and_an_explanation_for_a_rule_not_met() {
    let app = app().await;
    let firm = firm(&app, NANTONG).await;
    upload_all(&app, &firm).await;
    let response = submit(&app, &firm).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = error(response).await;
    assert_eq!(
        body.fields["firm.insured_staff"].code,
        "registration.missing"
    );
    assert_eq!(
        body.fields["declaration.declaration"].code,
        "registration.missing"
    );
    assert_eq!(body.fields.len(), 10, "{:?}", body.fields.keys());

    let mut answers = complete();
    answers["insured_staff"] = json!(3);
    answers["rnd_staff"] = json!(2);
    save(&app, &firm, answers.clone()).await;
    let body = error(submit(&app, &firm).await).await;
    assert_eq!(
        body.fields.keys().collect::<Vec<_>>(),
        ["declaration.explanation"]
    );
    assert_eq!(
        body.fields["declaration.explanation"].code,
        "registration.explanation_needed"
    );

    answers["explanation"] = json!("新招聘的 4 名员工下月起参保");
    save(&app, &firm, answers).await;
    let response = submit(&app, &firm).await;
    assert_eq!(response.status(), StatusCode::OK);
    let submitted: FirmRegistration = response.json().await.unwrap();
    assert_eq!(submitted.status, RegistrationStatus::Submitted);
    let reference = submitted.reference.clone().unwrap();
    assert!(reference.starts_with("BA-2026-"), "{reference}");
    // 10 working days (illustrative) after Friday 2026-11-20.
    assert_eq!(submitted.due_on.unwrap().to_string(), "2026-12-04");

    // A retried submit changes nothing; the answers are locked while the center reviews.
    let again: FirmRegistration = submit(&app, &firm).await.json().await.unwrap();
    assert_eq!(again, submitted);
    let response = save(&app, &firm, complete()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.not_editable");
}

#[tokio::test]
async fn an_officer_asks_for_an_amendment_and_then_registers_the_firm() {
    let app = app().await;
    let firm = firm(&app, NANTONG).await;
    upload_all(&app, &firm).await;
    save(&app, &firm, complete()).await;
    submit(&app, &firm).await;
    let (admin, officer) = officer(&app).await;

    let items = queue(&app, &officer).await.items;
    assert_eq!(items.len(), 1);
    let id = items[0].id;
    assert_eq!(items[0].status, RegistrationStatus::Submitted);
    assert_eq!(items[0].firm_name, "南通某某家纺有限公司");

    // Nothing but taking it fits a submitted registration.
    let response = step(&app, &officer, id, json!({"action": "register"})).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.wrong_status");
    let response = step(&app, &officer, id, json!({"action": "start"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let taken: StaffRegistration = response.json().await.unwrap();
    assert_eq!(taken.status, RegistrationStatus::UnderReview);
    assert_eq!(taken.assignee.as_deref(), Some("yushen"));
    assert_eq!(taken.uscc, NANTONG);

    // Amending needs a defect with text.
    let response = step(
        &app,
        &officer,
        id,
        json!({"action": "amend", "defects": []}),
    )
    .await;
    assert_eq!(
        error(response).await.fields["defects"].code,
        "registration.defects_missing"
    );
    let defects = json!([{"section": "rnd", "text": "研发投入与附件金额不一致，请核对"}]);
    send_back(&app, &officer, id, defects).await;
    let note = json!({"action": "note", "text": "电话核实参保人数"});
    assert_eq!(
        step(&app, &officer, id, note).await.status(),
        StatusCode::OK
    );

    let sent_back = mine(&app, &firm).await;
    assert_eq!(sent_back.status, RegistrationStatus::NeedsAmendment);
    assert_eq!(sent_back.defects.len(), 1);
    assert_eq!(
        sent_back.defects[0].text,
        "研发投入与附件金额不一致，请核对"
    );
    assert_eq!(sent_back.due_on.unwrap().to_string(), "2026-12-04");
    assert!(
        !serde_json::to_string(&sent_back)
            .unwrap()
            .contains("电话核实"),
        "notes are internal"
    );

    let mut amended = complete();
    amended["rnd_spending"] = json!(380);
    assert_eq!(save(&app, &firm, amended).await.status(), StatusCode::OK);
    assert_eq!(submit(&app, &firm).await.status(), StatusCode::OK);
    assert_eq!(
        mine(&app, &firm).await.status,
        RegistrationStatus::Submitted
    );

    step(&app, &officer, id, json!({"action": "start"})).await;
    let response = step(&app, &officer, id, json!({"action": "register"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let registered: StaffRegistration = response.json().await.unwrap();
    let actions: Vec<_> = registered
        .events
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "submitted",
            "start",
            "amend",
            "note",
            "resubmitted",
            "start",
            "register"
        ]
    );

    let done = mine(&app, &firm).await;
    assert_eq!(done.status, RegistrationStatus::Registered);
    let certificate = done.certificate.unwrap();
    assert_eq!(certificate.number, "NTYS-2026-0001");
    assert_eq!(certificate.registered_on.to_string(), "2026-11-20");
    assert_eq!(certificate.valid_until.to_string(), "2028-11-20");
    assert_eq!(certificate.fields.len(), 1);
    assert_eq!(certificate.fields[0].name_zh, "现代纺织");

    let log = audit(&app, &admin).await;
    let actions: Vec<_> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"registration.viewed") || actions.contains(&"registration.register"));
    assert!(actions.contains(&"registration.amend"), "{actions:?}");
}

#[tokio::test]
async fn a_refusal_says_why_and_the_queue_is_for_officers_only() {
    let app = app().await;
    let firm = firm(&app, HAIAN).await;
    upload_all(&app, &firm).await;
    save(&app, &firm, complete()).await;
    submit(&app, &firm).await;
    let (admin, officer) = officer(&app).await;
    let id = queue(&app, &officer).await.items[0].id;

    // Administrators and case handlers do not review; a firm's session opens no staff route.
    let handler = staff_with(&app, &admin, "anjian", &[Role::CaseHandler]).await;
    for session in [&admin, &handler] {
        let response = get(&app, session, "/api/v1/staff/registrations").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    let response = call(
        &app,
        Method::GET,
        "/api/v1/staff/registrations",
        Some(&firm),
        None,
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A change without the CSRF token; no session at all.
    let response = call(&app, Method::PUT, PATH, Some(&firm), None, Some(complete())).await;
    assert_eq!(error(response).await.code, "firm.csrf");
    let response = call(&app, Method::GET, PATH, None, None, None).await;
    assert_eq!(error(response).await.code, "firm.unauthenticated");
    let response = get(&app, &officer, "/api/v1/staff/registrations/999").await;
    assert_eq!(error(response).await.code, "registration.not_found");

    step(&app, &officer, id, json!({"action": "start"})).await;
    let response = step(&app, &officer, id, json!({"action": "refuse"})).await;
    assert_eq!(
        error(response).await.fields["text"].code,
        "registration.reason_missing"
    );
    let reason = "企业主营业务为知识产权服务，不属于备案对象";
    let response = step(
        &app,
        &officer,
        id,
        json!({"action": "refuse", "text": reason}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let refused = mine(&app, &firm).await;
    assert_eq!(refused.status, RegistrationStatus::Refused);
    assert_eq!(refused.refusal_reason.as_deref(), Some(reason));
    assert_eq!(refused.certificate, None);
}

#[tokio::test]
async fn administrators_set_the_rules_and_the_firm_sees_them_at_once() {
    let app = app().await;
    let firm = firm(&app, NANTONG).await;
    save(&app, &firm, complete()).await;
    let (admin, officer) = officer(&app).await;
    let path = "/api/v1/staff/fast-track/settings";

    let response = get(&app, &admin, path).await;
    let mut settings: FastTrackSettings = response.json().await.unwrap();
    assert_eq!(settings, FastTrackSettings::default());
    settings.rules.min_insured_staff = 50;
    let body = serde_json::to_value(&settings).unwrap();
    let response = call_as(&app, Method::PUT, path, &officer, Some(body.clone())).await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "officers do not set the rules"
    );
    let response = call_as(&app, Method::PUT, path, &admin, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let seen = mine(&app, &firm).await;
    assert_eq!(seen.settings.rules.min_insured_staff, 50);
    assert_eq!(outcome(&seen, Rule::InsuredStaff), Outcome::NotMet);

    let mut wrong = settings.clone();
    wrong.fields[1].code = wrong.fields[0].code.clone();
    wrong.limits.review_working_days = 0;
    let body = serde_json::to_value(&wrong).unwrap();
    let response = call_as(&app, Method::PUT, path, &admin, Some(body)).await;
    let body = error(response).await;
    assert_eq!(body.fields["fields"].code, "registration.field_repeated");
    assert_eq!(
        body.fields["limits.review_working_days"].code,
        "registration.out_of_range"
    );

    // A field's classes and venue: kept as written one way; anything else is refused.
    let mut classes = settings.clone();
    classes.fields[1].venue = FieldVenue::HomeTextiles;
    classes.fields[1].ipc_groups = vec!["D06F 58/00".into()];
    classes.fields[1].locarno_classes = vec!["06-01".into(), "06-13".into()];
    let body = serde_json::to_value(&classes).unwrap();
    let response = call_as(&app, Method::PUT, path, &admin, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let kept: FastTrackSettings = get(&app, &admin, path).await.json().await.unwrap();
    assert_eq!(kept.fields[1], classes.fields[1]);
    let mut typed = classes.clone();
    typed.fields[1].ipc_groups = vec!["d06f58/00".into()];
    let body = serde_json::to_value(&typed).unwrap();
    let response = call_as(&app, Method::PUT, path, &admin, Some(body)).await;
    assert_eq!(
        error(response).await.fields["fields"].code,
        "registration.field_ipc"
    );
}
