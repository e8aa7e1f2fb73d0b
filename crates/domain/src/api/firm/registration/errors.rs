//! What can be wrong with one answer of a registration, a review action or the fast track's
//! settings, with its code; the messages are in the `domain_registration` catalog.

use super::material_kind::Material;
use crate::ids::PatentNumberError;
use crate::lang::{localized_error, Localized};
use crate::texts::{registration_error_texts, RegistrationErrorTexts};

/// What is wrong with one field. Codes start with `registration.`, except the wrapped patent
/// number errors' (`patent_number.…`), whose message names the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistrationError {
    /// A question a submission needs, by its `section.field` name.
    Missing(&'static str),
    /// A date not written `YYYY-MM-DD`.
    DateFormat,
    /// The firm's date of establishment is after today.
    EstablishedInFuture,
    NumberTooLarge,
    /// More R&D staff than staff with social insurance.
    MoreRndThanStaff,
    TextTooLong,
    /// Text with characters that cannot be read (control characters).
    ControlCharacter,
    /// A technical field that is not one of the center's.
    UnknownField,
    /// A technical field the center is still extending, which takes no registrations yet.
    FieldNotOpen,
    TooManyPatents,
    PatentNumber(String, PatentNumberError),
    /// The same patent number entered twice.
    PatentRepeated(String),
    /// The settings list no technical field, or too many.
    FieldCount,
    /// A field's code is not lower-case letters, digits and underscores (at most 40).
    FieldCode,
    /// Two fields with one code.
    FieldRepeated,
    /// A field without its Chinese or English name, or one too long.
    FieldName,
    /// An IPC main group not written as `B25F 5/00`, or listed twice.
    FieldIpc,
    /// A Locarno class not written as `06-01`, or listed twice.
    FieldLocarno,
    /// A number above its largest value (or zero where zero makes no sense).
    OutOfRange(u32),
    /// A rule is not met and the firm has not said why it applies anyway.
    ExplanationNeeded,
    DefectsMissing,
    TooManyDefects,
    ReasonMissing,
    /// A cancellation without one of the published reasons.
    CancelReasonMissing,
    /// A material the center requires has no file (at `uploads.<purpose>`).
    MaterialMissing(Material),
    /// The settings list a material twice.
    MaterialRepeated,
}

impl RegistrationError {
    fn texts(&self, t: &RegistrationErrorTexts) -> (&'static str, String) {
        use RegistrationError::*;
        match self {
            Missing(field) => ("registration.missing", missing(t, field).into()),
            DateFormat => (
                "registration.date_format",
                t.registration_date_format.into(),
            ),
            EstablishedInFuture => (
                "registration.established_in_future",
                t.registration_established_in_future.into(),
            ),
            NumberTooLarge => (
                "registration.number_too_large",
                t.registration_number_too_large.into(),
            ),
            MoreRndThanStaff => (
                "registration.more_rnd_than_staff",
                t.registration_more_rnd_than_staff.into(),
            ),
            TextTooLong => (
                "registration.text_too_long",
                t.registration_text_too_long.into(),
            ),
            ControlCharacter => (
                "registration.control_character",
                t.registration_control_character.into(),
            ),
            UnknownField => (
                "registration.unknown_field",
                t.registration_unknown_field.into(),
            ),
            FieldNotOpen => (
                "registration.field_not_open",
                t.registration_field_not_open.into(),
            ),
            TooManyPatents => (
                "registration.too_many_patents",
                t.registration_too_many_patents(super::MAX_PATENTS),
            ),
            PatentNumber(typed, e) => (
                e.code(),
                t.registration_patent_number(typed, e.message(t.lang())),
            ),
            PatentRepeated(typed) => (
                "registration.patent_repeated",
                t.registration_patent_repeated(typed),
            ),
            FieldCount => (
                "registration.field_count",
                t.registration_field_count.into(),
            ),
            FieldCode => ("registration.field_code", t.registration_field_code.into()),
            FieldRepeated => (
                "registration.field_repeated",
                t.registration_field_repeated.into(),
            ),
            FieldName => ("registration.field_name", t.registration_field_name.into()),
            FieldIpc => ("registration.field_ipc", t.registration_field_ipc.into()),
            FieldLocarno => (
                "registration.field_locarno",
                t.registration_field_locarno.into(),
            ),
            OutOfRange(max) => (
                "registration.out_of_range",
                t.registration_out_of_range(max),
            ),
            ExplanationNeeded => (
                "registration.explanation_needed",
                t.registration_explanation_needed.into(),
            ),
            DefectsMissing => (
                "registration.defects_missing",
                t.registration_defects_missing.into(),
            ),
            TooManyDefects => (
                "registration.too_many_defects",
                t.registration_too_many_defects(super::MAX_DEFECTS),
            ),
            ReasonMissing => (
                "registration.reason_missing",
                t.registration_reason_missing.into(),
            ),
            CancelReasonMissing => (
                "registration.cancel_reason_missing",
                t.registration_cancel_reason_missing.into(),
            ),
            MaterialMissing(m) => ("registration.material_missing", material(t, *m).into()),
            MaterialRepeated => (
                "registration.material_repeated",
                t.registration_material_repeated.into(),
            ),
        }
    }
}

/// The message of a missing answer, by its `section.field` name.
fn missing(t: &RegistrationErrorTexts, field: &str) -> &'static str {
    match field {
        "firm.established_on" => t.missing_established_on,
        "firm.insured_staff" => t.missing_insured_staff,
        "firm.main_business" => t.missing_main_business,
        "firm.fields" => t.missing_fields,
        "rnd.rnd_staff" => t.missing_rnd_staff,
        "rnd.rnd_spending" => t.missing_rnd_spending,
        "patents.design_only" => t.missing_design_only,
        "management.ip_system" => t.missing_ip_system,
        "management.ip_contact" => t.missing_ip_contact,
        _ => t.missing_declaration,
    }
}

/// The message of a missing material.
fn material(t: &RegistrationErrorTexts, m: Material) -> &'static str {
    match m {
        Material::BusinessLicence => t.missing_business_licence,
        Material::SocialInsurance => t.missing_social_insurance,
        Material::Declaration => t.missing_signed_declaration,
        Material::RndProof => t.missing_rnd_proof,
    }
}

localized_error!(RegistrationError, registration_error_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{assert_messages, Lang};

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        use RegistrationError::*;
        let missing = [
            "firm.established_on",
            "firm.insured_staff",
            "firm.main_business",
            "firm.fields",
            "rnd.rnd_staff",
            "rnd.rnd_spending",
            "patents.design_only",
            "management.ip_system",
            "management.ip_contact",
            "declaration.declaration",
        ];
        // One code for every missing answer, each with its own message.
        let messages: std::collections::HashSet<_> = missing
            .iter()
            .map(|f| Missing(f).message(Lang::Zh))
            .collect();
        assert_eq!(messages.len(), missing.len());
        assert_messages(
            "registration.",
            &[
                Missing("firm.fields"),
                DateFormat,
                EstablishedInFuture,
                NumberTooLarge,
                MoreRndThanStaff,
                TextTooLong,
                ControlCharacter,
                UnknownField,
                FieldNotOpen,
                TooManyPatents,
                PatentRepeated("202110000004.X".into()),
                FieldCount,
                FieldCode,
                FieldRepeated,
                FieldName,
                FieldIpc,
                FieldLocarno,
                OutOfRange(60),
                ExplanationNeeded,
                DefectsMissing,
                TooManyDefects,
                ReasonMissing,
                CancelReasonMissing,
                MaterialMissing(Material::BusinessLicence),
                MaterialRepeated,
            ],
        );
        // One code for every missing material, each with its own message.
        let materials: std::collections::HashSet<_> = Material::ALL
            .into_iter()
            .map(|m| MaterialMissing(m).message(Lang::En))
            .collect();
        assert_eq!(materials.len(), Material::ALL.len());
        let wrapped = PatentNumber("2021".into(), PatentNumberError::WrongLength);
        assert!(wrapped.message(Lang::En).starts_with("2021: "));
    }
}
