//! A firm's request for extra pre-examination quota this year (增量额度, as 广东 grants it on
//! request: FAST_TRACK.md, "Quotas"): how many more requests and why. A firm has at most one
//! open request at a time; the center answers it when an administrator saves the firm's quota
//! (granted if the extra quota went up, else declined).
//!
//! [`QuotaAsk::parse`] is the one check, run by the firm's page before sending and by the server
//! again (`POST /api/v1/firm/pre-exam-quota-request`), each problem at its field with the same
//! message on both sides. Its errors have a catalog of their own (`domain_pre_exam_quota`), so
//! the other pre-examination apps do not carry its messages.

use serde::{Deserialize, Serialize};

use super::quota::Quota;
use crate::calendar::Date;
use crate::lang::localized_error;
use crate::text::{clean_text, TextProblem};
use crate::texts::{pre_exam_quota_error_texts, PreExamQuotaErrorTexts};

/// Most requests one ask may add (illustrative, like the quota itself; the OpenAPI schema of
/// [`QuotaAsk`] repeats it and [`MAX_REASON_CHARS`]).
pub const MAX_EXTRA_ASKED: u32 = 100;
/// The reason: a short text.
pub const MAX_REASON_CHARS: usize = 500;

/// The `code` of the refusals that are not about one field.
pub mod code {
    /// 409: the firm already has an open request (another one: the same one again answers 200).
    pub const OPEN: &str = "pre_exam_quota.request_open";
}

/// The body of `POST /api/v1/firm/pre-exam-quota-request`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct QuotaAsk {
    /// How many more requests this year: 1 to [`MAX_EXTRA_ASKED`] (0 or absent: not answered).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    pub extra: u32,
    /// Why the firm needs them: 1 to [`MAX_REASON_CHARS`] characters, not blank.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// A checked ask: the number and the tidied reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaAsked {
    pub extra: u32,
    pub reason: String,
}

/// What can be wrong with an ask, at its field (`extra`, `reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaAskError {
    /// Not a whole number from 1 to [`MAX_EXTRA_ASKED`].
    ExtraOutOfRange,
    ReasonMissing,
    ReasonTooLong,
    ControlCharacter,
}

pub type QuotaProblems = Vec<(&'static str, QuotaAskError)>;

impl QuotaAsk {
    /// The ask, or every problem at once.
    pub fn parse(&self) -> Result<QuotaAsked, QuotaProblems> {
        let mut problems = QuotaProblems::new();
        if !(1..=MAX_EXTRA_ASKED).contains(&self.extra) {
            problems.push(("extra", QuotaAskError::ExtraOutOfRange));
        }
        let reason = match clean_text(self.reason.as_deref(), MAX_REASON_CHARS) {
            Ok(Some(reason)) => Some(reason),
            Ok(None) => {
                problems.push(("reason", QuotaAskError::ReasonMissing));
                None
            }
            Err(TextProblem::TooLong) => {
                problems.push(("reason", QuotaAskError::ReasonTooLong));
                None
            }
            Err(TextProblem::Control) => {
                problems.push(("reason", QuotaAskError::ControlCharacter));
                None
            }
        };
        match reason {
            Some(reason) if problems.is_empty() => Ok(QuotaAsked {
                extra: self.extra,
                reason,
            }),
            _ => Err(problems),
        }
    }
}

impl QuotaAskError {
    fn texts(&self, t: &PreExamQuotaErrorTexts) -> (&'static str, String) {
        match self {
            QuotaAskError::ExtraOutOfRange => (
                "pre_exam_quota.extra_out_of_range",
                t.pre_exam_quota_extra_out_of_range(MAX_EXTRA_ASKED),
            ),
            QuotaAskError::ReasonMissing => (
                "pre_exam_quota.reason_missing",
                t.pre_exam_quota_reason_missing.into(),
            ),
            QuotaAskError::ReasonTooLong => (
                "pre_exam_quota.reason_too_long",
                t.pre_exam_quota_reason_too_long(MAX_REASON_CHARS),
            ),
            QuotaAskError::ControlCharacter => (
                "pre_exam_quota.control_character",
                t.pre_exam_quota_control_character.into(),
            ),
        }
    }
}

localized_error!(QuotaAskError, pre_exam_quota_error_texts);

/// How the center answered a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuotaOutcome {
    /// The extra quota went up when the administrator saved the firm's quota.
    Granted,
    /// Saved without raising the extra quota.
    Declined,
}

impl QuotaOutcome {
    pub fn code(self) -> &'static str {
        match self {
            QuotaOutcome::Granted => "granted",
            QuotaOutcome::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<QuotaOutcome> {
        match code {
            "granted" => Some(QuotaOutcome::Granted),
            "declined" => Some(QuotaOutcome::Declined),
            _ => None,
        }
    }
}

/// A firm's request for extra quota, as the firm and the administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuotaRequest {
    /// The year it asks for more in.
    pub year: i32,
    /// How many more requests.
    pub extra: u32,
    pub reason: String,
    /// The day it was asked (Shanghai).
    pub asked_on: Date,
    /// None while open.
    pub outcome: Option<QuotaOutcome>,
    pub answered_on: Option<Date>,
}

/// `GET /api/v1/firm/pre-exam-quota-request`: the firm's quota this year and its latest request
/// for more (open when it has no outcome).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmQuotaRequests {
    pub quota: Quota,
    pub latest: Option<QuotaRequest>,
    /// The firm has a registration in force (only then may it ask).
    pub registered: bool,
}

/// `GET`/`PUT /api/v1/staff/firms/{uscc}/pre-exam-quota`: the firm's quota and, from `GET`, its
/// open request for more; from `PUT`, the request that save answered, with its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmQuotaStanding {
    #[serde(flatten)]
    pub quota: Quota,
    /// The center's own figure for the firm this year, if it set one (`None`: the default
    /// applies). The workbench's form starts from it, so that a save granting extra quota keeps
    /// the firm's own figure.
    #[serde(default)]
    pub own: Option<u32>,
    pub request: Option<QuotaRequest>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::Localized;

    fn ask(extra: u32, reason: &str) -> QuotaAsk {
        QuotaAsk {
            extra,
            reason: Some(reason.to_owned()),
        }
    }

    #[test]
    fn an_ask_needs_a_number_in_range_and_a_reason() {
        let ok = ask(5, "  新产品线上市，需要 5 件 \r\n ").parse().unwrap();
        assert_eq!(ok.extra, 5);
        assert_eq!(ok.reason, "新产品线上市，需要 5 件");
        assert_eq!(ask(MAX_EXTRA_ASKED, "x").parse().unwrap().extra, 100);
        // Every problem at once, each at its field.
        assert_eq!(
            QuotaAsk::default().parse(),
            Err(vec![
                ("extra", QuotaAskError::ExtraOutOfRange),
                ("reason", QuotaAskError::ReasonMissing)
            ])
        );
        assert_eq!(
            ask(MAX_EXTRA_ASKED + 1, " \n ").parse(),
            Err(vec![
                ("extra", QuotaAskError::ExtraOutOfRange),
                ("reason", QuotaAskError::ReasonMissing)
            ])
        );
        let long = "字".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(
            ask(1, &long).parse(),
            Err(vec![("reason", QuotaAskError::ReasonTooLong)])
        );
        assert!(ask(1, &"字".repeat(MAX_REASON_CHARS)).parse().is_ok());
        assert_eq!(
            ask(1, "a\u{7}b").parse(),
            Err(vec![("reason", QuotaAskError::ControlCharacter)])
        );
        let read: QuotaAsk = serde_json::from_str(r#"{"reason":"x"}"#).unwrap();
        assert_eq!(read.extra, 0);
    }

    #[test]
    fn every_problem_has_its_code_and_both_messages() {
        use QuotaAskError::*;
        crate::lang::assert_messages(
            "pre_exam_quota.",
            &[
                ExtraOutOfRange,
                ReasonMissing,
                ReasonTooLong,
                ControlCharacter,
            ],
        );
        assert!(ExtraOutOfRange.message(Lang::En).contains("100"));
        assert_eq!(
            QuotaOutcome::from_code(QuotaOutcome::Granted.code()),
            Some(QuotaOutcome::Granted)
        );
    }

    #[test]
    fn the_staff_view_keeps_the_quota_fields_at_the_top() {
        let standing = FirmQuotaStanding {
            quota: Quota {
                year: 2026,
                allowance: 50,
                extra: 2,
                used: 1,
            },
            own: Some(50),
            request: None,
        };
        let json = serde_json::to_value(&standing).unwrap();
        assert_eq!(json["allowance"], 50);
        assert!(json["request"].is_null());
        let back: FirmQuotaStanding = serde_json::from_value(json).unwrap();
        assert_eq!(back, standing);
    }
}
