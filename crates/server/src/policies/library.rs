//! The policy library in memory: every document, read from the database at start-up, with its
//! search index.
//!
//! Lists, documents and search all answer from here, so a search never points at an anchor
//! the document page does not have. The cost: when staff change content in the database, the
//! server must restart to show it (as for GI products).

use std::collections::HashMap;

use anyhow::{bail, Context};
use portal_domain::api::policies::{
    PolicyAnswer, PolicyDocument, PolicyFacets, PolicyFilter, PolicyHit, PolicyInterpretation,
    PolicyInterpretationPart, PolicyKind, PolicyList, PolicyQa, PolicyScope, PolicySearch,
    PolicySearchResult, PolicySection, PolicySpeaker, PolicySummary, PolicyTarget, PolicyTask,
    MAX_POLICY_HITS, POLICY_AUDIENCES, POLICY_TOPICS,
};
use portal_domain::api::FacetCount;
use sqlx::AnyPool;

use super::search::{Matcher, SearchIndex};
use super::services;

struct Doc {
    document: PolicyDocument,
    /// Bit `i` set: some section or Q&A is tagged with `POLICY_TOPICS[i]`.
    topics: u16,
}

pub struct PolicyLibrary {
    /// In list order.
    docs: Vec<Doc>,
    index: SearchIndex,
    /// The "I want to…" entries.
    tasks: Vec<PolicyTask>,
}

impl PolicyLibrary {
    /// Reads every document from the database.
    pub async fn load(db: &AnyPool) -> anyhow::Result<PolicyLibrary> {
        let documents = read(db).await.context("cannot read the policy documents")?;
        let library = PolicyLibrary::build(documents)?;
        tracing::info!(documents = library.docs.len(), "policy library loaded");
        Ok(library)
    }

    /// Checks every topic and audience against the fixed lists, and that no heading is a
    /// speaker's name, and fills in what is derived, so the database does not store it: the
    /// summary fields (`scope`, `topics`, the counts), the services of each passage and the
    /// Q&As of each part of an interpretation.
    pub fn build(documents: Vec<PolicyDocument>) -> anyhow::Result<PolicyLibrary> {
        let mut docs = Vec::with_capacity(documents.len());
        let mut index = SearchIndex::default();
        for mut document in documents {
            let what = |part: &str| format!("policy document {}, {part}", document.slug);
            let mut topics = 0;
            let mut sections = 0;
            let speakers = speakers(&document);
            let mut stack: Vec<&PolicySection> = document.sections.iter().collect();
            while let Some(s) = stack.pop() {
                sections += 1;
                // A speaker's label before a statement is not what the statement is about.
                if let Some(h) = s
                    .heading
                    .as_deref()
                    .filter(|h| speakers.iter().any(|n| n == h))
                {
                    bail!(
                        "{}: the heading {h:?} is a speaker, not a heading",
                        what(&s.id)
                    );
                }
                topics |= topic_bits(&s.topics).with_context(|| what(&s.id))?;
                check_audiences(&s.audiences).with_context(|| what(&s.id))?;
                stack.extend(&s.children);
            }
            for qa in &document.qa {
                topics |= topic_bits(&qa.topics).with_context(|| what(&qa.id))?;
                check_audiences(&qa.audiences).with_context(|| what(&qa.id))?;
            }
            // The document page links to the interpretation's section: an editor's typo would
            // otherwise leave the page without it.
            if let Some(mut i) = document.interpretation.take() {
                let Some(section) = find_section(&document.sections, &i.section_id) else {
                    bail!(
                        "{}: the interpretation names section {:?}, which it does not have",
                        what("interpretation"),
                        i.section_id
                    );
                };
                i.parts = interpretation_parts(section, &document.qa);
                document.interpretation = Some(i);
            }
            document.scope = PolicyScope::of(&document.region);
            services::tag(&mut document);
            document.topics = topic_names(topics);
            document.section_count = sections;
            document.qa_count = document.qa.len() as u32;
            document.target_count = document.targets.len() as u32;
            index.add(docs.len(), &document, |t| topic_bits(t).unwrap_or(0));
            docs.push(Doc { document, topics });
        }
        let tasks = services::tasks(&docs.iter().map(|d| &d.document).collect::<Vec<_>>());
        Ok(PolicyLibrary { docs, index, tasks })
    }

    /// The "I want to…" entries of the start page.
    pub fn tasks(&self) -> Vec<PolicyTask> {
        self.tasks.clone()
    }

    /// The documents that pass the filter, in list order.
    pub fn list(&self, filter: &PolicyFilter) -> Vec<PolicySummary> {
        let topic = filter.topic.as_deref().and_then(topic_bit);
        self.docs
            .iter()
            .filter(|d| {
                filter
                    .region
                    .as_ref()
                    .is_none_or(|r| *r == d.document.region)
            })
            .filter(|d| filter.kind.is_none_or(|k| k == d.document.kind))
            .filter(|d| topic.is_none_or(|t| d.topics & (1 << t) != 0))
            .map(|d| summary(&d.document))
            .collect()
    }

    /// The list's answer (`GET /api/v1/policies`) for a filter: also the first data of the
    /// library's page, which the server draws with it (`crate::spa`).
    pub fn answer(&self, filter: &PolicyFilter) -> PolicyList {
        PolicyList {
            items: self.list(filter),
            tasks: self.tasks(),
            offline_saved_on: None,
        }
    }

    pub fn has_region(&self, region: &str) -> bool {
        self.docs.iter().any(|d| d.document.region == region)
    }

    /// The document's position in the list.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.document.slug == slug)
    }

    pub fn document(&self, slug: &str) -> Option<&PolicyDocument> {
        self.position(slug).map(|i| &self.docs[i].document)
    }

    /// Runs a search; `doc` is the position of the document filter, already checked.
    pub fn search(&self, search: &PolicySearch, doc: Option<usize>) -> PolicySearchResult {
        let matcher = Matcher::new(search.terms());
        let topic = search.topic.as_deref().and_then(topic_bit);
        let hits = self
            .index
            .search(&matcher, self.docs.len(), POLICY_TOPICS.len(), doc, topic);
        let items = hits
            .ranked
            .iter()
            .take(MAX_POLICY_HITS)
            .map(|&(score, i)| {
                let unit = self.index.unit(i);
                let explained = self.index.explain(i, &matcher);
                let document = &self.docs[unit.doc].document;
                PolicyHit {
                    doc: document.slug.clone(),
                    doc_title: document.title.clone(),
                    anchor: unit.anchor.clone(),
                    kind: explained.kind,
                    number: unit.number.clone(),
                    heading: unit.heading.clone(),
                    part_of: unit.part_of.clone(),
                    snippet: explained.snippet,
                    highlights: explained.highlights,
                    score,
                }
            })
            .collect();
        let facet = |names: &mut dyn Iterator<Item = String>, counts: &[u32]| {
            names
                .zip(counts)
                .filter(|(_, &count)| count > 0)
                .map(|(value, &count)| FacetCount { value, count })
                .collect()
        };
        PolicySearchResult {
            items,
            total: hits.ranked.len() as u32,
            facets: PolicyFacets {
                doc: facet(
                    &mut self.docs.iter().map(|d| d.document.slug.clone()),
                    &hits.doc_counts,
                ),
                topic: facet(
                    &mut POLICY_TOPICS.iter().map(|t| (*t).to_owned()),
                    &hits.topic_counts,
                ),
            },
        }
    }
}

fn summary(d: &PolicyDocument) -> PolicySummary {
    PolicySummary {
        slug: d.slug.clone(),
        title: d.title.clone(),
        issuer: d.issuer.clone(),
        doc_number: d.doc_number.clone(),
        date: d.date.clone(),
        kind: d.kind,
        region: d.region.clone(),
        scope: d.scope,
        occasion: d.occasion.clone(),
        published: d.published.clone(),
        topics: d.topics.clone(),
        section_count: d.section_count,
        qa_count: d.qa_count,
        target_count: d.target_count,
        kept_offline: false,
    }
}

/// Everyone who speaks in the document: statements' speakers and the answers' ones.
fn speakers(document: &PolicyDocument) -> Vec<String> {
    let mut names: Vec<String> = document
        .qa
        .iter()
        .flat_map(|q| &q.answers)
        .map(|a| a.speaker.clone())
        .collect();
    let mut stack: Vec<&PolicySection> = document.sections.iter().collect();
    while let Some(s) = stack.pop() {
        names.extend(s.speaker.as_ref().map(|p| p.name.clone()));
        stack.extend(&s.children);
    }
    names
}

/// The numbered parts of an interpretation, each with the Q&As about it. A Q&A goes under the
/// one part whose topics it shares most, a topic counting the less the more parts have it
/// (专利 is in nearly every part and says little; 司法 in one says much); ties go to the
/// earlier part, and a Q&A sharing no topic goes nowhere. Listing every Q&A under every part
/// that shares any topic put the same answers under nearly every part.
fn interpretation_parts(
    section: &PolicySection,
    qas: &[PolicyQa],
) -> Vec<PolicyInterpretationPart> {
    let parts: Vec<&PolicySection> = section
        .children
        .iter()
        .filter(|p| p.number.is_some())
        .collect();
    let spread = |topic: &String| parts.iter().filter(|p| p.topics.contains(topic)).count();
    let mut out: Vec<PolicyInterpretationPart> = parts
        .iter()
        .map(|p| PolicyInterpretationPart {
            section_id: p.id.clone(),
            qa_ids: Vec::new(),
        })
        .collect();
    for qa in qas {
        let mut best: Option<(f64, usize)> = None;
        for (i, part) in parts.iter().enumerate() {
            let weight: f64 = qa
                .topics
                .iter()
                .filter(|t| part.topics.contains(t))
                .map(|t| 1.0 / spread(t) as f64)
                .sum();
            if weight > 0.0 && best.is_none_or(|(w, _)| weight > w + 1e-9) {
                best = Some((weight, i));
            }
        }
        if let Some((_, i)) = best {
            out[i].qa_ids.push(qa.id.clone());
        }
    }
    out
}

/// The section with this id, at any level.
fn find_section<'a>(sections: &'a [PolicySection], id: &str) -> Option<&'a PolicySection> {
    sections.iter().find_map(|s| {
        (s.id == id)
            .then_some(s)
            .or_else(|| find_section(&s.children, id))
    })
}

fn topic_bit(topic: &str) -> Option<usize> {
    POLICY_TOPICS.iter().position(|t| *t == topic)
}

/// The topics as a bit set; an error names a topic not in the fixed list (a typo by an editor
/// would otherwise silently drop the section from every topic filter).
fn topic_bits(topics: &[String]) -> anyhow::Result<u16> {
    topics.iter().try_fold(0u16, |bits, t| match topic_bit(t) {
        Some(i) => Ok(bits | 1 << i),
        None => bail!("unknown topic {t:?}"),
    })
}

fn topic_names(bits: u16) -> Vec<String> {
    POLICY_TOPICS
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, t)| (*t).to_owned())
        .collect()
}

fn check_audiences(audiences: &[String]) -> anyhow::Result<()> {
    match audiences
        .iter()
        .find(|a| !POLICY_AUDIENCES.contains(&a.as_str()))
    {
        Some(a) => bail!("unknown audience {a:?}"),
        None => Ok(()),
    }
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    slug: String,
    title: String,
    issuer: String,
    doc_number: Option<String>,
    date: Option<String>,
    kind: String,
    region: String,
    occasion: String,
    published: Option<String>,
    interpretation: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SectionRow {
    doc_slug: String,
    id: String,
    parent_id: Option<String>,
    depth: i64,
    number: Option<String>,
    heading: Option<String>,
    speaker: Option<String>,
    paragraphs: String,
    topics: String,
    audiences: String,
}

#[derive(sqlx::FromRow)]
struct QaRow {
    doc_slug: String,
    id: String,
    question: String,
    asker: Option<String>,
    topics: String,
    audiences: String,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    doc_slug: String,
    qa_id: String,
    speaker: String,
    role: String,
    paragraphs: String,
}

#[derive(sqlx::FromRow)]
struct TargetRow {
    doc_slug: String,
    id: String,
    indicator: String,
    target_value: String,
    target_number: f64,
    unit: String,
    target_year: i64,
    baseline: Option<String>,
    baseline_year: Option<i64>,
    baseline_source: Option<String>,
    section_id: String,
}

/// Every document with its content, in list order; the summary fields are left empty.
async fn read(db: &AnyPool) -> anyhow::Result<Vec<PolicyDocument>> {
    // One consistent snapshot, should staff be editing while the server starts.
    let mut tx = db.begin().await?;
    let documents: Vec<DocumentRow> = sqlx::query_as(
        "SELECT slug, title, issuer, doc_number, date, kind, region, occasion, published, \
         interpretation FROM policy_documents ORDER BY position, slug",
    )
    .fetch_all(&mut *tx)
    .await?;
    // Grouped by parent in sibling order, which is all the tree needs.
    let sections: Vec<SectionRow> = sqlx::query_as(
        "SELECT doc_slug, id, parent_id, depth, number, heading, speaker, paragraphs, topics, \
         audiences FROM policy_sections ORDER BY doc_slug, parent_id, position, id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let qas: Vec<QaRow> = sqlx::query_as(
        "SELECT doc_slug, id, question, asker, topics, audiences FROM policy_qas \
         ORDER BY doc_slug, position, id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let answers: Vec<AnswerRow> = sqlx::query_as(
        "SELECT doc_slug, qa_id, speaker, role, paragraphs FROM policy_answers \
         ORDER BY doc_slug, qa_id, position",
    )
    .fetch_all(&mut *tx)
    .await?;
    let targets: Vec<TargetRow> = sqlx::query_as(
        "SELECT doc_slug, id, indicator, target_value, target_number, unit, target_year, \
         baseline, baseline_year, baseline_source, section_id FROM policy_targets \
         ORDER BY doc_slug, position, id",
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;

    let mut sections = group(sections, |r| &r.doc_slug);
    let mut answers = group(answers, |r| &r.doc_slug);
    let mut qas = group(qas, |r| &r.doc_slug);
    let mut targets = group(targets, |r| &r.doc_slug);

    let mut out = Vec::with_capacity(documents.len());
    for row in documents {
        let slug = row.slug;
        let what = |part: &str| format!("policy document {slug}, {part}");
        let kind = PolicyKind::parse(&row.kind)
            .ok_or_else(|| anyhow::anyhow!("policy document {slug} has unknown kind"))?;
        let interpretation = row
            .interpretation
            .as_deref()
            .map(serde_json::from_str::<PolicyInterpretation>)
            .transpose()
            .with_context(|| what("interpretation"))?;
        let sections =
            tree(sections.remove(&slug).unwrap_or_default()).with_context(|| what("sections"))?;
        let mut answers = group(answers.remove(&slug).unwrap_or_default(), |r| &r.qa_id);
        let qa = qas
            .remove(&slug)
            .unwrap_or_default()
            .into_iter()
            .map(|q| {
                let answers = answers
                    .remove(&q.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|a| {
                        Ok(PolicyAnswer {
                            speaker: a.speaker,
                            role: a.role,
                            paragraphs: strings(&a.paragraphs)?,
                        })
                    })
                    .collect::<anyhow::Result<_>>()
                    .with_context(|| what(&q.id))?;
                Ok(PolicyQa {
                    answers,
                    question: q.question,
                    asker: q.asker,
                    topics: strings(&q.topics).with_context(|| what(&q.id))?,
                    audiences: strings(&q.audiences).with_context(|| what(&q.id))?,
                    services: Vec::new(),
                    id: q.id,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let targets = targets
            .remove(&slug)
            .unwrap_or_default()
            .into_iter()
            .map(|t| {
                let year = |y: i64| u16::try_from(y).with_context(|| what(&t.id));
                Ok(PolicyTarget {
                    target_year: year(t.target_year)?,
                    baseline_year: t.baseline_year.map(year).transpose()?,
                    id: t.id,
                    indicator: t.indicator,
                    target_value: t.target_value,
                    target_number: t.target_number,
                    unit: t.unit,
                    baseline: t.baseline,
                    baseline_source: t.baseline_source,
                    section_id: t.section_id,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        out.push(PolicyDocument {
            slug,
            title: row.title,
            issuer: row.issuer,
            doc_number: row.doc_number,
            date: row.date,
            kind,
            scope: PolicyScope::of(&row.region),
            region: row.region,
            occasion: row.occasion,
            published: row.published,
            topics: Vec::new(),
            section_count: 0,
            qa_count: 0,
            target_count: 0,
            sections,
            qa,
            targets,
            interpretation,
        });
    }
    Ok(out)
}

/// Rows by a key, each group in the rows' order.
fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> &String) -> HashMap<String, Vec<T>> {
    let mut groups: HashMap<String, Vec<T>> = HashMap::new();
    for row in rows {
        groups.entry(key(&row).clone()).or_default().push(row);
    }
    groups
}

fn strings(json: &str) -> anyhow::Result<Vec<String>> {
    serde_json::from_str(json).context("not a JSON array of strings")
}

/// Rebuilds the section tree of one document from its rows (grouped by parent in sibling
/// order). Each parent's children are taken once, so rows in a parent cycle are never reached:
/// they are reported rather than silently left out.
fn tree(rows: Vec<SectionRow>) -> anyhow::Result<Vec<PolicySection>> {
    let total = rows.len();
    let mut children = HashMap::<Option<String>, Vec<SectionRow>>::new();
    for row in rows {
        children.entry(row.parent_id.clone()).or_default().push(row);
    }
    let mut reached = 0;
    let sections = subtree(None, 0, &mut children, &mut reached)?;
    if reached != total {
        bail!(
            "{} sections are not under a top-level section",
            total - reached
        );
    }
    Ok(sections)
}

fn subtree(
    parent: Option<String>,
    depth: i64,
    children: &mut HashMap<Option<String>, Vec<SectionRow>>,
    reached: &mut usize,
) -> anyhow::Result<Vec<PolicySection>> {
    let rows = children.remove(&parent).unwrap_or_default();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        *reached += 1;
        if row.depth != depth {
            bail!("section {} has depth {}, not {depth}", row.id, row.depth);
        }
        let what = || format!("section {}", row.id);
        out.push(PolicySection {
            children: subtree(Some(row.id.clone()), depth + 1, children, reached)?,
            number: row.number,
            heading: row.heading,
            speaker: row
                .speaker
                .as_deref()
                .map(serde_json::from_str::<PolicySpeaker>)
                .transpose()
                .with_context(what)?,
            paragraphs: strings(&row.paragraphs).with_context(what)?,
            services: Vec::new(),
            topics: strings(&row.topics).with_context(what)?,
            audiences: strings(&row.audiences).with_context(what)?,
            id: row.id,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use portal_domain::api::policies::{PolicyHitKind, PolicySearchParams};

    use super::super::import::seed_documents;
    use super::*;

    fn library() -> PolicyLibrary {
        PolicyLibrary::build(documents()).unwrap()
    }

    fn documents() -> Vec<PolicyDocument> {
        seed_documents()
            .unwrap()
            .into_iter()
            .map(|d| PolicyDocument {
                slug: d.slug,
                title: d.title,
                issuer: d.issuer,
                doc_number: d.doc_number,
                date: d.date,
                kind: d.kind,
                scope: PolicyScope::of(&d.region),
                region: d.region,
                occasion: d.occasion,
                published: d.published,
                topics: Vec::new(),
                section_count: 0,
                qa_count: 0,
                target_count: 0,
                sections: d.sections,
                qa: d.qa,
                targets: d.targets,
                interpretation: d.interpretation,
            })
            .collect()
    }

    fn search(library: &PolicyLibrary, q: &str) -> PolicySearchResult {
        let search = PolicySearch::parse(&PolicySearchParams {
            q: Some(q.to_owned()),
            ..PolicySearchParams::default()
        })
        .unwrap();
        library.search(&search, None)
    }

    #[test]
    fn the_seed_topics_are_all_known_and_listed_in_order() {
        let library = library();
        for doc in &library.docs {
            let order: Vec<usize> = doc
                .document
                .topics
                .iter()
                .map(|t| topic_bit(t).unwrap())
                .collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        }
        assert!(topic_bits(&["火箭".to_owned()]).is_err());
        assert!(check_audiences(&["tourist".to_owned()]).is_err());
    }

    #[test]
    fn an_interpretation_must_name_a_section_of_its_document() {
        let library = library();
        let press = library
            .document("nantong-2025-ip-regulation-press-conference")
            .unwrap();
        let interpretation = press.interpretation.as_ref().unwrap();
        let section = find_section(&press.sections, &interpretation.section_id).unwrap();
        assert_eq!(section.id, "s4");
        let numbered = section.children.iter().filter(|s| s.number.is_some());
        assert_eq!(numbered.count(), 5, "一、…五、");

        let mut documents = documents();
        documents[0].interpretation = Some(PolicyInterpretation {
            section_id: "s9".into(),
            subject: "《条例》".into(),
            parts: Vec::new(),
        });
        let error = PolicyLibrary::build(documents).err().unwrap();
        assert!(format!("{error:#}").contains("\"s9\""), "{error:#}");
    }

    #[test]
    fn a_speakers_name_is_refused_as_a_heading() {
        let mut statement = documents();
        statement[0].sections[1].heading = Some("徐加明".into());
        let error = PolicyLibrary::build(statement).err().unwrap();
        assert!(format!("{error:#}").contains("is a speaker"), "{error:#}");
        // An answer's speaker counts too.
        let mut answer = documents();
        answer[0].sections[2].heading = Some("郭玉家".into());
        assert!(PolicyLibrary::build(answer).is_err());
    }

    #[test]
    fn ranking_prefers_headings_and_keeps_reading_order_for_ties() {
        let library = library();
        let result = search(&library, "质押");
        assert!(result.items.windows(2).all(|w| w[0].score >= w[1].score));
        // Two sections say 质押 twice: they lead, in list order (the press conference first).
        let top: Vec<_> = result.items[..2]
            .iter()
            .map(|h| (h.doc.as_str(), h.anchor.as_str(), h.score))
            .collect();
        assert_eq!(
            top,
            [
                ("nantong-2025-ip-regulation-press-conference", "s4-3", 2),
                ("nantong-2024-ip-strong-city-plan", "s3-4-3", 2)
            ]
        );
        assert!(result.items[2..].iter().all(|h| h.score == 1));
        let ones: Vec<_> = result
            .items
            .iter()
            .filter(|h| h.score == 1)
            .map(|h| (library.position(&h.doc).unwrap(), h.anchor.as_str()))
            .collect();
        let mut sorted = ones.clone();
        sorted.sort_by_key(|(doc, _)| *doc);
        assert_eq!(ones, sorted, "ties in list order");

        // Only in the headings of two sections: weighted, in list order.
        let heading = search(&library, "保障措施");
        let found: Vec<_> = heading
            .items
            .iter()
            .map(|h| {
                (
                    h.doc.as_str(),
                    h.anchor.as_str(),
                    h.heading.as_deref(),
                    h.score,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "nantong-2024-ip-strong-city-plan",
                    "s5",
                    Some("保障措施"),
                    3
                ),
                (
                    "suzhou-2022-ip-protection-demo-zone-plan",
                    "s5",
                    Some("保障措施"),
                    3
                )
            ]
        );
        // No paragraph matches: the snippet is the heading.
        assert_eq!(heading.items[0].snippet, "保障措施");
    }

    #[test]
    fn questions_and_answers_are_told_apart() {
        let library = library();
        let result = search(&library, "公安机关");
        let q3 = result
            .items
            .iter()
            .find(|h| h.doc == "nantong-2025-ip-regulation-press-conference" && h.anchor == "q3")
            .unwrap();
        assert_eq!(q3.kind, PolicyHitKind::Question);
        assert_eq!(
            q3.heading.as_deref(),
            Some("请问公安机关针对知识产权刑事保护采取了哪些措施?")
        );
        assert!(q3.number.is_none());

        let answer = search(&library, "三合一");
        let q2 = answer
            .items
            .iter()
            .find(|h| h.doc == "nantong-2025-ip-regulation-press-conference" && h.anchor == "q2")
            .unwrap();
        assert_eq!(q2.kind, PolicyHitKind::Answer);
        assert!(q2.snippet.contains("三合一"));
    }
}
