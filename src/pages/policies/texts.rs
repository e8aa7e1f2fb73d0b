//! The policy library's texts in both languages. The documents themselves (titles, issuers,
//! sections, questions, answers, indicators) are quoted from the public sources and stay in
//! Chinese, marked `lang="zh-CN"` wherever they appear.

use leptos::prelude::Get;
use portal_domain::api::policies::{PolicyKind, POLICY_TOPICS};
use portal_domain::Lang;

include!(concat!(env!("OUT_DIR"), "/texts_policies.rs"));

/// Words the search tips offer as links (they occur in the documents).
pub const EXAMPLE_QUERIES: [&str; 3] = ["质押", "预审", "维权援助"];

/// The regions of the documents with their province (for the GI lookup's filters, whose values
/// are the GI records' own: `江苏省`/`南通市`) and English name. Checked against the GI data below.
pub const REGIONS: [(&str, &str, &str); 4] = [
    ("南通市", "江苏省", "Nantong"),
    ("苏州市", "江苏省", "Suzhou"),
    ("随州市", "湖北省", "Suizhou"),
    ("宁波市", "浙江省", "Ningbo"),
];

crate::prefs::feature_texts!(PolicyTexts, policy_texts, policy_text);

/// A reactive text made from a value: `{policy_text_with(year, |t, _, y| t.year(*y))}`. As
/// with [`policy_text`], the maker is a plain `fn`, so every call site with the same type of
/// value shares one closure type and the WASM one copy of its rendering code.
pub fn policy_text_with<A: 'static>(
    value: A,
    make: fn(&PolicyTexts, Lang, &A) -> String,
) -> impl Fn() -> String + 'static {
    let prefs = crate::prefs::use_prefs();
    move || {
        let lang = prefs.lang.get();
        make(policy_texts(lang), lang, &value)
    }
}

/// A document card's counts: sections always, questions and answers and targets when there are
/// any.
pub fn doc_counts(t: &PolicyTexts, sections: u32, qas: u32, targets: u32) -> String {
    let mut parts = vec![t.doc_count_sections(sections)];
    if qas > 0 {
        parts.push(t.doc_count_qas(qas));
    }
    if targets > 0 {
        parts.push(t.doc_count_targets(targets));
    }
    parts.join(" · ")
}

/// Names of topics in the interface language, as one line.
pub fn topic_list(t: &PolicyTexts, lang: Lang, topics: &[String]) -> String {
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    topics
        .iter()
        .map(|topic| t.topic(topic))
        .collect::<Vec<_>>()
        .join(separator)
}

impl PolicyTexts {
    pub fn kind(&self, kind: PolicyKind) -> &'static str {
        let i = PolicyKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.kinds[i]
    }

    /// A topic's name; a value not in the fixed list is shown as it is.
    pub fn topic<'a>(&self, topic: &'a str) -> &'a str {
        match POLICY_TOPICS.iter().position(|t| *t == topic) {
            Some(i) => self.topics[i],
            None => topic,
        }
    }
}

/// The region's name in the interface language (Chinese when the region is not in the table).
pub fn region_name(lang: Lang, region: &str) -> String {
    match (lang, REGIONS.iter().find(|r| r.0 == region)) {
        (Lang::En, Some(r)) => r.2.to_owned(),
        _ => region.to_owned(),
    }
}

/// `2025-04-21` as `2025年4月21日` (Chinese) or as it is; `YYYY-MM` likewise.
pub fn date(lang: Lang, date: &str) -> String {
    if lang == Lang::En {
        return date.to_owned();
    }
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str| s.trim_start_matches('0').to_owned();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", number(m), number(d)),
        [y, m] => format!("{y}年{}月", number(m)),
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every region's province and city are values of the GI data, so the GI lookup link of a
    /// document finds that city's products.
    #[test]
    fn every_region_is_a_city_of_the_gi_data_in_its_province() {
        let csv = include_str!("../../../data/seed/gi_products.csv");
        for (city, province, _) in REGIONS {
            let pair = format!(",{province},{city},");
            assert!(csv.contains(&pair), "{province} {city}");
        }
    }

    #[test]
    fn dates_are_as_precise_as_the_source() {
        assert_eq!(date(Lang::Zh, "2025-04-21"), "2025年4月21日");
        assert_eq!(date(Lang::Zh, "2022-11"), "2022年11月");
        assert_eq!(date(Lang::En, "2022-11"), "2022-11");
    }

    #[test]
    fn every_kind_and_topic_has_a_name_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let t = policy_texts(lang);
            assert!(t.kinds.iter().chain(&t.topics).all(|s| !s.is_empty()));
        }
        assert_eq!(
            policy_texts(Lang::En).topic("地理标志"),
            "Geographical indications"
        );
        assert_eq!(policy_texts(Lang::Zh).kind(PolicyKind::Plan), "实施方案");
        // The catalog's Chinese topic names are the data's own.
        assert_eq!(policy_texts(Lang::Zh).topics, POLICY_TOPICS);
    }
}
