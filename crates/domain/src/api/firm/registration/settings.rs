//! The fast track's administrator data: the center's technical fields (`super::fields`), the
//! eligibility rules, the materials and the time limits. None of it is published by the center, so the shipped defaults (from seed
//! 000 for the fields, from other cities' published rules for the thresholds) are shown to people
//! as "illustrative — to be confirmed by the center".

use serde::{Deserialize, Serialize};

use super::eligibility::EligibilityRules;
use super::errors::RegistrationError as E;
use super::fields::{
    ipc_main_group, locarno_class, FieldStatus, FieldVenue, TechField, MAX_CLASSES, MAX_FIELDS,
    MAX_FIELD_NAME_CHARS,
};
use super::materials::{self, default_materials, MaterialRule};
use super::Problems;
use crate::text::clean_line;

/// The time limits, in working days except the validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeLimits {
    /// From submission to a decision or a request to amend.
    pub review_working_days: u32,
    /// For the firm to amend and resubmit.
    pub amendment_working_days: u32,
    /// How long a registration is valid, in months.
    pub validity_months: u32,
}

/// `GET`/`PUT /api/v1/staff/fast-track/settings`; the firm's registration answer carries them too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FastTrackSettings {
    pub fields: Vec<TechField>,
    pub rules: EligibilityRules,
    pub limits: TimeLimits,
    /// Which uploaded materials a submission needs (settings saved before there were uploads
    /// read as the default: every material required).
    #[serde(default = "default_materials")]
    pub materials: Vec<MaterialRule>,
}

impl Default for FastTrackSettings {
    /// The shipped defaults, all illustrative. Fields: seed 000 (智能装备 and 现代纺织 in force,
    /// 新一代信息技术 and 新材料 being extended). Thresholds: 宁波's published rules (FAST_TRACK.md).
    /// Time limits: not published anywhere; round numbers for the center to replace.
    fn default() -> Self {
        let field = |code: &str, zh: &str, en: &str, status| TechField {
            code: code.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            status,
            venue: FieldVenue::ProtectionCenter,
            ipc_groups: Vec::new(),
            locarno_classes: Vec::new(),
        };
        FastTrackSettings {
            fields: vec![
                field(
                    "smart_equipment",
                    "智能装备",
                    "Smart equipment",
                    FieldStatus::Active,
                ),
                field(
                    "modern_textiles",
                    "现代纺织",
                    "Modern textiles",
                    FieldStatus::Active,
                ),
                field(
                    "next_gen_it",
                    "新一代信息技术",
                    "Next-generation information technology",
                    FieldStatus::Extending,
                ),
                field(
                    "new_materials",
                    "新材料",
                    "New materials",
                    FieldStatus::Extending,
                ),
            ],
            rules: EligibilityRules::default(),
            limits: TimeLimits {
                review_working_days: 10,
                amendment_working_days: 10,
                validity_months: 24,
            },
            materials: default_materials(),
        }
    }
}

impl FastTrackSettings {
    /// Every problem at once (`fields`, `rules.*`, `limits.*`, `materials`).
    pub fn problems(&self) -> Problems {
        let mut p = Problems::new();
        let mut at = |name: &str, e: E| p.push((name.to_string(), e));
        if self.fields.is_empty() || self.fields.len() > MAX_FIELDS {
            at("fields", E::FieldCount);
        }
        for (i, f) in self.fields.iter().enumerate() {
            let code_ok = !f.code.is_empty()
                && f.code.len() <= 40
                && f.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !code_ok {
                at("fields", E::FieldCode);
            } else if self.fields[..i].iter().any(|g| g.code == f.code) {
                at("fields", E::FieldRepeated);
            }
            let written = |list: &[String], write: fn(&str) -> Option<String>| {
                list.len() <= MAX_CLASSES
                    && list.iter().enumerate().all(|(j, c)| {
                        write(c).as_deref() == Some(c.as_str()) && !list[..j].contains(c)
                    })
            };
            if !written(&f.ipc_groups, ipc_main_group) {
                at("fields", E::FieldIpc);
            }
            if !written(&f.locarno_classes, locarno_class) {
                at("fields", E::FieldLocarno);
            }
            for name in [&f.name_zh, &f.name_en] {
                if !matches!(clean_line(Some(name), MAX_FIELD_NAME_CHARS), Ok(Some(ref c)) if c == name)
                {
                    at("fields", E::FieldName);
                }
            }
        }
        let r = &self.rules;
        for (name, value, max) in [
            ("rules.min_years_registered", r.min_years_registered, 20),
            ("rules.min_insured_staff", r.min_insured_staff, 10_000),
            ("rules.min_inventions", r.min_inventions, 100),
            ("rules.min_other_patents", r.min_other_patents, 100),
            (
                "limits.review_working_days",
                self.limits.review_working_days,
                60,
            ),
            (
                "limits.amendment_working_days",
                self.limits.amendment_working_days,
                60,
            ),
        ] {
            if value > max {
                at(name, E::OutOfRange(max));
            }
        }
        for (name, value) in [
            (
                "limits.review_working_days",
                self.limits.review_working_days,
            ),
            (
                "limits.amendment_working_days",
                self.limits.amendment_working_days,
            ),
        ] {
            if value == 0 {
                at(name, E::OutOfRange(60));
            }
        }
        if !(1..=120).contains(&self.limits.validity_months) {
            at("limits.validity_months", E::OutOfRange(120));
        }
        materials::problems(&self.materials, &mut p);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_lists_its_classes_as_they_are_written_and_once() {
        let mut settings = FastTrackSettings::default();
        settings.fields[0].ipc_groups = vec!["B25F 5/00".into(), "B23K 37/00".into()];
        settings.fields[1].locarno_classes = vec!["06-01".into()];
        settings.fields[1].venue = FieldVenue::HomeTextiles;
        assert!(settings.problems().is_empty());
        let mut wrong = settings.clone();
        wrong.fields[0].ipc_groups.push("b25f5/00".into());
        assert_eq!(wrong.problems(), vec![("fields".to_string(), E::FieldIpc)]);
        let mut twice = settings.clone();
        twice.fields[1].locarno_classes.push("06-01".into());
        assert_eq!(
            twice.problems(),
            vec![("fields".to_string(), E::FieldLocarno)]
        );
        // Saved before venues and classes: read as the center with none listed.
        let old = r#"{"code":"x","name_zh":"甲","name_en":"X","status":"active"}"#;
        let field: TechField = serde_json::from_str(old).unwrap();
        assert_eq!(field.venue, FieldVenue::ProtectionCenter);
        assert!(field.ipc_groups.is_empty());
    }
}
