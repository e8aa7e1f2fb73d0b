//! What the policy library adds to the documents to guide a reader: whose documents they are
//! (the center's own city or other cities' practice), who spoke a statement, which of the
//! portal's services a passage is about, the "I want to…" entries, the labels of sections, and
//! the folding both the search and the document page's highlighting use.
//!
//! Kept apart from `policies.rs` (the documents and the search's parameters) so that neither
//! file grows past what can be read; `policies.rs` uses these types, never the other way round.

use serde::{Deserialize, Serialize};

use crate::text::fold_width;

/// The city whose IP protection center runs the portal: its documents are the center's own,
/// every other region's are other cities' practice the center refers to.
pub const HOME_REGION: &str = "南通市";

/// Whose document it is, from its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyScope {
    /// Published in the center's own city ([`HOME_REGION`]).
    Local,
    /// Another city's practice, which the center refers to; it does not apply here.
    OtherCity,
}

impl PolicyScope {
    pub fn of(region: &str) -> PolicyScope {
        if region == HOME_REGION {
            PolicyScope::Local
        } else {
            PolicyScope::OtherCity
        }
    }
}

/// Who spoke a statement at a press conference, as the source's list of participants names
/// them. A statement's heading is what it is about, never the speaker's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicySpeaker {
    pub name: String,
    /// E.g. `市市场监督管理局局长`.
    pub role: String,
}

/// A service of the portal a passage is about, decided from the passage's words by one table
/// on the server (`policies/services.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyService {
    /// Consultation booking, `/booking`.
    Booking,
    /// Rights-assistance requests, `/assistance`.
    Assistance,
    /// The GI lookup, `/gi` (filtered to the document's city).
    Gi,
    /// The enterprise fast track (专利预审, 快速维权), `/fast-track`.
    FastTrack,
}

/// One part of a regulation's explanation with the Q&As about it: each Q&A is listed under the
/// one part it has most in common with, so that no answer repeats under every part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyInterpretationPart {
    /// The part's section, e.g. `s4-2`.
    pub section_id: String,
    /// The Q&As about it (`q2`), in the document's order; often none.
    pub qa_ids: Vec<String>,
}

/// An "I want to…" entry of the library's start page: a question firms ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyTaskKind {
    /// How to get an IP pledge loan (知识产权质押融资).
    PledgeLoan,
    /// How to use patent pre-examination (专利预审), the fast track.
    PreExamination,
}

/// An "I want to…" entry: the service that does it and the passages of the center's own
/// documents that speak of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyTask {
    pub kind: PolicyTaskKind,
    pub service: PolicyService,
    /// In the library's reading order.
    pub passages: Vec<PolicyPassage>,
}

/// A link to a section of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyPassage {
    pub doc: String,
    pub doc_title: String,
    /// Link to `/policies/{doc}#{anchor}`.
    pub anchor: String,
    /// The section's number and heading (`(四)强化知识产权金融支持`), or for an unnamed block the
    /// label of the section it belongs to; absent when neither has one.
    pub label: Option<String>,
}

/// `(一) 加强顶层设计` from a section's number and heading; `None` for an unnamed block.
pub fn section_label(number: Option<&str>, heading: Option<&str>) -> Option<String> {
    match (number, heading) {
        (Some(n), Some(h)) if n.ends_with('、') => Some(format!("{n}{h}")),
        (Some(n), Some(h)) => Some(format!("{n} {h}")),
        (Some(n), None) => Some(n.to_owned()),
        (None, Some(h)) => Some(h.to_owned()),
        (None, None) => None,
    }
}

/// Where the words occur in `text`, folded as the search folds them: ranges of characters, in
/// order, overlapping ones merged. For the `<mark>`s where a search result opens.
pub fn word_ranges<'a>(text: &str, words: impl IntoIterator<Item = &'a str>) -> Vec<(u32, u32)> {
    let folded: Vec<char> = fold_width(text).chars().collect();
    let mut found = Vec::new();
    for word in words {
        let word: Vec<char> = fold_width(word).chars().collect();
        if word.is_empty() || word.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - word.len() {
            if folded[start..start + word.len()] == word[..] {
                found.push((start, start + word.len()));
            }
        }
    }
    found.sort_unstable();
    let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(found.len());
    for (start, end) in found {
        let (start, end) = (start as u32, end as u32);
        match ranges.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_home_region_is_local_and_every_other_one_another_city() {
        assert_eq!(PolicyScope::of("南通市"), PolicyScope::Local);
        assert_eq!(PolicyScope::of("苏州市"), PolicyScope::OtherCity);
    }

    #[test]
    fn labels_join_number_and_heading() {
        assert_eq!(
            section_label(Some("一、"), Some("建设目标")).unwrap(),
            "一、建设目标"
        );
        assert_eq!(
            section_label(Some("(一)"), Some("加强")).unwrap(),
            "(一) 加强"
        );
        assert_eq!(section_label(None, None), None);
    }

    #[test]
    fn folding_keeps_one_character_for_one() {
        assert_eq!(fold_width("ＡＢｃ PCT 专利"), "abc pct 专利");
        let text = "《ＰＣＴ》国际申请";
        assert_eq!(fold_width(text).chars().count(), text.chars().count());
    }

    #[test]
    fn words_are_found_in_either_case_and_overlaps_merge() {
        assert_eq!(
            word_ranges("知识产权质押融资,质押登记", ["质押"]),
            [(4, 6), (9, 11)]
        );
        assert_eq!(word_ranges("提交ＰＣＴ申请", ["pct"]), [(2, 5)]);
        assert_eq!(word_ranges("知识产权", ["知识", "识产"]), [(0, 3)]);
        assert!(word_ranges("知识产权", ["质押", ""]).is_empty());
    }
}
