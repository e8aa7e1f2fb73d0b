//! Checking the applicant section: a person or an organisation, the contact, and who acts
//! for them.

use super::answers::{blank, required_line, Applicant, Check, Problems};
use super::choices::ApplicantKind;
use super::draft::ApplicantDraft;
use super::errors::AssistanceError;
use super::limits::{MAX_ORGANISATION_NAME_CHARS, MAX_PERSON_NAME_CHARS};
use crate::ids::{MobileNumber, ResidentId, Uscc};

impl ApplicantDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.kind)
            && blank(&self.name)
            && blank(&self.resident_id)
            && blank(&self.uscc)
            && blank(&self.contact_name)
            && blank(&self.mobile)
            && self.acting_for_someone_else.is_none()
            && blank(&self.representative_name)
    }

    pub fn parse(&self) -> Result<Applicant, Problems> {
        let mut check = Check::default();
        let kind = check.take(
            "applicant.kind",
            match self.kind.as_deref().map(str::trim) {
                None | Some("") => Err(AssistanceError::ApplicantKindMissing),
                Some(code) => {
                    ApplicantKind::from_code(code).ok_or(AssistanceError::ApplicantKindUnknown)
                }
            },
        );
        let (max_name, name_missing) = match kind {
            Some(ApplicantKind::Organisation) => (
                MAX_ORGANISATION_NAME_CHARS,
                AssistanceError::OrganisationNameMissing,
            ),
            _ => (MAX_PERSON_NAME_CHARS, AssistanceError::PersonNameMissing),
        };
        let name = check.take(
            "applicant.name",
            required_line(&self.name, max_name, name_missing),
        );
        let mut resident_id = None;
        let mut uscc = None;
        let mut contact_name = None;
        match kind {
            Some(ApplicantKind::Individual) => {
                resident_id = check.take(
                    "applicant.resident_id",
                    ResidentId::parse(self.resident_id.as_deref().unwrap_or(""))
                        .map_err(AssistanceError::ResidentId),
                );
            }
            Some(ApplicantKind::Organisation) => {
                uscc = check.take(
                    "applicant.uscc",
                    Uscc::parse(self.uscc.as_deref().unwrap_or("")).map_err(AssistanceError::Uscc),
                );
                contact_name = check.take(
                    "applicant.contact_name",
                    required_line(
                        &self.contact_name,
                        MAX_PERSON_NAME_CHARS,
                        AssistanceError::ContactNameMissing,
                    ),
                );
            }
            None => {}
        }
        let mobile = check.take(
            "applicant.mobile",
            MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
                .map_err(AssistanceError::Mobile),
        );
        let acting = check.take(
            "applicant.acting_for_someone_else",
            self.acting_for_someone_else
                .ok_or(AssistanceError::ActingMissing),
        );
        let mut representative_name = None;
        if acting == Some(true) {
            representative_name = check.take(
                "applicant.representative_name",
                required_line(
                    &self.representative_name,
                    MAX_PERSON_NAME_CHARS,
                    AssistanceError::RepresentativeNameMissing,
                ),
            );
        }
        let value = match (kind, name, mobile, acting) {
            (Some(kind), Some(name), Some(mobile), Some(acting)) => Some(Applicant {
                kind,
                name,
                resident_id,
                uscc,
                contact_name,
                mobile: Some(mobile),
                acting_for_someone_else: acting,
                representative_name,
            }),
            _ => None,
        };
        check.done(value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::answers::AssistanceRequest;
    use super::super::files::FilePurpose;
    use super::super::test_fixtures::{codes, complete, context, file, s};
    use super::*;

    #[test]
    fn organisations_and_representatives() {
        let mut draft = complete();
        draft.applicant = ApplicantDraft {
            kind: s("organisation"),
            name: s("南通某某家纺有限公司"),
            uscc: s("91320600MA1MB5GT0D"),
            contact_name: None,
            mobile: s("13812345678"),
            acting_for_someone_else: Some(true),
            ..Default::default()
        };
        let files = [file(1, FilePurpose::Evidence)];
        let problems = AssistanceRequest::parse(&draft, &context(&files)).unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("applicant.contact_name", "assistance.contact_name_missing"),
                (
                    "applicant.representative_name",
                    "assistance.representative_name_missing"
                ),
                ("evidence.files", "assistance.authorisation_letter_missing"),
            ]
        );
        draft.applicant.contact_name = s("李四");
        draft.applicant.representative_name = s("王律师");
        let files = [
            file(1, FilePurpose::Evidence),
            file(2, FilePurpose::AuthorisationLetter),
        ];
        let request = AssistanceRequest::parse(&draft, &context(&files)).unwrap();
        assert_eq!(
            request.applicant.uscc.unwrap().masked(),
            "91************GT0D"
        );
        assert_eq!(request.applicant.resident_id, None);
        assert_eq!(
            request.applicant.representative_name.as_deref(),
            Some("王律师")
        );
        // An organisation's name may be longer than a person's.
        draft.applicant.name = s(&"公".repeat(100));
        assert!(draft.applicant.parse().is_ok());
        draft.applicant.name = s(&"公".repeat(101));
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err()),
            [("applicant.name", "assistance.too_long")]
        );
        draft.applicant.kind = s("individual");
        draft.applicant.name = s(&"张".repeat(41));
        draft.applicant.resident_id = s("320611199003071232");
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err()),
            [("applicant.name", "assistance.too_long")]
        );
        draft.applicant.kind = s("company");
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err())[0],
            ("applicant.kind", "assistance.applicant_kind_unknown")
        );
    }
}
