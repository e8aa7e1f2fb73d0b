//! The center's technical fields (技术领域): each with the IPC main groups and Locarno classes it
//! covers and the venue that examines it, and the one way those classes are written. Part of
//! the fast-track settings (`super::settings`), read by the eligibility rules and by
//! pre-examination requests alike.

use serde::{Deserialize, Serialize};

use crate::choice::choice;

/// Most technical fields the center can list.
pub const MAX_FIELDS: usize = 30;
/// Longest field name.
pub(super) const MAX_FIELD_NAME_CHARS: usize = 40;

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
}
