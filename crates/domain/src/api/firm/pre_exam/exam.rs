//! Where a submitted request stands ([`Examination`]), what the officers and the firm do to it
//! ([`PreExamAction`]) and the history they leave ([`ExamEvent`]). The transitions themselves are
//! in `super::apply`.

use serde::{Deserialize, Serialize};

use super::answers::PreExamRequest;
use super::errors::PreExamError as E;
use super::quota::Quota;
use super::settings::PreExamSettings;
use crate::calendar::{Date, HolidayCalendar, NotPublished};
use crate::choice::choice;
use crate::ids::{PatentApplicationNumber, PatentKind};

/// Most amendment rounds: a request still defective after two fails (FAST_TRACK.md: "still
/// defective after two rounds of amendment → fails"), a published rule, not a setting.
pub const MAX_AMENDMENT_ROUNDS: u32 = 2;
/// Most defects in one opinion, or reasons in one decision.
pub const MAX_DEFECTS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PreExamStatus {
    /// 已提交: waiting for 受理, due within the acceptance limit.
    Submitted,
    /// 不予受理, with the reasons. Final.
    NotAccepted,
    /// 审查中: accepted, or the firm replied; the opinion or decision is due.
    UnderExamination,
    /// 需修改: one opinion lists every defect; the firm's reply is due.
    NeedsAmendment,
    /// 视为撤回: no reply by the deadline. Final.
    Withdrawn,
    /// 预审合格: the notice has its number and date; the firm files with the national office
    /// and reports the application number and filing date, due within the report limit.
    Passed,
    /// 预审不合格, with the reasons; the firm may still file through the normal route. Final.
    Failed,
    /// The firm reported the national application; the officer checks it (一致性审查).
    FilingReported,
    /// 已转入快速审查通道.
    Forwarded,
    /// 已授权, with its date. Final.
    Granted,
    /// 未授权 (rejected or withdrawn at the national office). Final.
    NotGranted,
}

choice!(PreExamStatus {
    Submitted = "submitted", "已提交", "Submitted";
    NotAccepted = "not_accepted", "不予受理", "Not accepted";
    UnderExamination = "under_examination", "审查中", "Under examination";
    NeedsAmendment = "needs_amendment", "需修改", "Needs amendment";
    Withdrawn = "withdrawn", "视为撤回", "Deemed withdrawn";
    Passed = "passed", "预审合格", "Passed pre-examination";
    Failed = "failed", "预审不合格", "Failed pre-examination";
    FilingReported = "filing_reported", "已报送申请号，待一致性审查", "Application reported, consistency check pending";
    Forwarded = "forwarded", "已转入快速审查通道", "Forwarded to the fast examination channel";
    Granted = "granted", "已授权", "Granted";
    NotGranted = "not_granted", "未授权", "Not granted";
});

impl PreExamStatus {
    /// Nothing more happens to it.
    pub fn is_final(self) -> bool {
        use PreExamStatus::*;
        matches!(
            self,
            NotAccepted | Withdrawn | Failed | Granted | NotGranted
        )
    }
}

/// 预审合格通知书: its number and date, printed on the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PassNotice {
    pub number: String,
    pub issued_on: Date,
}

/// The application the firm filed with the national office after passing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalFiling {
    pub number: PatentApplicationNumber,
    pub filed_on: Date,
    pub reported_on: Date,
}

/// A submitted request's examination: its status and everything the status needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Examination {
    pub status: PreExamStatus,
    pub kind: PatentKind,
    pub submitted_on: Date,
    /// The last day of the limit running now: acceptance (submitted), opinion (under
    /// examination), reply (needs amendment), report (passed); none otherwise.
    pub due_on: Option<Date>,
    /// Opinions sent so far (at most [`MAX_AMENDMENT_ROUNDS`]).
    pub amendment_rounds: u32,
    /// The last opinion's defects, every one of them.
    pub defects: Vec<String>,
    /// Why it was not accepted, failed, not granted, or why the reported filing was sent back.
    pub reasons: Vec<String>,
    pub notice: Option<PassNotice>,
    pub filing: Option<NationalFiling>,
    pub granted_on: Option<Date>,
}

impl Examination {
    /// Working days left until `due_on` (negative: overdue by so many), as of `today`.
    pub fn days_left(
        &self,
        today: Date,
        calendar: &HolidayCalendar,
    ) -> Option<Result<i32, NotPublished>> {
        self.due_on
            .map(|due| calendar.working_days_left(today, due))
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// A person of the firm that filed the request.
    Firm,
    /// A pre-examination officer of the request's venue.
    Officer,
    /// The server's own deadline check.
    System,
}

/// The body of `POST /api/v1/staff/pre-exams/{id}/actions` (the officer's actions) and what the
/// firm's routes do (`reply`, `report_filing`). Texts and dates as typed: `apply` reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PreExamAction {
    /// 受理: submitted → under examination.
    Accept,
    /// 不予受理: submitted → not accepted.
    NotAccept { reasons: Vec<String> },
    /// One opinion with every defect: under examination → needs amendment.
    RequestAmendment { defects: Vec<String> },
    /// The firm's reply with its amended documents: needs amendment → under examination.
    Reply,
    /// 预审合格: under examination → passed, with the notice's number.
    Pass { notice_number: String },
    /// 预审不合格: under examination → failed.
    Fail { reasons: Vec<String> },
    /// 视为撤回: no reply by the deadline (the server's check, or an officer).
    Expire,
    /// The firm reports its national application: passed → filing reported.
    ReportFiling(FilingReport),
    /// 一致性审查 passed: filing reported → forwarded.
    ConfirmFiling,
    /// The reported filing does not match the request: back to passed, to report again.
    ReturnFiling { reasons: Vec<String> },
    /// 授权, on a date: forwarded → granted.
    RecordGrant { granted_on: String },
    /// Not granted: forwarded → not granted.
    RecordNotGranted { reasons: Vec<String> },
}

impl PreExamAction {
    /// The value in the history and in `action` of the JSON.
    pub fn code(&self) -> &'static str {
        use PreExamAction::*;
        match self {
            Accept => "accept",
            NotAccept { .. } => "not_accept",
            RequestAmendment { .. } => "request_amendment",
            Reply => "reply",
            Pass { .. } => "pass",
            Fail { .. } => "fail",
            Expire => "expire",
            ReportFiling(_) => "report_filing",
            ConfirmFiling => "confirm_filing",
            ReturnFiling { .. } => "return_filing",
            RecordGrant { .. } => "record_grant",
            RecordNotGranted { .. } => "record_not_granted",
        }
    }

    /// The field of the body a problem `e` with this action is at (in `validation_failed`).
    pub fn field_of(&self, e: &E) -> &'static str {
        use PreExamAction as A;
        match (self, e) {
            (A::ReportFiling(_), E::DateFormat | E::FilingDate) => "filed_on",
            (A::ReportFiling(_), _) => "number",
            (A::RequestAmendment { .. }, _) => "defects",
            (A::Pass { .. }, _) => "notice_number",
            (A::RecordGrant { .. }, _) => "granted_on",
            _ => "reasons",
        }
    }

    /// Whether `actor` may take this action.
    pub fn allowed_for(&self, actor: Actor) -> bool {
        use PreExamAction::*;
        match self {
            Reply | ReportFiling(_) => actor == Actor::Firm,
            Expire => matches!(actor, Actor::System | Actor::Officer),
            _ => actor == Actor::Officer,
        }
    }
}

/// The body of `POST /api/v1/firm/pre-exams/{id}/filing`: the application the firm filed with
/// the national office after passing, as typed (read by `apply`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilingReport {
    /// The application number, e.g. `202630012345.2` (`CN`, spaces and full-width are fine).
    pub number: String,
    /// The filing date (申请日), `YYYY-MM-DD`.
    pub filed_on: String,
}

/// One entry of a request's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExamEvent {
    pub on: Date,
    pub by: Actor,
    /// `submit` or a [`PreExamAction::code`].
    pub action: String,
    /// The defects, reasons, notice number or application number, as kept.
    pub detail: Vec<String>,
}

/// What an action made of the examination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub state: Examination,
    pub event: ExamEvent,
}

/// A request submitted `today` by a firm within its quota: waiting for 受理, due within the
/// acceptance limit.
pub fn submit(
    request: &PreExamRequest,
    quota: &Quota,
    today: Date,
    settings: &PreExamSettings,
    calendar: &HolidayCalendar,
) -> Result<Transition, E> {
    quota.check()?;
    let due = calendar
        .add_working_days(today, settings.acceptance_working_days)
        .map_err(E::Calendar)?;
    Ok(Transition {
        state: Examination {
            status: PreExamStatus::Submitted,
            kind: request.kind,
            submitted_on: today,
            due_on: Some(due),
            amendment_rounds: 0,
            defects: Vec::new(),
            reasons: Vec::new(),
            notice: None,
            filing: None,
            granted_on: None,
        },
        event: ExamEvent {
            on: today,
            by: Actor::Firm,
            action: "submit".into(),
            detail: Vec::new(),
        },
    })
}
