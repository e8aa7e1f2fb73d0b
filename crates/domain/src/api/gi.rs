//! Geographical-indication (地理标志) product lookup: `GET /api/v1/gi/products`,
//! `GET /api/v1/gi/products/{id}`, `GET /api/v1/gi/products.csv` and the list a device keeps
//! to search offline, `GET /api/v1/gi/offline` (searched by the service worker, `public/sw.js`).
//!
//! The search parameters are parsed here, by the same code in the browser (before a request is
//! sent) and on the server (which checks again, and also checks filter values against the data).

use serde::{Deserialize, Serialize};

use super::{percent_encode, FacetCount};
use crate::lang::localized;
use crate::texts::{gi_error_texts, GiErrorTexts};

/// One product in a result list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiProductSummary {
    /// `GI00001` … `GI04453`: the data set's own key, not an official number.
    pub id: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    /// Toneless pinyin, one syllable per character, space-separated (generated, see GI_SOURCES).
    pub pinyin: String,
    pub province: Option<String>,
    pub city: Option<String>,
    /// Derived from the name by keyword rules, not an official classification.
    pub category: Option<String>,
    pub gi_type: Option<String>,
    pub approved_year: Option<u16>,
    /// Why this product matched the query (absent when there is no query).
    pub matched: Option<Match>,
}

/// What part of a product matched, with the characters to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    pub kind: MatchKind,
    /// The text to show with the highlight: the Chinese name, or for a scope match a short
    /// excerpt of the protection scope around the match.
    pub text: String,
    /// Highlighted range in `text`, in characters (Unicode scalar values), end exclusive.
    /// `start == end` when nothing in `text` can be highlighted.
    pub start: u32,
    pub end: u32,
}

/// How a product matched, best first: this is also the ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    NameExact,
    NamePrefix,
    NameSubstring,
    /// Full pinyin (spaces ignored): exact, prefix or substring.
    Pinyin,
    /// Pinyin initials, e.g. `hadm` for 海安大米.
    Initials,
    /// Pinyin with one letter wrong, missing or extra.
    PinyinTypo,
    /// Chinese characters of the right sound but not the name's (海按大米 for 海安大米).
    Homophone,
    /// A place named in the protection scope (产地范围), e.g. 启东.
    Scope,
}

/// Counts per facet value. Each facet's counts apply the query and every *other* filter, so
/// they say what choosing that value would show.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiFacets {
    /// Sorted by count, then name.
    pub province: Vec<FacetCount>,
    /// Only when a province is chosen: the cities of that province.
    pub city: Vec<FacetCount>,
    pub category: Vec<FacetCount>,
    pub gi_type: Vec<FacetCount>,
    /// Approval decades as `"2000"`, `"2010"`, …, oldest first.
    pub decade: Vec<FacetCount>,
}

/// `GET /api/v1/gi/products`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiSearchResult {
    pub items: Vec<GiProductSummary>,
    /// Products matching the query and all filters.
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
    pub facets: GiFacets,
    /// Only when nothing matched a query: the nearest names (at most 5), to offer instead.
    #[serde(default)]
    pub suggestions: Vec<GiProductSummary>,
    /// Never sent by the server. Set by the service worker when it answered on the device
    /// because the network failed: the day (`YYYY-MM-DD`) the device saved the list it
    /// searched ([`GiOfflineList`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline_saved_on: Option<String>,
}

/// `GET /api/v1/gi/products/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiProduct {
    pub id: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub pinyin: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub category: Option<String>,
    pub gi_type: Option<String>,
    pub approved_year: Option<u16>,
    /// E.g. 国家知识产权局公告第640号（2025年）.
    pub announcement: Option<String>,
    /// The protection scope (保护范围/产地范围) as in the official text, at most 160 characters.
    pub description: Option<String>,
    /// Who published the announcement, read from it; absent when there is none or it is not
    /// one of the known authorities. (Where the row of the data set comes from is kept in the
    /// database, not shown.)
    pub authority: Option<super::gi_terms::GiAuthority>,
    /// Other products of the same city (at most 12), by name.
    pub same_city: Vec<GiProductSummary>,
    /// Never sent by the server: as in [`GiSearchResult`]. An answer from the device has no
    /// announcement, scope or authority (the saved list does not hold them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline_saved_on: Option<String>,
}

/// `GET /api/v1/gi/offline`: every product, in name order, with what a device needs to search
/// them by name, pinyin and initials while offline. The service worker fetches it in the
/// background once a GI page has loaded and searches it when the network fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiOfflineList {
    pub products: Vec<GiOfflineProduct>,
}

/// One product of [`GiOfflineList`]: its summary (without `matched`) and its folded pinyin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiOfflineProduct {
    pub id: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub pinyin: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub category: Option<String>,
    pub gi_type: Option<String>,
    pub approved_year: Option<u16>,
    /// The pinyin as the search matches it: lower case, `ü` as `u`, no spaces, followed by that
    /// of an alias in brackets (`lusihaizhe`).
    pub letters: String,
    /// Where each syllable starts in `letters` (byte offsets): a pinyin match starts at one,
    /// and the first letters of the syllables are the initials.
    pub syllables: Vec<u16>,
}

pub const MAX_QUERY_CHARS: usize = 50;
pub const MAX_FILTER_CHARS: usize = 30;
pub const MAX_PAGE_SIZE: u32 = 100;
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE: u32 = 1_000;
pub const MIN_YEAR: u16 = 1900;
pub const MAX_YEAR: u16 = 2100;

/// The search parameters as they arrive in a query string: all text, so that a bad value
/// becomes a field message rather than an unreadable request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct GiSearchParams {
    /// Chinese name or part of it, full pinyin (spaces optional), pinyin initials, or a place.
    pub q: Option<String>,
    pub province: Option<String>,
    /// Only together with `province`.
    pub city: Option<String>,
    pub category: Option<String>,
    pub gi_type: Option<String>,
    /// Approval year range, inclusive.
    pub year_from: Option<String>,
    pub year_to: Option<String>,
    /// 1-based.
    pub page: Option<String>,
    /// 1 to 100, default 20.
    pub page_size: Option<String>,
}

/// A search that is known to be well-formed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GiSearch {
    /// Trimmed, inner whitespace runs collapsed to one space; empty means "no query".
    pub q: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub category: Option<String>,
    pub gi_type: Option<String>,
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    pub page: u32,
    pub page_size: u32,
}

/// What is wrong with one search parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiSearchError {
    QueryTooLong,
    ControlCharacter,
    FilterTooLong,
    CityWithoutProvince,
    NotAYear,
    YearRangeReversed,
    NotAPageNumber,
    PageSizeOutOfRange,
    /// The server's check: the value does not occur in the data.
    UnknownValue,
}

impl GiSearchError {
    fn texts(self, t: &GiErrorTexts) -> (&'static str, &'static str) {
        match self {
            GiSearchError::QueryTooLong => ("gi_search.query_too_long", t.gi_search_query_too_long),
            GiSearchError::ControlCharacter => {
                ("gi_search.control_character", t.gi_search_control_character)
            }
            GiSearchError::FilterTooLong => {
                ("gi_search.filter_too_long", t.gi_search_filter_too_long)
            }
            GiSearchError::CityWithoutProvince => (
                "gi_search.city_without_province",
                t.gi_search_city_without_province,
            ),
            GiSearchError::NotAYear => ("gi_search.not_a_year", t.gi_search_not_a_year),
            GiSearchError::YearRangeReversed => (
                "gi_search.year_range_reversed",
                t.gi_search_year_range_reversed,
            ),
            GiSearchError::NotAPageNumber => {
                ("gi_search.not_a_page_number", t.gi_search_not_a_page_number)
            }
            GiSearchError::PageSizeOutOfRange => (
                "gi_search.page_size_out_of_range",
                t.gi_search_page_size_out_of_range,
            ),
            GiSearchError::UnknownValue => ("gi_search.unknown_value", t.gi_search_unknown_value),
        }
    }
}

localized!(GiSearchError, gi_error_texts);

impl GiSearch {
    /// Parses the parameters; every bad one is reported, with the name of its parameter.
    pub fn parse(params: &GiSearchParams) -> Result<GiSearch, Vec<(&'static str, GiSearchError)>> {
        let mut errors = Vec::new();

        let q = match clean_text(params.q.as_deref(), MAX_QUERY_CHARS) {
            Ok(q) => q.unwrap_or_default(),
            Err(e) => {
                errors.push(("q", e.for_query()));
                String::new()
            }
        };
        let mut filter = |name: &'static str, value: &Option<String>| {
            clean_text(value.as_deref(), MAX_FILTER_CHARS).unwrap_or_else(|e| {
                errors.push((name, e));
                None
            })
        };
        let province = filter("province", &params.province);
        let city = filter("city", &params.city);
        let category = filter("category", &params.category);
        let gi_type = filter("gi_type", &params.gi_type);
        if city.is_some() && province.is_none() {
            errors.push(("city", GiSearchError::CityWithoutProvince));
        }

        let mut year = |name: &'static str, value: &Option<String>| {
            parse_number(value.as_deref(), MIN_YEAR.into(), MAX_YEAR.into())
                .map(|y| y.map(|y| y as u16))
                .unwrap_or_else(|()| {
                    errors.push((name, GiSearchError::NotAYear));
                    None
                })
        };
        let year_from = year("year_from", &params.year_from);
        let year_to = year("year_to", &params.year_to);
        if let (Some(from), Some(to)) = (year_from, year_to) {
            if from > to {
                errors.push(("year_to", GiSearchError::YearRangeReversed));
            }
        }

        let page = parse_number(params.page.as_deref(), 1, MAX_PAGE).unwrap_or_else(|()| {
            errors.push(("page", GiSearchError::NotAPageNumber));
            None
        });
        let page_size =
            parse_number(params.page_size.as_deref(), 1, MAX_PAGE_SIZE).unwrap_or_else(|()| {
                errors.push(("page_size", GiSearchError::PageSizeOutOfRange));
                None
            });

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(GiSearch {
            q,
            province,
            city,
            category,
            gi_type,
            year_from,
            year_to,
            page: page.unwrap_or(1),
            page_size: page_size.unwrap_or(DEFAULT_PAGE_SIZE),
        })
    }

    /// The parameters that differ from the defaults, in a stable order: for URLs and requests.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        let texts = [
            ("province", &self.province),
            ("city", &self.city),
            ("category", &self.category),
            ("gi_type", &self.gi_type),
        ];
        for (name, value) in texts {
            if let Some(value) = value {
                out.push((name, value.clone()));
            }
        }
        if let Some(y) = self.year_from {
            out.push(("year_from", y.to_string()));
        }
        if let Some(y) = self.year_to {
            out.push(("year_to", y.to_string()));
        }
        if self.page != 1 {
            out.push(("page", self.page.to_string()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE {
            out.push(("page_size", self.page_size.to_string()));
        }
        out
    }

    /// `to_params` as a query string (`a=1&b=2`, percent-encoded, no leading `?`).
    pub fn to_query_string(&self) -> String {
        self.to_params()
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

impl GiSearchError {
    fn for_query(self) -> GiSearchError {
        match self {
            GiSearchError::FilterTooLong => GiSearchError::QueryTooLong,
            other => other,
        }
    }
}

/// Trims, refuses control characters and over-long text, collapses inner whitespace.
/// `Ok(None)` for an absent or blank value.
fn clean_text(value: Option<&str>, max_chars: usize) -> Result<Option<String>, GiSearchError> {
    let Some(value) = value else { return Ok(None) };
    // Checked before any other work so a huge value costs nothing.
    if value.len() > max_chars * 4 || value.trim().chars().nth(max_chars).is_some() {
        return Err(GiSearchError::FilterTooLong);
    }
    if value.chars().any(crate::text::is_hidden) {
        return Err(GiSearchError::ControlCharacter);
    }
    let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((!cleaned.is_empty()).then_some(cleaned))
}

/// A whole number in `min..=max`; `Ok(None)` when absent or blank.
fn parse_number(value: Option<&str>, min: u32, max: u32) -> Result<Option<u32>, ()> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    let n: u32 = value.parse().map_err(|_| ())?;
    (min..=max).contains(&n).then_some(Some(n)).ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, Localized};

    fn params(pairs: &[(&str, &str)]) -> GiSearchParams {
        let mut p = GiSearchParams::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "q" => p.q = v,
                "province" => p.province = v,
                "city" => p.city = v,
                "category" => p.category = v,
                "gi_type" => p.gi_type = v,
                "year_from" => p.year_from = v,
                "year_to" => p.year_to = v,
                "page" => p.page = v,
                "page_size" => p.page_size = v,
                _ => panic!("unknown parameter {k}"),
            }
        }
        p
    }

    fn errors(pairs: &[(&str, &str)]) -> Vec<(&'static str, GiSearchError)> {
        GiSearch::parse(&params(pairs)).unwrap_err()
    }

    #[test]
    fn defaults_and_normalisation() {
        let s =
            GiSearch::parse(&params(&[("q", "  ru   dong  "), ("province", " 江苏省 ")])).unwrap();
        assert_eq!(s.q, "ru dong");
        assert_eq!(s.province.as_deref(), Some("江苏省"));
        assert_eq!((s.page, s.page_size), (1, DEFAULT_PAGE_SIZE));
        let blank = GiSearch::parse(&params(&[("q", "   "), ("city", "")])).unwrap();
        assert_eq!(
            blank,
            GiSearch {
                page: 1,
                page_size: DEFAULT_PAGE_SIZE,
                ..GiSearch::default()
            }
        );
    }

    #[test]
    fn bad_values_are_reported_per_field() {
        assert_eq!(
            errors(&[("page_size", "10000")]),
            vec![("page_size", GiSearchError::PageSizeOutOfRange)]
        );
        assert_eq!(
            errors(&[("page_size", "0")]),
            vec![("page_size", GiSearchError::PageSizeOutOfRange)]
        );
        assert_eq!(
            errors(&[("page", "-1")]),
            vec![("page", GiSearchError::NotAPageNumber)]
        );
        assert_eq!(
            errors(&[("q", &"米".repeat(51))]),
            vec![("q", GiSearchError::QueryTooLong)]
        );
        assert_eq!(
            errors(&[("q", &"a".repeat(10_240))]),
            vec![("q", GiSearchError::QueryTooLong)]
        );
        assert_eq!(
            errors(&[("q", "海安\u{0}")]),
            vec![("q", GiSearchError::ControlCharacter)]
        );
        assert_eq!(
            errors(&[("city", "南通市")]),
            vec![("city", GiSearchError::CityWithoutProvince)]
        );
        assert_eq!(
            errors(&[("year_from", "20x5")]),
            vec![("year_from", GiSearchError::NotAYear)]
        );
        assert_eq!(
            errors(&[("year_from", "2020"), ("year_to", "2010")]),
            vec![("year_to", GiSearchError::YearRangeReversed)]
        );
        assert_eq!(
            errors(&[("page", "2"), ("page_size", "abc"), ("q", "\u{7}")]).len(),
            2
        );
    }

    #[test]
    fn params_round_trip_through_the_query_string() {
        let s = GiSearch::parse(&params(&[
            ("q", "海安 大米"),
            ("province", "江苏省"),
            ("city", "南通市"),
            ("year_from", "2010"),
            ("year_to", "2019"),
            ("page", "3"),
        ]))
        .unwrap();
        assert_eq!(
            s.to_query_string(),
            "q=%E6%B5%B7%E5%AE%89%20%E5%A4%A7%E7%B1%B3&province=%E6%B1%9F%E8%8B%8F%E7%9C%81&city=%E5%8D%97%E9%80%9A%E5%B8%82&year_from=2010&year_to=2019&page=3"
        );
        let back: Vec<_> = s.to_params();
        let mut p = GiSearchParams::default();
        for (k, v) in back {
            let v = Some(v);
            match k {
                "q" => p.q = v,
                "province" => p.province = v,
                "city" => p.city = v,
                "year_from" => p.year_from = v,
                "year_to" => p.year_to = v,
                "page" => p.page = v,
                _ => unreachable!(),
            }
        }
        assert_eq!(GiSearch::parse(&p).unwrap(), s);
    }

    #[test]
    fn every_error_has_a_code_and_both_messages() {
        use GiSearchError as E;
        let all = [
            E::QueryTooLong,
            E::ControlCharacter,
            E::FilterTooLong,
            E::CityWithoutProvince,
            E::NotAYear,
            E::YearRangeReversed,
            E::NotAPageNumber,
            E::PageSizeOutOfRange,
            E::UnknownValue,
        ];
        let mut codes: Vec<_> = all.iter().map(|e| e.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for e in all {
            assert!(!e.message(Lang::Zh).is_ascii());
            assert!(e.message(Lang::En).is_ascii());
        }
    }

    #[test]
    fn match_kinds_rank_in_the_documented_order() {
        use MatchKind as K;
        let mut kinds = vec![
            K::Scope,
            K::Homophone,
            K::PinyinTypo,
            K::Initials,
            K::Pinyin,
            K::NameSubstring,
            K::NamePrefix,
            K::NameExact,
        ];
        kinds.sort();
        assert_eq!(
            kinds,
            vec![
                K::NameExact,
                K::NamePrefix,
                K::NameSubstring,
                K::Pinyin,
                K::Initials,
                K::PinyinTypo,
                K::Homophone,
                K::Scope
            ]
        );
    }
}
