//! What can be wrong with one field of a staff request, with its code and its messages (in
//! `locales/*/domain_staff.toml`), and the text checks that report it.

use crate::lang::localized_error;
use crate::text::{clean_text, TextProblem};
use crate::texts::{staff_error_texts, StaffErrorTexts};

pub(super) fn optional(
    value: &Option<String>,
    max: usize,
    field: &'static str,
    problems: &mut Problems,
) -> Option<String> {
    clean_text(value.as_deref(), max)
        .map_err(|e| problems.push((field, text_error(e))))
        .ok()
        .flatten()
}

pub(super) fn required(
    value: &Option<String>,
    max: usize,
    field: &'static str,
    problems: &mut Problems,
) -> Option<String> {
    match clean_text(value.as_deref(), max) {
        Ok(Some(text)) => Some(text),
        Ok(None) => {
            problems.push((field, StaffError::TextMissing));
            None
        }
        Err(e) => {
            problems.push((field, text_error(e)));
            None
        }
    }
}

pub(super) fn text_error(problem: TextProblem) -> StaffError {
    match problem {
        TextProblem::TooLong => StaffError::TextTooLong,
        TextProblem::Control => StaffError::ControlCharacter,
    }
}

pub type Problems = Vec<(&'static str, StaffError)>;

/// What is wrong with one field of a staff request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffError {
    UsernameMissing,
    UsernameInvalid,
    PasswordMissing,
    PasswordTooShort,
    PasswordTooLong,
    /// Changing one's own password: the current password given is not the account's.
    CurrentPasswordWrong,
    /// Changing one's own password: the new one is the current one.
    PasswordUnchanged,
    DisplayNameMissing,
    RolesMissing,
    StatusMissing,
    ReasonRequired,
    OutcomeRequired,
    NotUsedHere,
    MessageKindMissing,
    /// A reply-by day that is not a date.
    ReplyByInvalid,
    /// A reply-by day before today.
    ReplyByPast,
    /// A reply-by day with a message that asks for nothing.
    ReplyByNotAsked,
    TextMissing,
    TextTooLong,
    ControlCharacter,
    AssigneeUnknown,
}

impl StaffError {
    fn texts(self, t: &StaffErrorTexts) -> (&'static str, &'static str) {
        use StaffError::*;
        match self {
            UsernameMissing => ("staff.username_missing", t.staff_username_missing),
            UsernameInvalid => ("staff.username_invalid", t.staff_username_invalid),
            PasswordMissing => ("staff.password_missing", t.staff_password_missing),
            PasswordTooShort => ("staff.password_too_short", t.staff_password_too_short),
            PasswordTooLong => ("staff.password_too_long", t.staff_password_too_long),
            CurrentPasswordWrong => (
                "staff.current_password_wrong",
                t.staff_current_password_wrong,
            ),
            PasswordUnchanged => ("staff.password_unchanged", t.staff_password_unchanged),
            DisplayNameMissing => ("staff.display_name_missing", t.staff_display_name_missing),
            RolesMissing => ("staff.roles_missing", t.staff_roles_missing),
            StatusMissing => ("staff.status_missing", t.staff_status_missing),
            ReasonRequired => ("staff.reason_required", t.staff_reason_required),
            OutcomeRequired => ("staff.outcome_required", t.staff_outcome_required),
            NotUsedHere => ("staff.not_used_here", t.staff_not_used_here),
            MessageKindMissing => ("staff.message_kind_missing", t.staff_message_kind_missing),
            ReplyByInvalid => ("staff.reply_by_invalid", t.staff_reply_by_invalid),
            ReplyByPast => ("staff.reply_by_past", t.staff_reply_by_past),
            ReplyByNotAsked => ("staff.reply_by_not_asked", t.staff_reply_by_not_asked),
            TextMissing => ("staff.text_missing", t.staff_text_missing),
            TextTooLong => ("staff.text_too_long", t.staff_text_too_long),
            ControlCharacter => ("staff.control_character", t.staff_control_character),
            AssigneeUnknown => ("staff.assignee_unknown", t.staff_assignee_unknown),
        }
    }
}

localized_error!(StaffError, staff_error_texts);
