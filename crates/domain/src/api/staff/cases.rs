//! The case queue of rights-assistance requests: where staff may move a request, the
//! assign/transition/message/note requests with their checks, and the case answers.

use serde::{Deserialize, Serialize};

use super::errors::{optional, required, Problems, StaffError};
use super::limits::{MAX_MESSAGE_CHARS, MAX_REASON_CHARS};
use crate::api::assistance::{
    AssistanceRequest, CenterMessage, Deadline, EvidenceFile, MessageKind, RequestStatus,
    RightType, TimelineEvent,
};
use crate::calendar::Date;

/// Where staff can move a request in `from`: 已提交 → 初审中 → 已受理 | 不予受理 (a reason) →
/// 援助中 → 已办结 (an outcome). Withdrawing is the applicant's; closed requests go nowhere.
pub fn allowed_transitions(from: RequestStatus) -> &'static [RequestStatus] {
    use RequestStatus::*;
    match from {
        Submitted => &[InitialReview],
        InitialReview => &[Accepted, Rejected],
        Accepted => &[Assisting],
        Assisting => &[Concluded],
        Rejected | Concluded | Withdrawn | Rated => &[],
    }
}

/// The body of `POST /api/v1/staff/cases/{id}/assign`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssignRequest {
    /// An active account with the `case_handler` role; `null` takes the case off whoever has it.
    pub username: Option<String>,
}

/// Someone a case can be given to: `GET /api/v1/staff/handlers` lists every active case
/// handler, so the case page offers them by name instead of asking for a username.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseHandler {
    pub username: String,
    pub display_name: String,
}

/// The body of `POST /api/v1/staff/cases/{id}/transition`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct TransitionRequest {
    /// The status to move to; see [`allowed_transitions`].
    pub to: Option<RequestStatus>,
    /// Required for `rejected` (不予受理), and only there: shown to the applicant on the
    /// timeline. At most 500 characters.
    pub reason: Option<String>,
    /// Required for `concluded` (已办结), and only there: shown to the applicant on the
    /// timeline. At most 500 characters.
    pub outcome: Option<String>,
}

impl TransitionRequest {
    /// The target status and the note the timeline shows (the reason or the outcome).
    pub fn parse(&self) -> Result<(RequestStatus, Option<String>), Problems> {
        let mut problems = Problems::new();
        let Some(to) = self.to else {
            return Err(vec![("to", StaffError::StatusMissing)]);
        };
        let reason = optional(&self.reason, MAX_REASON_CHARS, "reason", &mut problems);
        let outcome = optional(&self.outcome, MAX_REASON_CHARS, "outcome", &mut problems);
        let note = match to {
            RequestStatus::Rejected => {
                if reason.is_none() && !problems.iter().any(|(f, _)| *f == "reason") {
                    problems.push(("reason", StaffError::ReasonRequired));
                }
                if outcome.is_some() {
                    problems.push(("outcome", StaffError::NotUsedHere));
                }
                reason
            }
            RequestStatus::Concluded => {
                if outcome.is_none() && !problems.iter().any(|(f, _)| *f == "outcome") {
                    problems.push(("outcome", StaffError::OutcomeRequired));
                }
                if reason.is_some() {
                    problems.push(("reason", StaffError::NotUsedHere));
                }
                outcome
            }
            _ => {
                if reason.is_some() {
                    problems.push(("reason", StaffError::NotUsedHere));
                }
                if outcome.is_some() {
                    problems.push(("outcome", StaffError::NotUsedHere));
                }
                None
            }
        };
        if problems.is_empty() {
            Ok((to, note))
        } else {
            Err(problems)
        }
    }
}

/// The body of `POST /api/v1/staff/cases/{id}/messages`: a message the applicant sees on the
/// tracking page (and may answer once).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MessageRequest {
    /// `info` or `more_material_requested` (补充材料, only while the case is open).
    pub kind: Option<MessageKind>,
    /// 1–2000 characters.
    pub text: Option<String>,
    /// `YYYY-MM-DD`, not before today: the day the applicant is asked to send the material by
    /// (a request for more material only; the center sets it, no rule publishes one). Empty or
    /// absent: no day.
    pub reply_by: Option<String>,
}

/// A [`MessageRequest`] that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedMessage {
    pub kind: MessageKind,
    pub text: String,
    pub reply_by: Option<Date>,
}

impl MessageRequest {
    /// `today`: the center's (a reply-by day must not be before it).
    pub fn parse(&self, today: Date) -> Result<CheckedMessage, Problems> {
        let mut problems = Problems::new();
        if self.kind.is_none() {
            problems.push(("kind", StaffError::MessageKindMissing));
        }
        let text = required(&self.text, MAX_MESSAGE_CHARS, "text", &mut problems);
        let reply_by = match self.reply_by.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(day) => match Date::parse(day) {
                Err(_) => {
                    problems.push(("reply_by", StaffError::ReplyByInvalid));
                    None
                }
                Ok(day) if day < today => {
                    problems.push(("reply_by", StaffError::ReplyByPast));
                    None
                }
                Ok(_) if self.kind == Some(MessageKind::Info) => {
                    problems.push(("reply_by", StaffError::ReplyByNotAsked));
                    None
                }
                Ok(day) => Some(day),
            },
        };
        match (self.kind, text) {
            (Some(kind), Some(text)) if problems.is_empty() => Ok(CheckedMessage {
                kind,
                text,
                reply_by,
            }),
            _ => Err(problems),
        }
    }
}

/// The body of `POST /api/v1/staff/cases/{id}/notes`: an internal note, never shown to the
/// applicant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NoteRequest {
    /// 1–2000 characters.
    pub text: Option<String>,
}

impl NoteRequest {
    pub fn parse(&self) -> Result<String, Problems> {
        let mut problems = Problems::new();
        match required(&self.text, MAX_MESSAGE_CHARS, "text", &mut problems) {
            Some(text) if problems.is_empty() => Ok(text),
            _ => Err(problems),
        }
    }
}

/// One request in the case queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    /// The request's id in the staff routes (`/api/v1/staff/cases/{id}`).
    pub id: i64,
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub right_type: RightType,
    pub status: RequestStatus,
    /// The username of the case handler it is assigned to.
    pub assignee: Option<String>,
    /// That handler's name, as the workbench shows them.
    #[serde(default)]
    pub assignee_name: Option<String>,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    pub submitted_on: Date,
    /// The next step and its last day (the same as the applicant sees); `None` once closed.
    pub next_deadline: Option<Deadline>,
    /// Working days from today to the deadline's day: 0 when due today, negative when overdue
    /// (working days since); `None` without a deadline or when the calendar is not published.
    pub working_days_left: Option<i32>,
    /// The deadline's day is before today.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseList {
    /// Oldest submission first (the queue's order).
    pub items: Vec<CaseSummary>,
    /// How many match the filters, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
}

/// An internal note on a case: staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseNote {
    pub id: i64,
    pub author: String,
    pub text: String,
    /// RFC 3339, +08:00.
    pub at: String,
}

/// A request as staff see it: everything, unmasked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// The applicant's checked answers as submitted, personal numbers in full.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: AssistanceRequest,
    /// Evidence submitted with the request and files sent with replies (not the files the
    /// applicant has uploaded but not sent yet). Download with `.../files/{file_id}`.
    pub files: Vec<EvidenceFile>,
    /// The applicant's timeline, oldest first.
    pub timeline: Vec<TimelineEvent>,
    /// Messages to the applicant and their replies, oldest first.
    pub messages: Vec<CenterMessage>,
    /// Internal notes, oldest first.
    pub notes: Vec<CaseNote>,
    /// Where the case can go from here ([`allowed_transitions`]).
    pub allowed_transitions: Vec<RequestStatus>,
    /// The center's today (Asia/Shanghai), which the forms check dates against as the server
    /// does.
    pub today: Date,
    /// The request's personal data was deleted under the retention rule (the answers keep the
    /// right's type, the dates and the help asked for; names and numbers are empty).
    #[serde(default)]
    pub anonymised: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transition_table_follows_the_status_model() {
        use RequestStatus::*;
        assert_eq!(allowed_transitions(Submitted), [InitialReview]);
        assert_eq!(allowed_transitions(InitialReview), [Accepted, Rejected]);
        assert_eq!(allowed_transitions(Accepted), [Assisting]);
        assert_eq!(allowed_transitions(Assisting), [Concluded]);
        for closed in [Rejected, Concluded, Withdrawn, Rated] {
            assert!(allowed_transitions(closed).is_empty());
        }
        // Nobody moves a request back to submitted or withdraws it for the applicant.
        for from in RequestStatus::ALL {
            assert!(!allowed_transitions(*from).contains(&Submitted));
            assert!(!allowed_transitions(*from).contains(&Withdrawn));
            // Rating is the applicant's, never a staff transition.
            assert!(!allowed_transitions(*from).contains(&Rated));
        }
    }

    #[test]
    fn a_refusal_needs_a_reason_and_a_conclusion_an_outcome() {
        let t = |to, reason: Option<&str>, outcome: Option<&str>| TransitionRequest {
            to: Some(to),
            reason: reason.map(str::to_owned),
            outcome: outcome.map(str::to_owned),
        };
        assert_eq!(
            t(RequestStatus::Rejected, None, None).parse(),
            Err(vec![("reason", StaffError::ReasonRequired)])
        );
        assert_eq!(
            t(RequestStatus::Rejected, Some("  不属于援助范围 "), None).parse(),
            Ok((RequestStatus::Rejected, Some("不属于援助范围".to_owned())))
        );
        assert_eq!(
            t(RequestStatus::Concluded, Some("x"), None).parse(),
            Err(vec![
                ("outcome", StaffError::OutcomeRequired),
                ("reason", StaffError::NotUsedHere)
            ])
        );
        assert_eq!(
            t(RequestStatus::Accepted, None, None).parse(),
            Ok((RequestStatus::Accepted, None))
        );
        assert_eq!(
            TransitionRequest::default().parse(),
            Err(vec![("to", StaffError::StatusMissing)])
        );
    }

    #[test]
    fn a_request_for_more_material_may_say_by_when() {
        let today = Date::parse("2026-11-20").unwrap();
        let m = |kind, reply_by: Option<&str>| MessageRequest {
            kind: Some(kind),
            text: Some("请补充购买凭证。".into()),
            reply_by: reply_by.map(str::to_owned),
        };
        let more = MessageKind::MoreMaterialRequested;
        assert_eq!(
            m(more, Some(" 2026-11-20 ")).parse(today).unwrap().reply_by,
            Some(today)
        );
        assert_eq!(m(more, Some("")).parse(today).unwrap().reply_by, None);
        assert_eq!(m(more, None).parse(today).unwrap().reply_by, None);
        assert_eq!(
            m(more, Some("2026-11-19")).parse(today),
            Err(vec![("reply_by", StaffError::ReplyByPast)])
        );
        assert_eq!(
            m(more, Some("20.12.2026")).parse(today),
            Err(vec![("reply_by", StaffError::ReplyByInvalid)])
        );
        assert_eq!(
            m(MessageKind::Info, Some("2026-12-01")).parse(today),
            Err(vec![("reply_by", StaffError::ReplyByNotAsked)])
        );
    }
}
