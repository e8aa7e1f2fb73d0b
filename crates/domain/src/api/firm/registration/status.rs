//! Where a registration round stands, and the certificate of a registered firm: read by the
//! officers' review (`super::review`) and by the firm's rounds and dashboard (`super::rounds`).

use serde::{Deserialize, Serialize};

use super::fields::TechField;
use crate::calendar::Date;
use crate::choice::choice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Being filled in; nothing submitted yet.
    Draft,
    /// 已提交: waiting for an officer.
    Submitted,
    /// 审核中.
    UnderReview,
    /// 需补正: sent back with every defect listed; the firm amends and resubmits.
    NeedsAmendment,
    /// 已备案: valid until a date, with a certificate.
    Registered,
    /// 不予备案, with the reasons (for a change or a re-check: not accepted, the registration in
    /// force stays as it was).
    Refused,
    /// 已撤销: a registration the center cancelled, with the reason.
    Cancelled,
    /// A registration replaced by a later one (a change or re-check accepted, or registered again
    /// after its validity ended).
    Superseded,
}

choice!(RegistrationStatus {
    Draft = "draft", "草稿", "Draft";
    Submitted = "submitted", "已提交", "Submitted";
    UnderReview = "under_review", "审核中", "Under review";
    NeedsAmendment = "needs_amendment", "需补正", "Needs amendment";
    Registered = "registered", "已备案", "Registered";
    Refused = "refused", "不予备案", "Refused";
    Cancelled = "cancelled", "已撤销", "Cancelled";
    Superseded = "superseded", "已由后来的备案取代", "Replaced by a later registration";
});

impl RegistrationStatus {
    /// Whether the firm may change its answers.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::NeedsAmendment)
    }

    /// Whether the round is still open (at most one per firm): being filled in or reviewed.
    pub fn open(self) -> bool {
        matches!(
            self,
            Self::Draft | Self::Submitted | Self::UnderReview | Self::NeedsAmendment
        )
    }
}

/// The registration certificate (备案证明) of a registered firm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    /// e.g. `NTYS-2026-0001`.
    pub number: String,
    pub firm_name: String,
    /// The full 统一社会信用代码: a certificate names its holder.
    pub uscc: String,
    pub fields: Vec<TechField>,
    pub registered_on: Date,
    pub valid_until: Date,
}
