//! Rights-assistance requests (维权援助申请): a person or a firm whose patent, trademark,
//! copyright, GI, trade secret, IC layout design or plant variety is infringed asks the center
//! for help.
//!
//! Applying is a task list of seven sections ([`Section`]): the applicant, the right, the other
//! party, what happened, the help wanted, the evidence and the declaration. The answers are a
//! draft ([`AssistanceDraft`]) that the browser saves to the server as the person types, under a
//! secret draft token; evidence files are uploaded to the draft one by one. Submitting turns the
//! draft into a request with a reference (`WQ-K7QX-M2PD`) and a secret tracking token.
//!
//! The JSON shapes of (all under `/api/v1`)
//! - `POST   /assistance/drafts`                              → 201 [`DraftCreated`]
//! - `GET    /assistance/drafts/{token}`                      → [`DraftView`]
//! - `PUT    /assistance/drafts/{token}`                      [`AssistanceDraft`] → [`DraftView`]
//! - `POST   /assistance/drafts/{token}/files?name=&purpose=` raw file → 201 [`EvidenceFile`]
//! - `GET    /assistance/drafts/{token}/files/{id}`           → the file
//! - `DELETE /assistance/drafts/{token}/files/{id}`           → [`DraftView`]
//! - `POST   /assistance/drafts/{token}/submit` (`Idempotency-Key`) → 201 [`AssistanceSubmitted`]
//! - `POST   /assistance/requests/lookup`                     [`AssistanceLookupRequest`] → [`AssistanceTracking`]
//! - `GET    /assistance/requests/{token}`                    → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/withdraw`           [`WithdrawRequest`] → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/files?name=`        raw file → 201 [`EvidenceFile`]
//! - `DELETE /assistance/requests/{token}/files/{id}`         → [`AssistanceTracking`]
//! - `GET    /assistance/requests/{token}/files/{id}`         → the file
//! - `POST   /assistance/requests/{token}/messages/{id}/reply` [`ReplyRequest`] → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/rating`         [`RatingRequest`](super::rating::RatingRequest) → 201 [`RatingView`](super::rating::RatingView) (see [`super::rating`])
//!
//! and the checks both sides run. Each section of the draft has a `parse` that returns its typed
//! value or `(field, AssistanceError)` pairs, with field names such as `applicant.name` and
//! `right.number`; [`section_status`] turns them into the task list's status, and
//! [`AssistanceRequest::parse`] checks the whole draft before it is submitted. What only the
//! server knows comes in through [`DraftContext`]: today's date (a discovery date cannot be in
//! the future), the uploaded files and whether a GI id is in the GI lookup (the browser passes
//! `&|_| true`: the id was picked from the lookup, and the server checks it again).
//!
//! Statuses ([`RequestStatus`]) follow DOMAIN.md: 已提交 → 初审中 → 已受理 / 不予受理 (with a
//! reason) → 援助中 → 已办结, and 已撤回 when the applicant withdraws. Time limits
//! ([`next_deadline`]) are the local rule quoted there: initial review within 5 working days,
//! the decision to accept or not within 15 working days, results within 90 days. DOMAIN.md does
//! not say from which day the 15 working days count; they are counted here, like the 5, from
//! the day the request was submitted, and the 90 days from the day it was accepted.
//!
//! Personal data: the resident ID, mobile number and USCC are never sent back in full, only
//! masked (`3206**********1234`, `138****5678`, `91************341L`). Error messages never
//! repeat what was typed.

/// The `code` of error answers that are not about one field of a draft (the per-field codes
/// are those of [`AssistanceError`]).
pub mod code {
    /// 400: submit without an `Idempotency-Key` header.
    pub const IDEMPOTENCY_KEY_MISSING: &str = "assistance.idempotency_key_missing";
    /// 400: the key is longer than 128 characters or not printable ASCII.
    pub const IDEMPOTENCY_KEY_INVALID: &str = "assistance.idempotency_key_invalid";
    /// 422: the key was already used to submit a different draft.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "assistance.idempotency_key_reused";
    /// 409: the draft was already submitted (with another key): it cannot be changed, and
    /// submitting it again would make a second request.
    pub const DRAFT_SUBMITTED: &str = "assistance.draft_submitted";
    /// 400: the draft is not complete; `fields` says what to fix (field names such as
    /// `applicant.name`), like `validation_failed`.
    pub const DRAFT_INCOMPLETE: &str = "assistance.draft_incomplete";
    /// 409: the draft (or the reply being prepared) already has [`super::MAX_FILES`] files.
    pub const TOO_MANY_FILES: &str = "assistance.too_many_files";
    /// 409: the request was accepted (or has ended): it can no longer be withdrawn online.
    pub const NOT_WITHDRAWABLE: &str = "assistance.not_withdrawable";
    /// 422: more than 10 minutes after submitting, a withdrawal needs a reason (field `reason`).
    pub const WITHDRAW_REASON_REQUIRED: &str = "assistance.withdraw_reason_required";
    /// 409: the message was already answered (with other words or files).
    pub const ALREADY_REPLIED: &str = "assistance.already_replied";
    /// 409: the request was withdrawn or has ended; nothing can be sent any more.
    pub const REQUEST_CLOSED: &str = "assistance.request_closed";
    /// 409: a file that was sent with a reply cannot be deleted.
    pub const FILE_ALREADY_SENT: &str = "assistance.file_already_sent";
    /// 429 with `Retry-After`: too many new drafts from one client address within an hour
    /// (the server's limit); the browser keeps the answers and tries again.
    pub const DRAFTS_RATE_LIMITED: &str = "assistance.drafts_rate_limited";
    /// 429 with `Retry-After`: too many failed lookups by reference + mobile number. The
    /// count is the booking lookups' (`booking.lookup_rate_limited`): 5 failures an hour for
    /// one reference, 30 from one client address across every lookup route. The answer is the
    /// same whether the reference exists or not; the tracking link is never limited.
    pub const LOOKUP_RATE_LIMITED: &str = "assistance.lookup_rate_limited";
    /// A new tracking link was asked for a request that holds neither an ID number nor a
    /// credit code to prove (said only after the reference and mobile number matched).
    pub const NO_SECOND_FACT: &str = "assistance.no_second_fact";

    crate::api::files::file_codes!("assistance");
}

mod after_submission;
mod answers;
mod applicant;
mod choices;
mod deadlines;
mod draft;
mod errors;
mod facts;
mod files;
mod help;
mod identifiers;
mod limits;
mod other_party;
mod right;
mod sections;
#[cfg(test)]
mod test_fixtures;
mod views;

pub use after_submission::*;
pub use answers::*;
pub use choices::*;
pub use deadlines::*;
pub use draft::*;
pub use errors::*;
pub use facts::*;
pub use files::*;
pub use identifiers::*;
pub use limits::*;
pub use other_party::parse_link;
pub use sections::*;
pub use views::*;
