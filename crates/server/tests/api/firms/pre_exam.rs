//! Pre-examination requests (专利预审申请, issue #15) as the firm files them: only a registered
//! firm; drafts checked as they are saved (the class against the chosen venue's fields, with the
//! same code and words as the domain's, the exclusions); submitting needs every document and
//! quota left, gives a `YS-` reference once (a retried submit makes no second); the
//! administrator's settings and per-firm quota. The helpers here are shared with
//! `pre_exam_exam.rs`.

use portal_domain::api::firm::pre_exam::{
    Exclusion, FirmPreExam, FirmPreExamList, PreExamAnswers, PreExamSettings, PreExamStatus, Quota,
    MAX_OPEN_DRAFTS,
};
use portal_domain::api::firm::registration::{FieldStatus, FieldVenue, TechField};
use portal_domain::api::staff::Role;
use portal_domain::{Lang, Localized};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::registration::{firm, officer};
use super::rounds::registered;
use super::{HAIAN, NANTONG};
use crate::helpers::{error, TestApp, JPEG, PDF};
use crate::staff_client::{call_as, get, staff_with, Session};

pub(super) const LIST: &str = "/api/v1/firm/pre-exams";

pub(super) fn path(id: i64) -> String {
    format!("{LIST}/{id}")
}

/// The fields the tests use: 智能装备 at the center (B25F 5/00, B23K 37/00), 新一代信息技术 at
/// the center being extended (G06F 3/00), 现代纺织 at the 家纺 centre (D06F 58/00, Locarno
/// 06-09), 家具 at the 海安 centre (Locarno 06-01).
pub(super) fn fields() -> Vec<TechField> {
    let field =
        |code: &str, zh: &str, en: &str, venue, status, ipc: &[&str], loc: &[&str]| TechField {
            code: code.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            status,
            venue,
            ipc_groups: ipc.iter().map(|s| s.to_string()).collect(),
            locarno_classes: loc.iter().map(|s| s.to_string()).collect(),
        };
    vec![
        field(
            "smart_equipment",
            "智能装备",
            "Smart equipment",
            FieldVenue::ProtectionCenter,
            FieldStatus::Active,
            &["B25F 5/00", "B23K 37/00"],
            &[],
        ),
        field(
            "next_gen_it",
            "新一代信息技术",
            "Next-generation information technology",
            FieldVenue::ProtectionCenter,
            FieldStatus::Extending,
            &["G06F 3/00"],
            &[],
        ),
        field(
            "modern_textiles",
            "现代纺织",
            "Modern textiles",
            FieldVenue::HomeTextiles,
            FieldStatus::Active,
            &["D06F 58/00"],
            &["06-09"],
        ),
        field(
            "furniture",
            "家具",
            "Furniture",
            FieldVenue::Furniture,
            FieldStatus::Active,
            &[],
            &["06-01"],
        ),
    ]
}

/// Everything a test needs: a registered firm, the administrator with the test fields in
/// force, and an officer of the center.
pub(super) struct Setup {
    pub firm: Session,
    pub admin: Session,
    pub officer: Session,
}

pub(super) async fn setup(app: &TestApp) -> Setup {
    setup_for(app, NANTONG).await
}

pub(super) async fn setup_for(app: &TestApp, uscc: &str) -> Setup {
    let firm = firm(app, uscc).await;
    let (admin, officer) = officer(app).await;
    registered(app, &firm, &officer).await;
    let path = "/api/v1/staff/fast-track/settings";
    let mut settings: Value = get(app, &admin, path).await.json().await.unwrap();
    settings["fields"] = serde_json::to_value(fields()).unwrap();
    let response = call_as(app, Method::PUT, path, &admin, Some(settings)).await;
    assert_eq!(response.status(), StatusCode::OK);
    Setup {
        firm,
        admin,
        officer,
    }
}

/// A complete design request at the 家纺 centre.
pub(super) fn design() -> Value {
    json!({
        "venue": "home_textiles",
        "kind": "design",
        "classification": "6-9",
        "title": "床罩",
        "inventors": ["张三"],
        "summary": "一种床罩。",
        "pct_national_phase": false,
        "divisional": false,
        "needs_secrecy_examination": false,
        "already_filed": false,
    })
}

/// A complete invention request at the center.
pub(super) fn invention() -> Value {
    json!({
        "venue": "protection_center",
        "kind": "invention",
        "classification": "b25f5/00",
        "title": "一种电动工具",
        "inventors": ["李四", "王五"],
        "summary": "一种手持电动工具。",
        "pct_national_phase": false,
        "divisional": false,
        "same_day_filing": false,
        "needs_secrecy_examination": false,
        "already_filed": false,
    })
}

pub(super) async fn create(app: &TestApp, firm: &Session) -> FirmPreExam {
    let response = call_as(app, Method::POST, LIST, firm, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

pub(super) async fn save(app: &TestApp, firm: &Session, id: i64, body: Value) -> reqwest::Response {
    call_as(app, Method::PUT, &path(id), firm, Some(body)).await
}

pub(super) async fn upload(
    app: &TestApp,
    firm: &Session,
    id: i64,
    document: &str,
    bytes: &[u8],
) -> reqwest::Response {
    app.client
        .post(app.url(&format!(
            "{}/files?document={document}&name=a.pdf",
            path(id)
        )))
        .header("Cookie", &firm.cookie)
        .header("X-CSRF-Token", &firm.csrf)
        .header("Content-Type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

pub(super) async fn submit(app: &TestApp, firm: &Session, id: i64) -> reqwest::Response {
    call_as(
        app,
        Method::POST,
        &format!("{}/submit", path(id)),
        firm,
        None,
    )
    .await
}

pub(super) async fn mine(app: &TestApp, firm: &Session, id: i64) -> FirmPreExam {
    let response = get(app, firm, &path(id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// A draft with `answers` saved and a file for every document they need; its id.
pub(super) async fn ready(app: &TestApp, firm: &Session, answers: Value) -> i64 {
    let id = create(app, firm).await.id;
    assert_eq!(save(app, firm, id, answers).await.status(), StatusCode::OK);
    for document in mine(app, firm, id).await.documents {
        let response = upload(app, firm, id, document.code(), PDF).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    id
}

/// A submitted request with `answers`; its id.
pub(super) async fn submitted(app: &TestApp, firm: &Session, answers: Value) -> i64 {
    let id = ready(app, firm, answers).await;
    let response = submit(app, firm, id).await;
    assert_eq!(response.status(), StatusCode::OK);
    id
}

/// The domain's problems of `answers` against the test fields, as (field, code, zh message).
fn domain_problems(answers: &Value) -> Vec<(String, String, String)> {
    let answers: PreExamAnswers = serde_json::from_value(answers.clone()).unwrap();
    answers
        .problems(&fields())
        .into_iter()
        .map(|(f, e)| (f, e.code().to_string(), e.message(Lang::Zh)))
        .collect()
}

#[tokio::test]
async fn only_a_registered_firm_starts_a_request() {
    let app = super::app().await;
    let unregistered = firm(&app, HAIAN).await;
    let list: FirmPreExamList = get(&app, &unregistered, LIST).await.json().await.unwrap();
    assert!(!list.registered);
    assert_eq!(
        list.quota.allowance,
        PreExamSettings::default().yearly_quota
    );
    let response = call_as(&app, Method::POST, LIST, &unregistered, None).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(error(response).await.code, "pre_exam.not_registered");

    let s = setup(&app).await;
    let list: FirmPreExamList = get(&app, &s.firm, LIST).await.json().await.unwrap();
    assert!(list.registered);
    let draft = create(&app, &s.firm).await;
    assert_eq!(draft.reference, None);
    assert_eq!(draft.examination, None);
    assert_eq!(draft.fields, fields());
    // Another firm's request is not there for it, nor for a firm without a session.
    let response = get(&app, &unregistered, &path(draft.id)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(error(response).await.code, "pre_exam.not_found");
    let response = app
        .client
        .get(app.url(&path(draft.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_class_outside_the_venues_fields_is_refused_with_the_fields_it_serves() {
    let app = super::app().await;
    let s = setup(&app).await;
    let id = create(&app, &s.firm).await.id;
    let cases = [
        // Not examined anywhere: the 家纺 centre names what it serves.
        (
            "home_textiles",
            "design",
            "06-05",
            "pre_exam.class_not_served",
        ),
        // 家具's class: served at the 海安 centre.
        (
            "home_textiles",
            "design",
            "06-01",
            "pre_exam.served_elsewhere",
        ),
        // The 家具 centre examines no inventions.
        (
            "furniture",
            "invention",
            "B25F 5/00",
            "pre_exam.served_elsewhere",
        ),
        (
            "furniture",
            "utility_model",
            "A47C 1/00",
            "pre_exam.venue_serves_none",
        ),
        // Listed by a field still being extended.
        (
            "protection_center",
            "invention",
            "G06F 3/00",
            "pre_exam.field_not_open",
        ),
        (
            "protection_center",
            "invention",
            "A01B 1/00",
            "pre_exam.class_not_served",
        ),
        (
            "protection_center",
            "invention",
            "B25F",
            "pre_exam.ipc_format",
        ),
        ("home_textiles", "design", "6", "pre_exam.locarno_format"),
    ];
    for (venue, kind, class, code) in cases {
        let body = json!({"venue": venue, "kind": kind, "classification": class});
        let response = save(&app, &s.firm, id, body.clone()).await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{venue} {class}"
        );
        let body_error = error(response).await;
        assert_eq!(body_error.code, "validation_failed");
        let at = &body_error.fields["classification"];
        assert_eq!(at.code, code, "{venue} {class}");
        // The same code and words as the browser's check.
        let domain = domain_problems(&body);
        assert_eq!(domain.len(), 1);
        assert_eq!((&at.code, &at.message), (&domain[0].1, &domain[0].2));
    }
    let response = save(
        &app,
        &s.firm,
        id,
        json!({"venue": "home_textiles", "kind": "design", "classification": "06-05"}),
    )
    .await;
    let message = &error(response).await.fields["classification"].message;
    assert!(
        message.contains("现代纺织") && message.contains("06-09"),
        "{message}"
    );
    // Served: saved as typed, normalised when submitted.
    let ok =
        json!({"venue": "protection_center", "kind": "invention", "classification": "b23k 37/00"});
    assert_eq!(save(&app, &s.firm, id, ok).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn each_exclusion_answered_yes_is_refused_with_its_reason() {
    let app = super::app().await;
    let s = setup(&app).await;
    let id = create(&app, &s.firm).await.id;
    for x in Exclusion::ALL {
        let mut body = invention();
        body[x.field()] = json!(true);
        let response = save(&app, &s.firm, id, body.clone()).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{}", x.field());
        let e = error(response).await;
        let at = &e.fields[x.field()];
        assert_eq!(at.code, x.refusal().code());
        assert_eq!(at.message, x.refusal().message(Lang::Zh));
    }
    // A PCT kind is refused at the kind.
    let response = save(&app, &s.firm, id, json!({"kind": "pct_invention"})).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error(response).await.fields["kind"].code,
        "pre_exam.excluded_pct"
    );
    // Several at once.
    let mut body = invention();
    body["divisional"] = json!(true);
    body["already_filed"] = json!(true);
    let e = error(save(&app, &s.firm, id, body).await).await;
    assert_eq!(e.fields.len(), 2);
}

#[tokio::test]
async fn submitting_needs_every_answer_and_document_at_once_and_gives_one_reference() {
    let app = super::app().await;
    let s = setup(&app).await;
    let id = create(&app, &s.firm).await.id;
    // Nothing answered, nothing uploaded: every problem at once.
    let response = submit(&app, &s.firm, id).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let e = error(response).await;
    assert_eq!(e.code, "validation_failed");
    for field in [
        "venue",
        "kind",
        "classification",
        "title",
        "inventors",
        "summary",
    ] {
        assert_eq!(e.fields[field].code, "pre_exam.missing", "{field}");
    }
    // The design's documents: a photo is fine as its views, not as its brief.
    assert_eq!(
        save(&app, &s.firm, id, design()).await.status(),
        StatusCode::OK
    );
    let views = upload(&app, &s.firm, id, "design_views", JPEG).await;
    assert_eq!(views.status(), StatusCode::CREATED);
    let brief = upload(&app, &s.firm, id, "design_brief", JPEG).await;
    assert_eq!(brief.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error(brief).await.code, "pre_exam.file_type_not_allowed");
    let unknown = upload(&app, &s.firm, id, "photo", PDF).await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let e = error(submit(&app, &s.firm, id).await).await;
    let missing: Vec<_> = e.fields.keys().cloned().collect();
    assert_eq!(
        missing,
        [
            "documents.design_brief",
            "documents.request",
            "documents.self_check"
        ]
    );
    assert!(e
        .fields
        .values()
        .all(|f| f.code == "pre_exam.document_missing"));
    for document in ["request", "design_brief", "self_check"] {
        assert_eq!(
            upload(&app, &s.firm, id, document, PDF).await.status(),
            StatusCode::CREATED
        );
    }
    // A file can be removed while a draft.
    let extra = upload(&app, &s.firm, id, "request", PDF).await;
    let extra: Value = extra.json().await.unwrap();
    let file_path = format!("{}/files/{}", path(id), extra["id"]);
    let response = call_as(&app, Method::DELETE, &file_path, &s.firm, None).await;
    assert_eq!(response.status(), StatusCode::OK);

    let response = submit(&app, &s.firm, id).await;
    assert_eq!(response.status(), StatusCode::OK);
    let first: FirmPreExam = response.json().await.unwrap();
    assert_eq!(
        first.reference.as_deref(),
        Some(format!("YS-2026-{id:06}").as_str())
    );
    let exam = first.examination.clone().unwrap();
    assert_eq!(exam.status, PreExamStatus::Submitted);
    // Acceptance within 2 working days: Friday 20 November → Tuesday 24 November.
    assert_eq!(exam.due_on.unwrap().to_string(), "2026-11-24");
    assert_eq!(first.days_left, Some(2));
    assert_eq!(first.quota.used, 1);
    // The same submit again: nothing new.
    let again: FirmPreExam = submit(&app, &s.firm, id).await.json().await.unwrap();
    assert_eq!(again.reference, first.reference);
    assert_eq!(again.events.len(), 1);
    assert_eq!(again.quota.used, 1);
    // Submitted: the answers and the documents are fixed.
    let response = save(&app, &s.firm, id, design()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.not_editable");
    let response = upload(&app, &s.firm, id, "request", PDF).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let list: FirmPreExamList = get(&app, &s.firm, LIST).await.json().await.unwrap();
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].status, Some(PreExamStatus::Submitted));
}

#[tokio::test]
async fn a_firm_files_within_its_quota_and_the_center_grants_more() {
    let app = super::app().await;
    let s = setup(&app).await;
    let quota_path = format!("/api/v1/staff/firms/{NANTONG}/pre-exam-quota");
    let response = call_as(
        &app,
        Method::PUT,
        &quota_path,
        &s.admin,
        Some(json!({"own": 1})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let quota: Quota = response.json().await.unwrap();
    assert_eq!((quota.allowance, quota.extra, quota.used), (1, 0, 0));
    submitted(&app, &s.firm, design()).await;
    let second = ready(&app, &s.firm, invention()).await;
    let response = submit(&app, &s.firm, second).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "pre_exam.quota_used");
    // 增量额度: one more this year.
    let body = json!({"own": 1, "extra": 1});
    let response = call_as(&app, Method::PUT, &quota_path, &s.admin, Some(body)).await;
    let quota: Quota = response.json().await.unwrap();
    assert_eq!((quota.total(), quota.used), (2, 1));
    assert_eq!(submit(&app, &s.firm, second).await.status(), StatusCode::OK);
    // Out of range, an unknown firm, and officers may not set it.
    let body = json!({"own": 10_001});
    let response = call_as(&app, Method::PUT, &quota_path, &s.admin, Some(body)).await;
    assert_eq!(
        error(response).await.fields["own"].code,
        "pre_exam.out_of_range"
    );
    let unknown = "/api/v1/staff/firms/91320600MA1MB5GT0X/pre-exam-quota";
    assert_eq!(
        get(&app, &s.admin, unknown).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, &s.officer, &quota_path).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_administrator_sets_the_time_limits_shipped_as_illustrative_defaults() {
    let app = super::app().await;
    let s = setup(&app).await;
    let path = "/api/v1/staff/fast-track/pre-exam-settings";
    let shipped: PreExamSettings = get(&app, &s.admin, path).await.json().await.unwrap();
    assert_eq!(shipped, PreExamSettings::default());
    let mut wrong = serde_json::to_value(shipped).unwrap();
    wrong["acceptance_working_days"] = json!(0);
    let response = call_as(&app, Method::PUT, path, &s.admin, Some(wrong)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(error(response)
        .await
        .fields
        .contains_key("acceptance_working_days"));
    let changed = PreExamSettings {
        acceptance_working_days: 5,
        ..shipped
    };
    let body = serde_json::to_value(changed).unwrap();
    let response = call_as(&app, Method::PUT, path, &s.admin, Some(body)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // The new limit counts for the next submission.
    let id = submitted(&app, &s.firm, design()).await;
    let exam = mine(&app, &s.firm, id).await.examination.unwrap();
    assert_eq!(exam.due_on.unwrap().to_string(), "2026-11-27");
    // Only administrators read and change them.
    let other = staff_with(&app, &s.admin, "reception1", &[Role::Reception]).await;
    assert_eq!(
        get(&app, &other, path).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_firm_has_at_most_20_drafts_open_and_a_submitted_request_frees_a_place() {
    let app = super::app().await;
    let s = setup(&app).await;
    for _ in 1..MAX_OPEN_DRAFTS {
        create(&app, &s.firm).await;
    }
    // The 20th is submitted: no longer a draft.
    submitted(&app, &s.firm, design()).await;
    create(&app, &s.firm).await;
    let response = call_as(&app, Method::POST, LIST, &s.firm, None).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = error(response).await;
    assert_eq!(body.code, "pre_exam.too_many_drafts");
    assert!(body.message.contains("20"), "{}", body.message);
}
