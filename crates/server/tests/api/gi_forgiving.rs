//! The GI search forgives the way people type (issue #20): official names with an alias in
//! brackets, characters of the right sound, traditional characters, characters with two
//! readings, and the nearest names when nothing matches. One test per class of query.

use portal_domain::api::gi::MatchKind;

use crate::gi::{find, highlighted, kind, names, search};
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_name_with_an_alias_is_found_whole_and_by_each_name_in_characters_pinyin_and_initials() {
    let app = spawn_app().await;
    let full = "涞水麻核桃（野三坡麻核桃）";
    for (q, expected) in [
        // Pasted as published, with full-width brackets, or retyped with half-width ones.
        ("涞水麻核桃（野三坡麻核桃）", MatchKind::NameExact),
        ("涞水麻核桃(野三坡麻核桃)", MatchKind::NameExact),
        ("涞水麻核桃", MatchKind::NamePrefix),
        ("野三坡麻核桃", MatchKind::NameSubstring),
        ("laishuimahetao", MatchKind::Pinyin),
        ("ye san po ma he tao", MatchKind::Pinyin),
        ("laishuimahetaoyesanpomahetao", MatchKind::Pinyin),
        ("lsmht", MatchKind::Initials),
        ("yspmht", MatchKind::Initials),
        ("lsmhtyspmht", MatchKind::Initials),
    ] {
        let result = search(&app, &[("q", q)]).await;
        assert!(result.total > 0, "{q} finds nothing");
        let product = find(&result, full);
        assert_eq!(kind(product), expected, "{q}");
        assert_eq!(result.items[0].name_zh, full, "{q}: first");
    }
    // The alias's pinyin highlights the alias.
    let result = search(&app, &[("q", "yesanpo")]).await;
    assert_eq!(highlighted(find(&result, full)), "野三坡");

    let result = search(&app, &[("q", "qianzhi")]).await;
    assert_eq!(kind(find(&result, "迁安桑皮纸（迁纸）")), MatchKind::Pinyin);
}

#[tokio::test]
async fn characters_of_the_right_sound_find_the_name_below_the_exact_matches() {
    let app = spawn_app().await;
    for (q, name) in [("海按大米", "海安大米"), ("如皋火退", "如皋火腿")] {
        let result = search(&app, &[("q", q)]).await;
        let product = find(&result, name);
        assert_eq!(kind(product), MatchKind::Homophone, "{q}");
        assert_eq!(highlighted(product), name, "{q}");
        assert_eq!(result.items[0].name_zh, name, "{q}: first");
    }
    // Typed right, the same name is an exact match, and what only sounds alike comes after
    // everything matched as typed.
    let result = search(&app, &[("q", "海安"), ("page_size", "100")]).await;
    assert_eq!(kind(&result.items[0]), MatchKind::NamePrefix);
    let kinds: Vec<MatchKind> = result.items.iter().map(kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "ranked by kind");
    let first_sound = kinds.iter().position(|k| *k == MatchKind::Homophone);
    if let Some(at) = first_sound {
        assert!(kinds[..at].iter().all(|k| *k < MatchKind::Homophone));
    }
}

#[tokio::test]
async fn traditional_characters_are_read_as_simplified() {
    let app = spawn_app().await;
    let result = search(&app, &[("q", "啓東青皮長茄")]).await;
    assert_eq!(result.items[0].name_zh, "启东青皮长茄");
    assert_eq!(kind(&result.items[0]), MatchKind::NameExact);
    assert_eq!(highlighted(&result.items[0]), "启东青皮长茄");

    let traditional = search(&app, &[("q", "啓東"), ("page_size", "100")]).await;
    let simplified = search(&app, &[("q", "启东"), ("page_size", "100")]).await;
    assert!(traditional.total > 5);
    assert_eq!(names(&traditional), names(&simplified));
}

#[tokio::test]
async fn characters_with_two_readings_are_found_by_the_reading_people_use() {
    let app = spawn_app().await;
    for (q, name, expected) in [
        ("qdqpcq", "启东青皮长茄", MatchKind::Initials),
        ("qidongqingpichangqie", "启东青皮长茄", MatchKind::Pinyin),
        ("dangshen", "宕昌党参", MatchKind::Pinyin),
        ("changge", "长葛蜂胶", MatchKind::Pinyin),
        ("duyun", "都匀毛尖茶", MatchKind::Pinyin),
        ("kuerle", "库尔勒香梨", MatchKind::Pinyin),
    ] {
        let result = search(&app, &[("q", q), ("page_size", "100")]).await;
        assert_eq!(kind(find(&result, name)), expected, "{q}");
    }
    // The reading nobody uses no longer finds it.
    let result = search(&app, &[("q", "qdqpzj")]).await;
    assert!(result.items.iter().all(|p| p.name_zh != "启东青皮长茄"));
}

#[tokio::test]
async fn when_nothing_matches_the_nearest_names_are_offered() {
    let app = spawn_app().await;
    for (q, near) in [("haianmi", "海安大米"), ("rugauhuotei", "如皋火腿")] {
        let result = search(&app, &[("q", q)]).await;
        assert_eq!(result.total, 0, "{q}");
        assert!(result.items.is_empty());
        let offered: Vec<&str> = result
            .suggestions
            .iter()
            .map(|p| p.name_zh.as_str())
            .collect();
        assert!(offered.contains(&near), "{q}: {offered:?}");
        assert!(offered.len() <= 5);
    }
    // A search that finds something offers nothing else; nonsense is offered nothing.
    let result = search(&app, &[("q", "海安大米")]).await;
    assert!(result.suggestions.is_empty());
    let result = search(&app, &[("q", "qqqqqqqqqq")]).await;
    assert_eq!(result.total, 0);
    assert!(result.suggestions.is_empty());
}
