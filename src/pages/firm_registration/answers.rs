//! Every answer of a registration as text, section by section: the firm's "check your answers"
//! and the officer's view of a registration show the same rows.

use portal_domain::api::firm::registration::{
    Material, MaterialRule, RegistrationAnswers, RegistrationFile, Section, TechField,
};
use portal_domain::Lang;

use super::texts::{registration_texts, RegistrationTexts};

/// Each question of a section with its answer as text (`None`: not answered).
pub fn rows(
    section: Section,
    a: &RegistrationAnswers,
    fields: &[TechField],
    lang: Lang,
) -> Vec<(&'static str, Option<String>)> {
    let t: &RegistrationTexts = registration_texts(lang);
    let yes_no = |v: Option<bool>| v.map(|v| if v { t.yes } else { t.no }.to_owned());
    let n = |v: Option<u32>| v.map(|n| n.to_string());
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join("\n"));
    match section {
        Section::Firm => vec![
            (t.established_on_label, a.established_on.clone()),
            (t.insured_staff_label, n(a.insured_staff)),
            (t.main_business_label, a.main_business.clone()),
            (
                t.fields_legend,
                list(
                    &fields
                        .iter()
                        .filter(|f| a.fields.contains(&f.code))
                        .map(|f| f.name(lang).to_owned())
                        .collect::<Vec<_>>(),
                ),
            ),
        ],
        Section::Rnd => vec![
            (t.rnd_staff_label, n(a.rnd_staff)),
            (t.rnd_spending_label, n(a.rnd_spending)),
        ],
        Section::Patents => vec![
            (t.design_only_legend, yes_no(a.design_only)),
            (t.patents_label, list(&a.patents)),
        ],
        Section::Management => vec![
            (t.ip_system_legend, yes_no(a.ip_system)),
            (t.ip_contact_label, a.ip_contact.clone()),
        ],
        // The files, not the answers: [`materials`].
        Section::Uploads => Vec::new(),
        Section::Declaration => vec![
            (t.declaration_label, a.declaration.then(|| t.yes.to_owned())),
            (t.explanation_label, a.explanation.clone()),
        ],
    }
}

/// Each material the center lists or the firm uploaded, whether it is required, and its files.
pub fn materials(
    files: &[RegistrationFile],
    rules: &[MaterialRule],
) -> Vec<(Material, bool, Vec<RegistrationFile>)> {
    Material::ALL
        .into_iter()
        .filter_map(|m| {
            let required = rules.iter().any(|r| r.purpose == m && r.required);
            let mine: Vec<_> = files.iter().filter(|f| f.purpose == m).cloned().collect();
            let listed = rules.iter().any(|r| r.purpose == m);
            (listed || !mine.is_empty()).then_some((m, required, mine))
        })
        .collect()
}
