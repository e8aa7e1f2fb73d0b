//! Full-text search over the policy library.
//!
//! The library is small (five documents, about 60,000 characters), so the index is simply every
//! searchable text in reading order, each kept twice: as written (for snippets) and folded for
//! matching. A query is one SIMD substring scan (`memchr::memmem`) per word and text, which
//! takes well under a millisecond. Plain substring matching is what Chinese needs: there are no
//! spaces between words, and the two-character words people look for (质押, 预审) would be lost
//! by any tokenizer that does not know them.
//!
//! Folding maps one character to one character, so a match's character offsets in the folded
//! text are its offsets in the text as written.

use memchr::memmem::Finder;
use portal_domain::api::policies::{
    section_label, Highlight, PolicyDocument, PolicyHitKind, PolicySection,
};
use portal_domain::text::fold_width;

/// How much one occurrence counts, by where it is: a word in a heading says more about a
/// section than the same word somewhere in its paragraphs.
const HEADING_WEIGHT: u32 = 3;
const QUESTION_WEIGHT: u32 = 2;
const TEXT_WEIGHT: u32 = 1;

/// At most this many characters of text are shown around a match, the ellipses included:
/// about two lines on a phone.
pub const SNIPPET_CHARS: usize = 80;
/// Characters shown before the first match, when the text is cut: enough for the start of the
/// clause, while most of the window shows what follows.
const LEAD_CHARS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Heading,
    Question,
    Text,
}

impl Role {
    fn weight(self) -> u32 {
        match self {
            Role::Heading => HEADING_WEIGHT,
            Role::Question => QUESTION_WEIGHT,
            Role::Text => TEXT_WEIGHT,
        }
    }
}

struct Field {
    role: Role,
    text: String,
    folded: String,
}

impl Field {
    fn new(role: Role, text: &str) -> Field {
        Field {
            role,
            text: text.to_owned(),
            folded: fold_width(text),
        }
    }

    fn count(&self, finder: &Finder) -> u32 {
        finder.find_iter(self.folded.as_bytes()).count() as u32
    }

    fn matches(&self, matcher: &Matcher) -> bool {
        matcher
            .finders
            .iter()
            .any(|f| f.find(self.folded.as_bytes()).is_some())
    }
}

/// What a hit points at: a section (its own heading and paragraphs, not its children's, so a
/// hit is always the deepest section holding the match) or a Q&A.
pub struct Unit {
    /// The document's position in the library.
    pub doc: usize,
    pub anchor: String,
    qa: bool,
    pub number: Option<String>,
    pub heading: Option<String>,
    /// For an unnamed section, the label of the nearest named section above it.
    pub part_of: Option<String>,
    /// Bit `i` set: tagged with `POLICY_TOPICS[i]`.
    topics: u16,
    /// Heading or question first, then the paragraphs.
    fields: Vec<Field>,
}

/// Every searchable unit of the library in reading order: documents in list order, each one's
/// sections in pre-order, then its Q&As (which follow the statements at a press conference).
#[derive(Default)]
pub struct SearchIndex {
    units: Vec<Unit>,
}

/// The words of a query, folded, as the scans need them.
pub struct Matcher {
    finders: Vec<Finder<'static>>,
}

impl Matcher {
    /// `words` are the query's words (never empty ones); repeated words count once.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Matcher {
        let mut folded: Vec<String> = words.into_iter().map(fold_width).collect();
        folded.sort();
        folded.dedup();
        Matcher {
            finders: folded
                .iter()
                .map(|w| Finder::new(w.as_bytes()).into_owned())
                .collect(),
        }
    }
}

/// The units that match, best first, with the facet counts.
pub struct Hits {
    /// `(score, unit)`.
    pub ranked: Vec<(u32, usize)>,
    /// Per document, under the topic filter.
    pub doc_counts: Vec<u32>,
    /// Per topic, under the document filter.
    pub topic_counts: Vec<u32>,
}

/// How a unit matched: what the API's `PolicyHit` needs beside the document.
pub struct Explained {
    pub kind: PolicyHitKind,
    pub snippet: String,
    pub highlights: Vec<Highlight>,
}

impl SearchIndex {
    /// Adds a document's sections and Q&As. `topics` turns a list of topics into a bit set.
    pub fn add(
        &mut self,
        doc: usize,
        document: &PolicyDocument,
        topics: impl Fn(&[String]) -> u16,
    ) {
        fn sections(
            index: &mut SearchIndex,
            doc: usize,
            list: &[PolicySection],
            parent: Option<&str>,
            topics: &impl Fn(&[String]) -> u16,
        ) {
            for s in list {
                let heading = s.heading.iter().map(|h| Field::new(Role::Heading, h));
                let text = s.paragraphs.iter().map(|p| Field::new(Role::Text, p));
                let own = section_label(s.number.as_deref(), s.heading.as_deref());
                index.units.push(Unit {
                    doc,
                    anchor: s.id.clone(),
                    qa: false,
                    number: s.number.clone(),
                    heading: s.heading.clone(),
                    part_of: own.is_none().then(|| parent.map(str::to_owned)).flatten(),
                    topics: topics(&s.topics),
                    fields: heading.chain(text).collect(),
                });
                sections(index, doc, &s.children, own.as_deref().or(parent), topics);
            }
        }
        sections(self, doc, &document.sections, None, &topics);
        for qa in &document.qa {
            let question = Field::new(Role::Question, &qa.question);
            let answers = qa
                .answers
                .iter()
                .flat_map(|a| &a.paragraphs)
                .map(|p| Field::new(Role::Text, p));
            self.units.push(Unit {
                doc,
                anchor: qa.id.clone(),
                qa: true,
                number: None,
                heading: Some(qa.question.clone()),
                part_of: None,
                topics: topics(&qa.topics),
                fields: std::iter::once(question).chain(answers).collect(),
            });
        }
    }

    pub fn unit(&self, i: usize) -> &Unit {
        &self.units[i]
    }

    /// The units in which every word occurs, best first (ties in reading order), limited to
    /// document `doc` and topic bit `topic` when given. `docs` is the number of documents.
    pub fn search(
        &self,
        matcher: &Matcher,
        docs: usize,
        topic_bits: usize,
        doc: Option<usize>,
        topic: Option<usize>,
    ) -> Hits {
        let mut hits = Hits {
            ranked: Vec::new(),
            doc_counts: vec![0; docs],
            topic_counts: vec![0; topic_bits],
        };
        for (i, unit) in self.units.iter().enumerate() {
            let Some(score) = unit.score(matcher) else {
                continue;
            };
            let in_doc = doc.is_none_or(|d| d == unit.doc);
            let in_topic = topic.is_none_or(|t| unit.topics & (1 << t) != 0);
            if in_topic {
                hits.doc_counts[unit.doc] += 1;
            }
            if in_doc {
                for (t, count) in hits.topic_counts.iter_mut().enumerate() {
                    if unit.topics & (1 << t) != 0 {
                        *count += 1;
                    }
                }
            }
            if in_doc && in_topic {
                hits.ranked.push((score, i));
            }
        }
        // Stable: equal scores stay in reading order.
        hits.ranked
            .sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        hits
    }

    /// Where unit `i` matched: the snippet to show and what to highlight in it.
    pub fn explain(&self, i: usize, matcher: &Matcher) -> Explained {
        let unit = &self.units[i];
        let kind = match unit.fields.first() {
            Some(question) if unit.qa && question.matches(matcher) => PolicyHitKind::Question,
            _ if unit.qa => PolicyHitKind::Answer,
            _ => PolicyHitKind::Section,
        };
        // The heading or question is shown anyway: the snippet comes from the text when it can.
        let field = unit
            .fields
            .iter()
            .find(|f| f.role == Role::Text && f.matches(matcher))
            .or_else(|| unit.fields.iter().find(|f| f.matches(matcher)));
        let (snippet, highlights) = match field {
            Some(field) => snippet(field, matcher),
            None => (String::new(), Vec::new()),
        };
        Explained {
            kind,
            snippet,
            highlights,
        }
    }
}

impl Unit {
    /// The weighted number of occurrences of the words, if every word occurs.
    fn score(&self, matcher: &Matcher) -> Option<u32> {
        let mut score = 0;
        for finder in &matcher.finders {
            let mut occurrences = 0;
            for field in &self.fields {
                let n = field.count(finder);
                occurrences += n;
                score += n * field.role.weight();
            }
            if occurrences == 0 {
                return None;
            }
        }
        Some(score)
    }
}

/// A window of the field's text around its first match, with every match inside it.
fn snippet(field: &Field, matcher: &Matcher) -> (String, Vec<Highlight>) {
    let folded = field.folded.as_bytes();
    let mut found: Vec<(usize, usize)> = matcher
        .finders
        .iter()
        .flat_map(|f| {
            let len = f.needle().len();
            f.find_iter(folded).map(move |at| (at, at + len))
        })
        .collect();
    found.sort_unstable();
    // Byte offsets to character offsets. A match of valid UTF-8 in valid UTF-8 always starts
    // and ends on a character boundary.
    let char_starts: Vec<usize> = field.folded.char_indices().map(|(at, _)| at).collect();
    let to_char = |at: usize| char_starts.partition_point(|&s| s < at);
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (start, end) in found {
        let (start, end) = (to_char(start), to_char(end));
        match ranges.last_mut() {
            // Two words that overlap (`知识 识产`) are one highlight.
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
    }

    let chars: Vec<char> = field.text.chars().collect();
    let first = ranges.first().map_or(0, |r| r.0);
    let (from, to) = window(chars.len(), first);
    let mut text = String::new();
    // Where the window starts in the snippet.
    let mut offset = 0;
    if from > 0 {
        text.push('…');
        offset = 1;
    }
    text.extend(&chars[from..to]);
    if to < chars.len() {
        text.push('…');
    }
    let highlights = ranges
        .into_iter()
        // A match cut by the end of the window is not highlighted half.
        .filter(|&(start, end)| start >= from && end <= to)
        .map(|(start, end)| Highlight {
            start: (start - from + offset) as u32,
            end: (end - from + offset) as u32,
        })
        .collect();
    (text, highlights)
}

/// The characters `from..to` of a text of `len` characters to show for a match at `start`:
/// the whole text when it fits, else [`SNIPPET_CHARS`] with the ellipses. Queries are at most
/// 50 characters, so the first match always fits whole.
fn window(len: usize, start: usize) -> (usize, usize) {
    if len <= SNIPPET_CHARS {
        return (0, len);
    }
    let room = SNIPPET_CHARS - 2;
    let mut from = start.saturating_sub(LEAD_CHARS);
    if from <= 1 {
        // An ellipsis standing for a single character would hide nothing.
        from = 0;
    }
    let mut to = (from + room + usize::from(from == 0)).min(len);
    if len - to <= 1 {
        to = len;
        from = from.min(len - room - 1);
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> Field {
        Field::new(Role::Text, text)
    }

    fn shown(snippet: &str, h: &Highlight) -> String {
        snippet
            .chars()
            .skip(h.start as usize)
            .take((h.end - h.start) as usize)
            .collect()
    }

    #[test]
    fn short_texts_are_shown_whole_with_every_match() {
        let m = Matcher::new(["质押"]);
        let (text, highlights) = snippet(&field("知识产权质押融资,质押登记"), &m);
        assert_eq!(text, "知识产权质押融资,质押登记");
        assert_eq!(
            highlights,
            [
                Highlight { start: 4, end: 6 },
                Highlight { start: 9, end: 11 }
            ]
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let long = "甲".repeat(100) + "质押" + &"乙".repeat(30) + "质押" + &"丙".repeat(100);
        let m = Matcher::new(["质押"]);
        let (text, highlights) = snippet(&field(&long), &m);
        assert_eq!(text.chars().count(), SNIPPET_CHARS);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(highlights.len(), 2, "both occurrences are in the window");
        for h in &highlights {
            assert_eq!(shown(&text, h), "质押");
        }
        assert_eq!(highlights[0].start as usize, 1 + LEAD_CHARS);

        // Near the start: no leading ellipsis; near the end: no trailing one.
        let (text, highlights) = snippet(&field(&("质押".to_owned() + &"乙".repeat(200))), &m);
        assert!(!text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().count(), SNIPPET_CHARS);
        assert_eq!(highlights, [Highlight { start: 0, end: 2 }]);
        let (text, highlights) = snippet(&field(&("乙".repeat(200) + "质押")), &m);
        assert!(text.starts_with('…') && !text.ends_with('…'));
        assert_eq!(text.chars().count(), SNIPPET_CHARS);
        assert_eq!(shown(&text, &highlights[0]), "质押");
    }

    #[test]
    fn latin_letters_match_in_either_case_and_overlapping_words_merge() {
        let m = Matcher::new(["pct"]);
        let (text, highlights) = snippet(&field("提交PCT国际专利申请"), &m);
        assert_eq!(shown(&text, &highlights[0]), "PCT");

        let m = Matcher::new(["知识", "识产", "知识"]);
        assert_eq!(m.finders.len(), 2, "a repeated word counts once");
        let (_, highlights) = snippet(&field("知识产权"), &m);
        assert_eq!(highlights, [Highlight { start: 0, end: 3 }]);
    }

    #[test]
    fn the_window_always_holds_the_first_match() {
        for len in [81, 82, 100, 300] {
            for start in 0..len - 50 {
                let (from, to) = window(len, start);
                assert!(from <= start && start + 50 <= to, "{len} {start}");
                let shown = to - from + usize::from(from > 0) + usize::from(to < len);
                assert!(shown <= SNIPPET_CHARS, "{len} {start}: {shown}");
                assert!(from != 1 && len - to != 1, "{len} {start}");
            }
        }
    }
}
