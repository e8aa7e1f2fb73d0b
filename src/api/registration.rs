//! A firm's registration (`/api/v1/firm/registration`: its answers, rounds, documents and
//! dashboard) and its review by the center's pre-examination officers
//! (`/api/v1/staff/registrations`, the fast track's settings). Built on the client's shared
//! calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::firm::registration::{
    FastTrackSettings, FirmDashboard, FirmRegistration, Material, NewRound, RegistrationAnswers,
    RegistrationFile, RegistrationKind, RegistrationQueue, ReviewAction, StaffRegistration,
};
use portal_domain::{paths, Lang};

use super::{get_json, send_empty, send_file, send_json, with_csrf, ApiError};

pub async fn firm_registration(lang: Lang) -> Result<FirmRegistration, ApiError> {
    get_json(paths::FIRM_REGISTRATION, lang).await
}

/// Saves the draft's answers (all of them: the server keeps what it is sent).
pub async fn firm_save_registration(
    answers: &RegistrationAnswers,
    csrf: &str,
    lang: Lang,
) -> Result<FirmRegistration, ApiError> {
    let builder = with_csrf(Request::put(paths::FIRM_REGISTRATION), csrf);
    send_json(builder, answers, lang).await
}

/// Submits the saved answers; submitting again is harmless.
pub async fn firm_submit_registration(
    csrf: &str,
    lang: Lang,
) -> Result<FirmRegistration, ApiError> {
    let builder = with_csrf(Request::post(paths::FIRM_REGISTRATION_SUBMIT), csrf);
    send_empty(builder, lang).await
}

/// Starts a new round of the registration (apply again, or change the details); asking again
/// for the draft already started answers with it.
pub async fn firm_start_round(
    kind: RegistrationKind,
    csrf: &str,
    lang: Lang,
) -> Result<FirmRegistration, ApiError> {
    let builder = with_csrf(Request::post(paths::FIRM_REGISTRATION_ROUNDS), csrf);
    send_json(builder, &NewRound { kind }, lang).await
}

/// The firm's dashboard: where its registration stands and the center's messages.
pub async fn firm_dashboard(lang: Lang) -> Result<FirmDashboard, ApiError> {
    get_json(paths::FIRM_DASHBOARD, lang).await
}

/// Uploads one of the registration's documents (the file itself is the body; the server types
/// it by content).
pub async fn firm_upload_registration_file(
    file: &web_sys::File,
    purpose: Material,
    csrf: &str,
    lang: Lang,
) -> Result<RegistrationFile, ApiError> {
    let path = format!(
        "{}?purpose={}&name={}",
        paths::FIRM_REGISTRATION_FILES,
        purpose.code(),
        portal_domain::api::percent_encode(&file.name())
    );
    send_file(with_csrf(Request::post(&path), csrf), file, lang).await
}

pub async fn firm_delete_registration_file(
    id: i64,
    csrf: &str,
    lang: Lang,
) -> Result<FirmRegistration, ApiError> {
    let path = paths::fill(paths::FIRM_REGISTRATION_FILE, &[&id.to_string()]);
    send_empty(with_csrf(Request::delete(&path), csrf), lang).await
}

/// One of the firm's own registration files (opened in the browser).
pub fn firm_registration_file_href(id: i64) -> String {
    paths::fill(paths::FIRM_REGISTRATION_FILE, &[&id.to_string()])
}

/// One file of a registration, for its officer (each opening is audited).
pub fn staff_registration_file_href(id: i64, file_id: i64) -> String {
    paths::fill(
        paths::STAFF_REGISTRATION_FILE,
        &[&id.to_string(), &file_id.to_string()],
    )
}

pub async fn staff_registrations(lang: Lang) -> Result<RegistrationQueue, ApiError> {
    get_json(paths::STAFF_REGISTRATIONS, lang).await
}

pub async fn staff_registration(id: i64, lang: Lang) -> Result<StaffRegistration, ApiError> {
    get_json(
        &paths::fill(paths::STAFF_REGISTRATION, &[&id.to_string()]),
        lang,
    )
    .await
}

/// One review step; `key` is the step's `Idempotency-Key` (the same on a retry).
pub async fn staff_review_registration(
    id: i64,
    action: &ReviewAction,
    csrf: &str,
    key: &str,
    lang: Lang,
) -> Result<StaffRegistration, ApiError> {
    let path = paths::fill(paths::STAFF_REGISTRATION_ACTIONS, &[&id.to_string()]);
    let builder = with_csrf(Request::post(&path), csrf).header("Idempotency-Key", key);
    send_json(builder, action, lang).await
}

pub async fn staff_fast_track_settings(lang: Lang) -> Result<FastTrackSettings, ApiError> {
    get_json(paths::STAFF_FAST_TRACK_SETTINGS, lang).await
}

pub async fn staff_update_fast_track_settings(
    settings: &FastTrackSettings,
    csrf: &str,
    lang: Lang,
) -> Result<FastTrackSettings, ApiError> {
    let builder = with_csrf(Request::put(paths::STAFF_FAST_TRACK_SETTINGS), csrf);
    send_json(builder, settings, lang).await
}
