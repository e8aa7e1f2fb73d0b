//! What the API answers about drafts and requests: the draft view, the tracking view with its
//! timeline and messages, progress, and what submitting returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::{Help, OtherParty, Right};
use super::choices::{ApplicantKind, MessageKind, RequestStatus, Section, SectionStatus};
use super::deadlines::Deadline;
use super::draft::AssistanceDraft;
use super::files::EvidenceFile;
use crate::api::FieldError;
use crate::calendar::Date;

/// One section's status in the task list. `problems` holds the answers that are wrong (shown
/// at once), `missing` the fields still to be answered (shown only when the person says the
/// section is done, or submits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionReport {
    pub section: Section,
    pub status: SectionStatus,
    pub problems: BTreeMap<String, FieldError>,
    pub missing: Vec<String>,
}

/// The request a submitted draft became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmittedDraft {
    pub reference: String,
    pub submitted_at: String,
}

/// A draft with its files and task list: the answer of `GET`/`PUT` on a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    /// The answers as saved (empty once submitted: the request keeps them).
    pub draft: AssistanceDraft,
    pub files: Vec<EvidenceFile>,
    /// The seven sections in order.
    pub sections: Vec<SectionReport>,
    /// Every section completed: the check-answers page may offer "submit".
    pub ready_to_submit: bool,
    /// RFC 3339, +08:00.
    pub created_at: String,
    pub updated_at: String,
    /// The draft and its files are deleted after this (30 days after the last save).
    pub expires_at: String,
    /// Set once submitted; then the draft can no longer be changed.
    pub submitted: Option<SubmittedDraft>,
}

/// 201 answer of `POST /api/v1/assistance/drafts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftCreated {
    /// The draft's secret (256 random bits, URL-safe base64, 43 characters). Keep it (e.g. in
    /// `localStorage` and the page's URL): it is the only way back to the draft; the server
    /// keeps only its hash.
    pub token: String,
    #[serde(flatten)]
    pub view: DraftView,
}

/// The applicant as the tracking page shows them: the resident ID, mobile number and USCC
/// masked; the name in full with the tracking link, masked after a lookup by reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantView {
    pub kind: ApplicantKind,
    pub name: String,
    /// e.g. `3206**********1234`.
    pub resident_id: Option<String>,
    /// e.g. `91************341L`.
    pub uscc: Option<String>,
    pub contact_name: Option<String>,
    /// e.g. `138****5678`.
    pub mobile: String,
    pub acting_for_someone_else: bool,
    pub representative_name: Option<String>,
}

/// What happened, as shown back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactsView {
    pub description: String,
    pub discovered_on: Date,
    /// Yuan with two decimals, e.g. `50000.00`.
    pub estimated_loss: Option<String>,
    pub other_actions: Option<String>,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEvent {
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub at: String,
    pub date: Date,
    /// The reason of a 不予受理 or of a withdrawal, or a note from the center.
    pub note: Option<String>,
}

/// The applicant's answer to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageReply {
    pub text: Option<String>,
    pub sent_at: String,
    pub files: Vec<EvidenceFile>,
}

/// A message from the center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterMessage {
    pub id: i64,
    pub kind: MessageKind,
    pub sent_at: String,
    pub text: String,
    pub reply: Option<MessageReply>,
    /// Whether a reply can be sent (not yet answered, request not closed).
    pub can_reply: bool,
    /// The day the center asks for the material by (a request for more material, when the
    /// center set one).
    #[serde(default)]
    pub reply_by: Option<Date>,
}

/// The answers and files, only for whoever holds the tracking token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceDetails {
    pub other_party: OtherParty,
    pub facts: FactsView,
    pub help: Help,
    /// The evidence submitted with the request.
    pub evidence: Vec<EvidenceFile>,
    /// Files uploaded for a reply that has not been sent yet.
    pub staged_files: Vec<EvidenceFile>,
}

/// A request as the applicant tracks it with the tracking link:
/// `GET /api/v1/assistance/requests/{token}` and the answers of the routes that act on it.
/// Looking a request up by reference + mobile number gives only [`AssistanceProgress`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceTracking {
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    /// When the initial review is due (5 working days); `None` only if the holiday calendar
    /// for that time is not published yet.
    pub initial_review_due: Option<Date>,
    pub applicant: ApplicantView,
    pub right: Right,
    /// Oldest first; the first is always `submitted`.
    pub timeline: Vec<TimelineEvent>,
    /// The next step and its last day; `None` once the request has ended.
    pub next_deadline: Option<Deadline>,
    /// Oldest first.
    pub messages: Vec<CenterMessage>,
    /// Whether it can be withdrawn now (before acceptance).
    pub withdrawable: bool,
    /// Whether withdrawing needs a reason (more than 10 minutes after submitting).
    pub withdraw_needs_reason: bool,
    /// Until when withdrawing takes one click (RFC 3339), while that is still ahead.
    pub one_click_withdraw_until: Option<String>,
    pub details: Option<AssistanceDetails>,
    /// Whether the service can be rated now: the request is concluded and not rated yet
    /// (`POST /assistance/requests/{token}/rating`, which takes the tracking link).
    #[serde(default)]
    pub can_rate: bool,
    /// The request's personal data was deleted under the retention rule: the applicant's
    /// names and numbers are empty, the free text and the files gone.
    #[serde(default)]
    pub anonymised: bool,
    /// The applicant's rating with the center's reply, once rated (the timeline then ends with
    /// a `rated` step).
    #[serde(default)]
    pub rating: Option<crate::api::rating::RatingView>,
}

/// What `POST /api/v1/assistance/requests/lookup` shows for a reference + mobile number: the
/// progress only (status, timeline, deadlines). Whoever knows a reference can try numbers, so
/// nothing here is personal: no names, answers, messages, replies, notes or files; those, and
/// acting on the request, take the tracking link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceProgress {
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    pub initial_review_due: Option<Date>,
    /// Oldest first, without the notes (reasons may be personal).
    pub timeline: Vec<ProgressStep>,
    pub next_deadline: Option<Deadline>,
    /// How many messages the center has sent (read and answered with the tracking link).
    pub messages: u32,
    /// Whether the center is waiting for material from the applicant (a 补充材料 message not
    /// answered yet), so that someone who has only the reference knows to act. What is asked
    /// for is read with the tracking link.
    #[serde(default)]
    pub material_requested: bool,
    /// The earliest day the center asks that material by, if it set one.
    #[serde(default)]
    pub material_requested_by: Option<Date>,
}

/// A step of [`AssistanceProgress::timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressStep {
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub at: String,
    pub date: Date,
}

impl From<&AssistanceTracking> for AssistanceProgress {
    /// Built from the full view, field by field, so that nothing personal can slip through.
    fn from(t: &AssistanceTracking) -> AssistanceProgress {
        AssistanceProgress {
            reference: t.reference.clone(),
            status: t.status,
            submitted_at: t.submitted_at.clone(),
            initial_review_due: t.initial_review_due,
            timeline: t
                .timeline
                .iter()
                .map(|e| ProgressStep {
                    status: e.status,
                    at: e.at.clone(),
                    date: e.date,
                })
                .collect(),
            next_deadline: t.next_deadline.clone(),
            messages: u32::try_from(t.messages.len()).unwrap_or(u32::MAX),
            material_requested: t.material_requested(),
            material_requested_by: t.material_requested_by(),
        }
    }
}

impl AssistanceTracking {
    /// Whether a request for more material waits for the applicant's answer.
    pub fn material_requested(&self) -> bool {
        self.messages
            .iter()
            .any(|m| m.kind == MessageKind::MoreMaterialRequested && m.can_reply)
    }

    /// The earliest day by which material that still waits is asked for.
    pub fn material_requested_by(&self) -> Option<Date> {
        self.messages
            .iter()
            .filter(|m| m.kind == MessageKind::MoreMaterialRequested && m.can_reply)
            .filter_map(|m| m.reply_by)
            .min()
    }
}

/// 201 answer of `POST /api/v1/assistance/drafts/{token}/submit`. The same key for the same
/// draft gives this same answer again (for 24 hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceSubmitted {
    /// `WQ-XXXX-XXXX`: to quote on the phone, and with the mobile number to look it up.
    pub reference: String,
    /// The secret of the tracking link (`/api/v1/assistance/requests/{tracking_token}`): 256
    /// random bits, shown once; the server keeps only its hash.
    pub tracking_token: String,
    pub request: AssistanceTracking,
}
