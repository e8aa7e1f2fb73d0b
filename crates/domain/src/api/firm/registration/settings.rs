//! The fast track's administrator data: the center's technical fields (with the IPC main groups
//! and Locarno classes each covers and the venue that examines it), the eligibility rules and
//! the time limits. None of it is published by the center, so the shipped defaults (from seed
//! 000 for the fields, from other cities' published rules for the thresholds) are shown to people
//! as "illustrative — to be confirmed by the center".

use serde::{Deserialize, Serialize};

use super::eligibility::EligibilityRules;
use super::errors::RegistrationError as E;
use super::materials::{self, default_materials, MaterialRule};
use super::Problems;
use crate::choice::choice;
use crate::text::clean_line;

/// Most technical fields the center can list.
pub const MAX_FIELDS: usize = 30;
/// Longest field name.
const MAX_FIELD_NAME_CHARS: usize = 40;

/// Whether the center takes registrations in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldStatus {
    /// In force: firms register in it.
    Active,
    /// Being extended to (seed 000: 向新一代信息技术和新材料领域拓展): shown, not yet open.
    Extending,
}

/// Where a field's requests are examined: the center or one of the 快维 centres of its "1+3+N"
/// system (seed 000). 启东's (electric tools) is still being set up (筹建中), so not offered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldVenue {
    #[default]
    ProtectionCenter,
    HomeTextiles,
    Furniture,
}

choice!(FieldVenue {
    ProtectionCenter = "protection_center", "南通市知识产权保护中心", "Nantong IP Protection Center";
    HomeTextiles = "home_textiles", "南通家纺快维中心", "Nantong home-textiles fast rights-protection centre";
    Furniture = "furniture", "海安家具快维中心", "Hai'an furniture fast rights-protection centre";
});

/// Most IPC main groups or Locarno classes one field lists.
pub const MAX_CLASSES: usize = 300;

/// An IPC main group as the lists keep it (`B25F 5/00`), from what people type (`b25f5/00`,
/// `B25F  5/00`); `None` if it is not a main group (section A–H, class, subclass, group, `/00`).
pub fn ipc_main_group(input: &str) -> Option<String> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let b = compact.as_bytes();
    let (head, group) = (b.get(..4)?, compact.get(4..)?.strip_suffix("/00")?);
    let group = group.trim_start_matches('0');
    let head_ok = matches!(head[0], b'A'..=b'H')
        && head[1].is_ascii_digit()
        && head[2].is_ascii_digit()
        && head[3].is_ascii_uppercase();
    let group_ok = (1..=4).contains(&group.len()) && group.bytes().all(|d| d.is_ascii_digit());
    (head_ok && group_ok).then(|| format!("{} {group}/00", &compact[..4]))
}

/// A Locarno class and subclass as the lists keep them (`06-01`), from `6-1`, `06 01`, `0601`;
/// `None` if it is not one (classes 01–32).
pub fn locarno_class(input: &str) -> Option<String> {
    let digits: Vec<&str> = input
        .split(|c: char| c == '-' || c == '.' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let (class, sub) = match digits.as_slice() {
        [both] if both.len() == 4 => (&both[..2], &both[2..]),
        [class, sub] => (*class, *sub),
        _ => return None,
    };
    let number = |s: &str| {
        let digits = s.len() <= 2 && s.bytes().all(|d| d.is_ascii_digit());
        digits.then(|| s.parse::<u8>().ok()).flatten()
    };
    let (class, sub) = (number(class)?, number(sub)?);
    ((1..=32).contains(&class)).then(|| format!("{class:02}-{sub:02}"))
}

/// One of the center's technical fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TechField {
    /// A short stable code (`a-z`, digits, `_`), e.g. `smart_equipment`.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub status: FieldStatus,
    /// Who examines its requests (settings saved before venues read as the center).
    #[serde(default)]
    pub venue: FieldVenue,
    /// The IPC main groups of its inventions and utility models, as [`ipc_main_group`] writes
    /// them. Not published: empty until an administrator lists them.
    #[serde(default)]
    pub ipc_groups: Vec<String>,
    /// The Locarno classes of its designs, as [`locarno_class`] writes them. Not published either.
    #[serde(default)]
    pub locarno_classes: Vec<String>,
}

impl TechField {
    pub fn accepts_registrations(&self) -> bool {
        self.status == FieldStatus::Active
    }

    pub fn name(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.name_zh, &self.name_en)
    }
}

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
    fn ipc_main_groups_are_written_one_way() {
        for (typed, kept) in [
            ("B25F 5/00", "B25F 5/00"),
            ("b25f5/00", "B25F 5/00"),
            ("D06F  58/00", "D06F 58/00"),
            ("A47C 0031/00", "A47C 31/00"),
        ] {
            assert_eq!(ipc_main_group(typed).as_deref(), Some(kept), "{typed}");
        }
        // Not a main group, no such section, no group.
        for wrong in [
            "B25F 5/02",
            "Z25F 5/00",
            "B25F /00",
            "B25F",
            "B2F 5/00",
            "B25F 12345/00",
        ] {
            assert_eq!(ipc_main_group(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn locarno_classes_are_written_one_way() {
        for (typed, kept) in [
            ("06-01", "06-01"),
            ("6-1", "06-01"),
            ("06 01", "06-01"),
            ("0601", "06-01"),
        ] {
            assert_eq!(locarno_class(typed).as_deref(), Some(kept), "{typed}");
        }
        for wrong in ["33-01", "00-01", "6", "06-01-02", "a6-01", "123-1"] {
            assert_eq!(locarno_class(wrong), None, "{wrong}");
        }
    }

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
