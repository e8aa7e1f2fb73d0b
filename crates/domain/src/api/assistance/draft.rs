//! The draft: every answer of the seven sections as typed, all optional, so that saving never
//! fails because of what is (not yet) in it.

use serde::{Deserialize, Serialize};

/// The answers so far, every one optional and as typed, so that saving never fails because of
/// what is (not yet) in it. The body of `PUT /api/v1/assistance/drafts/{token}` and part of
/// [`DraftView`](super::DraftView). Unknown keys are dropped. Evidence files are not here: they are uploaded to
/// the draft one by one and listed in [`DraftView::files`](super::DraftView::files).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssistanceDraft {
    pub applicant: ApplicantDraft,
    pub right: RightDraft,
    pub other_party: OtherPartyDraft,
    pub facts: FactsDraft,
    pub help: HelpDraft,
    pub evidence: EvidenceDraft,
    pub declaration: DeclarationDraft,
}

/// Section 1. Which fields count depends on `kind`: an individual gives `name`, `resident_id`
/// and `mobile`; an organisation gives `name` (the organisation's), `uscc`, `contact_name` and
/// `mobile`. The others are kept (someone may switch back) but ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ApplicantDraft {
    /// `individual` or `organisation`.
    pub kind: Option<String>,
    /// The person's name (at most 40 characters) or the organisation's (at most 100).
    pub name: Option<String>,
    /// 公民身份号码 (individuals).
    pub resident_id: Option<String>,
    /// 统一社会信用代码 (organisations).
    pub uscc: Option<String>,
    /// Contact person (organisations), at most 40 characters.
    pub contact_name: Option<String>,
    /// Mainland mobile number: the center calls it, and tracking by reference asks for it.
    pub mobile: Option<String>,
    /// Whether the person filling in acts for the applicant (then a letter of authorisation
    /// must be uploaded as evidence). `null` until answered.
    pub acting_for_someone_else: Option<bool>,
    /// The name of the person acting for the applicant, when `acting_for_someone_else`.
    pub representative_name: Option<String>,
}

/// Section 2.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RightDraft {
    /// A [`RightType`](super::RightType) value, e.g. `invention_patent`.
    #[serde(rename = "type")]
    pub right_type: Option<String>,
    /// Read by the type's [`NumberRule`](super::NumberRule): a patent application number such as
    /// `2012 2 0687633.0`, a trademark number, a GI id such as `GI00842` …
    pub number: Option<String>,
    /// Optional name of the patent, mark or work, at most 100 characters.
    pub title: Option<String>,
    /// The right holder (权利人), at most 100 characters.
    pub holder: Option<String>,
    /// A [`LegalStatus`](super::LegalStatus) value.
    pub legal_status: Option<String>,
}

/// Section 3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OtherPartyDraft {
    /// Name of the person, firm or shop, at most 100 characters.
    pub name: Option<String>,
    /// Postal address; this or `online_link` is needed. At most 200 characters.
    pub address: Option<String>,
    /// Link to the online shop or listing (`http://` or `https://`); a pasted share text is
    /// fine, the link is taken out of it. At most 500 characters.
    pub online_link: Option<String>,
    /// Where the infringement happens (a market, a city, a platform), at most 200 characters.
    pub place: Option<String>,
}

/// Section 4.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FactsDraft {
    /// What happened, at most 2000 characters.
    pub description: Option<String>,
    /// When the infringement was discovered, `YYYY-MM-DD`, not in the future.
    pub discovered_on: Option<String>,
    /// Optional estimated loss in yuan, e.g. `50000` or `12,345.60`.
    pub estimated_loss: Option<String>,
    /// Optional: what has been done already (complaints, letters, a lawsuit), at most 1000
    /// characters.
    pub other_actions: Option<String>,
}

/// Section 5.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HelpDraft {
    /// One or more [`AssistanceType`](super::AssistanceType) values.
    pub types: Vec<String>,
    /// Optional: anything else about the help wanted, at most 500 characters.
    pub notes: Option<String>,
}

/// Section 6: the files are uploaded separately; this only records that the person has said
/// they have added every file they have (evidence is optional, except the letter of
/// authorisation when acting for someone else).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EvidenceDraft {
    pub complete: bool,
}

/// Section 7.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct DeclarationDraft {
    /// "The information I have given is true" (承诺所填信息真实).
    pub accepted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_save_whatever_was_typed() {
        let json = r#"{"applicant": {"kind": "alien", "acting_for_someone_else": null},
                       "help": {"types": ["consultation", "x"]}, "unknown": 1}"#;
        let draft: AssistanceDraft = serde_json::from_str(json).unwrap();
        assert_eq!(draft.applicant.kind.as_deref(), Some("alien"));
        let back = serde_json::to_value(&draft).unwrap();
        assert_eq!(back["right"]["type"], serde_json::Value::Null);
        assert_eq!(back["evidence"]["complete"], false);
        let empty: AssistanceDraft = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, AssistanceDraft::default());
    }
}
