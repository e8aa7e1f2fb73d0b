//! What a firm answers in its registration, section by section, and the checks of each answer.
//! A draft may be incomplete; only what is given is checked ([`RegistrationAnswers::problems`]),
//! and submitting also needs every question answered ([`RegistrationAnswers::missing`]).

use serde::{Deserialize, Serialize};

use super::errors::RegistrationError as E;
use super::fields::TechField;
use super::Problems;
use crate::calendar::Date;
use crate::ids::{PatentApplicationNumber, PatentKind};
use crate::text::{clean_line, clean_text, TextProblem};

/// Most granted patents listed (the rules need a handful; the rest is in the firm's records).
pub const MAX_PATENTS: usize = 50;
/// Longest free text (main business, explanation).
pub const MAX_TEXT_CHARS: usize = 1000;
/// Longest one-line answer (the IP contact's name).
const MAX_LINE_CHARS: usize = 40;
/// Largest head count or spending accepted (a typing slip beyond it is refused).
const MAX_COUNT: u32 = 1_000_000;

/// The sections of the task list, in order. (Named `RegistrationSection` in the OpenAPI
/// document: the rights-assistance application has a `Section` too.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::ToSchema),
    schema(as = RegistrationSection)
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The firm: established date, insured staff, main business, the center's fields.
    Firm,
    /// R&D: R&D staff with social insurance, last year's R&D spending.
    Rnd,
    /// Granted patents where the firm is the first applicant.
    Patents,
    /// IP management: a written system, the contact person.
    Management,
    /// The uploaded materials (营业执照, 社保缴纳证明, the signed 承诺书, R&D proof): their state
    /// comes from the files, not the answers (`super::materials`).
    Uploads,
    /// The 承诺书 and, when a condition is not met, the firm's explanation.
    Declaration,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Firm,
        Section::Rnd,
        Section::Patents,
        Section::Management,
        Section::Uploads,
        Section::Declaration,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Firm => "firm",
            Section::Rnd => "rnd",
            Section::Patents => "patents",
            Section::Management => "management",
            Section::Uploads => "uploads",
            Section::Declaration => "declaration",
        }
    }

    pub fn from_code(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether a `section.field` name (as problems name their fields) is one of this section's.
    pub fn owns(self, field: &str) -> bool {
        field.split_once('.').is_some_and(|(s, _)| s == self.code())
    }
}

/// Where a section stands on the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionState {
    NotStarted,
    InProgress,
    /// Something given is wrong.
    HasProblems,
    Completed,
}

/// The answers (`PUT /api/v1/firm/registration`). Everything is optional in a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RegistrationAnswers {
    /// 成立日期, `YYYY-MM-DD`, as on the business licence.
    pub established_on: Option<String>,
    /// Staff with social insurance paid by the firm (参保人数).
    pub insured_staff: Option<u32>,
    /// 主营业务, as on the business licence or in the firm's words.
    pub main_business: Option<String>,
    /// Codes of the center's technical fields the firm works in ([`TechField::code`]).
    pub fields: Vec<String>,
    /// R&D staff with social insurance.
    pub rnd_staff: Option<u32>,
    /// Last year's R&D spending, in 万元 (10,000 yuan).
    pub rnd_spending: Option<u32>,
    /// Whether the firm will apply for design patents only (exempt from the granted-patent rule
    /// where the rules say so).
    pub design_only: Option<bool>,
    /// Application numbers of granted patents where the firm is the first applicant.
    pub patents: Vec<String>,
    /// Whether the firm has a written IP management system.
    pub ip_system: Option<bool>,
    /// The firm's IP contact person.
    pub ip_contact: Option<String>,
    /// The 承诺书 accepted.
    pub declaration: bool,
    /// Why the firm applies although a condition is not met.
    pub explanation: Option<String>,
}

/// The granted patents by kind, read from their numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PatentCounts {
    pub inventions: u32,
    pub utility_models: u32,
    pub designs: u32,
}

impl RegistrationAnswers {
    /// What is wrong with what was given (a draft's missing answers are not problems).
    pub fn problems(&self, fields: &[TechField], today: Date) -> Problems {
        let mut p = Problems::new();
        let mut at = |name: &str, e: E| p.push((name.to_string(), e));
        if let Some(typed) = self
            .established_on
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            match Date::parse(typed.trim()) {
                Ok(d) if d > today => at("firm.established_on", E::EstablishedInFuture),
                Ok(_) => {}
                Err(_) => at("firm.established_on", E::DateFormat),
            }
        }
        for (name, n) in [
            ("firm.insured_staff", self.insured_staff),
            ("rnd.rnd_staff", self.rnd_staff),
            ("rnd.rnd_spending", self.rnd_spending),
        ] {
            if n.is_some_and(|n| n > MAX_COUNT) {
                at(name, E::NumberTooLarge);
            }
        }
        if let (Some(all), Some(rnd)) = (self.insured_staff, self.rnd_staff) {
            if rnd > all {
                at("rnd.rnd_staff", E::MoreRndThanStaff);
            }
        }
        text(
            &self.main_business,
            MAX_TEXT_CHARS,
            "firm.main_business",
            &mut at,
        );
        text(
            &self.explanation,
            MAX_TEXT_CHARS,
            "declaration.explanation",
            &mut at,
        );
        if let Err(e) = clean_line(self.ip_contact.as_deref(), MAX_LINE_CHARS) {
            at("management.ip_contact", text_error(e));
        }
        for code in &self.fields {
            match fields.iter().find(|f| &f.code == code) {
                None => at("firm.fields", E::UnknownField),
                Some(f) if !f.accepts_registrations() => at("firm.fields", E::FieldNotOpen),
                Some(_) => {}
            }
        }
        if self.patents.len() > MAX_PATENTS {
            at("patents.patents", E::TooManyPatents);
        }
        let mut seen = Vec::new();
        for typed in &self.patents {
            match PatentApplicationNumber::parse(typed) {
                Err(e) => at("patents.patents", E::PatentNumber(typed.clone(), e)),
                Ok(n) if seen.contains(&n) => {
                    at("patents.patents", E::PatentRepeated(typed.clone()))
                }
                Ok(n) => seen.push(n),
            }
        }
        p
    }

    /// The questions of a section not answered yet (`section.field` names).
    pub fn missing(&self, section: Section) -> Vec<&'static str> {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        let mut m = Vec::new();
        match section {
            Section::Firm => {
                if blank(&self.established_on) {
                    m.push("firm.established_on");
                }
                if self.insured_staff.is_none() {
                    m.push("firm.insured_staff");
                }
                if blank(&self.main_business) {
                    m.push("firm.main_business");
                }
                if self.fields.is_empty() {
                    m.push("firm.fields");
                }
            }
            Section::Rnd => {
                if self.rnd_staff.is_none() {
                    m.push("rnd.rnd_staff");
                }
                if self.rnd_spending.is_none() {
                    m.push("rnd.rnd_spending");
                }
            }
            Section::Patents => {
                if self.design_only.is_none() {
                    m.push("patents.design_only");
                }
            }
            Section::Management => {
                if self.ip_system.is_none() {
                    m.push("management.ip_system");
                }
                if blank(&self.ip_contact) {
                    m.push("management.ip_contact");
                }
            }
            Section::Declaration => {
                if !self.declaration {
                    m.push("declaration.declaration");
                }
            }
            // The files, not the answers: `super::materials::missing_materials`.
            Section::Uploads => {}
        }
        m
    }

    /// Where each section stands, given the problems found.
    pub fn state(&self, section: Section, problems: &Problems) -> SectionState {
        if problems.iter().any(|(name, _)| section.owns(name)) {
            return SectionState::HasProblems;
        }
        let missing = self.missing(section).len();
        let asked = Self::default().missing(section).len();
        let started = missing < asked || (section == Section::Patents && !self.patents.is_empty());
        match (missing, started) {
            (0, _) => SectionState::Completed,
            (_, true) => SectionState::InProgress,
            (_, false) => SectionState::NotStarted,
        }
    }

    /// The granted patents by kind (numbers that do not parse are not counted).
    pub fn patent_counts(&self) -> PatentCounts {
        let mut c = PatentCounts::default();
        for n in self
            .patents
            .iter()
            .filter_map(|t| PatentApplicationNumber::parse(t).ok())
        {
            match n.kind() {
                // A patent granted through the PCT national phase counts as its kind.
                PatentKind::Invention | PatentKind::PctInvention => c.inventions += 1,
                PatentKind::UtilityModel | PatentKind::PctUtilityModel => c.utility_models += 1,
                PatentKind::Design => c.designs += 1,
            }
        }
        c
    }

    /// Everything a submission needs: no problem and every question answered, each at its
    /// field (a missing answer as [`E::Missing`]).
    pub fn check_for_submission(&self, fields: &[TechField], today: Date) -> Problems {
        let mut p = self.problems(fields, today);
        for section in Section::ALL {
            for name in self.missing(section) {
                p.push((name.to_string(), E::Missing(name)));
            }
        }
        p
    }
}

fn text(value: &Option<String>, max: usize, name: &str, at: &mut impl FnMut(&str, E)) {
    if let Err(e) = clean_text(value.as_deref(), max) {
        at(name, text_error(e));
    }
}

fn text_error(e: TextProblem) -> E {
    match e {
        TextProblem::TooLong => E::TextTooLong,
        TextProblem::Control => E::ControlCharacter,
    }
}
