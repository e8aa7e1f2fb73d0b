//! Requests about a submitted request: looking it up by reference and mobile number,
//! withdrawing it and replying to a message from the center.

use serde::{Deserialize, Serialize};

use super::answers::{optional_text, Check, Problems};
use super::errors::AssistanceError;
use super::limits::{MAX_FILES, MAX_REASON_CHARS, MAX_REPLY_CHARS};
use crate::ids::MobileNumber;
use crate::reference::AssistanceReference;

/// The body of `POST /api/v1/assistance/requests/lookup`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssistanceLookupRequest {
    /// `WQ-K7QX-M2PD` (the prefix, case, spaces and hyphens do not matter).
    pub reference: Option<String>,
    /// The mobile number given in the application.
    pub mobile: Option<String>,
}

impl AssistanceLookupRequest {
    pub fn parse(&self) -> Result<(AssistanceReference, MobileNumber), Problems> {
        let mut check = Check::default();
        let reference = check.take(
            "reference",
            AssistanceReference::parse(self.reference.as_deref().unwrap_or("")),
        );
        let mobile = check.take(
            "mobile",
            MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
                .map_err(AssistanceError::Mobile),
        );
        check.done(reference.zip(mobile))
    }
}

/// The body of `POST /api/v1/assistance/requests/{token}/withdraw`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct WithdrawRequest {
    /// Needed more than 10 minutes after submitting; at most 500 characters.
    pub reason: Option<String>,
}

impl WithdrawRequest {
    /// The tidied reason; `needs_reason` makes a missing one an error.
    pub fn parse(&self, needs_reason: bool) -> Result<Option<String>, Problems> {
        let mut check = Check::default();
        let reason = check.take(
            "reason",
            optional_text(&self.reason, MAX_REASON_CHARS).and_then(|reason| match reason {
                None if needs_reason => Err(AssistanceError::WithdrawReasonMissing),
                reason => Ok(reason),
            }),
        );
        check.done(reason)
    }
}

/// The body of `POST /api/v1/assistance/requests/{token}/messages/{id}/reply`: words, files
/// uploaded with `POST .../requests/{token}/files`, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReplyRequest {
    /// At most 2000 characters.
    pub text: Option<String>,
    /// Ids of files uploaded to this request and not yet sent, at most 10.
    pub files: Vec<i64>,
}

impl ReplyRequest {
    /// The tidied text and the file ids (each once, in the order given).
    pub fn parse(&self) -> Result<(Option<String>, Vec<i64>), Problems> {
        let mut check = Check::default();
        let text = check.take("text", optional_text(&self.text, MAX_REPLY_CHARS));
        let mut files = Vec::new();
        for id in &self.files {
            if !files.contains(id) {
                files.push(*id);
            }
        }
        if files.len() > MAX_FILES {
            check
                .problems
                .push(("files", AssistanceError::TooManyFiles));
        }
        if let Some(None) = text {
            if files.is_empty() {
                check.problems.push(("text", AssistanceError::ReplyEmpty));
            }
        }
        check.done(text.map(|text| (text, files)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{codes, s};
    use super::*;

    #[test]
    fn withdrawals_and_replies() {
        let reason = |r: Option<&str>, needs: bool| {
            WithdrawRequest {
                reason: r.map(str::to_owned),
            }
            .parse(needs)
            .map_err(|e| codes(&e))
        };
        assert_eq!(reason(None, false), Ok(None));
        assert_eq!(reason(Some("  已和解 "), true), Ok(s("已和解")));
        assert_eq!(
            reason(Some(" "), true),
            Err(vec![("reason", "assistance.withdraw_reason_missing")])
        );
        assert_eq!(
            reason(Some(&"字".repeat(501)), false),
            Err(vec![("reason", "assistance.too_long")])
        );
        let reply = |text: Option<&str>, files: Vec<i64>| {
            ReplyRequest {
                text: text.map(str::to_owned),
                files,
            }
            .parse()
            .map_err(|e| codes(&e))
        };
        assert_eq!(
            reply(Some("见附件"), vec![3, 3, 4]),
            Ok((s("见附件"), vec![3, 4]))
        );
        assert_eq!(reply(None, vec![3]), Ok((None, vec![3])));
        assert_eq!(
            reply(Some(" "), vec![]),
            Err(vec![("text", "assistance.reply_empty")])
        );
        assert_eq!(
            reply(None, (1..=11).collect()),
            Err(vec![("files", "assistance.too_many_files")])
        );
    }
}
