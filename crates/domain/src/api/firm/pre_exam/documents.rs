//! The documents of a pre-examination request: which ones a request needs, from its kind and
//! whether it has co-applicants (FAST_TRACK.md, "Documents"), the uploaded files, and what is
//! still missing before it can be submitted (as part 1's materials are checked).

use serde::{Deserialize, Serialize};

use super::answers::{PreExamAnswers, PreExamRequest};
use super::document_kind::Document;
use super::errors::PreExamError as E;
use super::Problems;
use crate::api::files::FileKind;
use crate::api::firm::registration::TechField;
use crate::ids::PatentKind;

/// Most files of one document (a long description split in parts, a design's many views).
pub const MAX_FILES_PER_DOCUMENT: usize = 10;

/// The documents a request needs, in the order the firm uploads them: the application's own
/// (an invention or a utility model: request, description, claims, abstract, drawings; a design:
/// request, views or photos, brief description), the self-check list, and the joint R&D
/// agreement when there are co-applicants.
pub fn required_documents(kind: PatentKind, co_applicants: bool) -> Vec<Document> {
    use Document::*;
    let mut docs = match kind {
        PatentKind::Design => vec![Request, DesignViews, DesignBrief],
        _ => vec![Request, Description, Claims, Abstract, Drawings],
    };
    docs.push(SelfCheck);
    if co_applicants {
        docs.push(JointRndAgreement);
    }
    docs
}

/// One uploaded file of a request, as the firm and the officers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamFile {
    pub id: i64,
    pub document: Document,
    /// As uploaded, tidied (`crate::api::files::clean_file_name`).
    pub name: String,
    /// The type its content shows, whatever the name says.
    pub kind: FileKind,
    pub size: u64,
    /// RFC 3339, +08:00.
    pub uploaded_at: String,
}

/// The required documents without a file, each at its `documents.<code>` field.
pub fn missing_documents(files: &[PreExamFile], required: &[Document]) -> Problems {
    required
        .iter()
        .filter(|d| !files.iter().any(|f| f.document == **d))
        .map(|d| (d.field(), E::DocumentMissing(*d)))
        .collect()
}

/// The documents the answers so far need: none before the kind is chosen.
pub fn documents_for(answers: &PreExamAnswers) -> Vec<Document> {
    answers.kind.map_or_else(Vec::new, |kind| {
        required_documents(kind, !answers.co_applicants.is_empty())
    })
}

/// Everything a submission needs, every problem at once: the answers read into a request, and
/// a file for each document it needs.
pub fn check_submission(
    answers: &PreExamAnswers,
    files: &[PreExamFile],
    fields: &[TechField],
) -> Result<PreExamRequest, Problems> {
    let missing = missing_documents(files, &documents_for(answers));
    match answers.parse(fields) {
        Ok(request) if missing.is_empty() => Ok(request),
        Ok(_) => Err(missing),
        Err(mut p) => {
            p.extend(missing);
            Err(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Document::*;

    fn file(document: Document) -> PreExamFile {
        PreExamFile {
            id: 1,
            document,
            name: "a.pdf".into(),
            kind: FileKind::Pdf,
            size: 10,
            uploaded_at: "2026-11-20T10:00:00+08:00".into(),
        }
    }

    #[test]
    fn each_kind_needs_its_own_documents() {
        let invention = [Request, Description, Claims, Abstract, Drawings, SelfCheck];
        assert_eq!(required_documents(PatentKind::Invention, false), invention);
        assert_eq!(
            required_documents(PatentKind::UtilityModel, false),
            invention
        );
        assert_eq!(
            required_documents(PatentKind::Design, false),
            [Request, DesignViews, DesignBrief, SelfCheck]
        );
        assert_eq!(
            required_documents(PatentKind::Design, true).last(),
            Some(&JointRndAgreement)
        );
    }

    #[test]
    fn every_required_document_needs_a_file() {
        let required = required_documents(PatentKind::Design, true);
        let files = [file(Request), file(DesignViews), file(Claims)];
        let missing = missing_documents(&files, &required);
        let fields: Vec<_> = missing.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "documents.design_brief",
                "documents.self_check",
                "documents.joint_rnd_agreement"
            ]
        );
        assert_eq!(missing[0].1, E::DocumentMissing(DesignBrief));
        let all: Vec<_> = required.iter().copied().map(file).collect();
        assert!(missing_documents(&all, &required).is_empty());
    }

    #[test]
    fn a_submission_needs_the_answers_and_every_document() {
        let fields = super::super::classification::tests::fields();
        let mut answers = super::super::answers::tests::design();
        assert!(documents_for(&PreExamAnswers::default()).is_empty());
        let mut files: Vec<_> = documents_for(&answers).into_iter().map(file).collect();
        assert!(check_submission(&answers, &files, &fields).is_ok());
        // A co-applicant needs the agreement; a missing title is reported with it.
        answers.co_applicants = vec!["南通某某纺织有限公司".into()];
        answers.title = None;
        let p = check_submission(&answers, &files, &fields).unwrap_err();
        let names: Vec<_> = p.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(names, ["title", "documents.joint_rnd_agreement"]);
        answers.title = Some("床罩".into());
        files.push(file(JointRndAgreement));
        assert_eq!(
            check_submission(&answers, &files, &fields).map(|r| r.co_applicants.len()),
            Ok(1)
        );
    }

    #[test]
    fn pdfs_everywhere_and_photos_only_as_views() {
        assert!(Claims.accepts(FileKind::Pdf));
        assert!(!Claims.accepts(FileKind::Jpeg));
        assert!(DesignViews.accepts(FileKind::Png));
        assert!(!DesignViews.accepts(FileKind::Heic));
        assert_eq!(Document::from_code("self_check"), Some(SelfCheck));
    }
}
