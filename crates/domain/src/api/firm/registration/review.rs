//! Where a registration stands, what the firm and the officers see of it, and the officers'
//! review actions.

use serde::{Deserialize, Serialize};

use super::answers::{RegistrationAnswers, Section, SectionState};
use super::eligibility::{EligibilityRules, RuleOutcome};
use super::errors::RegistrationError as E;
use super::materials::{uploads_state, MaterialRule, RegistrationFile};
use super::settings::{FastTrackSettings, TechField};
use super::Problems;
use crate::calendar::Date;
use crate::text::clean_text;

/// Most defects in one request to amend.
pub const MAX_DEFECTS: usize = 30;
/// Longest defect, reason or note.
const MAX_REVIEW_TEXT_CHARS: usize = 1000;

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
    /// 不予备案, with the reasons.
    Refused,
}

impl RegistrationStatus {
    pub const ALL: [RegistrationStatus; 6] = [
        Self::Draft,
        Self::Submitted,
        Self::UnderReview,
        Self::NeedsAmendment,
        Self::Registered,
        Self::Refused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::UnderReview => "under_review",
            Self::NeedsAmendment => "needs_amendment",
            Self::Registered => "registered",
            Self::Refused => "refused",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the firm may change its answers.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::NeedsAmendment)
    }
}

/// One defect the officer found, tied to the section the firm must amend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Defect {
    pub section: Section,
    pub text: String,
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

/// A section on the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionEntry {
    pub section: Section,
    pub state: SectionState,
}

/// `GET /api/v1/firm/registration`: the firm's registration as it stands (a new firm's is an
/// empty draft).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmRegistration {
    pub status: RegistrationStatus,
    /// Given at the first submission, e.g. `BA-2026-000123`.
    pub reference: Option<String>,
    pub firm_name: String,
    pub answers: RegistrationAnswers,
    pub sections: Vec<SectionEntry>,
    /// The uploaded materials.
    pub files: Vec<RegistrationFile>,
    pub eligibility: Vec<RuleOutcome>,
    /// The fields, rules and time limits in force (illustrative defaults until the center sets them).
    pub settings: FastTrackSettings,
    /// The defects to amend (status `needs_amendment`).
    pub defects: Vec<Defect>,
    /// The last day of the current time limit: the review's (submitted, under review) or the
    /// amendment's (needs amendment).
    pub due_on: Option<Date>,
    pub certificate: Option<Certificate>,
    pub refusal_reason: Option<String>,
    /// The center's today, which the browser checks dates against (as the server does).
    pub today: Date,
}

impl FirmRegistration {
    /// The task-list entries of `answers` and `files`, checked as of `today`.
    pub fn sections_of(
        answers: &RegistrationAnswers,
        files: &[RegistrationFile],
        settings: &FastTrackSettings,
        today: Date,
    ) -> Vec<SectionEntry> {
        let problems = answers.problems(&settings.fields, today);
        Section::ALL
            .into_iter()
            .map(|section| SectionEntry {
                section,
                state: match section {
                    Section::Uploads => uploads_state(files, &settings.materials),
                    _ => answers.state(section, &problems),
                },
            })
            .collect()
    }
}

/// One line of the officers' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub id: i64,
    pub reference: String,
    pub firm_name: String,
    pub status: RegistrationStatus,
    /// Unix seconds of the last submission.
    pub submitted_at: i64,
    pub due_on: Option<Date>,
    /// The due day has passed (review statuses only).
    pub overdue: bool,
    /// The officer who took it.
    pub assignee: Option<String>,
}

/// `GET /api/v1/staff/registrations`: every submitted registration, the most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationQueue {
    pub items: Vec<QueueItem>,
}

/// One entry of a registration's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewEvent {
    /// Unix seconds.
    pub at: i64,
    /// Who: the officer's name, or the firm's person.
    pub by: String,
    /// `submitted`, `resubmitted`, or an [`ActionKind`] code.
    pub action: String,
    /// Defects, reasons or the note, as written.
    pub detail: String,
}

/// `GET /api/v1/staff/registrations/{id}` (every view is in the staff audit log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRegistration {
    pub id: i64,
    pub reference: String,
    pub firm_name: String,
    pub uscc: String,
    pub status: RegistrationStatus,
    pub answers: RegistrationAnswers,
    /// The uploaded materials (each opened through its own audited route).
    pub files: Vec<RegistrationFile>,
    /// Which materials the center requires.
    pub materials: Vec<MaterialRule>,
    pub eligibility: Vec<RuleOutcome>,
    /// The thresholds the eligibility was worked out with.
    pub rules: EligibilityRules,
    pub fields: Vec<TechField>,
    pub defects: Vec<Defect>,
    pub due_on: Option<Date>,
    pub overdue: bool,
    pub assignee: Option<String>,
    pub certificate: Option<Certificate>,
    pub refusal_reason: Option<String>,
    pub events: Vec<ReviewEvent>,
}

/// What an officer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Take it (assigned to the officer): submitted → under review.
    Start,
    /// Send back with every defect: under review → needs amendment.
    Amend,
    /// under review → registered.
    Register,
    /// under review → refused, with the reason.
    Refuse,
    /// An internal note (any status but draft); the firm never sees it.
    Note,
}

impl ActionKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Amend => "amend",
            Self::Register => "register",
            Self::Refuse => "refuse",
            Self::Note => "note",
        }
    }
}

/// The body of `POST /api/v1/staff/registrations/{id}/actions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewAction {
    pub action: ActionKind,
    /// For `amend`: every defect, at least one.
    #[serde(default)]
    pub defects: Vec<Defect>,
    /// For `refuse` (the reason) and `note` (the note).
    #[serde(default)]
    pub text: Option<String>,
}

impl ReviewAction {
    /// Every problem at once (`defects`, `text`); the defects and text cleaned.
    pub fn parse(&self) -> Result<ReviewAction, Problems> {
        let mut p = Problems::new();
        let mut defects = Vec::new();
        if self.action == ActionKind::Amend && self.defects.is_empty() {
            p.push(("defects".into(), E::DefectsMissing));
        }
        if self.defects.len() > MAX_DEFECTS {
            p.push(("defects".into(), E::TooManyDefects));
        }
        for d in &self.defects {
            match clean_text(Some(&d.text), MAX_REVIEW_TEXT_CHARS) {
                Ok(Some(text)) => defects.push(Defect {
                    section: d.section,
                    text,
                }),
                Ok(None) => p.push(("defects".into(), E::DefectsMissing)),
                Err(_) => p.push(("defects".into(), E::TextTooLong)),
            }
        }
        let needs_text = matches!(self.action, ActionKind::Refuse | ActionKind::Note);
        let text = match clean_text(self.text.as_deref(), MAX_REVIEW_TEXT_CHARS) {
            Ok(None) if needs_text => {
                p.push(("text".into(), E::ReasonMissing));
                None
            }
            Ok(text) => text,
            Err(_) => {
                p.push(("text".into(), E::TextTooLong));
                None
            }
        };
        if !p.is_empty() {
            return Err(p);
        }
        Ok(ReviewAction {
            action: self.action,
            defects: if self.action == ActionKind::Amend {
                defects
            } else {
                Vec::new()
            },
            text: if needs_text { text } else { None },
        })
    }
}
