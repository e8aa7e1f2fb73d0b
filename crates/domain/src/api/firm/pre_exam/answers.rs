//! What a firm answers in a pre-examination request. A draft may be incomplete: only what is
//! given is checked ([`PreExamAnswers::problems`]); submitting reads every answer into a
//! [`PreExamRequest`] ([`PreExamAnswers::parse`]), which only a complete, eligible request can
//! become, so nothing later has to check the answers again.

use serde::{Deserialize, Serialize};

use super::classification::{field_for, read_classification, Classification};
use super::errors::PreExamError as E;
use super::exclusions::Exclusion;
use super::Problems;
use crate::api::firm::registration::{FieldVenue, TechField};
use crate::api::firm::{MAX_FIRM_NAME_CHARS, MAX_PERSON_NAME_CHARS};
use crate::ids::PatentKind;
use crate::text::{clean_line, clean_text, TextProblem};

/// Longest title: a cap against slips, well above what the national office's guidelines allow
/// (the officer checks the title itself).
pub const MAX_TITLE_CHARS: usize = 100;
/// Longest short summary (for the officers; the 说明书摘要 is a document of its own).
pub const MAX_SUMMARY_CHARS: usize = 1000;
/// Most inventors listed.
pub const MAX_INVENTORS: usize = 50;
/// Most co-applicants besides the firm.
pub const MAX_CO_APPLICANTS: usize = 10;

/// The answers (`PUT /api/v1/firm/pre-exams/{id}`). Everything is optional in a draft. The last
/// five are the exclusion questions ([`Exclusion`]), `Some(true)` for "yes".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PreExamAnswers {
    /// Who examines it: the center or a 快维 centre.
    pub venue: Option<FieldVenue>,
    /// The kind of patent to be applied for.
    pub kind: Option<PatentKind>,
    /// The main classification as typed: an IPC main group (`B25F 5/00`) or, for a design, a
    /// Locarno class (`06-01`).
    pub classification: Option<String>,
    /// 发明创造名称 (a design: 使用外观设计的产品名称).
    pub title: Option<String>,
    /// 发明人 (a design: 设计人), by name.
    pub inventors: Vec<String>,
    /// A short summary of what it is, for the officers.
    pub summary: Option<String>,
    /// The other applicants besides the firm (the first applicant), by name: with them the joint
    /// R&D agreement is required.
    pub co_applicants: Vec<String>,
    /// A PCT international application entering the Chinese national phase?
    pub pct_national_phase: Option<bool>,
    /// A divisional application (分案申请)?
    pub divisional: Option<bool>,
    /// The same invention also applied for as a utility model (or as an invention) on the same
    /// day? Asked of inventions and utility models only.
    pub same_day_filing: Option<bool>,
    /// Does it need a secrecy examination (保密审查)?
    pub needs_secrecy_examination: Option<bool>,
    /// Already filed with the national office (it has an application number or filing date)?
    pub already_filed: Option<bool>,
}

/// A request read from complete answers that pass every check: what is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamRequest {
    pub venue: FieldVenue,
    /// Invention, utility model or design (never a PCT kind).
    pub kind: PatentKind,
    pub classification: Classification,
    /// The code of the field that examines it, at `venue`.
    pub field: String,
    pub title: String,
    pub inventors: Vec<String>,
    pub summary: String,
    pub co_applicants: Vec<String>,
}

impl PreExamAnswers {
    /// The firm's answer to an exclusion question.
    pub fn exclusion(&self, question: Exclusion) -> Option<bool> {
        match question {
            Exclusion::PctNationalPhase => self.pct_national_phase,
            Exclusion::Divisional => self.divisional,
            Exclusion::SameDayFiling => self.same_day_filing,
            Exclusion::SecrecyExamination => self.needs_secrecy_examination,
            Exclusion::AlreadyFiled => self.already_filed,
        }
    }

    /// What is wrong with what was given (a draft's missing answers are not problems).
    pub fn problems(&self, fields: &[TechField]) -> Problems {
        self.read(fields).0
    }

    /// Every problem at once, each at its field (a missing answer as [`E::Missing`]), or the
    /// request.
    pub fn parse(&self, fields: &[TechField]) -> Result<PreExamRequest, Problems> {
        let (mut p, request) = self.read(fields);
        for name in self.missing() {
            p.push((name.to_string(), E::Missing(name)));
        }
        match request {
            Some(request) if p.is_empty() => Ok(request),
            _ => Err(p),
        }
    }

    /// The questions not answered yet, by field name.
    pub fn missing(&self) -> Vec<&'static str> {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        let mut m: Vec<&'static str> = [
            ("venue", self.venue.is_none()),
            ("kind", self.kind.is_none()),
            ("classification", blank(&self.classification)),
            ("title", blank(&self.title)),
            ("inventors", self.inventors.is_empty()),
            ("summary", blank(&self.summary)),
        ]
        .into_iter()
        .filter_map(|(name, missing)| missing.then_some(name))
        .collect();
        m.extend(Exclusion::check(self.kind, |x| self.exclusion(x)).1);
        m
    }

    /// The problems of what was given, and the request if every answer is there and right.
    fn read(&self, fields: &[TechField]) -> (Problems, Option<PreExamRequest>) {
        let mut p = Problems::new();
        let mut at = |name: &str, e: E| p.push((name.to_string(), e));
        let kind = self.kind.filter(|k| match k {
            PatentKind::PctInvention | PatentKind::PctUtilityModel => {
                at("kind", E::ExcludedPct);
                false
            }
            _ => true,
        });
        for (name, refusal) in Exclusion::check(self.kind, |x| self.exclusion(x)).0 {
            at(name, refusal);
        }
        let typed = self.classification.as_deref().map(str::trim);
        let mut class = None;
        if let (Some(kind), Some(typed)) = (kind, typed.filter(|t| !t.is_empty())) {
            match read_classification(kind, typed) {
                Err(e) => at("classification", e),
                Ok(c) => match self.venue.map(|v| field_for(v, &c, fields)) {
                    Some(Err(e)) => at("classification", e),
                    Some(Ok(f)) => class = Some((c, f.code.clone())),
                    None => {}
                },
            }
        }
        let title = line(&self.title, MAX_TITLE_CHARS, "title", &mut at);
        let summary = match clean_text(self.summary.as_deref(), MAX_SUMMARY_CHARS) {
            Ok(s) => s,
            Err(e) => {
                at("summary", text_error(e));
                None
            }
        };
        let inventors = names(
            &self.inventors,
            (MAX_INVENTORS, MAX_PERSON_NAME_CHARS),
            "inventors",
            &mut at,
        );
        let co_applicants = names(
            &self.co_applicants,
            (MAX_CO_APPLICANTS, MAX_FIRM_NAME_CHARS),
            "co_applicants",
            &mut at,
        );
        let request = (|| {
            let (classification, field) = class?;
            Some(PreExamRequest {
                venue: self.venue?,
                kind: kind?,
                classification,
                field,
                title: title?,
                inventors: inventors?,
                summary: summary?,
                co_applicants: co_applicants?,
            })
        })();
        (p, request.filter(|r| !r.inventors.is_empty()))
    }
}

/// One line of text, cleaned; `None` (with the problem reported) if it is wrong or blank.
fn line(
    value: &Option<String>,
    max: usize,
    name: &str,
    at: &mut impl FnMut(&str, E),
) -> Option<String> {
    clean_line(value.as_deref(), max)
        .map_err(|e| at(name, text_error(e)))
        .ok()
        .flatten()
}

/// A list of names, each cleaned, none blank or repeated; `None` if any is wrong.
fn names(
    list: &[String],
    (max_count, max_chars): (usize, usize),
    name: &str,
    at: &mut impl FnMut(&str, E),
) -> Option<Vec<String>> {
    let mut ok = true;
    if list.len() > max_count {
        at(name, E::TooManyNames(max_count));
        ok = false;
    }
    let mut cleaned: Vec<String> = Vec::new();
    // Past the most taken, the names are not read: the list is refused already.
    for typed in list.iter().take(max_count) {
        match clean_line(Some(typed), max_chars) {
            Ok(Some(n)) if cleaned.contains(&n) => {
                at(name, E::NameRepeated(n));
                ok = false;
            }
            Ok(Some(n)) => cleaned.push(n),
            Ok(None) => {
                at(name, E::NameBlank);
                ok = false;
            }
            Err(e) => {
                at(name, text_error(e));
                ok = false;
            }
        }
    }
    ok.then_some(cleaned)
}

fn text_error(e: TextProblem) -> E {
    match e {
        TextProblem::TooLong => E::TextTooLong,
        TextProblem::Control => E::ControlCharacter,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::classification::tests::fields;
    use super::*;

    /// A complete design request at the 家纺 centre.
    pub(in super::super) fn design() -> PreExamAnswers {
        PreExamAnswers {
            venue: Some(FieldVenue::HomeTextiles),
            kind: Some(PatentKind::Design),
            classification: Some("6-9".into()),
            title: Some("  床罩 ".into()),
            inventors: vec!["张三".into(), " 李  四 ".into()],
            summary: Some("一种床罩。".into()),
            co_applicants: Vec::new(),
            pct_national_phase: Some(false),
            divisional: Some(false),
            same_day_filing: None,
            needs_secrecy_examination: Some(false),
            already_filed: Some(false),
        }
    }

    fn field_names(p: &Problems) -> Vec<&str> {
        p.iter().map(|(f, _)| f.as_str()).collect()
    }

    #[test]
    fn complete_answers_become_a_request_cleaned() {
        let r = design().parse(&fields()).unwrap();
        assert_eq!(r.classification, Classification::Locarno("06-09".into()));
        assert_eq!(r.field, "modern_textiles");
        assert_eq!(r.title, "床罩");
        assert_eq!(r.inventors, ["张三", "李 四"]);
        // A design is not asked about a same-day utility model.
        assert!(!design().missing().contains(&"same_day_filing"));
    }

    #[test]
    fn a_draft_has_no_problems_but_cannot_be_submitted() {
        let empty = PreExamAnswers::default();
        assert!(empty.problems(&fields()).is_empty());
        let p = empty.parse(&fields()).unwrap_err();
        assert_eq!(p.len(), 11, "{p:?}");
        assert!(p.contains(&("same_day_filing".into(), E::Missing("same_day_filing"))));
    }

    #[test]
    fn every_exclusion_answered_yes_is_refused_with_its_reason() {
        let mut a = design();
        a.kind = Some(PatentKind::Invention);
        a.classification = Some("D06F 58/00".into());
        a.pct_national_phase = Some(true);
        a.divisional = Some(true);
        a.same_day_filing = Some(true);
        a.needs_secrecy_examination = Some(true);
        a.already_filed = Some(true);
        assert_eq!(
            a.parse(&fields()).unwrap_err(),
            vec![
                ("pct_national_phase".to_string(), E::ExcludedPct),
                ("divisional".to_string(), E::ExcludedDivisional),
                ("same_day_filing".to_string(), E::ExcludedSameDay),
                ("needs_secrecy_examination".to_string(), E::ExcludedSecrecy),
                ("already_filed".to_string(), E::ExcludedAlreadyFiled),
            ]
        );
        // A PCT kind is the national phase too.
        a = design();
        a.kind = Some(PatentKind::PctUtilityModel);
        assert_eq!(
            a.problems(&fields()),
            vec![("kind".to_string(), E::ExcludedPct)]
        );
    }

    #[test]
    fn the_class_is_checked_against_the_venue() {
        let mut a = design();
        a.venue = Some(FieldVenue::ProtectionCenter);
        assert_eq!(
            a.problems(&fields()),
            vec![(
                "classification".to_string(),
                E::ServedElsewhere(FieldVenue::HomeTextiles)
            )]
        );
        a.classification = Some("06-99-1".into());
        assert_eq!(field_names(&a.problems(&fields())), ["classification"]);
    }

    #[test]
    fn names_and_texts_are_checked_each() {
        let mut a = design();
        a.inventors = vec!["张三".into(), "张三".into(), " ".into()];
        a.co_applicants = vec!["甲".repeat(MAX_FIRM_NAME_CHARS + 1)];
        a.title = Some("床\u{202E}罩".into());
        assert_eq!(
            a.problems(&fields()),
            vec![
                ("title".to_string(), E::ControlCharacter),
                ("inventors".to_string(), E::NameRepeated("张三".into())),
                ("inventors".to_string(), E::NameBlank),
                ("co_applicants".to_string(), E::TextTooLong),
            ]
        );
        a = design();
        a.inventors = (0..=MAX_INVENTORS).map(|i| format!("发明人{i}")).collect();
        assert_eq!(
            a.problems(&fields()),
            vec![("inventors".to_string(), E::TooManyNames(MAX_INVENTORS))]
        );
        a.inventors.clear();
        assert_eq!(
            a.parse(&fields()).unwrap_err(),
            vec![("inventors".to_string(), E::Missing("inventors"))]
        );
    }
}
