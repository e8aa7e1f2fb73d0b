//! Where a registration stands, what the firm and the officers see of it, and the officers'
//! review actions.

use serde::{Deserialize, Serialize};

use super::answers::{RegistrationAnswers, Section, SectionState};
use super::eligibility::{EligibilityRules, RuleOutcome};
use super::errors::RegistrationError as E;
use super::fields::TechField;
use super::materials::{uploads_state, MaterialRule, RegistrationFile};
use super::rounds::{CancelReason, Cancellation, RegistrationKind, RoundSummary};
use super::settings::FastTrackSettings;
use super::status::{Certificate, RegistrationStatus};
use super::Problems;
use crate::calendar::Date;
use crate::text::clean_text;

/// Most defects in one request to amend.
pub const MAX_DEFECTS: usize = 30;
/// Longest defect, reason or note.
const MAX_REVIEW_TEXT_CHARS: usize = 1000;

/// One defect the officer found, tied to the section the firm must amend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Defect {
    pub section: Section,
    pub text: String,
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
    /// What the current round is for.
    pub kind: RegistrationKind,
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
    /// Working days left until `due_on` (negative: overdue by so many).
    pub days_left: Option<i32>,
    /// The registration in force, or the last one that was (its `valid_until` says which); while
    /// a change or re-check is reviewed, the one in force.
    pub certificate: Option<Certificate>,
    pub refusal_reason: Option<String>,
    /// The registration was cancelled (and not registered again since).
    pub cancellation: Option<Cancellation>,
    /// The rounds the firm may start now: `application` (nothing in force, nothing open) or
    /// `change` (a registration in force, nothing open).
    pub may_start: Vec<RegistrationKind>,
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
    pub kind: RegistrationKind,
    /// Unix seconds of the last submission.
    pub submitted_at: i64,
    pub due_on: Option<Date>,
    /// The due day has passed (review statuses only).
    pub overdue: bool,
    /// Working days left until `due_on` (negative: overdue by so many; review statuses only).
    pub days_left: Option<i32>,
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
    pub kind: RegistrationKind,
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
    pub days_left: Option<i32>,
    pub assignee: Option<String>,
    pub certificate: Option<Certificate>,
    pub refusal_reason: Option<String>,
    pub cancellation: Option<Cancellation>,
    pub events: Vec<ReviewEvent>,
    /// The firm's other rounds, newest first (earlier refusals, cancellations, changes).
    pub rounds: Vec<RoundSummary>,
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
    /// 复核 a registration in force: a new round, sent to the firm with what to confirm or
    /// update (`defects`) and the amendment's time limit; the registration stays in force.
    Recheck,
    /// 撤销 a registration in force, with a published reason and what the officer found
    /// (`text`); any open round of the firm is closed with it.
    Cancel,
}

impl ActionKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Amend => "amend",
            Self::Register => "register",
            Self::Refuse => "refuse",
            Self::Note => "note",
            Self::Recheck => "recheck",
            Self::Cancel => "cancel",
        }
    }
}

/// The body of `POST /api/v1/staff/registrations/{id}/actions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewAction {
    pub action: ActionKind,
    /// For `amend` and `recheck`: every defect (what to confirm or update), at least one.
    #[serde(default)]
    pub defects: Vec<Defect>,
    /// For `refuse` (the reason), `note` (the note) and `cancel` (what was found).
    #[serde(default)]
    pub text: Option<String>,
    /// For `cancel`: the published reason.
    #[serde(default)]
    pub reason: Option<CancelReason>,
}

impl ReviewAction {
    /// Every problem at once (`defects`, `text`); the defects and text cleaned.
    pub fn parse(&self) -> Result<ReviewAction, Problems> {
        let mut p = Problems::new();
        let mut defects = Vec::new();
        let with_defects = matches!(self.action, ActionKind::Amend | ActionKind::Recheck);
        if with_defects && self.defects.is_empty() {
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
        let needs_text = matches!(
            self.action,
            ActionKind::Refuse | ActionKind::Note | ActionKind::Cancel
        );
        let reason = self.reason.filter(|_| self.action == ActionKind::Cancel);
        if self.action == ActionKind::Cancel && reason.is_none() {
            p.push(("reason".into(), E::CancelReasonMissing));
        }
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
            defects: if with_defects { defects } else { Vec::new() },
            text: if needs_text { text } else { None },
            reason,
        })
    }
}
