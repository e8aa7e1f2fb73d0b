//! Requests about a submitted request: looking it up by reference and mobile number, getting a
//! new tracking link, withdrawing it and replying to a message from the center.

use serde::{Deserialize, Serialize};

use super::answers::{optional_text, Applicant, Check, Problems};
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

/// The body of `POST /api/v1/assistance/requests/new-link`: someone who lost the tracking link
/// proves, besides the reference and the mobile number, a second fact given in the application
/// (the last 6 characters of the resident ID number or of the unified social credit code) and
/// gets a new link; the old one stops working.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NewLinkRequest {
    pub reference: Option<String>,
    pub mobile: Option<String>,
    /// The last 6 characters of the ID number or credit code (spaces and case do not matter).
    pub id_tail: Option<String>,
}

impl NewLinkRequest {
    pub fn parse(&self) -> Result<(AssistanceReference, MobileNumber, IdTail), Problems> {
        let lookup = AssistanceLookupRequest {
            reference: self.reference.clone(),
            mobile: self.mobile.clone(),
        };
        let found = lookup.parse();
        let mut check = Check::default();
        let tail = check.take(
            "id_tail",
            IdTail::parse(self.id_tail.as_deref().unwrap_or("")),
        );
        match (found, check.done(tail)) {
            (Ok((reference, mobile)), Ok(tail)) => Ok((reference, mobile, tail)),
            (Err(mut problems), Err(more)) => {
                problems.extend(more);
                Err(problems)
            }
            (Err(problems), _) | (_, Err(problems)) => Err(problems),
        }
    }
}

/// The answer to [`NewLinkRequest`]: the new tracking token (the page is
/// `/assistance/requests/{token}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLink {
    pub token: String,
}

/// The last 6 characters of an identity number, upper case: what [`NewLinkRequest`] proves.
#[derive(Clone, PartialEq, Eq)]
pub struct IdTail(String);

pub const ID_TAIL_CHARS: usize = 6;

impl IdTail {
    pub fn parse(input: &str) -> Result<IdTail, AssistanceError> {
        let tail: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if tail.is_empty() {
            Err(AssistanceError::IdTailMissing)
        } else if tail.chars().count() != ID_TAIL_CHARS
            || !tail.chars().all(|c| c.is_ascii_alphanumeric())
        {
            Err(AssistanceError::IdTailFormat)
        } else {
            Ok(IdTail(tail))
        }
    }

    /// Whether the applicant's ID number or credit code ends with it.
    pub fn proves(&self, applicant: &Applicant) -> bool {
        let id = applicant.resident_id.as_ref().map(|id| id.as_str());
        let code = applicant.uscc.as_ref().map(|code| code.as_str());
        [id, code]
            .into_iter()
            .flatten()
            .any(|number| number.ends_with(&self.0))
    }
}

/// Never shows the characters (they are part of a personal number).
impl std::fmt::Debug for IdTail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdTail(******)")
    }
}

/// Whether an applicant gave a number that [`IdTail`] can prove.
pub fn has_second_fact(applicant: &Applicant) -> bool {
    applicant.resident_id.is_some() || applicant.uscc.is_some()
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
    fn a_new_link_needs_the_reference_the_mobile_and_six_characters_of_an_id() {
        let request = |tail: &str| NewLinkRequest {
            reference: Some("WQ-K7QX-M2PD".into()),
            mobile: Some("13800138000".into()),
            id_tail: Some(tail.into()),
        };
        let (_, _, tail) = request(" 01 007x ").parse().unwrap();
        assert_eq!(format!("{tail:?}"), "IdTail(******)");
        let codes_of = |r: NewLinkRequest| r.parse().map(|_| ()).map_err(|e| codes(&e));
        assert_eq!(
            codes_of(request("")),
            Err(vec![("id_tail", "assistance.id_tail_missing")])
        );
        assert_eq!(
            codes_of(request("0071")),
            Err(vec![("id_tail", "assistance.id_tail_format")])
        );
        assert_eq!(
            codes_of(request("00-71X")),
            Err(vec![("id_tail", "assistance.id_tail_format")])
        );
        // Every field's problem at once.
        let all = codes_of(NewLinkRequest::default()).unwrap_err();
        assert_eq!(all.len(), 3, "{all:?}");

        let person = |id: Option<&str>, code: Option<&str>| Applicant {
            kind: super::super::choices::ApplicantKind::Individual,
            name: "王丽".into(),
            resident_id: id.map(|id| crate::ids::ResidentId::parse(id).unwrap()),
            uscc: code.map(|c| crate::ids::Uscc::parse(c).unwrap()),
            contact_name: None,
            mobile: Some(MobileNumber::parse("13800138000").unwrap()),
            acting_for_someone_else: false,
            representative_name: None,
        };
        let with_id = person(Some("360426199101010071"), None);
        assert!(IdTail::parse("010071").unwrap().proves(&with_id));
        assert!(!IdTail::parse("010072").unwrap().proves(&with_id));
        let firm = person(None, Some("91110000600037341L"));
        assert!(IdTail::parse("37341l").unwrap().proves(&firm));
        assert!(!IdTail::parse("010071").unwrap().proves(&firm));
        let neither = person(None, None);
        assert!(!has_second_fact(&neither));
        assert!(!IdTail::parse("010071").unwrap().proves(&neither));
    }

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
