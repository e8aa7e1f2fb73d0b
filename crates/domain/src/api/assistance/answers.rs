//! The checked, typed answers of a draft and what checking needs (the [`DraftContext`], the
//! list of problems), with the field helpers every section's check uses.

use serde::{Deserialize, Serialize};

use super::choices::{ApplicantKind, AssistanceType, LegalStatus, RightType};
use super::errors::AssistanceError;
use super::files::EvidenceFile;
use super::identifiers::GiId;
use crate::calendar::Date;
use crate::ids::{MobileNumber, ResidentId, Uscc};
use crate::text::{clean_line, clean_text, TextProblem};

/// A checked applicant. `resident_id` is set for individuals, `uscc` and `contact_name` for
/// organisations, `representative_name` when someone acts for the applicant. Once the request's
/// personal data has been deleted under the retention rule (`crate::api::admin::RetentionSettings`)
/// the names are empty and the numbers `None`: `mobile` is `None` only then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub kind: ApplicantKind,
    pub name: String,
    pub resident_id: Option<ResidentId>,
    pub uscc: Option<Uscc>,
    pub contact_name: Option<String>,
    pub mobile: Option<MobileNumber>,
    pub acting_for_someone_else: bool,
    pub representative_name: Option<String>,
}

/// A checked right. `number` is normalised (`201220687633.0`, `12345678`, `GI00842`) and `None`
/// where the type has none or it is optional and was not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Right {
    #[serde(rename = "type")]
    pub right_type: RightType,
    pub number: Option<String>,
    pub title: Option<String>,
    pub holder: String,
    pub legal_status: LegalStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherParty {
    pub name: String,
    pub address: Option<String>,
    pub online_link: Option<String>,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facts {
    pub description: String,
    pub discovered_on: Date,
    /// In fen (1/100 yuan).
    pub estimated_loss_fen: Option<i64>,
    pub other_actions: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Help {
    /// In the order of [`AssistanceType::ALL`], each once.
    pub types: Vec<AssistanceType>,
    pub notes: Option<String>,
}

/// A complete, checked request: what [`AssistanceRequest::parse`] makes of a draft. The
/// evidence is the draft's files; the declaration was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistanceRequest {
    pub applicant: Applicant,
    pub right: Right,
    pub other_party: OtherParty,
    pub facts: Facts,
    pub help: Help,
}

/// What the checks need besides the draft.
pub struct DraftContext<'a> {
    /// Today in Asia/Shanghai.
    pub today: Date,
    /// The files uploaded to the draft.
    pub files: &'a [EvidenceFile],
    /// Whether a GI id names a product of the GI lookup.
    pub gi_exists: &'a (dyn Fn(&GiId) -> bool + Sync),
}

/// The problems of one section or of the whole draft: `(field, error)` in field order.
pub type Problems = Vec<(&'static str, AssistanceError)>;

/// Collects field errors while a section is parsed.
#[derive(Default)]
pub(super) struct Check {
    pub(super) problems: Problems,
}

impl Check {
    pub(super) fn take<T>(
        &mut self,
        field: &'static str,
        result: Result<T, AssistanceError>,
    ) -> Option<T> {
        result.map_err(|e| self.problems.push((field, e))).ok()
    }

    pub(super) fn done<T>(self, value: Option<T>) -> Result<T, Problems> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(self.problems),
        }
    }
}

pub(super) fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

fn text_error(problem: TextProblem, max: usize) -> AssistanceError {
    match problem {
        TextProblem::TooLong => AssistanceError::TooLong { max },
        TextProblem::Control => AssistanceError::ControlCharacter,
    }
}

/// One line (a name): optional; too long or with control characters is an error.
pub(super) fn optional_line(
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>, AssistanceError> {
    clean_line(value.as_deref(), max).map_err(|e| text_error(e, max))
}

pub(super) fn required_line(
    value: &Option<String>,
    max: usize,
    missing: AssistanceError,
) -> Result<String, AssistanceError> {
    optional_line(value, max)?.ok_or(missing)
}

/// Free text with line breaks.
pub(super) fn optional_text(
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>, AssistanceError> {
    clean_text(value.as_deref(), max).map_err(|e| text_error(e, max))
}

pub(super) fn required_text(
    value: &Option<String>,
    max: usize,
    missing: AssistanceError,
) -> Result<String, AssistanceError> {
    optional_text(value, max)?.ok_or(missing)
}
