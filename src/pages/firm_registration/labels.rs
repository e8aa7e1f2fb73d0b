//! Names of the registration's sections, materials and rules, in the page's language: one place
//! for the firm's pages and the workbench.

use portal_domain::api::firm::registration::{
    EligibilityRules, Material, Outcome, Rule, Section, SectionState,
};
use portal_domain::Lang;

use super::texts::registration_texts;

pub fn section(section: Section, lang: Lang) -> &'static str {
    let t = registration_texts(lang);
    match section {
        Section::Firm => t.section_firm,
        Section::Rnd => t.section_rnd,
        Section::Patents => t.section_patents,
        Section::Management => t.section_management,
        Section::Uploads => t.section_uploads,
        Section::Declaration => t.section_declaration,
    }
}

pub fn material(material: Material, lang: Lang) -> &'static str {
    let t = registration_texts(lang);
    match material {
        Material::BusinessLicence => t.material_business_licence,
        Material::SocialInsurance => t.material_social_insurance,
        Material::Declaration => t.material_declaration,
        Material::RndProof => t.material_rnd_proof,
    }
}

pub fn state(state: SectionState, lang: Lang) -> &'static str {
    let t = registration_texts(lang);
    match state {
        SectionState::NotStarted => t.state_not_started,
        SectionState::InProgress => t.state_in_progress,
        SectionState::HasProblems => t.state_has_problems,
        SectionState::Completed => t.state_completed,
    }
}

/// A rule with its thresholds as the center set them.
pub fn rule(rule: Rule, rules: &EligibilityRules, lang: Lang) -> String {
    let t = registration_texts(lang);
    match rule {
        Rule::YearsRegistered => t.rule_years(rules.min_years_registered),
        Rule::InsuredStaff => t.rule_staff(rules.min_insured_staff),
        Rule::GrantedPatents if rules.design_only_exempt => {
            t.rule_patents(rules.min_inventions, rules.min_other_patents)
        }
        Rule::GrantedPatents => {
            t.rule_patents_no_exempt(rules.min_inventions, rules.min_other_patents)
        }
        Rule::Fields => t.rule_fields.to_owned(),
        Rule::Management => t.rule_management.to_owned(),
    }
}

pub fn outcome(outcome: Outcome, lang: Lang) -> &'static str {
    let t = registration_texts(lang);
    match outcome {
        Outcome::Met => t.outcome_met,
        Outcome::NotMet => t.outcome_not_met,
        Outcome::Unknown => t.outcome_unknown,
    }
}
