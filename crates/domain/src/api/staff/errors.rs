//! What can be wrong with one field of a staff request, with its code and messages in both
//! languages, and the text checks that report it.

use crate::lang::localized_error;
use crate::text::{clean_text, TextProblem};

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
    DisplayNameMissing,
    RolesMissing,
    StatusMissing,
    ReasonRequired,
    OutcomeRequired,
    NotUsedHere,
    MessageKindMissing,
    TextMissing,
    TextTooLong,
    ControlCharacter,
    AssigneeUnknown,
}

impl StaffError {
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        use StaffError::*;
        match self {
            UsernameMissing => (
                "staff.username_missing",
                "请输入用户名。",
                "Enter the username.",
            ),
            UsernameInvalid => (
                "staff.username_invalid",
                "用户名为 1 至 32 个小写英文字母、数字或 . _ -。",
                "A username is 1 to 32 lower-case letters, digits or . _ -.",
            ),
            PasswordMissing => (
                "staff.password_missing",
                "请输入密码。",
                "Enter the password.",
            ),
            PasswordTooShort => (
                "staff.password_too_short",
                "密码至少 12 个字符。",
                "A password has at least 12 characters.",
            ),
            PasswordTooLong => (
                "staff.password_too_long",
                "密码最多 200 个字符。",
                "A password has at most 200 characters.",
            ),
            DisplayNameMissing => (
                "staff.display_name_missing",
                "请输入显示名称。",
                "Enter the name to show.",
            ),
            RolesMissing => (
                "staff.roles_missing",
                "请至少选择一个角色。",
                "Choose at least one role.",
            ),
            StatusMissing => (
                "staff.status_missing",
                "请选择新的状态。",
                "Choose the new status.",
            ),
            ReasonRequired => (
                "staff.reason_required",
                "不予受理需要说明理由，申请人会看到这一理由。",
                "Not accepting needs a reason; the applicant will see it.",
            ),
            OutcomeRequired => (
                "staff.outcome_required",
                "办结需要写明处理结果，申请人会看到这一结果。",
                "Concluding needs the outcome; the applicant will see it.",
            ),
            NotUsedHere => (
                "staff.not_used_here",
                "这一状态变更不需要填写此项。",
                "This change of status does not take this answer.",
            ),
            MessageKindMissing => (
                "staff.message_kind_missing",
                "请选择消息类型。",
                "Choose the kind of message.",
            ),
            TextMissing => ("staff.text_missing", "请填写内容。", "Enter the text."),
            TextTooLong => ("staff.text_too_long", "内容太长。", "The text is too long."),
            ControlCharacter => (
                "staff.control_character",
                "内容中有无法识别的字符。",
                "The text contains characters that cannot be used.",
            ),
            AssigneeUnknown => (
                "staff.assignee_unknown",
                "没有这个承办人（需为启用的案件承办人账号）。",
                "There is no such case handler (it must be an active case handler account).",
            ),
        }
    }
}

localized_error!(StaffError);
