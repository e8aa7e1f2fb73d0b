//! A registration's life after the first decision: a firm applies again after a refusal, a
//! cancellation or the end of its validity; a registered firm changes its details (备案信息变更);
//! the center re-checks a registered firm (复核) or cancels its registration (撤销) for one of
//! the published reasons. Each application, change or re-check is a round of its own (its own
//! reference and review); the registration in force stays in force while a change or re-check
//! is reviewed. Also the firm's dashboard: where it stands and the center's messages.

use serde::{Deserialize, Serialize};

use super::status::{Certificate, RegistrationStatus};
use crate::calendar::Date;
use crate::choice::choice;

/// What a round is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationKind {
    /// An application for registration (the first, or again after a refusal, a cancellation or
    /// the end of the validity).
    #[default]
    Application,
    /// 备案信息变更: a registered firm changes its details; reviewed again.
    Change,
    /// 复核: the center asks a registered firm to confirm or update its details.
    Recheck,
}

choice!(RegistrationKind {
    Application = "application", "备案申请", "Application for registration";
    Change = "change", "备案信息变更", "Change of details";
    Recheck = "recheck", "复核", "Re-check";
});

/// Why the center cancels a registration (撤销): the reasons published in 天津's rules, which the
/// center follows until it publishes its own (`../shared/FAST_TRACK.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    FalseInformation,
    NoRealBusiness,
    IpServicesMainBusiness,
    FabricatedFilings,
    RepeatedInfringement,
    FailedPreExams,
    AbnormalFilings,
}

choice!(CancelReason {
    FalseInformation = "false_information", "提供虚假信息或材料", "False information or documents";
    NoRealBusiness = "no_real_business", "无实际经营活动", "No real business";
    IpServicesMainBusiness = "ip_services_main_business", "以知识产权服务为主营业务", "Intellectual-property services as the main business";
    FabricatedFilings = "fabricated_filings", "编造或批量提交专利申请", "Fabricated or batch-filed patent applications";
    RepeatedInfringement = "repeated_infringement", "多次侵权或假冒", "Repeated infringement or counterfeiting";
    FailedPreExams = "failed_pre_exams", "一年内预审不合格比例过高", "Too many failed pre-examinations in a year";
    AbnormalFilings = "abnormal_filings", "一年内多次非正常专利申请", "Repeated abnormal patent filings in a year";
});

/// A cancelled registration: why and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cancellation {
    pub reason: CancelReason,
    /// What the officer wrote of it.
    pub text: String,
    pub on: Date,
}

/// The body of `POST /api/v1/firm/registration/rounds`: start a new round, its answers copied
/// from the last one (the 承诺书 to be accepted again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRound {
    /// `application` (no registration in force) or `change` (a registration in force).
    pub kind: RegistrationKind,
}

/// One round of a firm's registration, as the officers list the firm's others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoundSummary {
    pub id: i64,
    pub reference: String,
    pub kind: RegistrationKind,
    pub status: RegistrationStatus,
    /// Unix seconds of the last submission.
    pub submitted_at: i64,
}

/// One thing the center told the firm (a request to amend, a decision, a re-check, a
/// cancellation), newest first on the dashboard. Internal notes are never among them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterMessage {
    /// Unix seconds.
    pub at: i64,
    /// The round's reference.
    pub reference: String,
    /// The step: `amend`, `register`, `refuse`, `recheck` or `cancel`.
    pub action: String,
    /// What the center wrote: the defects (one per line), the reason, the certificate number.
    pub detail: String,
}

/// `GET /api/v1/firm/dashboard`: where the firm's registration stands, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmDashboard {
    /// The current round (none before the firm saves anything).
    pub round: Option<RoundSummary>,
    /// The last day of the current round's time limit, and the working days left until it
    /// (negative: overdue by so many).
    pub due_on: Option<Date>,
    pub days_left: Option<i32>,
    /// The registration in force, or the last one that was (see `valid_until`).
    pub certificate: Option<Certificate>,
    pub cancellation: Option<Cancellation>,
    /// Newest first, at most [`MAX_MESSAGES`].
    pub messages: Vec<CenterMessage>,
    pub today: Date,
}

/// Most messages on the dashboard.
pub const MAX_MESSAGES: usize = 20;
