//! Pre-examination requests (issue #15) as the center's officers examine them
//! (`/api/v1/staff/pre-exams`), and the administrators' time limits and per-firm quotas. Built on
//! the client's shared calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::firm::pre_exam::{
    FirmQuotaStanding, FirmQuotaUpdate, PreExamAction, PreExamQueue, PreExamSettings, StaffPreExam,
};
use portal_domain::{paths, Lang};

use super::{get_json, send_json, with_csrf, ApiError};

/// The officer's queue; `query` is the filters as in the page's address (`due=near`, …).
pub async fn staff_pre_exams(query: &str, lang: Lang) -> Result<PreExamQueue, ApiError> {
    let path = if query.is_empty() {
        paths::STAFF_PRE_EXAMS.to_owned()
    } else {
        format!("{}?{query}", paths::STAFF_PRE_EXAMS)
    };
    get_json(&path, lang).await
}

pub async fn staff_pre_exam(id: i64, lang: Lang) -> Result<StaffPreExam, ApiError> {
    get_json(
        &paths::fill(paths::STAFF_PRE_EXAM, &[&id.to_string()]),
        lang,
    )
    .await
}

/// One file of a request, for its officer (each opening is audited).
pub fn staff_pre_exam_file_href(id: i64, file_id: i64) -> String {
    paths::fill(
        paths::STAFF_PRE_EXAM_FILE,
        &[&id.to_string(), &file_id.to_string()],
    )
}

/// One step of the examination.
pub async fn staff_act_on_pre_exam(
    id: i64,
    action: &PreExamAction,
    csrf: &str,
    lang: Lang,
) -> Result<StaffPreExam, ApiError> {
    let path = paths::fill(paths::STAFF_PRE_EXAM_ACTIONS, &[&id.to_string()]);
    send_json(with_csrf(Request::post(&path), csrf), action, lang).await
}

pub async fn staff_pre_exam_settings(lang: Lang) -> Result<PreExamSettings, ApiError> {
    get_json(paths::STAFF_PRE_EXAM_SETTINGS, lang).await
}

pub async fn staff_update_pre_exam_settings(
    settings: &PreExamSettings,
    csrf: &str,
    lang: Lang,
) -> Result<PreExamSettings, ApiError> {
    let builder = with_csrf(Request::put(paths::STAFF_PRE_EXAM_SETTINGS), csrf);
    send_json(builder, settings, lang).await
}

/// A firm's quota this year and its open request for more.
pub async fn staff_firm_pre_exam_quota(
    uscc: &str,
    lang: Lang,
) -> Result<FirmQuotaStanding, ApiError> {
    get_json(
        &paths::fill(paths::STAFF_FIRM_PRE_EXAM_QUOTA, &[uscc]),
        lang,
    )
    .await
}

pub async fn staff_update_firm_pre_exam_quota(
    uscc: &str,
    update: &FirmQuotaUpdate,
    csrf: &str,
    lang: Lang,
) -> Result<FirmQuotaStanding, ApiError> {
    let path = paths::fill(paths::STAFF_FIRM_PRE_EXAM_QUOTA, &[uscc]);
    send_json(with_csrf(Request::put(&path), csrf), update, lang).await
}
