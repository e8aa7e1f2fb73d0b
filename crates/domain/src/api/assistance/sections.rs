//! The task list: each section's problems and status, the evidence check, and the check of
//! the whole draft before it is submitted.

use std::collections::BTreeMap;

use super::answers::{AssistanceRequest, DraftContext, Problems};
use super::choices::{Section, SectionStatus};
use super::draft::{AssistanceDraft, EvidenceDraft};
use super::errors::AssistanceError;
use super::files::{EvidenceFile, FilePurpose};
use super::limits::MAX_FILES;
use super::views::SectionReport;
use crate::api::FieldError;
use crate::lang::{Lang, Localized};

/// Checks the evidence section: at most [`MAX_FILES`] files, a letter of authorisation among
/// them when acting for someone else, and the person's word that every file is there.
pub fn check_evidence(
    evidence: &EvidenceDraft,
    acting_for_someone_else: Option<bool>,
    files: &[EvidenceFile],
) -> Problems {
    let mut problems = Vec::new();
    if files.len() > MAX_FILES {
        problems.push(("evidence.files", AssistanceError::TooManyFiles));
    }
    if acting_for_someone_else == Some(true)
        && !files
            .iter()
            .any(|f| f.purpose == FilePurpose::AuthorisationLetter)
    {
        problems.push((
            "evidence.files",
            AssistanceError::AuthorisationLetterMissing,
        ));
    }
    if !evidence.complete {
        problems.push(("evidence.complete", AssistanceError::EvidenceNotConfirmed));
    }
    problems
}

/// The problems of one section, in field order (empty when it is complete).
pub fn section_problems(
    draft: &AssistanceDraft,
    section: Section,
    context: &DraftContext<'_>,
) -> Problems {
    match section {
        Section::Applicant => draft.applicant.parse().err(),
        Section::Right => draft.right.parse(context.gi_exists).err(),
        Section::OtherParty => draft.other_party.parse().err(),
        Section::Facts => draft.facts.parse(context.today).err(),
        Section::Help => draft.help.parse().err(),
        Section::Evidence => Some(check_evidence(
            &draft.evidence,
            draft.applicant.acting_for_someone_else,
            context.files,
        )),
        Section::Declaration => (!draft.declaration.accepted)
            .then(|| vec![("declaration.accepted", AssistanceError::DeclarationMissing)]),
    }
    .unwrap_or_default()
}

fn section_is_blank(draft: &AssistanceDraft, section: Section, files: &[EvidenceFile]) -> bool {
    match section {
        Section::Applicant => draft.applicant.is_blank(),
        Section::Right => draft.right.is_blank(),
        Section::OtherParty => draft.other_party.is_blank(),
        Section::Facts => draft.facts.is_blank(),
        Section::Help => draft.help.is_blank(),
        Section::Evidence => files.is_empty() && !draft.evidence.complete,
        Section::Declaration => !draft.declaration.accepted,
    }
}

/// The task-list status of a section from its problems: nothing entered → not started; any
/// answer that is wrong (not just missing) → problem; only missing answers → in progress.
pub fn section_status(
    draft: &AssistanceDraft,
    section: Section,
    context: &DraftContext<'_>,
) -> SectionStatus {
    status_of(
        section_is_blank(draft, section, context.files),
        &section_problems(draft, section, context),
    )
}

fn status_of(blank: bool, problems: &Problems) -> SectionStatus {
    if problems.is_empty() {
        SectionStatus::Completed
    } else if blank {
        SectionStatus::NotStarted
    } else if problems.iter().any(|(_, e)| !e.is_missing()) {
        SectionStatus::Problem
    } else {
        SectionStatus::InProgress
    }
}

/// Every section's status with its problems in `lang`, in task-list order.
pub fn section_reports(
    draft: &AssistanceDraft,
    context: &DraftContext<'_>,
    lang: Lang,
) -> Vec<SectionReport> {
    Section::ALL
        .iter()
        .map(|&section| {
            let problems = section_problems(draft, section, context);
            let status = status_of(section_is_blank(draft, section, context.files), &problems);
            let mut report = SectionReport {
                section,
                status,
                problems: BTreeMap::new(),
                missing: Vec::new(),
            };
            for (field, error) in problems {
                if error.is_missing() {
                    report.missing.push(field.to_owned());
                } else {
                    report
                        .problems
                        .entry(field.to_owned())
                        .or_insert(FieldError {
                            code: error.code().to_owned(),
                            message: error.message(lang),
                        });
                }
            }
            report
        })
        .collect()
}

impl AssistanceRequest {
    /// Checks the whole draft before it is submitted: every section complete (the declaration
    /// accepted, at least one kind of help, the letter of authorisation when acting for someone
    /// else …). Every problem of every section is reported.
    pub fn parse(
        draft: &AssistanceDraft,
        context: &DraftContext<'_>,
    ) -> Result<AssistanceRequest, Problems> {
        let applicant = draft.applicant.parse();
        let right = draft.right.parse(context.gi_exists);
        let other_party = draft.other_party.parse();
        let facts = draft.facts.parse(context.today);
        let help = draft.help.parse();
        let mut problems = Vec::new();
        problems.extend(applicant.as_ref().err().cloned().unwrap_or_default());
        problems.extend(right.as_ref().err().cloned().unwrap_or_default());
        problems.extend(other_party.as_ref().err().cloned().unwrap_or_default());
        problems.extend(facts.as_ref().err().cloned().unwrap_or_default());
        problems.extend(help.as_ref().err().cloned().unwrap_or_default());
        problems.extend(section_problems(draft, Section::Evidence, context));
        problems.extend(section_problems(draft, Section::Declaration, context));
        match (applicant, right, other_party, facts, help) {
            (Ok(applicant), Ok(right), Ok(other_party), Ok(facts), Ok(help))
                if problems.is_empty() =>
            {
                Ok(AssistanceRequest {
                    applicant,
                    right,
                    other_party,
                    facts,
                    help,
                })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::choices::{ApplicantKind, AssistanceType};
    use super::super::test_fixtures::{codes, complete, context, file, s};
    use super::*;

    #[test]
    fn a_complete_draft_parses_into_tidy_values() {
        let files = [file(1, FilePurpose::Evidence)];
        let request = AssistanceRequest::parse(&complete(), &context(&files)).unwrap();
        let applicant = &request.applicant;
        assert_eq!(applicant.kind, ApplicantKind::Individual);
        assert_eq!(applicant.name, "张 三");
        assert_eq!(
            applicant.resident_id.as_ref().unwrap().masked(),
            "3206**********1232"
        );
        assert_eq!(applicant.mobile.as_ref().unwrap().as_str(), "13812345678");
        assert!(!applicant.acting_for_someone_else);
        assert_eq!(request.right.number.as_deref(), Some("201220687633.0"));
        assert_eq!(
            request.other_party.online_link.as_deref(),
            Some("https://m.tb.cn/h.5abc?tk=1")
        );
        assert_eq!(
            request.facts.description,
            "对方销售仿冒我方专利的产品。\n已购买样品。"
        );
        assert_eq!(request.facts.estimated_loss_fen, Some(5_000_000));
        assert_eq!(
            request.help.types,
            [AssistanceType::Consultation, AssistanceType::Mediation]
        );
        let report = section_reports(&complete(), &context(&files), Lang::Zh);
        assert_eq!(report.len(), 7);
        assert!(report
            .iter()
            .all(|r| r.status == SectionStatus::Completed && r.problems.is_empty()));
        // Evidence is optional when nobody acts for the applicant.
        assert!(AssistanceRequest::parse(&complete(), &context(&[])).is_ok());
    }

    #[test]
    fn an_empty_draft_reports_every_section_as_not_started() {
        let draft = AssistanceDraft::default();
        for report in section_reports(&draft, &context(&[]), Lang::Zh) {
            assert_eq!(
                report.status,
                SectionStatus::NotStarted,
                "{:?}",
                report.section
            );
            assert!(report.problems.is_empty());
        }
        let problems = AssistanceRequest::parse(&draft, &context(&[])).unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("applicant.kind", "assistance.applicant_kind_missing"),
                ("applicant.name", "assistance.name_missing"),
                ("applicant.mobile", "mobile_number.empty"),
                (
                    "applicant.acting_for_someone_else",
                    "assistance.acting_missing"
                ),
                ("right.type", "assistance.right_type_missing"),
                ("right.holder", "assistance.holder_missing"),
                ("right.legal_status", "assistance.legal_status_missing"),
                ("other_party.name", "assistance.other_party_name_missing"),
                ("other_party.address", "assistance.address_or_link_missing"),
                ("other_party.place", "assistance.place_missing"),
                ("facts.description", "assistance.description_missing"),
                ("facts.discovered_on", "assistance.discovered_on_missing"),
                ("help.types", "assistance.assistance_type_missing"),
                ("evidence.complete", "assistance.evidence_not_confirmed"),
                ("declaration.accepted", "assistance.declaration_missing"),
            ]
        );
        assert!(problems.iter().all(|(_, e)| e.is_missing()));
    }

    #[test]
    fn section_statuses_tell_missing_from_wrong() {
        let files: [EvidenceFile; 0] = [];
        let context = context(&files);
        let mut draft = AssistanceDraft::default();
        draft.applicant.kind = s("individual");
        draft.applicant.name = s("张三");
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::InProgress
        );
        draft.applicant.resident_id = s("320611199003071233");
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::Problem
        );
        let reports = section_reports(&draft, &context, Lang::En);
        let applicant = &reports[0];
        assert_eq!(applicant.section, Section::Applicant);
        assert_eq!(
            applicant.problems["applicant.resident_id"].code,
            "resident_id.check_digit"
        );
        assert!(applicant.problems["applicant.resident_id"]
            .message
            .is_ascii());
        assert_eq!(
            applicant.missing,
            ["applicant.mobile", "applicant.acting_for_someone_else"]
        );
        // Fields of the other kind of applicant are kept but do not count.
        draft.applicant.resident_id = s("320611199003071232");
        draft.applicant.uscc = s("not a code");
        draft.applicant.mobile = s("13812345678");
        draft.applicant.acting_for_someone_else = Some(false);
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::Completed
        );
        // The declaration and the evidence are "started" by their one answer.
        draft.declaration.accepted = true;
        assert_eq!(
            section_status(&draft, Section::Declaration, &context),
            SectionStatus::Completed
        );
        let files = [file(1, FilePurpose::Evidence)];
        let with_files = DraftContext {
            files: &files,
            ..context
        };
        assert_eq!(
            section_status(&draft, Section::Evidence, &with_files),
            SectionStatus::InProgress
        );
    }

    #[test]
    fn evidence_limits() {
        let evidence = EvidenceDraft { complete: true };
        let many: Vec<_> = (0..11).map(|i| file(i, FilePurpose::Evidence)).collect();
        assert_eq!(
            codes(&check_evidence(&evidence, Some(false), &many)),
            [("evidence.files", "assistance.too_many_files")]
        );
        assert!(check_evidence(&evidence, Some(false), &many[..10]).is_empty());
        assert!(check_evidence(&evidence, Some(false), &[]).is_empty());
        let letter = [file(1, FilePurpose::AuthorisationLetter)];
        assert!(check_evidence(&evidence, Some(true), &letter).is_empty());
    }
}
