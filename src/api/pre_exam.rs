//! A registered firm's pre-examination requests (`/api/v1/firm/pre-exams`, issue #15): the list
//! with the year's quota, a draft's answers and documents, submitting, the reply to an
//! amendment and the report of the national filing. The officers' calls are elsewhere. Built on
//! the client's shared calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::firm::pre_exam::{
    Document, FilingReport, FirmNumbers, FirmPreExam, FirmPreExamList, FirmQuotaRequests,
    PreExamAnswers, PreExamFile, QuotaAsk, QuotaRequest,
};
use portal_domain::{paths, Lang};

use super::{get_json, send_empty, send_file, send_json, with_csrf, ApiError};

fn one(path: &str, id: i64) -> String {
    paths::fill(path, &[&id.to_string()])
}

/// The firm's requests and its quota for this year.
pub async fn firm_pre_exams(lang: Lang) -> Result<FirmPreExamList, ApiError> {
    get_json(paths::FIRM_PRE_EXAMS, lang).await
}

/// The firm's own numbers.
pub async fn firm_pre_exam_numbers(lang: Lang) -> Result<FirmNumbers, ApiError> {
    get_json(paths::FIRM_PRE_EXAM_NUMBERS, lang).await
}

/// The firm's quota this year and its latest request for more.
pub async fn firm_quota_requests(lang: Lang) -> Result<FirmQuotaRequests, ApiError> {
    get_json(paths::FIRM_PRE_EXAM_QUOTA_REQUEST, lang).await
}

/// Asks for extra quota (201; the same ask again while it is open: 200 with it).
pub async fn firm_ask_quota(
    ask: &QuotaAsk,
    csrf: &str,
    lang: Lang,
) -> Result<QuotaRequest, ApiError> {
    let builder = with_csrf(Request::post(paths::FIRM_PRE_EXAM_QUOTA_REQUEST), csrf);
    send_json(builder, ask, lang).await
}

/// Starts a new draft (201).
pub async fn firm_new_pre_exam(csrf: &str, lang: Lang) -> Result<FirmPreExam, ApiError> {
    send_empty(with_csrf(Request::post(paths::FIRM_PRE_EXAMS), csrf), lang).await
}

pub async fn firm_pre_exam(id: i64, lang: Lang) -> Result<FirmPreExam, ApiError> {
    get_json(&one(paths::FIRM_PRE_EXAM, id), lang).await
}

/// Saves the draft's answers (all of them: the server keeps what it is sent).
pub async fn firm_save_pre_exam(
    id: i64,
    answers: &PreExamAnswers,
    csrf: &str,
    lang: Lang,
) -> Result<FirmPreExam, ApiError> {
    let builder = with_csrf(Request::put(&one(paths::FIRM_PRE_EXAM, id)), csrf);
    send_json(builder, answers, lang).await
}

/// Submits the saved draft; submitting again is harmless (one reference, once).
pub async fn firm_submit_pre_exam(
    id: i64,
    csrf: &str,
    lang: Lang,
) -> Result<FirmPreExam, ApiError> {
    let builder = with_csrf(Request::post(&one(paths::FIRM_PRE_EXAM_SUBMIT, id)), csrf);
    send_empty(builder, lang).await
}

/// Sends the amended documents back to the officer.
pub async fn firm_reply_pre_exam(id: i64, csrf: &str, lang: Lang) -> Result<FirmPreExam, ApiError> {
    let builder = with_csrf(Request::post(&one(paths::FIRM_PRE_EXAM_REPLY, id)), csrf);
    send_empty(builder, lang).await
}

/// Reports the national application filed after passing.
pub async fn firm_report_filing(
    id: i64,
    report: &FilingReport,
    csrf: &str,
    lang: Lang,
) -> Result<FirmPreExam, ApiError> {
    let builder = with_csrf(Request::post(&one(paths::FIRM_PRE_EXAM_FILING, id)), csrf);
    send_json(builder, report, lang).await
}

/// Uploads one file of a document (the file itself is the body; the server types it by content).
pub async fn firm_upload_pre_exam_file(
    id: i64,
    file: &web_sys::File,
    document: Document,
    csrf: &str,
    lang: Lang,
) -> Result<PreExamFile, ApiError> {
    let path = format!(
        "{}?document={}&name={}",
        one(paths::FIRM_PRE_EXAM_FILES, id),
        document.code(),
        portal_domain::api::percent_encode(&file.name())
    );
    send_file(with_csrf(Request::post(&path), csrf), file, lang).await
}

pub async fn firm_delete_pre_exam_file(
    id: i64,
    file_id: i64,
    csrf: &str,
    lang: Lang,
) -> Result<FirmPreExam, ApiError> {
    let path = firm_pre_exam_file_href(id, file_id);
    send_empty(with_csrf(Request::delete(&path), csrf), lang).await
}

/// One of the request's files (opened in the browser).
pub fn firm_pre_exam_file_href(id: i64, file_id: i64) -> String {
    paths::fill(
        paths::FIRM_PRE_EXAM_FILE,
        &[&id.to_string(), &file_id.to_string()],
    )
}
