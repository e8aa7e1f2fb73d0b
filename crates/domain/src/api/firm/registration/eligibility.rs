//! The eligibility rules (administrator data) and what a firm's answers meet of them, said
//! before anything is submitted. Not meeting a rule never stops a submission: the firm may
//! explain, and the officer decides.

use serde::{Deserialize, Serialize};

use super::answers::RegistrationAnswers;
use super::fields::TechField;
use crate::calendar::Date;

/// The thresholds. Defaults from 宁波's published rules (FAST_TRACK.md), illustrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EligibilityRules {
    /// Years since the firm was established.
    pub min_years_registered: u32,
    /// Staff with social insurance.
    pub min_insured_staff: u32,
    /// Granted inventions as first applicant …
    pub min_inventions: u32,
    /// … or granted utility models and designs together.
    pub min_other_patents: u32,
    /// A firm applying for designs only is exempt from the granted-patent rule (四川, 赣州).
    pub design_only_exempt: bool,
}

impl Default for EligibilityRules {
    fn default() -> Self {
        EligibilityRules {
            min_years_registered: 1,
            min_insured_staff: 5,
            min_inventions: 1,
            min_other_patents: 3,
            design_only_exempt: true,
        }
    }
}

/// One rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    YearsRegistered,
    InsuredStaff,
    GrantedPatents,
    /// Works in at least one of the center's fields in force.
    Fields,
    /// Has a written IP management system.
    Management,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    NotMet,
    /// Not answered yet.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleOutcome {
    pub rule: Rule,
    pub outcome: Outcome,
}

/// What the answers meet of the rules, today.
pub fn evaluate(
    answers: &RegistrationAnswers,
    rules: &EligibilityRules,
    fields: &[TechField],
    today: Date,
) -> Vec<RuleOutcome> {
    let met = |b: bool| if b { Outcome::Met } else { Outcome::NotMet };
    let years = answers
        .established_on
        .as_deref()
        .and_then(|s| Date::parse(s.trim()).ok())
        .map_or(Outcome::Unknown, |d| {
            met(full_years(d, today) >= rules.min_years_registered)
        });
    let staff = answers
        .insured_staff
        .map_or(Outcome::Unknown, |n| met(n >= rules.min_insured_staff));
    let counts = answers.patent_counts();
    let exempt = answers.design_only == Some(true) && rules.design_only_exempt;
    let patents = if exempt
        || counts.inventions >= rules.min_inventions
        || counts.utility_models + counts.designs >= rules.min_other_patents
    {
        Outcome::Met
    } else if answers.design_only.is_none() && answers.patents.is_empty() {
        Outcome::Unknown
    } else {
        Outcome::NotMet
    };
    let in_fields = if answers.fields.is_empty() {
        Outcome::Unknown
    } else {
        met(answers.fields.iter().any(|c| {
            fields
                .iter()
                .any(|f| &f.code == c && f.accepts_registrations())
        }))
    };
    let management = answers.ip_system.map_or(Outcome::Unknown, met);
    [
        (Rule::YearsRegistered, years),
        (Rule::InsuredStaff, staff),
        (Rule::GrantedPatents, patents),
        (Rule::Fields, in_fields),
        (Rule::Management, management),
    ]
    .into_iter()
    .map(|(rule, outcome)| RuleOutcome { rule, outcome })
    .collect()
}

/// Whole years from `from` to `to` (a firm established on 2025-11-21 has 0 years on 2026-11-20).
fn full_years(from: Date, to: Date) -> u32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::firm::registration::FastTrackSettings;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn outcome(a: &RegistrationAnswers, rule: Rule) -> Outcome {
        let s = FastTrackSettings::default();
        evaluate(a, &s.rules, &s.fields, day("2026-11-20"))
            .into_iter()
            .find(|o| o.rule == rule)
            .unwrap()
            .outcome
    }

    #[test]
    fn years_count_whole_years() {
        let mut a = RegistrationAnswers::default();
        assert_eq!(outcome(&a, Rule::YearsRegistered), Outcome::Unknown);
        a.established_on = Some("2025-11-21".into());
        assert_eq!(outcome(&a, Rule::YearsRegistered), Outcome::NotMet);
        a.established_on = Some("2025-11-20".into());
        assert_eq!(outcome(&a, Rule::YearsRegistered), Outcome::Met);
    }

    #[test]
    fn one_invention_or_three_others_or_designs_only() {
        let mut a = RegistrationAnswers::default();
        assert_eq!(outcome(&a, Rule::GrantedPatents), Outcome::Unknown);
        a.design_only = Some(false);
        assert_eq!(outcome(&a, Rule::GrantedPatents), Outcome::NotMet);
        // Two utility models and a design.
        a.patents = vec![
            "201220687633.0".into(),
            "ZL 2012 2 0687634.5".into(),
            "201330000001.2".into(),
        ];
        let counts = a.patent_counts();
        assert_eq!(counts.utility_models + counts.designs, 3, "{counts:?}");
        assert_eq!(outcome(&a, Rule::GrantedPatents), Outcome::Met);
        a.patents.truncate(2);
        assert_eq!(outcome(&a, Rule::GrantedPatents), Outcome::NotMet);
        a.design_only = Some(true);
        assert_eq!(outcome(&a, Rule::GrantedPatents), Outcome::Met);
    }

    #[test]
    fn only_fields_in_force_count() {
        let mut a = RegistrationAnswers {
            fields: vec!["new_materials".into()],
            ..Default::default()
        };
        assert_eq!(outcome(&a, Rule::Fields), Outcome::NotMet);
        a.fields.push("smart_equipment".into());
        assert_eq!(outcome(&a, Rule::Fields), Outcome::Met);
    }
}
