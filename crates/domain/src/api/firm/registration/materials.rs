//! The registration's uploaded materials (营业执照, 社保缴纳证明, the signed and sealed 承诺书,
//! R&D proof): what each file is for, which of them a submission needs (administrator data, as
//! the center has not published it), and where the task list's Uploads section stands. The
//! files themselves are typed and limited as every upload is (`crate::api::files`).

use serde::{Deserialize, Serialize};

use super::answers::SectionState;
use super::errors::RegistrationError as E;
use super::material_kind::Material;
use super::Problems;
use crate::api::files::FileKind;

/// Most files of one material (a licence of several pages, months of insurance records).
pub const MAX_FILES_PER_MATERIAL: usize = 5;

/// Whether a submission needs at least one file of a material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MaterialRule {
    pub purpose: Material,
    pub required: bool,
}

/// The shipped default, illustrative: every material required.
pub fn default_materials() -> Vec<MaterialRule> {
    Material::ALL
        .into_iter()
        .map(|purpose| MaterialRule {
            purpose,
            required: true,
        })
        .collect()
}

/// One uploaded file of a registration, as the firm and the officers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationFile {
    pub id: i64,
    pub purpose: Material,
    /// As uploaded, tidied (`crate::api::files::clean_file_name`).
    pub name: String,
    /// The type its content shows, whatever the name says.
    pub kind: FileKind,
    pub size: u64,
    /// RFC 3339, +08:00.
    pub uploaded_at: String,
}

/// The required materials without a file, each at its `uploads.<purpose>` field.
pub fn missing_materials(files: &[RegistrationFile], rules: &[MaterialRule]) -> Problems {
    rules
        .iter()
        .filter(|r| r.required && !files.iter().any(|f| f.purpose == r.purpose))
        .map(|r| (r.purpose.field(), E::MaterialMissing(r.purpose)))
        .collect()
}

/// Where the Uploads section stands: completed when every required material has a file.
pub fn uploads_state(files: &[RegistrationFile], rules: &[MaterialRule]) -> SectionState {
    if missing_materials(files, rules).is_empty() {
        SectionState::Completed
    } else if files.is_empty() {
        SectionState::NotStarted
    } else {
        SectionState::InProgress
    }
}

/// The settings' problems with the material list: each material at most once.
pub(super) fn problems(rules: &[MaterialRule], p: &mut Problems) {
    for (i, r) in rules.iter().enumerate() {
        if rules[..i].iter().any(|s| s.purpose == r.purpose) {
            p.push(("materials".into(), E::MaterialRepeated));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(purpose: Material) -> RegistrationFile {
        RegistrationFile {
            id: 1,
            purpose,
            name: "a.pdf".into(),
            kind: FileKind::Pdf,
            size: 10,
            uploaded_at: "2026-11-20T10:00:00+08:00".into(),
        }
    }

    #[test]
    fn every_required_material_needs_a_file() {
        let rules = default_materials();
        assert_eq!(uploads_state(&[], &rules), SectionState::NotStarted);
        let some = [file(Material::BusinessLicence)];
        assert_eq!(uploads_state(&some, &rules), SectionState::InProgress);
        let missing = missing_materials(&some, &rules);
        let fields: Vec<_> = missing.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "uploads.social_insurance",
                "uploads.declaration",
                "uploads.rnd_proof"
            ]
        );
        let all: Vec<_> = Material::ALL.into_iter().map(file).collect();
        assert_eq!(uploads_state(&all, &rules), SectionState::Completed);
        let optional: Vec<_> = rules
            .iter()
            .map(|r| MaterialRule {
                required: r.purpose != Material::RndProof,
                ..*r
            })
            .collect();
        assert!(missing_materials(&all[..3], &optional).is_empty());
        assert_eq!(Material::from_code("rnd_proof"), Some(Material::RndProof));
        assert_eq!(Material::from_code("evidence"), None);
    }

    #[test]
    fn a_material_is_listed_once() {
        let mut rules = default_materials();
        let mut p = Problems::new();
        problems(&rules, &mut p);
        assert!(p.is_empty());
        rules.push(rules[0]);
        problems(&rules, &mut p);
        assert_eq!(p, vec![("materials".into(), E::MaterialRepeated)]);
    }
}
