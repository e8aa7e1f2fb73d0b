//! Limits and time limits of rights-assistance requests: file counts and sizes, text lengths,
//! how long drafts live and how many (working) days each step of the review may take.

/// Evidence files on one draft (the authorisation letter included), and files in one reply.
pub const MAX_FILES: usize = 10;
/// Largest file accepted (shared by every upload).
pub use crate::api::files::MAX_FILE_BYTES;
/// Files uploaded for a reply and not yet sent with one, per request.
pub const MAX_STAGED_FILES: usize = 10;
/// Withdrawing within this many seconds of submitting takes one click and no reason
/// (适老化 spec: legal submissions can be withdrawn within 10 minutes).
pub const ONE_CLICK_WITHDRAW_SECS: i64 = 10 * 60;
/// A draft is kept this many days after it was last saved, then deleted with its files.
pub const DRAFT_TTL_DAYS: i64 = 30;
/// Initial review (初审) within 5 working days of submission.
pub const INITIAL_REVIEW_WORKING_DAYS: u32 = 5;
/// Decision to accept or not (受理/不予受理) within 15 working days, counted here from submission.
pub const ACCEPTANCE_DECISION_WORKING_DAYS: u32 = 15;
/// Results within 90 (calendar) days of acceptance (120 for complex cases, which staff decide).
pub const RESULT_DAYS: u32 = 90;

pub const MAX_PERSON_NAME_CHARS: usize = 40;
pub const MAX_ORGANISATION_NAME_CHARS: usize = 100;
pub const MAX_HOLDER_CHARS: usize = 100;
pub const MAX_TITLE_CHARS: usize = 100;
pub const MAX_REGISTRATION_NUMBER_CHARS: usize = 50;
pub const MAX_OTHER_PARTY_NAME_CHARS: usize = 100;
pub const MAX_ADDRESS_CHARS: usize = 200;
pub const MAX_LINK_CHARS: usize = 500;
pub const MAX_PLACE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
pub const MAX_OTHER_ACTIONS_CHARS: usize = 1000;
pub const MAX_HELP_NOTES_CHARS: usize = 500;
pub const MAX_REASON_CHARS: usize = 500;
pub const MAX_REPLY_CHARS: usize = 2000;
/// File names are cut to this many characters when stored (shared by every upload).
pub use crate::api::files::MAX_FILE_NAME_CHARS;
/// Estimated loss, in yuan: up to 13 digits before the decimal point.
pub(super) const MAX_LOSS_FEN: i64 = 10_000_000_000_000 * 100 - 1;
