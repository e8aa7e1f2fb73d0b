//! The main classification of a request, checked against the fields of the venue chosen: an IPC
//! main group for an invention or a utility model, a Locarno class for a design, each written
//! the one way the field lists keep them (part 1's [`ipc_main_group`] and [`locarno_class`]).
//! The same code runs in the browser and on the server, so a refusal reads the same in both.

use serde::{Deserialize, Serialize};

use super::errors::{PreExamError as E, ServedField};
use crate::api::firm::registration::{
    ipc_main_group, locarno_class, FieldStatus, FieldVenue, TechField,
};
use crate::ids::PatentKind;

/// A request's main classification, as the field lists write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "scheme", content = "class", rename_all = "snake_case")]
pub enum Classification {
    /// An IPC main group, `B25F 5/00`.
    Ipc(String),
    /// A Locarno class and subclass, `06-01`.
    Locarno(String),
}

impl Classification {
    pub fn as_str(&self) -> &str {
        match self {
            Classification::Ipc(c) | Classification::Locarno(c) => c,
        }
    }
}

/// The classification as typed, read for a kind: a design's is a Locarno class, any other's an
/// IPC main group.
pub fn read_classification(kind: PatentKind, typed: &str) -> Result<Classification, E> {
    if kind == PatentKind::Design {
        locarno_class(typed)
            .map(Classification::Locarno)
            .ok_or(E::LocarnoFormat)
    } else {
        ipc_main_group(typed)
            .map(Classification::Ipc)
            .ok_or(E::IpcFormat)
    }
}

/// The classes of a field of the scheme of `class`.
fn classes<'a>(field: &'a TechField, class: &Classification) -> &'a [String] {
    match class {
        Classification::Ipc(_) => &field.ipc_groups,
        Classification::Locarno(_) => &field.locarno_classes,
    }
}

/// The field of `venue` that examines `class`: a field in force listing it. Otherwise why not,
/// the most useful answer first: the field listing it is still being extended; another venue
/// examines it; or what the venue does examine (its fields in force with their classes of that
/// scheme), or that it examines none of that scheme yet.
pub fn field_for<'a>(
    venue: FieldVenue,
    class: &Classification,
    fields: &'a [TechField],
) -> Result<&'a TechField, E> {
    let lists = |f: &TechField| classes(f, class).iter().any(|c| c == class.as_str());
    let here = || fields.iter().filter(|f| f.venue == venue);
    if let Some(f) = here().find(|f| f.status == FieldStatus::Active && lists(f)) {
        return Ok(f);
    }
    if let Some(f) = here().find(|f| lists(f)) {
        return Err(E::FieldNotOpen {
            name_zh: f.name_zh.clone(),
            name_en: f.name_en.clone(),
        });
    }
    if let Some(f) = fields
        .iter()
        .find(|f| f.status == FieldStatus::Active && lists(f))
    {
        return Err(E::ServedElsewhere(f.venue));
    }
    let served: Vec<ServedField> = here()
        .filter(|f| f.status == FieldStatus::Active && !classes(f, class).is_empty())
        .map(|f| ServedField {
            name_zh: f.name_zh.clone(),
            name_en: f.name_en.clone(),
            classes: classes(f, class).to_vec(),
        })
        .collect();
    let design = matches!(class, Classification::Locarno(_));
    if served.is_empty() {
        Err(E::VenueServesNone { venue, design })
    } else {
        Err(E::ClassNotServed {
            class: class.as_str().to_string(),
            venue,
            served,
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::api::firm::registration::FastTrackSettings;

    /// The default fields with classes listed: 智能装备 (the center) B25F 5/00 and B23K 37/00;
    /// 新一代信息技术 (being extended) G06F 3/00; 现代纺织 at the 家纺 centre with D06F 58/00
    /// and the Locarno class 06-09 (bedding).
    pub(in super::super) fn fields() -> Vec<TechField> {
        let mut f = FastTrackSettings::default().fields;
        f[0].ipc_groups = vec!["B25F 5/00".into(), "B23K 37/00".into()];
        f[1].venue = FieldVenue::HomeTextiles;
        f[1].ipc_groups = vec!["D06F 58/00".into()];
        f[1].locarno_classes = vec!["06-09".into()];
        f[2].ipc_groups = vec!["G06F 3/00".into()];
        f
    }

    fn check(venue: FieldVenue, kind: PatentKind, typed: &str) -> Result<String, E> {
        let fields = fields();
        let class = read_classification(kind, typed)?;
        field_for(venue, &class, &fields).map(|f| f.code.clone())
    }

    #[test]
    fn a_class_in_force_at_the_venue_finds_its_field() {
        use FieldVenue::*;
        let invention = PatentKind::Invention;
        assert_eq!(
            check(ProtectionCenter, invention, "b25f5/00").as_deref(),
            Ok("smart_equipment")
        );
        assert_eq!(
            check(HomeTextiles, PatentKind::Design, "6-9").as_deref(),
            Ok("modern_textiles")
        );
        assert_eq!(
            read_classification(PatentKind::Design, "06 09"),
            Ok(Classification::Locarno("06-09".into()))
        );
    }

    #[test]
    fn each_refusal_says_why() {
        use FieldVenue::*;
        let (invention, design) = (PatentKind::Invention, PatentKind::Design);
        // A design needs a Locarno class, an invention an IPC main group.
        assert_eq!(
            check(HomeTextiles, design, "D06F 58/00"),
            Err(E::LocarnoFormat)
        );
        assert_eq!(
            check(ProtectionCenter, invention, "06-09"),
            Err(E::IpcFormat)
        );
        // Listed by a field still being extended.
        assert_eq!(
            check(ProtectionCenter, invention, "G06F 3/00"),
            Err(E::FieldNotOpen {
                name_zh: "新一代信息技术".into(),
                name_en: "Next-generation information technology".into()
            })
        );
        // Examined at the 家纺 centre, not the center.
        assert_eq!(
            check(ProtectionCenter, invention, "D06F 58/00"),
            Err(E::ServedElsewhere(HomeTextiles))
        );
        // Nowhere: the center names what it examines.
        let Err(E::ClassNotServed { class, served, .. }) =
            check(ProtectionCenter, invention, "A47C 31/00")
        else {
            panic!("not refused as not served");
        };
        assert_eq!(class, "A47C 31/00");
        assert_eq!(served.len(), 1);
        assert_eq!(served[0].classes, ["B25F 5/00", "B23K 37/00"]);
        // The center lists no Locarno class, the furniture centre nothing at all.
        assert_eq!(
            check(ProtectionCenter, design, "06-01"),
            Err(E::VenueServesNone {
                venue: ProtectionCenter,
                design: true
            })
        );
        assert_eq!(
            check(Furniture, invention, "A47C 31/00"),
            Err(E::VenueServesNone {
                venue: Furniture,
                design: false
            })
        );
    }
}
