//! What can be wrong with a field of a draft, a lookup, a withdrawal or a reply, with its code
//! and its messages (in `locales/*/domain_assistance.toml`).

use super::choices::RightType;
use crate::calendar::DateError;
use crate::ids::{
    MobileNumberError, PatentKind, PatentNumberError, ResidentIdError, TrademarkNumberError,
    UsccError,
};
use crate::lang::{Lang, Localized};
use crate::texts::{assistance_error_texts, AssistanceErrorTexts};

/// What is wrong with one field of a draft, a lookup, a withdrawal or a reply. Codes start
/// with `assistance.`, except those of the wrapped identifier and date errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssistanceError {
    /// Too long: at most `max` characters.
    TooLong {
        max: usize,
    },
    /// A control character (other than line breaks and tabs in long text).
    ControlCharacter,
    ApplicantKindMissing,
    ApplicantKindUnknown,
    PersonNameMissing,
    OrganisationNameMissing,
    ResidentId(ResidentIdError),
    Uscc(UsccError),
    ContactNameMissing,
    Mobile(MobileNumberError),
    ActingMissing,
    RepresentativeNameMissing,
    RightTypeMissing,
    RightTypeUnknown,
    PatentNumber(PatentNumberError),
    /// The type digit of the application number is another kind of patent than the one chosen.
    PatentKindMismatch {
        number_kind: PatentKind,
        chosen: RightType,
    },
    TrademarkNumber(TrademarkNumberError),
    GiMissing,
    GiFormat,
    /// Well-formed, but not a product of the GI lookup.
    GiUnknown,
    RegistrationNumberMissing,
    HolderMissing,
    LegalStatusMissing,
    LegalStatusUnknown,
    /// "Not registered" for a right that exists only once granted or registered.
    LegalStatusNotPossible,
    OtherPartyNameMissing,
    AddressOrLinkMissing,
    LinkInvalid,
    PlaceMissing,
    DescriptionMissing,
    DiscoveredOnMissing,
    Date(DateError),
    DiscoveredInFuture,
    LossInvalid,
    LossTooLarge,
    AssistanceTypeMissing,
    AssistanceTypeUnknown,
    TooManyFiles,
    AuthorisationLetterMissing,
    EvidenceNotConfirmed,
    DeclarationMissing,
    ReferenceMissing,
    ReferenceFormat,
    /// No last characters of an ID number or credit code given (a new tracking link).
    IdTailMissing,
    /// Not 6 letters and digits.
    IdTailFormat,
    WithdrawReasonMissing,
    ReplyEmpty,
    /// A file id in a reply that is not a file uploaded to this request and not yet sent.
    ReplyFileUnknown,
}

impl AssistanceError {
    /// Whether this only says an answer is still missing (the section is then "in progress"),
    /// rather than that an answer given is wrong ("there is a problem").
    pub fn is_missing(&self) -> bool {
        use AssistanceError as E;
        matches!(
            self,
            E::ApplicantKindMissing
                | E::PersonNameMissing
                | E::OrganisationNameMissing
                | E::ContactNameMissing
                | E::ActingMissing
                | E::RepresentativeNameMissing
                | E::RightTypeMissing
                | E::GiMissing
                | E::RegistrationNumberMissing
                | E::HolderMissing
                | E::LegalStatusMissing
                | E::OtherPartyNameMissing
                | E::AddressOrLinkMissing
                | E::PlaceMissing
                | E::DescriptionMissing
                | E::DiscoveredOnMissing
                | E::AssistanceTypeMissing
                | E::AuthorisationLetterMissing
                | E::EvidenceNotConfirmed
                | E::DeclarationMissing
                | E::ReferenceMissing
                | E::IdTailMissing
                | E::WithdrawReasonMissing
                | E::ReplyEmpty
                | E::ResidentId(ResidentIdError::Empty)
                | E::Uscc(UsccError::Empty)
                | E::Mobile(MobileNumberError::Empty)
                | E::PatentNumber(PatentNumberError::Empty)
                | E::TrademarkNumber(TrademarkNumberError::Empty)
                | E::Date(DateError::Empty)
        )
    }

    /// The code and message of the errors that are neither wrapped nor depend on a value.
    fn static_texts(&self, t: &AssistanceErrorTexts) -> (&'static str, &'static str) {
        use AssistanceError as E;
        match self {
            E::ControlCharacter => (
                "assistance.control_character",
                t.assistance_control_character,
            ),
            E::ApplicantKindMissing => (
                "assistance.applicant_kind_missing",
                t.assistance_applicant_kind_missing,
            ),
            E::ApplicantKindUnknown => (
                "assistance.applicant_kind_unknown",
                t.assistance_applicant_kind_unknown,
            ),
            E::PersonNameMissing => ("assistance.name_missing", t.assistance_name_missing),
            E::OrganisationNameMissing => (
                "assistance.organisation_name_missing",
                t.assistance_organisation_name_missing,
            ),
            E::ContactNameMissing => (
                "assistance.contact_name_missing",
                t.assistance_contact_name_missing,
            ),
            E::ActingMissing => ("assistance.acting_missing", t.assistance_acting_missing),
            E::RepresentativeNameMissing => (
                "assistance.representative_name_missing",
                t.assistance_representative_name_missing,
            ),
            E::RightTypeMissing => (
                "assistance.right_type_missing",
                t.assistance_right_type_missing,
            ),
            E::RightTypeUnknown => (
                "assistance.right_type_unknown",
                t.assistance_right_type_unknown,
            ),
            E::GiMissing => ("assistance.gi_missing", t.assistance_gi_missing),
            E::GiFormat => ("assistance.gi_format", t.assistance_gi_format),
            E::GiUnknown => ("assistance.gi_unknown", t.assistance_gi_unknown),
            E::RegistrationNumberMissing => (
                "assistance.registration_number_missing",
                t.assistance_registration_number_missing,
            ),
            E::HolderMissing => ("assistance.holder_missing", t.assistance_holder_missing),
            E::LegalStatusMissing => (
                "assistance.legal_status_missing",
                t.assistance_legal_status_missing,
            ),
            E::LegalStatusUnknown => (
                "assistance.legal_status_unknown",
                t.assistance_legal_status_unknown,
            ),
            E::LegalStatusNotPossible => (
                "assistance.legal_status_not_possible",
                t.assistance_legal_status_not_possible,
            ),
            E::OtherPartyNameMissing => (
                "assistance.other_party_name_missing",
                t.assistance_other_party_name_missing,
            ),
            E::AddressOrLinkMissing => (
                "assistance.address_or_link_missing",
                t.assistance_address_or_link_missing,
            ),
            E::LinkInvalid => ("assistance.link_invalid", t.assistance_link_invalid),
            E::PlaceMissing => ("assistance.place_missing", t.assistance_place_missing),
            E::DescriptionMissing => (
                "assistance.description_missing",
                t.assistance_description_missing,
            ),
            E::DiscoveredOnMissing => (
                "assistance.discovered_on_missing",
                t.assistance_discovered_on_missing,
            ),
            E::DiscoveredInFuture => (
                "assistance.discovered_in_future",
                t.assistance_discovered_in_future,
            ),
            E::LossInvalid => ("assistance.loss_invalid", t.assistance_loss_invalid),
            E::LossTooLarge => ("assistance.loss_too_large", t.assistance_loss_too_large),
            E::AssistanceTypeMissing => (
                "assistance.assistance_type_missing",
                t.assistance_assistance_type_missing,
            ),
            E::AssistanceTypeUnknown => (
                "assistance.assistance_type_unknown",
                t.assistance_assistance_type_unknown,
            ),
            E::TooManyFiles => ("assistance.too_many_files", t.assistance_too_many_files),
            E::AuthorisationLetterMissing => (
                "assistance.authorisation_letter_missing",
                t.assistance_authorisation_letter_missing,
            ),
            E::EvidenceNotConfirmed => (
                "assistance.evidence_not_confirmed",
                t.assistance_evidence_not_confirmed,
            ),
            E::DeclarationMissing => (
                "assistance.declaration_missing",
                t.assistance_declaration_missing,
            ),
            E::ReferenceMissing => (
                "assistance.reference_missing",
                t.assistance_reference_missing,
            ),
            E::ReferenceFormat => ("assistance.reference_format", t.assistance_reference_format),
            E::IdTailMissing => ("assistance.id_tail_missing", t.assistance_id_tail_missing),
            E::IdTailFormat => ("assistance.id_tail_format", t.assistance_id_tail_format),
            E::WithdrawReasonMissing => (
                "assistance.withdraw_reason_missing",
                t.assistance_withdraw_reason_missing,
            ),
            E::ReplyEmpty => ("assistance.reply_empty", t.assistance_reply_empty),
            E::ReplyFileUnknown => (
                "assistance.reply_file_unknown",
                t.assistance_reply_file_unknown,
            ),
            E::TooLong { .. }
            | E::ResidentId(_)
            | E::Uscc(_)
            | E::Mobile(_)
            | E::PatentNumber(_)
            | E::PatentKindMismatch { .. }
            | E::TrademarkNumber(_)
            | E::Date(_) => ("", ""),
        }
    }
}

fn patent_kind_label(kind: PatentKind, t: &AssistanceErrorTexts) -> &'static str {
    match kind {
        PatentKind::Invention => t.patent_kind_invention,
        PatentKind::UtilityModel => t.patent_kind_utility_model,
        PatentKind::Design => t.patent_kind_design,
        PatentKind::PctInvention => t.patent_kind_pct_invention,
        PatentKind::PctUtilityModel => t.patent_kind_pct_utility_model,
    }
}

impl Localized for AssistanceError {
    fn code(&self) -> &'static str {
        use AssistanceError as E;
        match self {
            E::TooLong { .. } => "assistance.too_long",
            E::ResidentId(e) => e.code(),
            E::Uscc(e) => e.code(),
            E::Mobile(e) => e.code(),
            E::PatentNumber(e) => e.code(),
            E::PatentKindMismatch { .. } => "assistance.patent_kind_mismatch",
            E::TrademarkNumber(e) => e.code(),
            E::Date(e) => e.code(),
            other => other.static_texts(assistance_error_texts(Lang::Zh)).0,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use AssistanceError as E;
        let t = assistance_error_texts(lang);
        match self {
            E::TooLong { max } => t.assistance_too_long(max),
            E::ResidentId(e) => e.message(lang),
            E::Uscc(e) => e.message(lang),
            E::Mobile(e) => e.message(lang),
            E::PatentNumber(e) => e.message(lang),
            E::TrademarkNumber(e) => e.message(lang),
            E::Date(e) => e.message(lang),
            // The chosen kind's label in lower case, as it stands inside the English sentence
            // (a Chinese label has no case).
            E::PatentKindMismatch {
                number_kind,
                chosen,
            } => t.assistance_patent_kind_mismatch(
                patent_kind_label(*number_kind, t),
                chosen.label(lang).to_lowercase(),
            ),
            other => other.static_texts(t).1.to_owned(),
        }
    }
}

impl std::fmt::Display for AssistanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for AssistanceError {}

#[cfg(test)]
mod tests {
    use super::super::choices::{AssistanceType, SectionStatus};
    use super::*;

    #[test]
    fn every_error_has_a_code_and_both_messages() {
        use AssistanceError as E;
        let all = [
            E::TooLong { max: 40 },
            E::ControlCharacter,
            E::ApplicantKindMissing,
            E::ApplicantKindUnknown,
            E::PersonNameMissing,
            E::OrganisationNameMissing,
            E::ContactNameMissing,
            E::ActingMissing,
            E::RepresentativeNameMissing,
            E::RightTypeMissing,
            E::RightTypeUnknown,
            E::PatentKindMismatch {
                number_kind: PatentKind::Design,
                chosen: RightType::InventionPatent,
            },
            E::GiMissing,
            E::GiFormat,
            E::GiUnknown,
            E::RegistrationNumberMissing,
            E::HolderMissing,
            E::LegalStatusMissing,
            E::LegalStatusUnknown,
            E::LegalStatusNotPossible,
            E::OtherPartyNameMissing,
            E::AddressOrLinkMissing,
            E::LinkInvalid,
            E::PlaceMissing,
            E::DescriptionMissing,
            E::DiscoveredOnMissing,
            E::DiscoveredInFuture,
            E::LossInvalid,
            E::LossTooLarge,
            E::AssistanceTypeMissing,
            E::AssistanceTypeUnknown,
            E::TooManyFiles,
            E::AuthorisationLetterMissing,
            E::EvidenceNotConfirmed,
            E::DeclarationMissing,
            E::ReferenceMissing,
            E::ReferenceFormat,
            E::IdTailMissing,
            E::IdTailFormat,
            E::WithdrawReasonMissing,
            E::ReplyEmpty,
            E::ReplyFileUnknown,
        ];
        let mut seen = std::collections::HashSet::new();
        for error in &all {
            let code = error.code();
            assert!(code.starts_with("assistance."), "{code}");
            assert!(seen.insert(code), "duplicate {code}");
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(!zh.is_empty() && !zh.is_ascii(), "{code}: {zh}");
            assert!(!en.is_empty() && en.is_ascii(), "{code}: {en}");
            assert_eq!(error.to_string(), zh);
        }
        // Wrapped errors keep their own code and message.
        let wrapped = E::PatentNumber(PatentNumberError::Empty);
        assert_eq!(wrapped.code(), "patent_number.empty");
        assert!(wrapped.is_missing());
        assert!(!E::PatentNumber(PatentNumberError::WrongLength).is_missing());
        // Every choice's code reads back, and has both labels.
        for kind in SectionStatus::ALL {
            assert_eq!(SectionStatus::from_code(kind.code()), Some(*kind));
            assert!(!kind.label(Lang::Zh).is_ascii() && kind.label(Lang::En).is_ascii());
        }
        for kind in AssistanceType::ALL {
            assert_eq!(AssistanceType::from_code(kind.code()), Some(*kind));
        }
    }
}
