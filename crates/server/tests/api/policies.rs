use portal_domain::api::percent_encode;
use portal_domain::api::policies::{
    PolicyDocument, PolicyHit, PolicyHitKind, PolicyInterpretation, PolicyInterpretationPart,
    PolicyKind, PolicyList, PolicySearchResult, PolicySection, POLICY_TOPICS,
};
use portal_domain::api::ApiErrorBody;

use crate::citizen::assert_field_error;
use crate::helpers::{migrated_before, openapi, spawn_app, spawn_app_in, TestApp};

const PRESS_2025: &str = "nantong-2025-ip-regulation-press-conference";
const PLAN_2024: &str = "nantong-2024-ip-strong-city-plan";
const SUIZHOU: &str = "suizhou-2023-ip-press-conference";
const SUZHOU: &str = "suzhou-2022-ip-protection-demo-zone-plan";
const NINGBO: &str = "ningbo-2022-ip-protection-decision-report";

/// The counts of `data/seed/policies/README.md`: top-level sections, sections at all levels,
/// Q&As, targets, paragraphs in sections, paragraphs in answers.
const COUNTS: [(&str, [usize; 6]); 5] = [
    (PRESS_2025, [4, 24, 4, 0, 32, 27]),
    (PLAN_2024, [5, 31, 0, 16, 25, 0]),
    (SUIZHOU, [2, 2, 5, 0, 15, 19]),
    (SUZHOU, [5, 18, 0, 27, 41, 0]),
    (NINGBO, [7, 24, 0, 0, 21, 0]),
];

async fn list(app: &TestApp, query: &str) -> PolicyList {
    let response = app.get(&format!("/api/v1/policies{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.expect("a policy list")
}

pub(crate) async fn document(app: &TestApp, slug: &str) -> PolicyDocument {
    let response = app.get(&format!("/api/v1/policies/{slug}")).await;
    assert_eq!(response.status(), 200, "{slug}");
    response.json().await.expect("a policy document")
}

/// `GET /api/v1/policies/search` with the given parameters, which must succeed.
async fn search(app: &TestApp, params: &[(&str, &str)]) -> PolicySearchResult {
    let query = params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let response = app.get(&format!("/api/v1/policies/search?{query}")).await;
    assert_eq!(response.status(), 200, "{params:?}");
    response.json().await.expect("a search result")
}

fn slugs(list: &PolicyList) -> Vec<&str> {
    list.items.iter().map(|d| d.slug.as_str()).collect()
}

fn hits(result: &PolicySearchResult) -> Vec<(&str, &str)> {
    result
        .items
        .iter()
        .map(|h| (h.doc.as_str(), h.anchor.as_str()))
        .collect()
}

fn find_hit<'a>(result: &'a PolicySearchResult, doc: &str, anchor: &str) -> &'a PolicyHit {
    result
        .items
        .iter()
        .find(|h| h.doc == doc && h.anchor == anchor)
        .unwrap_or_else(|| panic!("{doc}#{anchor} not in {:?}", hits(result)))
}

/// Every section of the tree in reading order.
pub(crate) fn all_sections(sections: &[PolicySection]) -> Vec<&PolicySection> {
    let mut out = Vec::new();
    for s in sections {
        out.push(s);
        out.extend(all_sections(&s.children));
    }
    out
}

/// The section `id` of a document (`policy_guide` uses it too).
pub(crate) fn section<'a>(doc: &'a PolicyDocument, id: &str) -> &'a PolicySection {
    all_sections(&doc.sections)
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{} has no section {id}", doc.slug))
}

/// The highlighted characters of a hit's snippet.
fn highlighted(hit: &PolicyHit) -> Vec<String> {
    hit.highlights
        .iter()
        .map(|h| {
            hit.snippet
                .chars()
                .skip(h.start as usize)
                .take((h.end - h.start) as usize)
                .collect()
        })
        .collect()
}

/// Every hit has a snippet of about 80 characters whose highlights are exactly the query
/// (as typed, or in another case), in order and without overlap, and every occurrence of the
/// query in the snippet is highlighted.
fn assert_highlights_cover(result: &PolicySearchResult, word: &str) {
    assert!(!result.items.is_empty(), "{word}: no hits");
    for hit in &result.items {
        let shown = highlighted(hit);
        assert!(!shown.is_empty(), "{word}: nothing highlighted in {hit:?}");
        for text in &shown {
            assert!(
                text.eq_ignore_ascii_case(word),
                "{word}: {text:?} in {hit:?}"
            );
        }
        assert!(hit.highlights.windows(2).all(|w| w[0].end <= w[1].start));
        let occurrences = hit
            .snippet
            .to_ascii_lowercase()
            .matches(&word.to_ascii_lowercase())
            .count();
        assert_eq!(occurrences, shown.len(), "{word}: {hit:?}");
        assert!(hit.snippet.chars().count() <= 80, "{hit:?}");
        assert!(hit.score > 0);
    }
}

#[tokio::test]
async fn the_list_has_the_five_documents_with_their_metadata() {
    let app = spawn_app().await;
    let list = list(&app, "").await;
    assert_eq!(
        slugs(&list),
        [PRESS_2025, PLAN_2024, SUIZHOU, SUZHOU, NINGBO],
        "newest first, the undated report last"
    );
    let by_slug = |slug: &str| list.items.iter().find(|d| d.slug == slug).unwrap();

    let suzhou = by_slug(SUZHOU);
    assert_eq!(suzhou.doc_number.as_deref(), Some("苏府〔2022〕83号"));
    assert_eq!(suzhou.kind, PolicyKind::Plan);
    assert_eq!(suzhou.region, "苏州市");
    assert_eq!(suzhou.issuer, "苏州市人民政府");
    assert_eq!(suzhou.date.as_deref(), Some("2022-11"));
    assert_eq!(
        suzhou.title,
        "市政府关于印发苏州市创建省知识产权保护示范区实施方案的通知"
    );

    let press = by_slug(PRESS_2025);
    assert_eq!(press.kind, PolicyKind::PressConference);
    assert_eq!(press.region, "南通市");
    assert_eq!(press.date.as_deref(), Some("2025-04-21"));
    assert_eq!(press.doc_number, None);
    assert_eq!(by_slug(PLAN_2024).kind, PolicyKind::Plan);
    assert_eq!(by_slug(PLAN_2024).date.as_deref(), Some("2024-08-05"));
    assert_eq!(by_slug(SUIZHOU).kind, PolicyKind::PressConference);
    assert_eq!(by_slug(SUIZHOU).region, "随州市");
    let ningbo = by_slug(NINGBO);
    assert_eq!(ningbo.kind, PolicyKind::WorkReport);
    assert_eq!(ningbo.region, "宁波市");
    assert_eq!(ningbo.date, None, "the report has no date");

    for doc in &list.items {
        let order: Vec<_> = doc
            .topics
            .iter()
            .map(|t| POLICY_TOPICS.iter().position(|p| p == t).unwrap())
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{}: topics in the fixed order: {:?}",
            doc.slug,
            doc.topics
        );
    }
    assert!(by_slug(SUZHOU).topics.contains(&"数据知识产权".to_owned()));
    assert!(!by_slug(PLAN_2024)
        .topics
        .contains(&"数据知识产权".to_owned()));
}

#[tokio::test]
async fn every_document_is_imported_with_the_counts_of_the_seed_readme() {
    let app = spawn_app().await;
    let list = list(&app, "").await;
    for (slug, [top, all, qas, targets, paragraphs, answer_paragraphs]) in COUNTS {
        let doc = document(&app, slug).await;
        let sections = all_sections(&doc.sections);
        assert_eq!(doc.sections.len(), top, "{slug}: top-level sections");
        assert_eq!(sections.len(), all, "{slug}: sections at all levels");
        assert_eq!(doc.qa.len(), qas, "{slug}: Q&As");
        assert_eq!(doc.targets.len(), targets, "{slug}: targets");
        let in_sections: usize = sections.iter().map(|s| s.paragraphs.len()).sum();
        assert_eq!(in_sections, paragraphs, "{slug}: paragraphs in sections");
        let in_answers: usize = doc
            .qa
            .iter()
            .flat_map(|q| &q.answers)
            .map(|a| a.paragraphs.len())
            .sum();
        assert_eq!(
            in_answers, answer_paragraphs,
            "{slug}: paragraphs in answers"
        );
        assert!(doc.qa.iter().all(|q| q.answers.len() == 1));

        // The list's counts are the document's.
        let summary = list.items.iter().find(|d| d.slug == slug).unwrap();
        assert_eq!(
            (
                summary.section_count,
                summary.qa_count,
                summary.target_count
            ),
            (all as u32, qas as u32, targets as u32),
            "{slug}"
        );
        assert_eq!(
            (doc.section_count, doc.qa_count, doc.target_count),
            (all as u32, qas as u32, targets as u32)
        );
        assert_eq!(doc.topics, summary.topics);
        assert_eq!(doc.title, summary.title);
    }
}

#[tokio::test]
async fn the_tree_keeps_the_documents_own_numbering_and_order() {
    let app = spawn_app().await;
    let plan = document(&app, PLAN_2024).await;
    // Measures 1.–17. run on across (一)…(六): item 10. is the 4th child of (三).
    let ten = section(&plan, "s3-3-4");
    assert_eq!(ten.number.as_deref(), Some("10."));
    assert_eq!(ten.heading.as_deref(), Some("完善共治格局"));
    let ids: Vec<_> = all_sections(&plan.sections)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids[..6], ["s1", "s2", "s3", "s3-1", "s3-1-1", "s3-1-2"]);
    let measures = &plan.sections[2];
    assert_eq!(measures.heading.as_deref(), Some("主要措施"));
    assert!(measures.paragraphs.is_empty());
    assert_eq!(measures.children.len(), 6);

    let press = document(&app, PRESS_2025).await;
    // The host's opening: no heading, and the host named as its speaker (issue #20).
    assert_eq!(press.sections[0].heading, None);
    assert_eq!(press.sections[0].speaker.as_ref().unwrap().name, "缪小娟");
    let closing = section(&press, "s2-5");
    assert_eq!(
        (closing.number.as_deref(), closing.heading.as_deref()),
        (None, None)
    );
    let q3 = &press.qa[2];
    assert_eq!(q3.id, "q3");
    assert_eq!(q3.asker.as_deref(), Some("记者三"));
    assert_eq!(q3.answers[0].speaker, "郭玉家");
    assert_eq!(q3.answers[0].role, "市公安局副局长");
    assert_eq!(q3.topics, ["商业秘密", "执法"]);
    assert_eq!(q3.audiences, ["citizen", "enterprise"]);
}

#[tokio::test]
async fn the_press_conference_explains_the_regulation_in_five_parts() {
    let app = spawn_app().await;
    let press = document(&app, PRESS_2025).await;
    assert_eq!(
        press.interpretation,
        Some(PolicyInterpretation {
            section_id: "s4".into(),
            subject: "《南通市知识产权促进和保护条例》".into(),
            parts: ["s4-1", "s4-2", "s4-3", "s4-4", "s4-5"]
                .iter()
                .map(|&id| PolicyInterpretationPart {
                    section_id: id.into(),
                    qa_ids: match id {
                        "s4-3" => vec!["q1".into()],
                        "s4-4" => vec!["q2".into(), "q3".into(), "q4".into()],
                        _ => Vec::new(),
                    },
                })
                .collect(),
        })
    );
    let explained = section(&press, "s4");
    // What the statement is, as the host announced it; the speaker is data of its own.
    assert_eq!(explained.heading.as_deref(), Some("解读《条例》具体内容"));
    assert_eq!(explained.speaker.as_ref().unwrap().name, "蒋爱龙");
    let parts: Vec<_> = explained
        .children
        .iter()
        .filter(|s| s.number.is_some())
        .map(|s| (s.id.as_str(), s.number.as_deref().unwrap()))
        .collect();
    assert_eq!(
        parts,
        [
            ("s4-1", "一、"),
            ("s4-2", "二、"),
            ("s4-3", "三、"),
            ("s4-4", "四、"),
            ("s4-5", "五、")
        ]
    );
    assert!(explained
        .paragraphs
        .concat()
        .contains("《南通市知识产权促进和保护条例》"));

    // The other documents explain no regulation: the key is there, and null.
    for slug in [PLAN_2024, SUIZHOU, SUZHOU, NINGBO] {
        let json: serde_json::Value = app
            .get(&format!("/api/v1/policies/{slug}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(json["interpretation"], serde_json::Value::Null, "{slug}");
        assert!(json.as_object().unwrap().contains_key("interpretation"));
    }
}

/// A database imported before migration 0003 gets the interpretation from the migration,
/// without a second import.
#[tokio::test]
async fn a_database_imported_before_interpretations_gets_the_seed_value() {
    if crate::helpers::sqlite_only("a migration of an existing SQLite database") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pool = migrated_before(&dir, 3).await;
    // Two documents as the import of migration 0002 left them (the others do not matter here).
    for (position, slug) in [PRESS_2025, PLAN_2024].into_iter().enumerate() {
        sqlx::query(
            "INSERT INTO policy_documents (slug, source_file, title, issuer, kind, region, \
             position) VALUES ($1, 'x.txt', $2, '南通市', 'plan', '南通市', $3)",
        )
        .bind(slug)
        .bind(slug)
        .bind(position as i64)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO policy_sections (doc_slug, id, position, depth, paragraphs) \
             VALUES ($1, 's4', 1, 0, '[\"正文\"]')",
        )
        .bind(slug)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;

    let app = spawn_app_in(dir).await;
    assert_eq!(list(&app, "").await.items.len(), 2, "not imported again");
    let press = document(&app, PRESS_2025).await;
    assert_eq!(
        press.interpretation.map(|i| (i.section_id, i.subject)),
        Some(("s4".into(), "《南通市知识产权促进和保护条例》".into()))
    );
    assert_eq!(document(&app, PLAN_2024).await.interpretation, None);
}

#[tokio::test]
async fn the_nantong_plan_targets_78_thousand_invention_patents_by_2026() {
    let app = spawn_app().await;
    let plan = document(&app, PLAN_2024).await;
    let t1 = plan
        .targets
        .iter()
        .find(|t| t.indicator == "有效发明专利量")
        .expect("the invention patent target");
    assert_eq!(t1.id, "t1");
    assert_eq!(t1.target_value, "7.8万件");
    assert_eq!(t1.target_number, 78_000.0);
    assert_eq!(t1.unit, "件");
    assert_eq!(t1.target_year, 2026);
    assert_eq!(t1.baseline.as_deref(), Some("5.4万件"));
    assert_eq!(t1.baseline_year, Some(2024));
    assert_eq!(
        t1.baseline_source.as_deref(),
        Some("000_565c109fb0926098.txt")
    );
    assert_eq!(t1.section_id, "s2");
    assert_eq!(section(&plan, "s2").heading.as_deref(), Some("建设目标"));
    assert!(plan.targets.iter().all(|t| t.target_year == 2026));

    // A fractional target survives the database.
    let suzhou = document(&app, SUZHOU).await;
    assert!(suzhou.targets.iter().any(|t| t.target_number == 9.5));
}

#[tokio::test]
async fn the_list_can_be_filtered_by_region_kind_and_topic() {
    let app = spawn_app().await;
    let nantong = list(&app, &format!("?region={}", percent_encode("南通市"))).await;
    assert_eq!(slugs(&nantong), [PRESS_2025, PLAN_2024]);
    let plans = list(&app, "?kind=plan").await;
    assert_eq!(slugs(&plans), [PLAN_2024, SUZHOU]);
    let both = list(
        &app,
        &format!("?region={}&kind=plan", percent_encode("南通市")),
    )
    .await;
    assert_eq!(slugs(&both), [PLAN_2024]);
    let none = list(&app, "?kind=regulation_interpretation").await;
    assert!(none.items.is_empty(), "a known kind without documents");
    let data = list(&app, &format!("?topic={}", percent_encode("数据知识产权"))).await;
    assert_eq!(slugs(&data), [PRESS_2025, SUZHOU]);
    assert!(data
        .items
        .iter()
        .all(|d| d.topics.contains(&"数据知识产权".to_owned())));
    let blank = list(&app, "?region=&kind=&topic=").await;
    assert_eq!(blank.items.len(), 5, "blank filters are no filters");
}

#[tokio::test]
async fn searching_zhiya_finds_the_tongzhirong_passages() {
    let app = spawn_app().await;
    let result = search(&app, &[("q", "质押")]).await;
    assert_highlights_cover(&result, "质押");
    assert_eq!(result.total as usize, result.items.len());

    // The press conference's section on 通知融 and 通知贷, and measure 13 of the plan.
    let press_hit = find_hit(&result, PRESS_2025, "s2-3");
    assert_eq!(press_hit.kind, PolicyHitKind::Section);
    assert_eq!(press_hit.number.as_deref(), Some("(三)"));
    assert_eq!(
        press_hit.heading.as_deref(),
        Some("聚焦高效率运用,有效赋能新质生产力发展")
    );
    assert_eq!(press_hit.doc_title, document(&app, PRESS_2025).await.title);
    let plan_hit = find_hit(&result, PLAN_2024, "s3-4-3");
    assert_eq!(plan_hit.number.as_deref(), Some("13."));
    assert_eq!(plan_hit.heading.as_deref(), Some("强化知识产权金融支持"));

    let press = document(&app, PRESS_2025).await;
    let text = section(&press, "s2-3").paragraphs.concat();
    assert!(text.contains("通知融") && text.contains("通知贷"));
    let plan = document(&app, PLAN_2024).await;
    assert!(section(&plan, "s3-4-3")
        .paragraphs
        .concat()
        .contains("通知融"));

    // Measure 13 and 蒋爱龙's part 三、 say 质押 twice, more than any other section: they come
    // first, in list order.
    assert_eq!(
        hits(&result)[..2],
        [(PRESS_2025, "s4-3"), (PLAN_2024, "s3-4-3")]
    );
    assert!(result.items.windows(2).all(|w| w[0].score >= w[1].score));

    // Both words in the same section: only the 通知融 passages.
    let both = search(&app, &[("q", "质押  通知融")]).await;
    let mut found = hits(&both);
    found.sort();
    assert_eq!(found, [(PLAN_2024, "s3-4-3"), (PRESS_2025, "s2-3")]);
    for hit in &both.items {
        let shown = highlighted(hit);
        assert!(
            shown.iter().all(|s| s == "质押" || s == "通知融"),
            "{shown:?}"
        );
    }
    let nowhere = search(&app, &[("q", "质押 随州海关")]).await;
    assert!(nowhere.items.is_empty() && nowhere.total == 0);
}

#[tokio::test]
async fn searching_yushen_finds_the_pre_examination_passages_in_nantong() {
    let app = spawn_app().await;
    let result = search(&app, &[("q", "预审")]).await;
    assert_highlights_cover(&result, "预审");
    for (doc, anchor) in [
        (PRESS_2025, "s2-4"),
        (PRESS_2025, "s3-2-3"),
        (PLAN_2024, "s3-3-3"),
        (PLAN_2024, "s3-6-2"),
    ] {
        find_hit(&result, doc, anchor);
    }
    let facet = |slug: &str| {
        result
            .facets
            .doc
            .iter()
            .find(|f| f.value == slug)
            .map_or(0, |f| f.count)
    };
    assert_eq!(
        result.facets.doc.iter().map(|f| f.count).sum::<u32>(),
        result.total
    );

    // The document filter narrows the hits to that document, as its facet said.
    let plan_only = search(&app, &[("q", "预审"), ("doc", PLAN_2024)]).await;
    assert!(plan_only.items.iter().all(|h| h.doc == PLAN_2024));
    assert_eq!(plan_only.total, facet(PLAN_2024));
    assert!(plan_only.total >= 2 && plan_only.total < result.total);
    assert_eq!(
        plan_only.facets.doc, result.facets.doc,
        "the document facet ignores its own filter"
    );
    let press_only = search(&app, &[("q", "预审"), ("doc", PRESS_2025)]).await;
    assert!(press_only.items.iter().all(|h| h.doc == PRESS_2025));
    assert_eq!(press_only.total, facet(PRESS_2025));
}

#[tokio::test]
async fn the_topic_filter_keeps_the_hits_tagged_with_it() {
    let app = spawn_app().await;
    let all = search(&app, &[("q", "质押")]).await;
    let finance = search(&app, &[("q", "质押"), ("topic", "金融")]).await;
    let count = all
        .facets
        .topic
        .iter()
        .find(|f| f.value == "金融")
        .expect("质押 is about finance")
        .count;
    assert_eq!(finance.total, count);
    assert!(finance.total > 0 && finance.total <= all.total);
    find_hit(&finance, PLAN_2024, "s3-4-3");
    let order: Vec<_> = all
        .facets
        .topic
        .iter()
        .map(|f| POLICY_TOPICS.iter().position(|t| *t == f.value).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "in the fixed order");
    assert_eq!(finance.facets.topic, all.facets.topic);
}

#[tokio::test]
async fn questions_and_answers_are_found_and_point_at_the_qa() {
    let app = spawn_app().await;
    let question = search(&app, &[("q", "公安机关")]).await;
    let hit = find_hit(&question, PRESS_2025, "q3");
    assert_eq!(hit.kind, PolicyHitKind::Question);
    assert_eq!(
        hit.heading.as_deref(),
        Some("请问公安机关针对知识产权刑事保护采取了哪些措施?")
    );
    assert_eq!(hit.number, None);

    let answer = search(&app, &[("q", "三合一"), ("doc", PRESS_2025)]).await;
    let hit = find_hit(&answer, PRESS_2025, "q2");
    assert_eq!(hit.kind, PolicyHitKind::Answer);
    assert!(hit
        .heading
        .as_deref()
        .unwrap()
        .starts_with("《南通市知识产权促进和保护条例》"));
    assert_highlights_cover(&answer, "三合一");
}

#[tokio::test]
async fn latin_letters_match_in_either_case() {
    let app = spawn_app().await;
    let upper = search(&app, &[("q", "GDP")]).await;
    let lower = search(&app, &[("q", "gdp")]).await;
    assert!(upper.total > 0);
    assert_eq!(upper, lower);
    assert_highlights_cover(&lower, "gdp");
    assert!(highlighted(&lower.items[0]).iter().all(|s| s == "GDP"));
    let full_width = search(&app, &[("q", "ＧＤＰ")]).await;
    assert_eq!(full_width.total, upper.total);
}

#[tokio::test]
async fn bad_search_and_list_parameters_are_a_400_with_a_message_for_the_field() {
    let app = spawn_app().await;
    let huge = "审".repeat(3_500); // about 10 KB
    let search_cases: Vec<(String, &str, &str)> = vec![
        (String::new(), "q", "policy_search.query_missing"),
        ("q=".into(), "q", "policy_search.query_missing"),
        (
            "q=%20%20%E3%80%80".into(),
            "q",
            "policy_search.query_missing",
        ),
        (
            format!("q={}", percent_encode(&huge)),
            "q",
            "policy_search.query_too_long",
        ),
        (
            format!("q={}", "a".repeat(10_240)),
            "q",
            "policy_search.query_too_long",
        ),
        (
            format!("q={}", percent_encode(&"审".repeat(51))),
            "q",
            "policy_search.query_too_long",
        ),
        (
            "q=%E8%B4%A8%00".into(),
            "q",
            "policy_search.control_character",
        ),
        (
            "q=%E8%B4%A8%0A%E6%8A%BC".into(),
            "q",
            "policy_search.control_character",
        ),
        (
            "q=a&doc=no-such-document".into(),
            "doc",
            "policy_search.unknown_document",
        ),
        (
            format!("q=a&doc={}", "x".repeat(61)),
            "doc",
            "policy_search.filter_too_long",
        ),
        (
            format!("q=a&topic={}", percent_encode("火箭")),
            "topic",
            "policy_search.unknown_topic",
        ),
        (
            format!("q=a&topic={}", "x".repeat(10_240)),
            "topic",
            "policy_search.filter_too_long",
        ),
    ];
    for (params, field, code) in &search_cases {
        assert_field_error(
            &app,
            &format!("/api/v1/policies/search?{params}"),
            field,
            code,
        )
        .await;
    }
    let list_cases: Vec<(String, &str, &str)> = vec![
        ("kind=law".into(), "kind", "policy_search.unknown_kind"),
        (
            format!("region={}", percent_encode("火星市")),
            "region",
            "policy_search.unknown_region",
        ),
        (
            format!("topic={}", percent_encode("patent")),
            "topic",
            "policy_search.unknown_topic",
        ),
        (
            "region=%07".into(),
            "region",
            "policy_search.control_character",
        ),
    ];
    for (params, field, code) in &list_cases {
        assert_field_error(&app, &format!("/api/v1/policies?{params}"), field, code).await;
    }
}

#[tokio::test]
async fn field_messages_follow_the_requested_language() {
    let app = spawn_app().await;
    let path = format!(
        "/api/v1/policies/search?q=&doc=nope&topic={}",
        percent_encode("火箭")
    );
    let ask = |lang: &'static str| {
        let request = app
            .client
            .get(app.url(&path))
            .header("Accept-Language", lang);
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 400);
            response.json::<ApiErrorBody>().await.unwrap()
        }
    };
    let zh = ask("zh-CN").await;
    let en = ask("en").await;
    let fields: Vec<_> = en.fields.keys().map(String::as_str).collect();
    // `doc` is the server's own check, made only when the browser's checks pass.
    assert_eq!(fields, ["q", "topic"]);
    assert_eq!(
        zh.fields.keys().collect::<Vec<_>>(),
        en.fields.keys().collect::<Vec<_>>()
    );
    for (name, error) in &en.fields {
        assert!(error.message.is_ascii(), "{name}: {}", error.message);
        let chinese = &zh.fields[name];
        assert_eq!(chinese.code, error.code);
        assert!(!chinese.message.is_ascii(), "{name}: {}", chinese.message);
    }
    assert_eq!(en.fields["q"].code, "policy_search.query_missing");

    let unknown_doc = app
        .client
        .get(app.url("/api/v1/policies/search?q=a&doc=nope"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    let body: ApiErrorBody = unknown_doc.json().await.unwrap();
    assert!(body.fields["doc"].message.is_ascii());
}

#[tokio::test]
async fn an_unknown_document_is_a_json_404() {
    let app = spawn_app().await;
    for slug in [
        "no-such-document",
        "NANTONG-2024-IP-STRONG-CITY-PLAN",
        "%E6%B5%B7",
        "%FF",
    ] {
        let response = app.get(&format!("/api/v1/policies/{slug}")).await;
        assert_eq!(response.status(), 404, "{slug}");
        let body: ApiErrorBody = response.json().await.unwrap();
        assert_eq!(body.code, "not_found");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_the_policy_endpoints() {
    let app = spawn_app().await;
    let doc = openapi(&app).await;
    for path in [
        "/api/v1/policies",
        "/api/v1/policies/{slug}",
        "/api/v1/policies/search",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    let params = doc["paths"]["/api/v1/policies/search"]["get"]["parameters"]
        .as_array()
        .unwrap();
    for name in ["q", "doc", "topic"] {
        assert!(params
            .iter()
            .any(|p| p["name"] == name && p["in"] == "query"));
    }
    for schema in [
        "PolicyList",
        "PolicySummary",
        "PolicyDocument",
        "PolicySection",
        "PolicyQa",
        "PolicyTarget",
        "PolicySearchResult",
        "PolicyHit",
        "PolicyKind",
        "PolicyInterpretation",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

#[tokio::test]
async fn a_second_start_keeps_the_policy_library_and_does_not_import_twice() {
    let first = spawn_app().await;

    // Staff correct a heading in the database.
    let pool = first.database().await;
    sqlx::query(
        "UPDATE policy_sections SET heading = '强化知识产权金融支持(已修订)' \
         WHERE doc_slug = 'nantong-2024-ip-strong-city-plan' AND id = 's3-4-3'",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let second = spawn_app_in(first.dir).await;
    let list = list(&second, "").await;
    assert_eq!(list.items.len(), 5);
    let plan = document(&second, PLAN_2024).await;
    assert_eq!(all_sections(&plan.sections).len(), 31, "not imported twice");
    assert_eq!(plan.targets.len(), 16);
    assert_eq!(
        section(&plan, "s3-4-3").heading.as_deref(),
        Some("强化知识产权金融支持(已修订)")
    );
    let found = search(&second, &[("q", "已修订")]).await;
    assert_eq!(
        hits(&found),
        [(PLAN_2024, "s3-4-3")],
        "the index is built from the database"
    );

    let pool = second.database().await;
    let rows: (i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM policy_documents), (SELECT COUNT(*) FROM policy_sections), \
         (SELECT COUNT(*) FROM policy_qas), (SELECT COUNT(*) FROM policy_answers), \
         (SELECT COUNT(*) FROM policy_targets)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(rows, (5, 99, 9, 9, 43), "the totals of the seed README");
}
