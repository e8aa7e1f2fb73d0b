//! A registration's uploaded materials (营业执照, 社保缴纳证明, the signed 承诺书, R&D proof): each
//! purpose uploaded, typed and limited as every upload is, changed only while the registration
//! can be, never another firm's; submitting needs the materials the center requires
//! (administrator data), and an officer's every view of a file is in the audit log.

use portal_domain::api::files::{FileKind, MAX_FILE_BYTES};
use portal_domain::api::firm::registration::{
    FastTrackSettings, FirmRegistration, Material, RegistrationFile, RegistrationStatus,
    SectionState, StaffRegistration,
};
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::registration::{complete, firm, mine, officer, queue, save, send_back, step, submit};
use super::{HAIAN, NANTONG};
use crate::helpers::{error, TestApp, JPEG, PDF, PNG};
use crate::staff_client::{audit, call_as, get, Session};

const FILES: &str = "/api/v1/firm/registration/files";

/// Uploads `bytes` as a file of `purpose` named `name`, as the firm's person.
pub async fn upload_named(
    app: &TestApp,
    firm: &Session,
    purpose: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("{FILES}?purpose={purpose}&name={name}")))
        .header("Cookie", &firm.cookie)
        .header("X-CSRF-Token", &firm.csrf)
        .header("Content-Type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap()
}

pub async fn upload(app: &TestApp, firm: &Session, purpose: Material) -> RegistrationFile {
    let response = upload_named(app, firm, purpose.code(), "scan.pdf", PDF.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// One file of every material (what the default settings require).
pub async fn upload_all(app: &TestApp, firm: &Session) {
    for purpose in Material::ALL {
        upload(app, firm, purpose).await;
    }
}

fn uploads_state(registration: &FirmRegistration) -> SectionState {
    registration
        .sections
        .iter()
        .find(|s| s.section.code() == "uploads")
        .unwrap()
        .state
}

#[tokio::test]
async fn each_material_is_uploaded_typed_by_its_content_and_served_back() {
    let app = super::app().await;
    let firm = firm(&app, NANTONG).await;
    assert_eq!(
        uploads_state(&mine(&app, &firm).await),
        SectionState::NotStarted
    );

    // The first upload creates the draft.
    let contents = [JPEG, PNG, PDF, PDF];
    let mut stored = Vec::new();
    for (purpose, bytes) in Material::ALL.into_iter().zip(contents) {
        let response = upload_named(
            &app,
            &firm,
            purpose.code(),
            "..%2Fscan%E4%BB%B6.bin",
            bytes.to_vec(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::CREATED, "{purpose:?}");
        let file: RegistrationFile = response.json().await.unwrap();
        assert_eq!(file.purpose, purpose);
        assert_eq!(file.name, "scan件.bin", "tidied as assistance's names are");
        assert_eq!(file.size, bytes.len() as u64);
        stored.push(file);
    }
    assert_eq!(stored[0].kind, FileKind::Jpeg);
    assert_eq!(stored[1].kind, FileKind::Png);
    assert_eq!(stored[2].kind, FileKind::Pdf);

    let seen = mine(&app, &firm).await;
    assert_eq!(seen.status, RegistrationStatus::Draft);
    assert_eq!(seen.files, stored);
    assert_eq!(uploads_state(&seen), SectionState::Completed);

    let response = get(&app, &firm, &format!("{FILES}/{}", stored[1].id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);

    // Removing one leaves the section in progress.
    let path = format!("{FILES}/{}", stored[0].id);
    let response = call_as(&app, Method::DELETE, &path, &firm, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let after: FirmRegistration = response.json().await.unwrap();
    assert_eq!(after.files.len(), 3);
    assert_eq!(uploads_state(&after), SectionState::InProgress);
    assert_eq!(
        get(&app, &firm, &path).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn wrong_types_too_large_files_unknown_purposes_and_a_sixth_file_are_refused() {
    let app = super::app().await;
    let firm = firm(&app, NANTONG).await;
    let response = upload_named(
        &app,
        &firm,
        "business_licence",
        "a.pdf",
        b"<html><script>".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        error(response).await.code,
        "registration.file_type_not_allowed"
    );
    let response = upload_named(&app, &firm, "business_licence", "a.pdf", Vec::new()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error(response).await.code, "registration.file_empty");

    let mut big = PDF.to_vec();
    big.resize(MAX_FILE_BYTES as usize + 1, b' ');
    let response = upload_named(&app, &firm, "business_licence", "big.pdf", big).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error(response).await.code, "registration.file_too_large");

    for purpose in ["evidence", ""] {
        let response = upload_named(&app, &firm, purpose, "a.pdf", PDF.to_vec()).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{purpose:?}");
    }
    assert!(mine(&app, &firm).await.files.is_empty(), "nothing stored");

    for _ in 0..5 {
        upload(&app, &firm, Material::SocialInsurance).await;
    }
    let response = upload_named(&app, &firm, "social_insurance", "6.pdf", PDF.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.too_many_files");
    // Another material still has room.
    upload(&app, &firm, Material::RndProof).await;

    // A change without the CSRF token.
    let response = app
        .client
        .post(app.url(&format!("{FILES}?purpose=rnd_proof")))
        .header("Cookie", &firm.cookie)
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(error(response).await.code, "firm.csrf");
}

#[tokio::test]
async fn another_firm_can_neither_open_nor_remove_a_file() {
    let app = super::app().await;
    let owner = firm(&app, NANTONG).await;
    let other = firm(&app, HAIAN).await;
    let file = upload(&app, &owner, Material::BusinessLicence).await;
    let path = format!("{FILES}/{}", file.id);
    // Without a registration of its own, and with one.
    for round in 0..2 {
        assert_eq!(
            get(&app, &other, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{round}"
        );
        let response = call_as(&app, Method::DELETE, &path, &other, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{round}");
        upload(&app, &other, Material::RndProof).await;
    }
    assert_eq!(get(&app, &owner, &path).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn submitting_needs_the_required_materials_and_then_locks_them() {
    let app = super::app().await;
    let firm = firm(&app, NANTONG).await;
    save(&app, &firm, complete()).await;
    upload(&app, &firm, Material::BusinessLicence).await;
    let body = error(submit(&app, &firm).await).await;
    let mut fields: Vec<_> = body.fields.keys().cloned().collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "uploads.declaration",
            "uploads.rnd_proof",
            "uploads.social_insurance"
        ]
    );
    let missing = &body.fields["uploads.rnd_proof"];
    assert_eq!(missing.code, "registration.material_missing");
    assert_eq!(missing.message, "请上传研发投入证明");

    // The center may not require R&D proof: an administrator's setting.
    let (admin, officer) = officer(&app).await;
    let path = "/api/v1/staff/fast-track/settings";
    let mut settings: FastTrackSettings = get(&app, &admin, path).await.json().await.unwrap();
    for rule in &mut settings.materials {
        rule.required = rule.purpose != Material::RndProof;
    }
    let body = serde_json::to_value(&settings).unwrap();
    assert_eq!(
        call_as(&app, Method::PUT, path, &admin, Some(body))
            .await
            .status(),
        StatusCode::OK
    );
    let mut twice = settings.clone();
    twice.materials.push(twice.materials[0]);
    let body = serde_json::to_value(&twice).unwrap();
    let response = call_as(&app, Method::PUT, path, &admin, Some(body)).await;
    assert_eq!(
        error(response).await.fields["materials"].code,
        "registration.material_repeated"
    );

    upload(&app, &firm, Material::SocialInsurance).await;
    let body = error(submit(&app, &firm).await).await;
    assert_eq!(
        body.fields.keys().collect::<Vec<_>>(),
        ["uploads.declaration"]
    );
    let last = upload(&app, &firm, Material::Declaration).await;
    let response = submit(&app, &firm).await;
    assert_eq!(response.status(), StatusCode::OK);
    let submitted: FirmRegistration = response.json().await.unwrap();
    assert_eq!(submitted.files.len(), 3);

    // Submitted: nothing can be added or removed.
    let response = upload_named(&app, &firm, "rnd_proof", "a.pdf", PDF.to_vec()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.not_editable");
    let path = format!("{FILES}/{}", last.id);
    let response = call_as(&app, Method::DELETE, &path, &firm, None).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(error(response).await.code, "registration.not_editable");

    // Sent back to amend (a defect at the uploads section): the firm may change them again.
    let id = queue(&app, &officer).await.items[0].id;
    step(&app, &officer, id, json!({"action": "start"})).await;
    let defects = json!([{"section": "uploads", "text": "营业执照照片不清晰，请重新上传"}]);
    send_back(&app, &officer, id, defects).await;
    let sent_back = mine(&app, &firm).await;
    assert_eq!(sent_back.defects[0].section.code(), "uploads");
    let response = call_as(&app, Method::DELETE, &path, &firm, None).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn officers_see_the_files_and_every_view_of_one_is_audited() {
    let app = super::app().await;
    let firm = firm(&app, NANTONG).await;
    save(&app, &firm, complete()).await;
    upload_all(&app, &firm).await;
    let draft_file = mine(&app, &firm).await.files[0].clone();
    let (admin, officer) = officer(&app).await;

    // A draft's files are not the center's to see.
    let response = get(
        &app,
        &officer,
        &format!("/api/v1/staff/registrations/1/files/{}", draft_file.id),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(submit(&app, &firm).await.status(), StatusCode::OK);

    let id = queue(&app, &officer).await.items[0].id;
    let view: StaffRegistration = get(&app, &officer, &format!("/api/v1/staff/registrations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.files.len(), 4);
    assert_eq!(view.materials, FastTrackSettings::default().materials);
    let file = &view.files[0];
    let path = format!("/api/v1/staff/registrations/{id}/files/{}", file.id);
    for _ in 0..2 {
        let response = get(&app, &officer, &path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    }
    let response = get(
        &app,
        &officer,
        &format!("/api/v1/staff/registrations/{id}/files/9999"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // Only officers open them; a firm's session opens no staff route.
    assert_eq!(
        get(&app, &admin, &path).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&app, &firm, &path).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let log = audit(&app, &admin).await;
    let target = format!("{id}/{}", file.id);
    let views = log
        .items
        .iter()
        .filter(|e| {
            e.action == "registration.file_viewed" && e.target_id.as_deref() == Some(&target)
        })
        .count();
    assert_eq!(views, 2, "every view");
}
