//! The policy library's texts in both languages. The documents themselves (titles, issuers,
//! sections, questions, answers, indicators) are quoted from the public sources and stay in
//! Chinese, marked `lang="zh-CN"` wherever they appear.

use leptos::prelude::Get;
use portal_domain::api::policies::{PolicyKind, POLICY_TOPICS};
use portal_domain::Lang;

pub struct PolicyTexts {
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_button: &'static str,
    pub loading: &'static str,
    pub updating: &'static str,
    pub filters_heading: &'static str,
    pub facet_region: &'static str,
    pub facet_kind: &'static str,
    pub facet_topic: &'static str,
    pub facet_doc: &'static str,

    pub documents_heading: &'static str,
    pub doc_total: fn(usize) -> String,
    pub doc_counts: fn(u32, u32, u32) -> String,
    pub no_documents_title: &'static str,
    pub no_documents_body: &'static str,
    pub undated: &'static str,
    /// In the order of [`PolicyKind::ALL`].
    pub kinds: [&'static str; 4],
    /// In the order of [`POLICY_TOPICS`].
    pub topics: [&'static str; 14],

    pub back_to_list: &'static str,
    pub back_to_search: &'static str,
    pub field_issuer: &'static str,
    pub field_number: &'static str,
    pub field_date: &'static str,
    pub field_kind: &'static str,
    pub field_region: &'static str,
    pub field_topics: &'static str,
    pub field_source: &'static str,
    /// Said before the document's text in the English interface; empty in Chinese.
    pub original_language_note: &'static str,
    pub toc: &'static str,
    pub qa_heading: &'static str,
    pub asked_by: &'static str,
    pub answered_by: &'static str,
    pub role_separator: &'static str,
    pub copy_link: &'static str,
    pub this_passage: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    pub related_services: &'static str,
    pub related_assistance: &'static str,
    pub related_gi: fn(&str) -> String,
    pub related_fast_track: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,

    pub interpretation_heading: &'static str,
    /// Around the regulation's name: "This document explains 《…》 …".
    pub interpretation_intro: (&'static str, &'static str),
    pub read_in_document: &'static str,
    pub related_answers: &'static str,
    pub no_related_answers: &'static str,
    pub shared_topics: &'static str,

    pub targets_heading: &'static str,
    pub targets_intro: &'static str,
    pub targets_caption: &'static str,
    pub col_indicator: &'static str,
    pub col_target: &'static str,
    pub col_year: &'static str,
    pub col_latest: &'static str,
    pub col_section: &'static str,
    pub year: fn(u16) -> String,
    pub year_not_stated: &'static str,
    /// A remark after a figure: `（2024年）`.
    pub in_parens: fn(&str) -> String,
    pub no_figure: &'static str,
    pub chart_caption: &'static str,
    pub chart_target: fn(u16) -> String,
    pub chart_latest: &'static str,
    pub table_scroll_hint: &'static str,

    pub search_title: &'static str,
    pub results_heading: &'static str,
    pub hits_total: fn(u32) -> String,
    pub hits_shown: fn(usize) -> String,
    pub hit_qa: &'static str,
    pub hit_untitled: &'static str,
    pub no_hits_title: &'static str,
    pub tips_title: &'static str,
    pub tips: [&'static str; 2],
    pub try_words: &'static str,
}

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

/// A reactive text made from a value: `{policy_text_with(year, |t, _, y| (t.year)(*y))}`. As
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

static ZH: PolicyTexts = PolicyTexts {
    search_label: "搜索政策全文",
    search_hint: "输入一个或几个词，用空格分开，例如 质押 或 预审。几个词会在同一段内查找。",
    search_button: "搜索",
    loading: "正在加载……",
    updating: "正在更新……",
    filters_heading: "筛选",
    facet_region: "地区",
    facet_kind: "文件类型",
    facet_topic: "主题",
    facet_doc: "文件",

    documents_heading: "政策文件",
    doc_total: |n| format!("共 {n} 份政策文件"),
    doc_counts: |sections, qas, targets| {
        let mut out = format!("{sections} 个章节");
        if qas > 0 {
            out.push_str(&format!(" · {qas} 个问答"));
        }
        if targets > 0 {
            out.push_str(&format!(" · {targets} 项量化目标"));
        }
        out
    },
    no_documents_title: "没有符合条件的政策文件",
    no_documents_body: "请去掉一个筛选条件，或清除全部条件后重新选择。",
    undated: "未注明日期",
    kinds: ["新闻发布会", "实施方案", "条例解读", "工作报告"],
    topics: POLICY_TOPICS,

    back_to_list: "返回政策列表",
    back_to_search: "返回搜索结果",
    field_issuer: "发布单位",
    field_number: "文号",
    field_date: "日期",
    field_kind: "类型",
    field_region: "地区",
    field_topics: "主题",
    field_source: "来源文件",
    original_language_note: "",
    toc: "目录",
    qa_heading: "答记者问",
    asked_by: "提问：",
    answered_by: "回答：",
    role_separator: "，",
    copy_link: "复制链接",
    this_passage: "本段",
    copied: "已复制链接",
    copy_by_hand: "浏览器不允许自动复制，请手动复制下面的链接：",
    related_services: "相关服务",
    related_assistance: "申请维权援助",
    related_gi: |city| format!("查询{city}的地理标志产品"),
    related_fast_track: "专利预审（企业快速通道）",
    not_found_title: "没有找到这份政策文件",
    not_found_body: "这份文件不存在或已被移除。请返回政策列表查找。",

    interpretation_heading: "条例解读：对您意味着什么",
    interpretation_intro: (
        "本文件介绍了",
        "的主要内容，分为以下几个部分。每一部分下面列出了主题相同的问答，可以直接跳到相应的回答。",
    ),
    read_in_document: "在原文中阅读",
    related_answers: "相关问答",
    no_related_answers: "没有与这一部分主题相同的问答。",
    shared_topics: "相同主题：",

    targets_heading: "主要目标一览",
    targets_intro: "本方案提出的量化目标。“最新数据”是其他公开文件中报告的数字（如有），仅供参考。",
    targets_caption: "量化目标",
    col_indicator: "指标",
    col_target: "目标值",
    col_year: "目标年份",
    col_latest: "最新数据",
    col_section: "出处",
    year: |y| format!("{y}年"),
    year_not_stated: "年份未注明",
    in_parens: |s| format!("（{s}）"),
    no_figure: "暂无",
    chart_caption: "目标与最新数据对比（每个指标按各自的单位绘制，条形长度以两者中较大的为满格）",
    chart_target: |y| format!("{y}年目标"),
    chart_latest: "最新数据",
    table_scroll_hint: "表格较宽，可左右滑动查看。",

    search_title: "搜索政策",
    results_heading: "搜索结果",
    hits_total: |n| format!("共找到 {n} 处相关内容"),
    hits_shown: |n| format!("下面列出最相关的 {n} 处。"),
    hit_qa: "问答",
    hit_untitled: "（无标题段落）",
    no_hits_title: "没有找到相关内容",
    tips_title: "您可以试试：",
    tips: [
        "换一个更短的词，或少输入一个词（几个词须在同一段内）",
        "去掉筛选条件，在全部文件中查找",
    ],
    try_words: "试试这些词：",
};

static EN: PolicyTexts = PolicyTexts {
    search_label: "Search the full text of the policies",
    search_hint: "Enter one or more words separated by spaces, for example 质押 (pledge) or 预审 (pre-examination). All the words must be in the same passage.",
    search_button: "Search",
    loading: "Loading…",
    updating: "Updating…",
    filters_heading: "Filters",
    facet_region: "Region",
    facet_kind: "Kind of document",
    facet_topic: "Topic",
    facet_doc: "Document",

    documents_heading: "Policy documents",
    doc_total: |n| {
        if n == 1 {
            "1 policy document".to_owned()
        } else {
            format!("{n} policy documents")
        }
    },
    doc_counts: |sections, qas, targets| {
        let mut out = format!("{sections} sections");
        if qas > 0 {
            out.push_str(&format!(" · {qas} questions and answers"));
        }
        if targets > 0 {
            out.push_str(&format!(" · {targets} targets"));
        }
        out
    },
    no_documents_title: "No policy document matches these filters",
    no_documents_body: "Remove a filter, or clear them all and choose again.",
    undated: "Undated",
    kinds: [
        "Press conference",
        "Implementation plan",
        "Regulation explained",
        "Work report",
    ],
    topics: [
        "Patents",
        "Trademarks",
        "Copyright",
        "Geographical indications",
        "Trade secrets",
        "Rights assistance",
        "Enforcement",
        "Courts",
        "Finance",
        "Overseas",
        "Talent",
        "Public services",
        "Data IP",
        "Commercialisation",
    ],

    back_to_list: "Back to the policy library",
    back_to_search: "Back to the search results",
    field_issuer: "Issued by",
    field_number: "Document number",
    field_date: "Date",
    field_kind: "Kind",
    field_region: "Region",
    field_topics: "Topics",
    field_source: "Source file",
    original_language_note: "The document is shown in Chinese, exactly as it was published.",
    toc: "Contents",
    qa_heading: "Questions from the press",
    asked_by: "Asked by: ",
    answered_by: "Answer by: ",
    role_separator: ", ",
    copy_link: "Copy link",
    this_passage: "this passage",
    copied: "Link copied",
    copy_by_hand: "Your browser did not let us copy the link. Copy it from here:",
    related_services: "Related services",
    related_assistance: "Apply for rights assistance",
    related_gi: |city| format!("Geographical indications of {city}"),
    related_fast_track: "Patent pre-examination (fast track for businesses)",
    not_found_title: "Policy document not found",
    not_found_body: "This document does not exist or has been removed. Go back to the policy library to find another.",

    interpretation_heading: "The regulation explained: what it means for you",
    interpretation_intro: (
        "This document explains ",
        " in the parts below. Under each part are the questions and answers on the same topics, so you can go straight to the answer.",
    ),
    read_in_document: "Read it in the document",
    related_answers: "Related answers",
    no_related_answers: "No question and answer shares a topic with this part.",
    shared_topics: "Shared topics: ",

    targets_heading: "Key targets at a glance",
    targets_intro: "The quantified targets this plan sets. The latest figure is the number another public document reports, where there is one; for guidance only.",
    targets_caption: "Quantified targets",
    col_indicator: "Indicator",
    col_target: "Target",
    col_year: "By",
    col_latest: "Latest figure",
    col_section: "Set in",
    year: |y| y.to_string(),
    year_not_stated: "year not stated",
    in_parens: |s| format!(" ({s})"),
    no_figure: "None reported",
    chart_caption: "Target and latest figure (each indicator in its own unit; the longer bar is the larger of the two)",
    chart_target: |y| format!("Target for {y}"),
    chart_latest: "Latest figure",
    table_scroll_hint: "The table is wide: scroll it sideways to see every column.",

    search_title: "Search the policies",
    results_heading: "Results",
    hits_total: |n| {
        if n == 1 {
            "1 passage found".to_owned()
        } else {
            format!("{n} passages found")
        }
    },
    hits_shown: |n| format!("The {n} most relevant are listed below."),
    hit_qa: "Q&A",
    hit_untitled: "(untitled passage)",
    no_hits_title: "Nothing found",
    tips_title: "You could try:",
    tips: [
        "a shorter word, or one word fewer (all the words must be in the same passage)",
        "removing the filters to search every document",
    ],
    try_words: "Try these words:",
};

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
    }
}
