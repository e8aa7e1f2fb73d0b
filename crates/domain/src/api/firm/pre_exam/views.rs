//! What the firm and the officers see of pre-examination requests: the answers of the routes in
//! the module's table, and the body of the administrator's per-firm quota.

use serde::{Deserialize, Serialize};

use super::answers::{PreExamAnswers, PreExamRequest};
use super::document_kind::Document;
use super::documents::PreExamFile;
use super::errors::PreExamError as E;
use super::exam::{ExamEvent, Examination, PreExamStatus};
use super::quota::Quota;
use super::quota_request::QuotaRequest;
use super::settings::{PreExamSettings, MAX_YEARLY_QUOTA};
use super::Problems;
use crate::api::firm::registration::{FieldVenue, TechField};
use crate::calendar::Date;
use crate::ids::PatentKind;

/// One request on the firm's list or the officers' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamSummary {
    pub id: i64,
    /// Given at submission, e.g. `YS-2026-000123`; none for a draft.
    pub reference: Option<String>,
    /// The firm's name (for the officers; the firm's own on its list).
    pub firm_name: String,
    pub title: Option<String>,
    pub kind: Option<PatentKind>,
    pub venue: Option<FieldVenue>,
    /// None: a draft, not submitted yet.
    pub status: Option<PreExamStatus>,
    /// The last day of the limit running now, and the working days left until it (negative:
    /// overdue by so many).
    pub due_on: Option<Date>,
    pub days_left: Option<i32>,
}

/// `GET /api/v1/firm/pre-exams`: the firm's requests, newest first, and its quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmPreExamList {
    pub items: Vec<PreExamSummary>,
    pub quota: Quota,
    /// The firm has a registration in force (only then may it start a request).
    pub registered: bool,
    pub today: Date,
    /// The firm's open request for extra quota (增量额度), if it has one.
    pub quota_request: Option<QuotaRequest>,
}

/// `GET /api/v1/firm/pre-exams/{id}` and the answer of every change the firm makes to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmPreExam {
    pub id: i64,
    pub reference: Option<String>,
    pub answers: PreExamAnswers,
    /// The documents the answers so far need, in order (`super::documents_for`).
    pub documents: Vec<Document>,
    pub files: Vec<PreExamFile>,
    /// None while a draft.
    pub examination: Option<Examination>,
    pub days_left: Option<i32>,
    /// What happened, oldest first.
    pub events: Vec<ExamEvent>,
    /// The fields the browser checks the classification against, as the server does.
    pub fields: Vec<TechField>,
    /// The time limits in force (illustrative defaults until the center sets them).
    pub settings: PreExamSettings,
    pub quota: Quota,
    pub today: Date,
}

/// `GET /api/v1/staff/pre-exams`: the requests of the officer's venue, the most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamQueue {
    pub items: Vec<PreExamSummary>,
}

/// `GET /api/v1/staff/pre-exams/{id}` (every view is in the staff audit log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPreExam {
    pub id: i64,
    pub reference: String,
    pub firm_name: String,
    pub uscc: String,
    pub request: PreExamRequest,
    pub files: Vec<PreExamFile>,
    pub examination: Examination,
    pub days_left: Option<i32>,
    pub events: Vec<ExamEvent>,
}

/// `PUT /api/v1/staff/firms/{uscc}/pre-exam-quota`: the center's own figure for a firm (none:
/// the default) and the extra quota granted this year (增量额度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmQuotaUpdate {
    pub own: Option<u32>,
    #[serde(default)]
    pub extra: u32,
}

impl FirmQuotaUpdate {
    /// Every value above [`MAX_YEARLY_QUOTA`], at its field (zero is a quota: a firm the center
    /// stops filing).
    pub fn problems(&self) -> Problems {
        [("own", self.own.unwrap_or(0)), ("extra", self.extra)]
            .into_iter()
            .filter(|(_, v)| *v > MAX_YEARLY_QUOTA)
            .map(|(name, _)| (name.to_string(), E::OutOfRange(MAX_YEARLY_QUOTA)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firm_quota_is_at_most_the_largest() {
        let ok = FirmQuotaUpdate {
            own: Some(0),
            extra: 10,
        };
        assert!(ok.problems().is_empty());
        let wrong = FirmQuotaUpdate {
            own: Some(MAX_YEARLY_QUOTA + 1),
            extra: MAX_YEARLY_QUOTA + 1,
        };
        let fields: Vec<_> = wrong.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["own", "extra"]);
        let read: FirmQuotaUpdate = serde_json::from_str(r#"{"own":null}"#).unwrap();
        assert_eq!(read.extra, 0);
    }
}
