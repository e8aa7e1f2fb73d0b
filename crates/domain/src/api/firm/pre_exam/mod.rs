//! A registered firm's pre-examination requests (专利预审, issue #15, part 2 of the fast track):
//! the firm asks the center, or the 快维 centre of its industry, to examine a new patent
//! application before it is filed with the national office; one that passes is filed there and
//! goes to the national office's fast examination channel.
//!
//! The firm answers [`PreExamAnswers`] (a draft, saved as it types) and uploads the
//! [`Document`]s its kind needs ([`required_documents`]); submitting ([`check_submission`])
//! reads the answers into a [`PreExamRequest`] and needs a file for every document (every
//! problem at once, each at its field), and quota left ([`Quota`], checked by [`submit`]). The
//! main classification must be one that the chosen venue's fields in force list (part 1's
//! [`TechField`](super::registration::TechField)s, administrator data; [`field_for`]).
//! The center's officers then examine it ([`apply`]):
//!
//! ```text
//! submitted ──accept──▶ under_examination ──pass──▶ passed ──report_filing──▶ filing_reported
//!  │                     │             ▲   └──fail──▶ failed   ▲                    │
//!  └─not_accept─▶        │ request_    │ reply                 └───return_filing────┤
//!    not_accepted        │ amendment   │ (in time)                                  │ confirm_filing
//!                        ▼ (≤ 2 rounds)│                                            ▼
//!                      needs_amendment─┘──expire (no reply in time)──▶ withdrawn    forwarded
//!                                                          granted ◀──record_grant──┤
//!                                                not_granted ◀──record_not_granted──┘
//! ```
//!
//! Every state with a limit carries its last day ([`Examination::due_on`]), counted in working
//! days on the official calendar from [`PreExamSettings`]: acceptance, the opinion (by kind),
//! the reply, the report of the national filing. The reported application number is checked
//! with its ZC 0006 check character, its kind digit against the request's kind and its year
//! against the filing date.
//!
//! Routes (under `/api/v1`; the server's side is `portal_server::firms::pre_exam` and
//! `portal_server::staff::pre_exams`; an officer sees the requests of its account's venue only):
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `GET /firm/pre-exams` | a firm's person | → [`FirmPreExamList`] (with its [`Quota`]) |
//! | `POST /firm/pre-exams` | a registered firm's person | → 201 [`FirmPreExam`], a new draft |
//! | `GET /firm/pre-exams/{id}` | a firm's person | → [`FirmPreExam`] (its [`Examination`] and history) |
//! | `PUT /firm/pre-exams/{id}` | a firm's person (draft) | [`PreExamAnswers`] → [`FirmPreExam`] |
//! | `POST /firm/pre-exams/{id}/submit` | a firm's person (draft, quota left) | → [`FirmPreExam`] |
//! | `POST /firm/pre-exams/{id}/reply` | a firm's person (needs amendment) | → [`FirmPreExam`] ([`PreExamAction::Reply`]) |
//! | `POST /firm/pre-exams/{id}/filing` | a firm's person (passed) | [`FilingReport`] → [`FirmPreExam`] |
//! | `POST /firm/pre-exams/{id}/files?document=&name=` | a firm's person | the file → 201 [`PreExamFile`] |
//! | `GET`/`DELETE /firm/pre-exams/{id}/files/{file_id}` | a firm's person | → the file / [`FirmPreExam`] |
//! | `GET /staff/pre-exams` | pre-examination officer (of the venue) | → [`PreExamQueue`] |
//! | `GET /staff/pre-exams/{id}` | pre-examination officer (of the venue) | → [`StaffPreExam`] (audited) |
//! | `GET /staff/pre-exams/{id}/files/{file_id}` | pre-examination officer (of the venue) | → the file (audited) |
//! | `POST /staff/pre-exams/{id}/actions` | pre-examination officer (of the venue) | [`PreExamAction`] → [`StaffPreExam`] |
//! | `GET`/`PUT /staff/fast-track/pre-exam-settings` | administrator | [`PreExamSettings`] |
//! | `GET /firm/pre-exam-quota-request` | a firm's person | → [`FirmQuotaRequests`] (the quota, the latest request for more) |
//! | `POST /firm/pre-exam-quota-request` | a registered firm's person (none open) | [`QuotaAsk`] → 201 [`QuotaRequest`] (the same again: 200) |
//! | `GET`/`PUT /staff/firms/{uscc}/pre-exam-quota` | administrator | [`FirmQuotaUpdate`] → [`FirmQuotaStanding`] (the firm's own figure, extra quota 增量额度; the open request, which a save answers) |
//!
//! Nothing of the time limits or quotas is published by the center: every default is labelled
//! "illustrative — to be confirmed by the center" (`../shared/FAST_TRACK.md` has the figures of
//! other centres they come from).

mod answers;
mod apply;
mod classification;
mod document_kind;
mod documents;
mod errors;
mod exam;
mod exclusions;
mod quota;
mod quota_request;
mod settings;
mod stats;
#[cfg(test)]
mod tests;
mod views;

pub use answers::{
    PreExamAnswers, PreExamRequest, MAX_CO_APPLICANTS, MAX_INVENTORS, MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
};
pub use apply::{action_problems, apply};
pub use classification::{field_for, read_classification, Classification};
pub use document_kind::Document;
pub use documents::{
    check_submission, documents_for, missing_documents, required_documents, PreExamFile,
    MAX_FILES_PER_DOCUMENT,
};
pub use errors::{PreExamError, ServedField};
pub use exam::{
    submit, Actor, ExamEvent, Examination, FilingReport, NationalFiling, PassNotice, PreExamAction,
    PreExamStatus, Transition, MAX_AMENDMENT_ROUNDS, MAX_DEFECTS,
};
pub use exclusions::Exclusion;
pub use quota::Quota;
pub use quota_request::{
    code as quota_code, FirmQuotaRequests, FirmQuotaStanding, QuotaAsk, QuotaAskError, QuotaAsked,
    QuotaOutcome, QuotaProblems, QuotaRequest, MAX_EXTRA_ASKED, MAX_REASON_CHARS,
};
pub use settings::{OpinionLimits, PreExamSettings, MAX_LIMIT_WORKING_DAYS, MAX_YEARLY_QUOTA};
pub use stats::{
    pre_exam_stats, Durations, FieldCount, FirmNumbers, FirmQuotaUse, PreExamStats, StatsRow,
    VenueCount, NEAR_WORKING_DAYS,
};
pub use views::{
    FirmPreExam, FirmPreExamList, FirmQuotaUpdate, PreExamQueue, PreExamSummary, StaffPreExam,
};

/// Every problem of a request, each at its field (`classification`, `documents.claims`, …).
pub type Problems = Vec<(String, PreExamError)>;

/// Most drafts a firm may have open at once (not yet submitted): enough for a batch, few enough
/// that nobody fills the database with empty requests.
pub const MAX_OPEN_DRAFTS: usize = 20;

/// The `code` of error answers of the pre-examination routes (besides `validation_failed`, whose
/// field errors carry [`PreExamError`] codes).
pub mod code {
    /// 409: the answers cannot be changed now (submitted).
    pub const NOT_EDITABLE: &str = "pre_exam.not_editable";
    /// 409: the action does not fit the request's status ([`super::PreExamError::WrongStatus`]).
    pub const WRONG_STATUS: &str = "pre_exam.wrong_status";
    /// 404: no request with this id (or not the firm's, or not the officer's venue: one answer).
    pub const NOT_FOUND: &str = "pre_exam.not_found";
    /// 403: the firm has no registration in force.
    pub const NOT_REGISTERED: &str = "pre_exam.not_registered";
    /// 409: the year's quota is used; the page offers to ask for more (增量额度)
    /// ([`super::PreExamError::QuotaUsed`]).
    pub const QUOTA_USED: &str = "pre_exam.quota_used";
    /// 409: the firm already has [`super::MAX_OPEN_DRAFTS`] drafts not yet submitted.
    pub const TOO_MANY_DRAFTS: &str = "pre_exam.too_many_drafts";
    /// 409: the document already has [`super::MAX_FILES_PER_DOCUMENT`] files.
    pub const TOO_MANY_FILES: &str = "pre_exam.too_many_files";

    // Refusing a file type the document does not take (a photo for a 说明书) uses
    // FILE_TYPE_NOT_ALLOWED too: see [`super::Document::accepts`].
    crate::api::files::file_codes!("pre_exam");
}
