//! The policy library (政策解读): `GET /api/v1/policies`, `GET /api/v1/policies/{slug}` and
//! `GET /api/v1/policies/search`.
//!
//! A document is a tree of sections following its own numbering, plus the Q&As of a press
//! conference and the quantified targets of a plan, as in `data/seed/policies/`. The parameters
//! of the list and the search are parsed here, by the same code in the browser and on the server
//! (which checks again, and also checks that a document slug or region occurs in the data).

use serde::{Deserialize, Serialize};

pub use crate::api::policy_guide::*;
use crate::api::{percent_encode, FacetCount};
use crate::lang::localized;
use crate::texts::{policy_error_texts, PolicyErrorTexts};

/// The topics a section or Q&A can be tagged with, in the order they are always listed.
pub const POLICY_TOPICS: [&str; 14] = [
    "专利",
    "商标",
    "版权",
    "地理标志",
    "商业秘密",
    "维权援助",
    "执法",
    "司法",
    "金融",
    "海外",
    "人才",
    "公共服务",
    "数据知识产权",
    "运用转化",
];

/// Who a section or Q&A is mostly for, in the order they are always listed.
pub const POLICY_AUDIENCES: [&str; 3] = ["citizen", "enterprise", "university_research"];

/// What kind of document it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyKind {
    /// 新闻发布会: prepared statements and answers to journalists.
    PressConference,
    /// 实施方案: measures, a schedule and quantified targets.
    Plan,
    /// 条例解读.
    RegulationInterpretation,
    /// 工作报告, e.g. a report to the people's congress.
    WorkReport,
}

impl PolicyKind {
    pub const ALL: [PolicyKind; 4] = [
        PolicyKind::PressConference,
        PolicyKind::Plan,
        PolicyKind::RegulationInterpretation,
        PolicyKind::WorkReport,
    ];

    /// The value used in JSON and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::PressConference => "press_conference",
            PolicyKind::Plan => "plan",
            PolicyKind::RegulationInterpretation => "regulation_interpretation",
            PolicyKind::WorkReport => "work_report",
        }
    }

    pub fn parse(value: &str) -> Option<PolicyKind> {
        PolicyKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// One document in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicySummary {
    /// Stable key, e.g. `nantong-2024-ip-strong-city-plan`.
    pub slug: String,
    /// The document's own title, exactly as in the source.
    pub title: String,
    pub issuer: String,
    /// E.g. `苏府〔2022〕83号`.
    pub doc_number: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`: only as precise as the source is.
    pub date: Option<String>,
    pub kind: PolicyKind,
    /// E.g. `南通市`.
    pub region: String,
    /// The center's own city's document, or another city's practice it refers to.
    pub scope: PolicyScope,
    /// What the document was published for, quoted from the source: the press conference's
    /// theme, the decision the plan carries out, the meeting the report was made to.
    pub occasion: String,
    /// When the source page was put online (`YYYY-MM-DD`), when it says so; `date` is the
    /// document's own date.
    pub published: Option<String>,
    /// Every topic of the document's sections and Q&As, in the order of [`POLICY_TOPICS`].
    pub topics: Vec<String>,
    /// Sections at all levels.
    pub section_count: u32,
    pub qa_count: u32,
    pub target_count: u32,
    /// Never sent by the server. Set by the service worker (`public/sw.js`): the device keeps
    /// this document (it was opened here), so it can be read offline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept_offline: bool,
}

/// `GET /api/v1/policies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyList {
    pub items: Vec<PolicySummary>,
    /// The "I want to…" entries of the library's start page (not filtered).
    pub tasks: Vec<PolicyTask>,
    /// Never sent by the server. Set by the service worker when it answered with the list the
    /// device kept because the network failed: the day (`YYYY-MM-DD`) it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline_saved_on: Option<String>,
}

/// `GET /api/v1/policies/{slug}`: the summary fields and the whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyDocument {
    pub slug: String,
    pub title: String,
    pub issuer: String,
    pub doc_number: Option<String>,
    pub date: Option<String>,
    pub kind: PolicyKind,
    pub region: String,
    pub scope: PolicyScope,
    pub occasion: String,
    pub published: Option<String>,
    pub topics: Vec<String>,
    pub section_count: u32,
    pub qa_count: u32,
    pub target_count: u32,
    /// The body in reading order.
    pub sections: Vec<PolicySection>,
    /// Press conferences only.
    pub qa: Vec<PolicyQa>,
    /// Plans only.
    pub targets: Vec<PolicyTarget>,
    /// Where the document explains a regulation in plain words ("what it means for you"), if
    /// it does.
    pub interpretation: Option<PolicyInterpretation>,
}

/// The part of a document that explains a regulation: its numbered children are the parts of
/// the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyInterpretation {
    /// The section that holds the explanation, e.g. `s4`.
    pub section_id: String,
    /// The regulation explained, as the document names it: `《南通市知识产权促进和保护条例》`.
    pub subject: String,
    /// The numbered parts of the explanation with the Q&As about each (filled in by the
    /// server; absent from the seed files).
    #[serde(default)]
    pub parts: Vec<PolicyInterpretationPart>,
}

/// A part of a document, following the document's own numbering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicySection {
    /// From the position, usable as a page anchor: `s3` is the 3rd top-level section, `s3-2`
    /// its 2nd child.
    pub id: String,
    /// As the source writes it (`一、`, `(三)`, `12.`); absent for unnumbered blocks.
    pub number: Option<String>,
    pub heading: Option<String>,
    /// Who spoke it, for a statement at a press conference.
    #[serde(default)]
    pub speaker: Option<PolicySpeaker>,
    /// The section's own text, one string per source paragraph.
    pub paragraphs: Vec<String>,
    /// From [`POLICY_TOPICS`]. A section without text of its own has its children's.
    pub topics: Vec<String>,
    /// From [`POLICY_AUDIENCES`].
    pub audiences: Vec<String>,
    /// The portal's services its own text is about (filled in by the server).
    #[serde(default)]
    pub services: Vec<PolicyService>,
    // The schema refers to itself here; without this utoipa would recurse forever.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<PolicySection>,
}

/// A journalist's question at a press conference and the answer given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyQa {
    /// `q1`, `q2`, …: usable as a page anchor.
    pub id: String,
    pub question: String,
    /// E.g. `记者一`; absent when the source names no one.
    pub asker: Option<String>,
    pub answers: Vec<PolicyAnswer>,
    pub topics: Vec<String>,
    pub audiences: Vec<String>,
    /// The portal's services the question or answer is about (filled in by the server).
    #[serde(default)]
    pub services: Vec<PolicyService>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyAnswer {
    pub speaker: String,
    /// The speaker's office, e.g. `市公安局副局长`.
    pub role: String,
    pub paragraphs: Vec<String>,
}

/// A quantified target of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyTarget {
    /// `t1`, `t2`, …
    pub id: String,
    /// E.g. `有效发明专利量`.
    pub indicator: String,
    /// As written, qualifiers included: `7.8万件`, `超200亿元`, `10%以上`. Show this one.
    pub target_value: String,
    /// The number in `unit`, with 万 multiplied out: `78000` for `7.8万件`. For sorting and charts.
    pub target_number: f64,
    /// E.g. `件`, `%`, `亿元`.
    pub unit: String,
    pub target_year: u16,
    /// The value reached before the plan, as quoted from `baseline_source`.
    pub baseline: Option<String>,
    pub baseline_year: Option<u16>,
    pub baseline_source: Option<String>,
    /// The section that sets the target.
    pub section_id: String,
}

/// The longest query, in characters (after trimming).
pub const MAX_POLICY_QUERY_CHARS: usize = 50;
/// The longest filter value, in characters.
pub const MAX_POLICY_FILTER_CHARS: usize = 60;

/// The filters of `GET /api/v1/policies` as they arrive in a query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PolicyListParams {
    /// Only documents of this region, e.g. `南通市`.
    pub region: Option<String>,
    /// `press_conference`, `plan`, `regulation_interpretation` or `work_report`.
    pub kind: Option<String>,
    /// Only documents with a section or Q&A on this topic (one of the fixed topics).
    pub topic: Option<String>,
}

/// List filters that are known to be well-formed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyFilter {
    pub region: Option<String>,
    pub kind: Option<PolicyKind>,
    pub topic: Option<String>,
}

impl PolicyFilter {
    /// Parses the filters; blank ones are absent. Whether `region` occurs in the data is the
    /// server's check.
    pub fn parse(
        params: &PolicyListParams,
    ) -> Result<PolicyFilter, Vec<(&'static str, PolicySearchError)>> {
        let mut errors = Vec::new();
        let region = filter_text("region", params.region.as_deref(), &mut errors);
        let kind = filter_text("kind", params.kind.as_deref(), &mut errors).and_then(|kind| {
            let parsed = PolicyKind::parse(&kind);
            if parsed.is_none() {
                errors.push(("kind", PolicySearchError::UnknownKind));
            }
            parsed
        });
        let topic = topic("topic", params.topic.as_deref(), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PolicyFilter {
            region,
            kind,
            topic,
        })
    }
}

/// The parameters of `GET /api/v1/policies/search` as they arrive in a query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PolicySearchParams {
    /// Required, 1 to 50 characters. Words separated by spaces must all occur in the same
    /// section (or Q&A). Latin letters match in either case.
    pub q: Option<String>,
    /// Only this document (its slug).
    pub doc: Option<String>,
    /// Only sections and Q&As on this topic (one of the fixed topics).
    pub topic: Option<String>,
}

/// A search that is known to be well-formed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicySearch {
    /// Trimmed, inner whitespace runs collapsed to one space; never empty.
    pub q: String,
    pub doc: Option<String>,
    pub topic: Option<String>,
}

/// What is wrong with one parameter of the policy list or search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySearchError {
    QueryMissing,
    QueryTooLong,
    ControlCharacter,
    FilterTooLong,
    UnknownTopic,
    UnknownKind,
    /// The server's check: no document has this slug.
    UnknownDocument,
    /// The server's check: no document is from this region.
    UnknownRegion,
}

impl PolicySearchError {
    fn texts(self, t: &PolicyErrorTexts) -> (&'static str, &'static str) {
        match self {
            PolicySearchError::QueryMissing => {
                ("policy_search.query_missing", t.policy_search_query_missing)
            }
            PolicySearchError::QueryTooLong => (
                "policy_search.query_too_long",
                t.policy_search_query_too_long,
            ),
            PolicySearchError::ControlCharacter => (
                "policy_search.control_character",
                t.policy_search_control_character,
            ),
            PolicySearchError::FilterTooLong => (
                "policy_search.filter_too_long",
                t.policy_search_filter_too_long,
            ),
            PolicySearchError::UnknownTopic => {
                ("policy_search.unknown_topic", t.policy_search_unknown_topic)
            }
            PolicySearchError::UnknownKind => {
                ("policy_search.unknown_kind", t.policy_search_unknown_kind)
            }
            PolicySearchError::UnknownDocument => (
                "policy_search.unknown_document",
                t.policy_search_unknown_document,
            ),
            PolicySearchError::UnknownRegion => (
                "policy_search.unknown_region",
                t.policy_search_unknown_region,
            ),
        }
    }
}

localized!(PolicySearchError, policy_error_texts);

impl PolicySearch {
    /// Parses the parameters; every bad one is reported, with the name of its parameter.
    pub fn parse(
        params: &PolicySearchParams,
    ) -> Result<PolicySearch, Vec<(&'static str, PolicySearchError)>> {
        let mut errors = Vec::new();
        let q = match clean_text(params.q.as_deref(), MAX_POLICY_QUERY_CHARS) {
            Ok(Some(q)) => q,
            Ok(None) => {
                errors.push(("q", PolicySearchError::QueryMissing));
                String::new()
            }
            Err(PolicySearchError::FilterTooLong) => {
                errors.push(("q", PolicySearchError::QueryTooLong));
                String::new()
            }
            Err(e) => {
                errors.push(("q", e));
                String::new()
            }
        };
        let doc = filter_text("doc", params.doc.as_deref(), &mut errors);
        let topic = topic("topic", params.topic.as_deref(), &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PolicySearch { q, doc, topic })
    }

    /// The words of the query: each must occur in a section for it to match.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.q.split(' ')
    }

    /// The parameters as a query string (`q=…&doc=…`, percent-encoded, no leading `?`).
    pub fn to_query_string(&self) -> String {
        let mut out = format!("q={}", percent_encode(&self.q));
        for (name, value) in [("doc", &self.doc), ("topic", &self.topic)] {
            if let Some(value) = value {
                out.push_str(&format!("&{name}={}", percent_encode(value)));
            }
        }
        out
    }
}

/// A filter value: trimmed, `None` when blank, an error recorded when too long or unreadable.
fn filter_text(
    name: &'static str,
    value: Option<&str>,
    errors: &mut Vec<(&'static str, PolicySearchError)>,
) -> Option<String> {
    clean_text(value, MAX_POLICY_FILTER_CHARS).unwrap_or_else(|e| {
        errors.push((name, e));
        None
    })
}

/// A topic filter: one of [`POLICY_TOPICS`].
fn topic(
    name: &'static str,
    value: Option<&str>,
    errors: &mut Vec<(&'static str, PolicySearchError)>,
) -> Option<String> {
    let topic = filter_text(name, value, errors)?;
    if POLICY_TOPICS.contains(&topic.as_str()) {
        Some(topic)
    } else {
        errors.push((name, PolicySearchError::UnknownTopic));
        None
    }
}

/// Trims, refuses control characters and over-long text, collapses inner whitespace.
/// `Ok(None)` for an absent or blank value.
fn clean_text(value: Option<&str>, max_chars: usize) -> Result<Option<String>, PolicySearchError> {
    let Some(value) = value else { return Ok(None) };
    // Checked before any other work so a huge value costs nothing.
    if value.len() > max_chars * 4 || value.trim().chars().nth(max_chars).is_some() {
        return Err(PolicySearchError::FilterTooLong);
    }
    if value.chars().any(crate::text::is_hidden) {
        return Err(PolicySearchError::ControlCharacter);
    }
    let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((!cleaned.is_empty()).then_some(cleaned))
}

/// `GET /api/v1/policies/search`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicySearchResult {
    /// Best first, at most [`MAX_POLICY_HITS`].
    pub items: Vec<PolicyHit>,
    /// Hits matching the query and both filters.
    pub total: u32,
    pub facets: PolicyFacets,
}

/// The most hits one answer lists (`total` counts them all).
pub const MAX_POLICY_HITS: usize = 100;

/// Hit counts per facet value. Each facet applies the query and the *other* filter, so it says
/// what choosing that value would show. Values without hits are left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyFacets {
    /// Per document (its slug), in the order of the list.
    pub doc: Vec<FacetCount>,
    /// Per topic, in the order of [`POLICY_TOPICS`].
    pub topic: Vec<FacetCount>,
}

/// Where in a document the query was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyHitKind {
    /// In a section's heading or paragraphs: `anchor` is the section's id.
    Section,
    /// In a question (and maybe its answer too): `anchor` is the Q&A's id.
    Question,
    /// Only in the answer: `anchor` is the Q&A's id.
    Answer,
}

/// One section or Q&A that matches the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyHit {
    /// The document's slug.
    pub doc: String,
    pub doc_title: String,
    /// The id of the section (the deepest one whose own text matches, e.g. `s3-2`) or of the
    /// Q&A (`q2`): link to `/policies/{doc}#{anchor}`.
    pub anchor: String,
    pub kind: PolicyHitKind,
    /// The section's number (`(三)`); absent for Q&As and unnumbered sections.
    pub number: Option<String>,
    /// The section's heading, or the question of a Q&A; absent for an unnamed section.
    pub heading: Option<String>,
    /// For an unnamed section: the label (number and heading) of the section it belongs to;
    /// absent when it has a label of its own or is an unnamed top-level block (then the
    /// document is what it belongs to).
    pub part_of: Option<String>,
    /// About 80 characters around the first match, `…` where cut: from the first paragraph
    /// (or answer paragraph) that matches, from the heading or question when only they do.
    pub snippet: String,
    /// Every occurrence of a query word in `snippet`, in order, not overlapping.
    pub highlights: Vec<Highlight>,
    /// Occurrences weighted by where they are (heading 3, question 2, text 1); higher is better.
    pub score: u32,
}

/// A range of characters (Unicode scalar values), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Highlight {
    pub start: u32,
    pub end: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, Localized};

    fn search(q: Option<&str>, doc: Option<&str>, topic: Option<&str>) -> PolicySearchParams {
        PolicySearchParams {
            q: q.map(str::to_owned),
            doc: doc.map(str::to_owned),
            topic: topic.map(str::to_owned),
        }
    }

    fn errors(params: PolicySearchParams) -> Vec<(&'static str, PolicySearchError)> {
        PolicySearch::parse(&params).unwrap_err()
    }

    #[test]
    fn a_query_is_trimmed_and_split_into_words() {
        let s = PolicySearch::parse(&search(
            Some("  质押   融资 "),
            Some(" nantong-2024-ip-strong-city-plan "),
            Some("金融"),
        ))
        .unwrap();
        assert_eq!(s.q, "质押 融资");
        assert_eq!(s.terms().collect::<Vec<_>>(), ["质押", "融资"]);
        assert_eq!(s.doc.as_deref(), Some("nantong-2024-ip-strong-city-plan"));
        assert_eq!(s.topic.as_deref(), Some("金融"));

        let blank_filters =
            PolicySearch::parse(&search(Some("预审"), Some(""), Some(" "))).unwrap();
        assert_eq!(
            blank_filters,
            PolicySearch {
                q: "预审".into(),
                doc: None,
                topic: None
            }
        );
        // Exactly 50 characters after trimming is still fine.
        let fifty = format!(" {} ", "审".repeat(50));
        assert!(PolicySearch::parse(&search(Some(&fifty), None, None)).is_ok());
    }

    #[test]
    fn the_query_is_required() {
        for q in [None, Some(""), Some("   "), Some("\u{3000}")] {
            assert_eq!(
                errors(search(q, None, None)),
                [("q", PolicySearchError::QueryMissing)],
                "{q:?}"
            );
        }
    }

    #[test]
    fn bad_values_are_reported_per_field() {
        assert_eq!(
            errors(search(Some(&"审".repeat(51)), None, None)),
            [("q", PolicySearchError::QueryTooLong)]
        );
        assert_eq!(
            errors(search(Some(&"a".repeat(10_240)), None, None)),
            [("q", PolicySearchError::QueryTooLong)]
        );
        assert_eq!(
            errors(search(Some("质押\u{0}"), None, None)),
            [("q", PolicySearchError::ControlCharacter)]
        );
        assert_eq!(
            errors(search(Some("质押\n预审"), None, None)),
            [("q", PolicySearchError::ControlCharacter)]
        );
        assert_eq!(
            errors(search(Some("质押"), Some(&"x".repeat(61)), None)),
            [("doc", PolicySearchError::FilterTooLong)]
        );
        assert_eq!(
            errors(search(Some("质押"), None, Some("火箭"))),
            [("topic", PolicySearchError::UnknownTopic)]
        );
        assert_eq!(
            errors(search(None, Some("a\u{7}"), Some("火箭"))),
            [
                ("q", PolicySearchError::QueryMissing),
                ("doc", PolicySearchError::ControlCharacter),
                ("topic", PolicySearchError::UnknownTopic)
            ]
        );
    }

    #[test]
    fn list_filters_parse_kinds_and_topics() {
        let params = |region: &str, kind: &str, topic: &str| PolicyListParams {
            region: Some(region.into()),
            kind: Some(kind.into()),
            topic: Some(topic.into()),
        };
        assert_eq!(
            PolicyFilter::parse(&params(" 南通市 ", "plan", "专利")).unwrap(),
            PolicyFilter {
                region: Some("南通市".into()),
                kind: Some(PolicyKind::Plan),
                topic: Some("专利".into())
            }
        );
        assert_eq!(
            PolicyFilter::parse(&params("", "", "")).unwrap(),
            PolicyFilter::default()
        );
        assert_eq!(
            PolicyFilter::parse(&params("南通市", "law", "patent")).unwrap_err(),
            [
                ("kind", PolicySearchError::UnknownKind),
                ("topic", PolicySearchError::UnknownTopic)
            ]
        );
        for kind in PolicyKind::ALL {
            assert_eq!(PolicyKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn searches_round_trip_through_the_query_string() {
        let s = PolicySearch::parse(&search(Some("质押 a&b"), None, Some("金融"))).unwrap();
        assert_eq!(
            s.to_query_string(),
            "q=%E8%B4%A8%E6%8A%BC%20a%26b&topic=%E9%87%91%E8%9E%8D"
        );
    }

    #[test]
    fn every_error_has_a_code_and_both_messages() {
        use PolicySearchError as E;
        let all = [
            E::QueryMissing,
            E::QueryTooLong,
            E::ControlCharacter,
            E::FilterTooLong,
            E::UnknownTopic,
            E::UnknownKind,
            E::UnknownDocument,
            E::UnknownRegion,
        ];
        let mut codes: Vec<_> = all.iter().map(|e| e.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in all {
            assert!(e.code().starts_with("policy_search."));
            assert!(!e.message(Lang::Zh).is_ascii());
            assert!(e.message(Lang::En).is_ascii());
        }
    }

    #[test]
    fn kinds_are_snake_case_in_json() {
        assert_eq!(
            serde_json::to_string(&PolicyKind::RegulationInterpretation).unwrap(),
            "\"regulation_interpretation\""
        );
        assert_eq!(
            serde_json::to_string(&PolicyHitKind::Answer).unwrap(),
            "\"answer\""
        );
    }
}
