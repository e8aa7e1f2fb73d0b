//! The first-start import of the five policy documents in `data/seed/policies/`. The files are
//! compiled into the binary (like the other seeds) and imported only while the documents table
//! is empty, so that what staff change in the database later is never overwritten.

use anyhow::Context;
use portal_domain::api::policies::{
    PolicyInterpretation, PolicyKind, PolicyQa, PolicySection, PolicyTarget,
};
use serde::Deserialize;
use sqlx::AnyConnection;

/// In the order of the list (the order of `data/seed/policies/README.md`).
const SEED_FILES: [(&str, &str); 5] = [
    (
        "nantong-2025-ip-regulation-press-conference.json",
        include_str!(
            "../../../../data/seed/policies/nantong-2025-ip-regulation-press-conference.json"
        ),
    ),
    (
        "nantong-2024-ip-strong-city-plan.json",
        include_str!("../../../../data/seed/policies/nantong-2024-ip-strong-city-plan.json"),
    ),
    (
        "suizhou-2023-ip-press-conference.json",
        include_str!("../../../../data/seed/policies/suizhou-2023-ip-press-conference.json"),
    ),
    (
        "suzhou-2022-ip-protection-demo-zone-plan.json",
        include_str!(
            "../../../../data/seed/policies/suzhou-2022-ip-protection-demo-zone-plan.json"
        ),
    ),
    (
        "ningbo-2022-ip-protection-decision-report.json",
        include_str!(
            "../../../../data/seed/policies/ningbo-2022-ip-protection-decision-report.json"
        ),
    ),
];

/// A seed file. The nested parts have exactly the API's shape, so the API types read them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SeedDocument {
    pub slug: String,
    pub source_file: String,
    pub title: String,
    pub issuer: String,
    pub doc_number: Option<String>,
    pub date: Option<String>,
    pub kind: PolicyKind,
    pub region: String,
    pub occasion: String,
    pub published: Option<String>,
    pub interpretation: Option<PolicyInterpretation>,
    pub sections: Vec<PolicySection>,
    pub qa: Vec<PolicyQa>,
    pub targets: Vec<PolicyTarget>,
}

/// The seed files, parsed.
pub(super) fn seed_documents() -> anyhow::Result<Vec<SeedDocument>> {
    SEED_FILES
        .iter()
        .map(|(name, json)| {
            serde_json::from_str(json).with_context(|| format!("data/seed/policies/{name}"))
        })
        .collect()
}

/// Imports the seed documents if there are none, on the caller's transaction.
pub async fn import_if_empty(conn: &mut AnyConnection) -> anyhow::Result<()> {
    let documents: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM policy_documents")
        .fetch_one(&mut *conn)
        .await?;
    if documents > 0 {
        return Ok(());
    }
    let seeds = seed_documents()?;
    for (position, doc) in seeds.iter().enumerate() {
        insert(conn, doc, position as i64 + 1)
            .await
            .with_context(|| format!("importing policy document {}", doc.slug))?;
    }
    tracing::info!(count = seeds.len(), "imported policy documents");
    Ok(())
}

async fn insert(conn: &mut AnyConnection, doc: &SeedDocument, position: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO policy_documents (slug, source_file, title, issuer, doc_number, date, kind, \
         region, occasion, published, interpretation, position) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&doc.slug)
    .bind(&doc.source_file)
    .bind(&doc.title)
    .bind(&doc.issuer)
    .bind(&doc.doc_number)
    .bind(&doc.date)
    .bind(doc.kind.as_str())
    .bind(&doc.region)
    .bind(&doc.occasion)
    .bind(&doc.published)
    .bind(
        doc.interpretation
            .as_ref()
            .map(serde_json::to_string)
            .transpose()?,
    )
    .bind(position)
    .execute(&mut *conn)
    .await?;

    // Parents before children, so that every parent reference points at a row already there.
    let mut sections = Vec::new();
    flatten(&doc.sections, None, 0, &mut sections);
    for s in sections {
        sqlx::query(
            "INSERT INTO policy_sections (doc_slug, id, parent_id, position, depth, number, \
             heading, speaker, paragraphs, topics, audiences) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&doc.slug)
        .bind(&s.section.id)
        .bind(s.parent)
        .bind(s.position)
        .bind(s.depth)
        .bind(&s.section.number)
        .bind(&s.section.heading)
        .bind(
            s.section
                .speaker
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
        )
        .bind(serde_json::to_string(&s.section.paragraphs)?)
        .bind(serde_json::to_string(&s.section.topics)?)
        .bind(serde_json::to_string(&s.section.audiences)?)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("section {}", s.section.id))?;
    }

    for (position, qa) in doc.qa.iter().enumerate() {
        sqlx::query(
            "INSERT INTO policy_qas (doc_slug, id, position, question, asker, topics, audiences) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&doc.slug)
        .bind(&qa.id)
        .bind(position as i64 + 1)
        .bind(&qa.question)
        .bind(&qa.asker)
        .bind(serde_json::to_string(&qa.topics)?)
        .bind(serde_json::to_string(&qa.audiences)?)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("Q&A {}", qa.id))?;
        for (position, answer) in qa.answers.iter().enumerate() {
            sqlx::query(
                "INSERT INTO policy_answers (doc_slug, qa_id, position, speaker, role, paragraphs) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&doc.slug)
            .bind(&qa.id)
            .bind(position as i64 + 1)
            .bind(&answer.speaker)
            .bind(&answer.role)
            .bind(serde_json::to_string(&answer.paragraphs)?)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("answer to Q&A {}", qa.id))?;
        }
    }

    for (position, t) in doc.targets.iter().enumerate() {
        sqlx::query(
            "INSERT INTO policy_targets (doc_slug, id, position, indicator, target_value, \
             target_number, unit, target_year, baseline, baseline_year, baseline_source, \
             section_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&doc.slug)
        .bind(&t.id)
        .bind(position as i64 + 1)
        .bind(&t.indicator)
        .bind(&t.target_value)
        .bind(t.target_number)
        .bind(&t.unit)
        .bind(i64::from(t.target_year))
        .bind(&t.baseline)
        .bind(t.baseline_year.map(i64::from))
        .bind(&t.baseline_source)
        .bind(&t.section_id)
        .execute(&mut *conn)
        .await
        .with_context(|| format!("target {}", t.id))?;
    }
    Ok(())
}

struct FlatSection<'a> {
    section: &'a PolicySection,
    parent: Option<&'a str>,
    /// Among its siblings, from 1.
    position: i64,
    depth: i64,
}

/// The tree in pre-order (reading order).
fn flatten<'a>(
    sections: &'a [PolicySection],
    parent: Option<&'a str>,
    depth: i64,
    out: &mut Vec<FlatSection<'a>>,
) {
    for (i, section) in sections.iter().enumerate() {
        out.push(FlatSection {
            section,
            parent,
            position: i as i64 + 1,
            depth,
        });
        flatten(&section.children, Some(&section.id), depth + 1, out);
    }
}
