//! The views of drafts and requests as their applicant sees them, built from the rows of
//! [`super`] (and the rating's state): the draft with its task list, the tracked request.

use anyhow::Context;
use portal_domain::api::assistance::{
    format_yuan, next_deadline, section_reports, ApplicantView, AssistanceDetails,
    AssistanceTracking, CenterMessage, DraftContext, DraftView, EvidenceFile, FactsView, GiId,
    MessageReply, RequestStatus, SectionStatus, SubmittedDraft, TimelineEvent,
    ONE_CLICK_WITHDRAW_SECS,
};
use portal_domain::calendar::Date;
use portal_domain::reference::AssistanceReference;
use portal_domain::time::format_shanghai;
use portal_domain::Lang;
use sqlx::AnyConnection;

use crate::clock::shanghai_date;
use crate::error::ApiError;
use crate::rating::{self, Service};
use crate::AppState;

use super::{self as store, DraftRow, FileRow, RequestRow};

/// A draft with its files and the task list.
pub(crate) async fn draft_view(
    state: &AppState,
    conn: &mut AnyConnection,
    row: &DraftRow,
    lang: Lang,
    now: i64,
) -> Result<DraftView, ApiError> {
    let files = views(&store::draft_files(conn, row.id).await?)?;
    let draft = row.draft();
    let sections = {
        let gi_exists = |id: &GiId| state.gi.find(id.as_str()).is_some();
        let context = DraftContext {
            today: shanghai_date(now)?,
            files: &files,
            gi_exists: &gi_exists,
        };
        section_reports(&draft, &context, lang)
    };
    let submitted = match row.request_id {
        None => None,
        Some(id) => {
            let request = store::request_by_id(conn, id)
                .await?
                .context("the request of a submitted draft")
                .map_err(ApiError::Internal)?;
            Some(SubmittedDraft {
                reference: shown_reference(&request.reference),
                submitted_at: format_shanghai(request.submitted_at),
            })
        }
    };
    Ok(DraftView {
        ready_to_submit: submitted.is_none()
            && sections
                .iter()
                .all(|s| s.status == SectionStatus::Completed),
        draft,
        files,
        sections,
        created_at: format_shanghai(row.created_at),
        updated_at: format_shanghai(row.updated_at),
        expires_at: format_shanghai(row.expires_at),
        submitted,
    })
}

/// A request as its applicant tracks it; `full` adds the answers and files (tracking link)
/// and shows the name unmasked.
pub(crate) async fn tracking(
    state: &AppState,
    conn: &mut AnyConnection,
    row: &RequestRow,
    now: i64,
) -> Result<AssistanceTracking, ApiError> {
    let answers = row.answers().map_err(ApiError::Internal)?;
    let status = row.status().map_err(ApiError::Internal)?;
    let submitted_on = Date::parse(&row.submitted_on)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("request {}: {e}", row.id)))?;
    let mut timeline = Vec::new();
    for event in store::events(conn, row.id).await? {
        timeline.push(TimelineEvent {
            status: RequestStatus::from_code(&event.status)
                .with_context(|| format!("request {}: bad event status", row.id))
                .map_err(ApiError::Internal)?,
            at: format_shanghai(event.at),
            date: shanghai_date(event.at)?,
            note: event.note,
        });
    }
    // 已评价: the last step once the applicant has rated the concluded request.
    let rated = rating::state(conn, Service::Request(row.id)).await?;
    if let Some(at) = rated.rated_at {
        timeline.push(TimelineEvent {
            status: RequestStatus::Rated,
            at: format_shanghai(at),
            date: shanghai_date(at)?,
            note: None,
        });
    }
    let accepted_on = timeline
        .iter()
        .rev()
        .find(|e| e.status == RequestStatus::Accepted)
        .map(|e| e.date);
    let files = store::request_files(conn, row.id).await?;
    let mut messages = Vec::new();
    for message in store::messages(conn, row.id).await? {
        let reply = match message.replied_at {
            None => None,
            Some(sent_at) => Some(MessageReply {
                text: message.reply_text.clone(),
                sent_at: format_shanghai(sent_at),
                files: views(
                    &files
                        .iter()
                        .filter(|f| f.message_id == Some(message.id))
                        .cloned()
                        .collect::<Vec<_>>(),
                )?,
            }),
        };
        messages.push(CenterMessage {
            id: message.id,
            kind: message.kind().map_err(ApiError::Internal)?,
            sent_at: format_shanghai(message.sent_at),
            text: message.body.clone(),
            can_reply: reply.is_none() && !status.is_closed(),
            reply,
            reply_by: message.reply_by().map_err(ApiError::Internal)?,
        });
    }
    let in_window = now - row.submitted_at <= ONE_CLICK_WITHDRAW_SECS;
    let withdrawable = status.withdrawable();
    let applicant = &answers.applicant;
    let details = {
        let by_role = |role: &str| -> Result<Vec<EvidenceFile>, ApiError> {
            views(
                &files
                    .iter()
                    .filter(|f| f.role == role)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        };
        AssistanceDetails {
            other_party: answers.other_party.clone(),
            facts: FactsView {
                description: answers.facts.description.clone(),
                discovered_on: answers.facts.discovered_on,
                estimated_loss: answers.facts.estimated_loss_fen.map(format_yuan),
                other_actions: answers.facts.other_actions.clone(),
            },
            help: answers.help.clone(),
            evidence: by_role("evidence")?,
            staged_files: by_role("staged")?,
        }
    };
    Ok(AssistanceTracking {
        reference: shown_reference(&row.reference),
        status,
        submitted_at: format_shanghai(row.submitted_at),
        initial_review_due: row
            .initial_review_due
            .as_deref()
            .and_then(|d| Date::parse(d).ok()),
        applicant: ApplicantView {
            kind: applicant.kind,
            name: applicant.name.clone(),
            resident_id: applicant.resident_id.as_ref().map(|id| id.masked()),
            uscc: applicant.uscc.as_ref().map(|uscc| uscc.masked()),
            contact_name: applicant.contact_name.clone(),
            mobile: applicant
                .mobile
                .as_ref()
                .map_or_else(String::new, |m| m.masked()),
            acting_for_someone_else: applicant.acting_for_someone_else,
            representative_name: applicant.representative_name.clone(),
        },
        right: answers.right.clone(),
        timeline,
        next_deadline: next_deadline(&state.calendar(), status, submitted_on, accepted_on),
        messages,
        withdrawable,
        withdraw_needs_reason: !in_window,
        one_click_withdraw_until: (withdrawable && in_window)
            .then(|| format_shanghai(row.submitted_at + ONE_CLICK_WITHDRAW_SECS)),
        details: Some(details),
        can_rate: rated.can_rate,
        rating: rated.rating,
        anonymised: row.anonymised_at.is_some(),
    })
}

pub(crate) fn views(rows: &[FileRow]) -> Result<Vec<EvidenceFile>, ApiError> {
    rows.iter()
        .map(|row| row.view().map_err(ApiError::Internal))
        .collect()
}

/// `WQ-XXXX-XXXX` from the stored 8 characters.
pub(crate) fn shown_reference(compact: &str) -> String {
    AssistanceReference::parse(compact).map_or_else(|_| compact.to_owned(), |r| r.to_string())
}
