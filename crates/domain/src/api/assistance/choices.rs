//! The choices of an assistance request (applicant kind, right type, legal status, help wanted,
//! request status, section and its status, message kind) with their codes and labels.

use serde::{Deserialize, Serialize};

use crate::choice::choice;

/// Who applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    Individual,
    Organisation,
}

choice!(ApplicantKind {
    Individual = "individual", "个人", "An individual";
    Organisation = "organisation", "单位（企业、个体工商户、机构等）", "An organisation (a company, sole trader or institution)";
});

/// The kind of right that is infringed (DOMAIN.md: 专利 three kinds, 商标, 著作权, 地理标志,
/// 商业秘密, 集成电路布图设计, 植物新品种).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RightType {
    InventionPatent,
    UtilityModelPatent,
    DesignPatent,
    Trademark,
    Copyright,
    GeographicalIndication,
    TradeSecret,
    IcLayoutDesign,
    PlantVariety,
}

choice!(RightType {
    InventionPatent = "invention_patent", "发明专利", "Invention patent";
    UtilityModelPatent = "utility_model_patent", "实用新型专利", "Utility model patent";
    DesignPatent = "design_patent", "外观设计专利", "Design patent";
    Trademark = "trademark", "商标", "Trademark";
    Copyright = "copyright", "著作权（版权）", "Copyright";
    GeographicalIndication = "geographical_indication", "地理标志", "Geographical indication";
    TradeSecret = "trade_secret", "商业秘密", "Trade secret";
    IcLayoutDesign = "ic_layout_design", "集成电路布图设计", "Integrated circuit layout design";
    PlantVariety = "plant_variety", "植物新品种", "Plant variety";
});

impl RightType {
    pub fn is_patent(self) -> bool {
        matches!(
            self,
            RightType::InventionPatent | RightType::UtilityModelPatent | RightType::DesignPatent
        )
    }

    /// What the number of this kind of right is: how the browser labels `right.number`.
    pub fn number_rule(self) -> NumberRule {
        match self {
            RightType::InventionPatent
            | RightType::UtilityModelPatent
            | RightType::DesignPatent => NumberRule::PatentApplication,
            RightType::Trademark => NumberRule::Trademark,
            RightType::GeographicalIndication => NumberRule::GiProduct,
            RightType::Copyright => NumberRule::OptionalRegistration,
            RightType::IcLayoutDesign | RightType::PlantVariety => NumberRule::Registration,
            RightType::TradeSecret => NumberRule::None,
        }
    }

    /// Whether the right exists only once granted or registered (so "not registered" is not
    /// a possible legal status).
    pub(super) fn needs_grant(self) -> bool {
        !matches!(
            self,
            RightType::Trademark | RightType::Copyright | RightType::TradeSecret
        )
    }
}

/// How `right.number` is read for a [`RightType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NumberRule {
    /// Patent application number (ZC 0006-2003) with its check character; its type digit must
    /// match the kind of patent chosen. Required.
    PatentApplication,
    /// Trademark registration (or application) number, 1–9 digits. Required unless the legal
    /// status is `not_registered`.
    Trademark,
    /// The id of a product in the GI lookup, e.g. `GI00842`. Required; it must exist.
    GiProduct,
    /// A registration number whose format is not known (布图设计登记号, 品种权号): free text, required.
    Registration,
    /// Copyright registration is voluntary: free text, optional.
    OptionalRegistration,
    /// Trade secrets have no number: `right.number` is ignored.
    None,
}

/// The legal status of the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    InForce,
    Pending,
    NotRegistered,
    Lapsed,
    Challenged,
}

choice!(LegalStatus {
    InForce = "in_force", "有效（已授权或已注册）", "In force (granted or registered)";
    Pending = "pending", "申请中", "Applied for, not yet granted or registered";
    NotRegistered = "not_registered", "未登记（如未登记的著作权、商业秘密、未注册商标）", "Not registered (such as unregistered copyright, trade secrets or unregistered trademarks)";
    Lapsed = "lapsed", "已失效", "Lapsed or expired";
    Challenged = "challenged", "正处于无效宣告、撤销或异议程序中", "Being challenged (invalidation, cancellation or opposition)";
});

/// The help asked for (the issue's six; DOMAIN.md also names 分析预警 and 展会驻场, which are
/// not requested through this form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssistanceType {
    Consultation,
    RightsGuidance,
    InfringementOpinion,
    ExpertReview,
    Mediation,
    Overseas,
}

choice!(AssistanceType {
    Consultation = "consultation", "咨询指导", "Advice and guidance";
    RightsGuidance = "rights_guidance", "维权指导（如何取证、选择哪种途径）", "Guidance on enforcing your rights (collecting evidence, which route to take)";
    InfringementOpinion = "infringement_opinion", "侵权判定参考意见", "An advisory opinion on whether there is infringement";
    ExpertReview = "expert_review", "专家论证", "An expert panel review";
    Mediation = "mediation", "纠纷调解", "Mediation of the dispute";
    Overseas = "overseas", "海外维权", "Help with a dispute abroad";
});

/// Where a request is. `Rated` (已评价) is the last step of the status model and only a step of
/// the timeline: the applicant rates a concluded request (see [`crate::api::rating`]); the request
/// itself stays `concluded` for staff (the queue, the overview, the transition table), and no
/// staff transition leads to or from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Submitted,
    InitialReview,
    Accepted,
    Rejected,
    Assisting,
    Concluded,
    Withdrawn,
    Rated,
}

choice!(RequestStatus {
    Submitted = "submitted", "已提交", "Submitted";
    InitialReview = "initial_review", "初审中", "Initial review";
    Accepted = "accepted", "已受理", "Accepted";
    Rejected = "rejected", "不予受理", "Not accepted";
    Assisting = "assisting", "援助中", "Assistance in progress";
    Concluded = "concluded", "已办结", "Concluded";
    Withdrawn = "withdrawn", "已撤回", "Withdrawn";
    Rated = "rated", "已评价", "Rated";
});

impl RequestStatus {
    /// Before acceptance: the applicant may still withdraw.
    pub fn withdrawable(self) -> bool {
        matches!(
            self,
            RequestStatus::Submitted | RequestStatus::InitialReview
        )
    }

    /// Withdrawn, not accepted, concluded (or rated): nothing more happens.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            RequestStatus::Withdrawn
                | RequestStatus::Rejected
                | RequestStatus::Concluded
                | RequestStatus::Rated
        )
    }

    /// A status a request itself can be in (every one but `rated`, a timeline step only): the
    /// case queue's filter and the overview's counts.
    pub fn is_case_status(self) -> bool {
        self != RequestStatus::Rated
    }
}

/// The sections of the task list, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Applicant,
    Right,
    OtherParty,
    Facts,
    Help,
    Evidence,
    Declaration,
}

choice!(Section {
    Applicant = "applicant", "申请人信息", "About the applicant";
    Right = "right", "被侵犯的权利", "The right that is infringed";
    OtherParty = "other_party", "涉嫌侵权方", "The other party";
    Facts = "facts", "侵权情况", "What happened";
    Help = "help", "需要的帮助", "The help you want";
    Evidence = "evidence", "证据材料", "Evidence";
    Declaration = "declaration", "声明", "Declaration";
});

/// The GOV.UK task-list statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Nothing entered yet.
    NotStarted,
    /// Some answers given, some still missing; nothing given is wrong.
    InProgress,
    /// Every answer is there and acceptable.
    Completed,
    /// An answer given is not acceptable (a wrong check digit, too long …): see `problems`.
    Problem,
}

choice!(SectionStatus {
    NotStarted = "not_started", "未开始", "Not started";
    InProgress = "in_progress", "进行中", "In progress";
    Completed = "completed", "已完成", "Completed";
    Problem = "problem", "有问题需修改", "There is a problem";
});

/// The kind of a message from the center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Info,
    /// 补充材料: the applicant answers with a reply and new files.
    MoreMaterialRequested,
}

choice!(MessageKind {
    Info = "info", "通知", "Information";
    MoreMaterialRequested = "more_material_requested", "请补充材料", "More material needed";
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn statuses_and_withdrawal() {
        assert!(RequestStatus::Submitted.withdrawable());
        assert!(RequestStatus::InitialReview.withdrawable());
        for status in [
            RequestStatus::Accepted,
            RequestStatus::Rejected,
            RequestStatus::Assisting,
            RequestStatus::Concluded,
            RequestStatus::Withdrawn,
            RequestStatus::Rated,
        ] {
            assert!(!status.withdrawable(), "{status:?}");
        }
        assert_eq!(
            serde_json::to_string(&RequestStatus::InitialReview).unwrap(),
            r#""initial_review""#
        );
        assert_eq!(RequestStatus::Rejected.label(Lang::Zh), "不予受理");
    }
}
