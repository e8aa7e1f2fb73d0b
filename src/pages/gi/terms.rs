//! The data's finite sets (provinces, cities, categories, GI types) as a page shows them: in
//! English where there is a sure translation (`portal_domain::api::gi_terms`), else in Chinese.

use portal_domain::api::gi_terms::english;
use portal_domain::Lang;

/// A data value in the page's language, and whether it is still Chinese (for `lang="zh-CN"`).
pub fn shown(value: &str, lang: Lang) -> (String, bool) {
    match (lang, english(value)) {
        (Lang::En, Some(en)) => (en.to_owned(), false),
        _ => (value.to_owned(), true),
    }
}

/// Province and city, once when they are the same (a municipality: 上海市, not 上海市 上海市);
/// "Nantong, Jiangsu" in English.
pub fn place(province: Option<&str>, city: Option<&str>, lang: Lang) -> String {
    let city = city.filter(|c| Some(*c) != province);
    let parts = [province, city]
        .into_iter()
        .flatten()
        .map(|v| shown(v, lang).0);
    match lang {
        Lang::Zh => parts.collect::<Vec<_>>().join(" "),
        Lang::En => parts.rev().collect::<Vec<_>>().join(", "),
    }
}
