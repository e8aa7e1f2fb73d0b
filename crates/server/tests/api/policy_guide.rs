//! The policy library says what each document is and guides the reader (issue #20): the
//! center's own documents apart from other cities' practice, publisher, date and occasion
//! instead of a source file, statements headed by what they are about rather than by the
//! speaker, each Q&A under one part of the interpretation, search results that name where they
//! are, links to the services a passage is about, and the "I want to…" entries.

use portal_domain::api::percent_encode;
use portal_domain::api::policies::{
    PolicyList, PolicyScope, PolicySearchResult, PolicyService, PolicyTaskKind,
};

use crate::helpers::{migrated_before, spawn_app, spawn_app_in, TestApp};
use crate::policies::{all_sections, document, section};

const PRESS_2025: &str = "nantong-2025-ip-regulation-press-conference";
const PLAN_2024: &str = "nantong-2024-ip-strong-city-plan";
const SUIZHOU: &str = "suizhou-2023-ip-press-conference";
const SUZHOU: &str = "suzhou-2022-ip-protection-demo-zone-plan";
const NINGBO: &str = "ningbo-2022-ip-protection-decision-report";

async fn list(app: &TestApp) -> PolicyList {
    let response = app.get("/api/v1/policies").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn other_cities_documents_are_told_apart_from_the_centers_own() {
    let app = spawn_app().await;
    let list = list(&app).await;
    let scopes: Vec<_> = list
        .items
        .iter()
        .map(|d| (d.slug.as_str(), d.scope))
        .collect();
    assert_eq!(
        scopes,
        [
            (PRESS_2025, PolicyScope::Local),
            (PLAN_2024, PolicyScope::Local),
            (SUIZHOU, PolicyScope::OtherCity),
            (SUZHOU, PolicyScope::OtherCity),
            (NINGBO, PolicyScope::OtherCity),
        ]
    );
    assert_eq!(document(&app, SUZHOU).await.scope, PolicyScope::OtherCity);
}

#[tokio::test]
async fn a_document_says_who_published_it_when_and_on_what_occasion_not_its_file() {
    let app = spawn_app().await;
    let press = document(&app, PRESS_2025).await;
    assert_eq!(press.issuer, "南通市市场监督管理局");
    assert_eq!(press.published.as_deref(), Some("2025-04-21"));
    assert_eq!(
        press.occasion,
        "《南通市知识产权促进和保护条例》将于2025年4月26日(世界知识产权日)正式施行"
    );
    let suizhou = document(&app, SUIZHOU).await;
    assert_eq!(
        suizhou.date.as_deref(),
        Some("2023-04-26"),
        "the day it was held"
    );
    assert_eq!(suizhou.published.as_deref(), Some("2023-04-27"));
    assert!(suizhou.occasion.contains("召开新闻发布会"));
    let ningbo = document(&app, NINGBO).await;
    assert_eq!(ningbo.occasion, "宁波市十六届人大常委会第十四次会议文件");
    assert_eq!(ningbo.published, None);

    // The source file's name is provenance, kept in the database, not shown to people.
    for slug in [PRESS_2025, PLAN_2024, SUIZHOU, SUZHOU, NINGBO] {
        let body = app
            .get(&format!("/api/v1/policies/{slug}"))
            .await
            .text()
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(json.get("source_file").is_none(), "{slug}");
        assert!(!json["occasion"].as_str().unwrap().is_empty(), "{slug}");
    }
    let list = list(&app).await;
    assert!(list.items.iter().all(|d| !d.occasion.is_empty()));
}

#[tokio::test]
async fn no_heading_is_a_speakers_name_and_statements_say_who_spoke() {
    let app = spawn_app().await;
    for slug in [PRESS_2025, PLAN_2024, SUIZHOU, SUZHOU, NINGBO] {
        let doc = document(&app, slug).await;
        let mut speakers: Vec<String> = doc
            .qa
            .iter()
            .flat_map(|q| &q.answers)
            .map(|a| a.speaker.clone())
            .collect();
        speakers.extend(
            all_sections(&doc.sections)
                .iter()
                .filter_map(|s| s.speaker.as_ref().map(|p| p.name.clone())),
        );
        speakers.push("主持人".into());
        for s in all_sections(&doc.sections) {
            if let Some(heading) = &s.heading {
                assert!(!speakers.contains(heading), "{slug}#{}: {heading}", s.id);
            }
        }
    }
    let press = document(&app, PRESS_2025).await;
    let statements: Vec<_> = press
        .sections
        .iter()
        .map(|s| {
            (
                s.heading.as_deref(),
                s.speaker.as_ref().map(|p| p.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        statements,
        [
            (None, Some("缪小娟")),
            (Some("南通市国家知识产权保护示范区建设成果"), Some("徐加明")),
            (
                Some("《南通市知识产权促进和保护条例》立法背景、立法主要过程以及贯彻执行要求"),
                Some("钱永忠")
            ),
            (Some("解读《条例》具体内容"), Some("蒋爱龙")),
        ]
    );
    assert_eq!(
        press.sections[1].speaker.as_ref().unwrap().role,
        "市市场监督管理局局长"
    );
}

#[tokio::test]
async fn each_answer_is_listed_under_one_part_of_the_interpretation_at_most() {
    let app = spawn_app().await;
    let press = document(&app, PRESS_2025).await;
    let parts = press.interpretation.unwrap().parts;
    assert_eq!(parts.len(), 5);
    let mut listed: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.qa_ids.iter().map(String::as_str))
        .collect();
    let all = listed.len();
    listed.sort();
    listed.dedup();
    assert_eq!(listed.len(), all, "an answer listed twice: {parts:?}");
    // 华亮 on turning patents into products under 三、(运用), the court, the police and the
    // procuratorate under 四、(保护).
    let of = |id: &str| {
        parts
            .iter()
            .find(|p| p.section_id == id)
            .map(|p| p.qa_ids.clone())
            .unwrap()
    };
    assert_eq!(of("s4-3"), ["q1"]);
    assert_eq!(of("s4-4"), ["q2", "q3", "q4"]);
    assert!(of("s4-1").is_empty());
}

async fn search(app: &TestApp, q: &str) -> PolicySearchResult {
    let response = app
        .get(&format!("/api/v1/policies/search?q={}", percent_encode(q)))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_result_without_a_heading_names_the_part_it_belongs_to() {
    let app = spawn_app().await;
    // 徐加明's closing words (s2-5) follow his (四) and have no heading of their own.
    let result = search(&app, "张謇").await;
    let closing = result
        .items
        .iter()
        .find(|h| h.doc == PRESS_2025 && h.anchor == "s2-5")
        .expect("the closing words");
    assert_eq!(closing.heading, None);
    assert_eq!(
        closing.part_of.as_deref(),
        Some("南通市国家知识产权保护示范区建设成果")
    );
    // Every result is named: by its own label, the part it belongs to, or (an unnamed
    // top-level block) its document.
    for q in ["知识产权", "质押", "预审", "保护"] {
        for hit in search(&app, q).await.items {
            let top_level = !hit.anchor.contains('-');
            assert!(
                hit.heading.is_some() || hit.part_of.is_some() || top_level,
                "{q}: {hit:?}"
            );
            if hit.heading.is_some() {
                assert_eq!(hit.part_of, None, "{hit:?}");
            }
        }
    }
}

#[tokio::test]
async fn passages_link_to_the_services_they_speak_of() {
    let app = spawn_app().await;
    let press = document(&app, PRESS_2025).await;
    assert_eq!(
        section(&press, "s2-4").services,
        [PolicyService::FastTrack],
        "预审领域扩容"
    );
    // 预审 of a draft law by the provincial legislature is not the patent service.
    assert!(section(&press, "s3-2-3")
        .paragraphs
        .concat()
        .contains("预审"));
    assert!(!section(&press, "s3-2-3")
        .services
        .contains(&PolicyService::FastTrack));
    assert!(section(&press, "s4-2")
        .services
        .contains(&PolicyService::Gi));
    assert_eq!(
        section(&press, "s4-5").services,
        [PolicyService::Booking, PolicyService::Assistance],
        "法律咨询、维权援助"
    );
    assert!(press.qa[3].services.contains(&PolicyService::Gi));
    let plan = document(&app, PLAN_2024).await;
    assert_eq!(section(&plan, "s3-4-3").services, [PolicyService::Booking]);
    assert!(section(&plan, "s3-3-3")
        .services
        .contains(&PolicyService::FastTrack));
    assert!(section(&plan, "s3-6-1").services.is_empty());
}

#[tokio::test]
async fn the_start_page_answers_pledge_loans_and_pre_examination_from_the_centers_documents() {
    let app = spawn_app().await;
    let list = list(&app).await;
    let kinds: Vec<_> = list.tasks.iter().map(|t| (t.kind, t.service)).collect();
    assert_eq!(
        kinds,
        [
            (PolicyTaskKind::PledgeLoan, PolicyService::Booking),
            (PolicyTaskKind::PreExamination, PolicyService::FastTrack),
        ]
    );
    let passages = |i: usize| -> Vec<(String, String)> {
        list.tasks[i]
            .passages
            .iter()
            .map(|p| (p.doc.clone(), p.anchor.clone()))
            .collect()
    };
    let pledge = passages(0);
    assert!(
        pledge.contains(&(PLAN_2024.into(), "s3-4-3".into())),
        "{pledge:?}"
    );
    assert!(
        pledge.contains(&(PRESS_2025.into(), "s4-3".into())),
        "{pledge:?}"
    );
    let pre = passages(1);
    assert_eq!(
        pre,
        [
            (PRESS_2025.to_owned(), "s2-4".to_owned()),
            (PLAN_2024.to_owned(), "s3-3-3".to_owned())
        ]
    );
    // Only the center's own documents: other cities' practice does not say how it is done here.
    for task in &list.tasks {
        for p in &task.passages {
            assert!([PRESS_2025, PLAN_2024].contains(&p.doc.as_str()), "{p:?}");
            assert!(p.label.is_some(), "{p:?}");
        }
    }
    let loan = list.tasks[0]
        .passages
        .iter()
        .find(|p| p.anchor == "s3-4-3")
        .unwrap();
    assert_eq!(loan.label.as_deref(), Some("13. 强化知识产权金融支持"));
}

/// A database seeded before migration 0016 gets the statements' headings and speakers and the
/// documents' occasions from the migration, without a second import.
#[tokio::test]
async fn a_database_seeded_before_gets_headings_speakers_and_occasions() {
    if crate::helpers::sqlite_only("a migration of an existing SQLite database") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pool = migrated_before(&dir, 16).await;
    sqlx::query(
        "INSERT INTO policy_documents (slug, source_file, title, issuer, kind, region, position) \
         VALUES ($1, '000_565c109fb0926098.txt', '发布会', '南通市市场监督管理局', \
         'press_conference', '南通市', 1)",
    )
    .bind(PRESS_2025)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO policy_sections (doc_slug, id, position, depth, heading, paragraphs) \
         VALUES ($1, 's2', 1, 0, '徐加明', '[\"正文\"]')",
    )
    .bind(PRESS_2025)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    let app = spawn_app_in(dir).await;
    let press = document(&app, PRESS_2025).await;
    let s2 = &press.sections[0];
    assert_eq!(
        s2.heading.as_deref(),
        Some("南通市国家知识产权保护示范区建设成果")
    );
    assert_eq!(s2.speaker.as_ref().unwrap().name, "徐加明");
    assert!(press.occasion.contains("正式施行"));
    assert_eq!(press.published.as_deref(), Some("2025-04-21"));
}
