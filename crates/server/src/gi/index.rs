//! The in-memory search index over all GI products.
//!
//! The table is small (4,453 rows, under 1 MB of text), so the index is the rows themselves plus
//! each searchable field laid end to end in one buffer ("blob"): a query is one SIMD substring
//! scan per field (`memchr::memmem`) instead of 4,453 small ones, and a hit's offset says which
//! product it belongs to. Chinese text scans slowly (see [`Blob::of_text`]), so the Chinese
//! fields also know which products hold each character, and a Chinese query looks only at those. Filters and facets use small integer ids for their values, so counting
//! is array indexing. A search allocates only per-product flags and the list of hits, never a
//! copy of the data.
//!
//! The index is built once at start-up and the data is read-only for now: when staff can edit
//! products, every change will have to rebuild the index (or the server restart).

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use anyhow::Context;
use memchr::memmem::Finder;
use portal_domain::api::gi::{
    GiFacets, GiOfflineList, GiOfflineProduct, GiProduct, GiProductSummary, GiSearch,
    GiSearchError, Match, MatchKind,
};
use portal_domain::api::gi_terms::GiAuthority;
use portal_domain::api::FacetCount;
use sqlx::AnyPool;

use super::blob::Blob;
use super::fuzzy;
use super::hanzi::Hanzi;
use super::text::{excerpt, fold_pinyin, fold_width, syllable_chars, within_one_edit, Needle};

/// Typo tolerance only for queries at least this long: shorter ones are within one edit of
/// far too many syllables.
const MIN_TYPO_LETTERS: usize = 4;
/// Names offered when a search finds nothing.
const SUGGESTIONS: usize = 5;
/// Letters of a query compared when looking for the nearest names.
const SUGGEST_LETTERS: usize = 16;
/// Products listed as "same city" on a product's page.
const SAME_CITY_MAX: usize = 12;
/// The match kind of a product the query does not find (kinds are stored as their rank).
const NO_MATCH: u8 = u8::MAX;

/// One row of `gi_products`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GiRow {
    pub id: String,
    pub name_zh: String,
    pub name_en: Option<String>,
    pub pinyin: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub category: Option<String>,
    pub gi_type: Option<String>,
    pub approved_year: Option<i64>,
    pub announcement: Option<String>,
    pub description: Option<String>,
}

pub struct Product {
    pub row: GiRow,
    /// Position in the order of names (then ids): the tie-breaker of the ranking.
    name_rank: u32,
    tags: Tags,
    /// Folded pinyin without spaces and where each syllable starts in it: the name's, then
    /// its alias's in brackets (涞水麻核桃（野三坡麻核桃）), which the data gives no pinyin for.
    joined: String,
    syllables: Vec<u16>,
    /// Per syllable, the character of `name_zh` it spells (for highlighting), if they line up.
    syllable_chars: Option<Vec<u16>>,
    /// Per syllable, its number in the character tables (for matching by sound).
    sounds: Vec<u16>,
}

/// What the filters and facets look at, as value ids. The search keeps a copy of every
/// product's in one array ([`GiIndex::tags`]): counting the facets then reads 20 bytes per
/// product instead of the whole product, which keeps the loop over all of them in cache.
#[derive(Debug, Clone, Copy)]
struct Tags {
    province: Option<u16>,
    city: Option<u16>,
    category: Option<u16>,
    gi_type: Option<u16>,
    approved_year: Option<u16>,
}

impl Product {
    pub fn summary(&self, matched: Option<Match>) -> GiProductSummary {
        let r = &self.row;
        GiProductSummary {
            id: r.id.clone(),
            name_zh: r.name_zh.clone(),
            name_en: r.name_en.clone(),
            pinyin: r.pinyin.clone(),
            province: r.province.clone(),
            city: r.city.clone(),
            category: r.category.clone(),
            gi_type: r.gi_type.clone(),
            approved_year: self.tags.approved_year,
            matched,
        }
    }

    /// Province and city as shown for a match on them.
    /// A municipality once: 上海市, not 上海市 上海市.
    fn place(&self) -> String {
        let province = self.row.province.as_deref();
        let city = self.row.city.as_deref().filter(|&c| Some(c) != province);
        [province, city]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The distinct values of one facet, numbered.
#[derive(Default)]
struct Values {
    names: Vec<String>,
    ids: HashMap<String, u16>,
}

impl Values {
    fn intern(&mut self, value: Option<&str>) -> anyhow::Result<Option<u16>> {
        let Some(value) = value else { return Ok(None) };
        if let Some(&id) = self.ids.get(value) {
            return Ok(Some(id));
        }
        let id = u16::try_from(self.names.len()).context("too many distinct facet values")?;
        self.names.push(value.to_owned());
        self.ids.insert(value.to_owned(), id);
        Ok(Some(id))
    }

    fn facet(&self, counts: &[u32]) -> Vec<FacetCount> {
        let mut facet: Vec<FacetCount> = counts
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(id, &count)| FacetCount {
                value: self.names[id].clone(),
                count,
            })
            .collect();
        facet.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        facet
    }
}

pub struct GiIndex {
    /// In id order, so a product is found by binary search.
    products: Vec<Product>,
    /// Product indices in the order of names (then ids).
    by_name: Vec<u32>,
    /// Each product's [`Tags`], in id order.
    tags: Vec<Tags>,
    /// Names in ASCII lower case (byte offsets stay those of `name_zh`).
    names: Blob,
    pinyin: Blob,
    /// Per byte of `pinyin.text`: does a syllable start there.
    syllable_start: Vec<bool>,
    initials: Blob,
    /// Protection scopes in ASCII lower case.
    scopes: Blob,
    /// Province and city, as [`Product::place`] shows them.
    places: Blob,
    provinces: Values,
    /// Cities are numbered per (province, city), as the same name may occur in two
    /// provinces: `city_ids` finds them, `cities.names` names them.
    cities: Values,
    city_ids: HashMap<(u16, String), u16>,
    categories: Values,
    gi_types: Values,
    hanzi: Hanzi,
    /// Per syllable number, where names have it: (product, syllable position).
    sound_postings: HashMap<u16, Vec<(u32, u16)>>,
    /// Every character the names, scopes and places use (kept as typed when simplifying).
    data_chars: HashSet<char>,
    /// The offline list as it is sent, made at its first request (`super::offline`).
    pub(super) offline: std::sync::OnceLock<super::offline::Body>,
}

/// The filters of a search, resolved to value ids.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filters {
    province: Option<u16>,
    city: Option<u16>,
    category: Option<u16>,
    gi_type: Option<u16>,
    year_from: Option<u16>,
    year_to: Option<u16>,
}

/// A query read once per request (traditional characters made simplified, folded, the
/// readings of its characters looked up): the search, the highlighting of each listed product
/// and the suggestions all take it, so none of them reads the query again.
pub struct Query {
    needle: Option<Needle>,
    /// The readings of each typed character, for matching by sound (see
    /// [`fuzzy::typed_sounds`]).
    sounds: Option<Vec<Vec<u16>>>,
}

/// The products that match a search, best first, with the facet counts.
pub struct Hits {
    /// `(kind, product)`, ranked.
    pub ranked: Vec<(u8, u32)>,
    pub facets: GiFacets,
}

impl GiIndex {
    /// Reads every product from the database.
    pub async fn load(db: &AnyPool) -> anyhow::Result<GiIndex> {
        let rows: Vec<GiRow> = sqlx::query_as(
            "SELECT id, name_zh, name_en, pinyin, province, city, category, gi_type, \
             approved_year, announcement, description FROM gi_products ORDER BY id",
        )
        .fetch_all(db)
        .await
        .context("cannot read the GI products")?;
        let index = GiIndex::build(rows)?;
        tracing::info!(products = index.products.len(), "GI search index built");
        Ok(index)
    }

    pub fn build(mut rows: Vec<GiRow>) -> anyhow::Result<GiIndex> {
        rows.sort_by(|a, b| a.id.cmp(&b.id));
        let mut by_name: Vec<usize> = (0..rows.len()).collect();
        by_name.sort_by(|&a, &b| {
            (&rows[a].name_zh, &rows[a].id).cmp(&(&rows[b].name_zh, &rows[b].id))
        });
        let mut name_rank = vec![0u32; rows.len()];
        for (rank, &i) in by_name.iter().enumerate() {
            name_rank[i] = rank as u32;
        }
        let by_name = by_name.into_iter().map(|i| i as u32).collect();

        let mut provinces = Values::default();
        let mut cities = Values::default();
        let mut city_ids = HashMap::new();
        let mut categories = Values::default();
        let mut gi_types = Values::default();
        let hanzi = Hanzi::load();
        let readings =
            fuzzy::data_readings(rows.iter().map(|r| (r.name_zh.as_str(), r.pinyin.as_str())));
        let mut products = Vec::with_capacity(rows.len());
        for (row, name_rank) in rows.into_iter().zip(name_rank) {
            let approved_year = row
                .approved_year
                .map(u16::try_from)
                .transpose()
                .with_context(|| format!("GI product {} has an impossible year", row.id))?;
            let province = provinces.intern(row.province.as_deref())?;
            // A city without a province cannot be chosen (the parser refuses it), so it is
            // not a facet value.
            let city = match (province, row.city.as_deref()) {
                (Some(p), Some(c)) => match city_ids.get(&(p, c.to_owned())) {
                    Some(&id) => Some(id),
                    None => {
                        let id = u16::try_from(cities.names.len()).context("too many cities")?;
                        cities.names.push(c.to_owned());
                        city_ids.insert((p, c.to_owned()), id);
                        Some(id)
                    }
                },
                _ => None,
            };
            let category = categories.intern(row.category.as_deref())?;
            let gi_type = gi_types.intern(row.gi_type.as_deref())?;
            let pinyin = fuzzy::with_alias(&row.name_zh, &row.pinyin, &readings, &hanzi);
            let (joined, syllables) = fold_pinyin(&pinyin);
            let syllable_chars = syllable_chars(&row.name_zh, syllables.len());
            let sounds = fuzzy::sounds(&joined, &syllables, &hanzi);
            products.push(Product {
                row,
                name_rank,
                tags: Tags {
                    province,
                    city,
                    category,
                    gi_type,
                    approved_year,
                },
                joined,
                syllables,
                syllable_chars,
                sounds,
            });
        }

        let names = Blob::of_text(products.iter().map(|p| fold_width(&p.row.name_zh)));
        let pinyin = Blob::new(products.iter().map(|p| p.joined.as_bytes()));
        let mut syllable_start = vec![false; pinyin.text.len()];
        for (p, &start) in products.iter().zip(&pinyin.starts) {
            for &s in &p.syllables {
                syllable_start[start as usize + usize::from(s)] = true;
            }
        }
        let initials = Blob::new(products.iter().map(|p| {
            let joined = p.joined.as_bytes();
            p.syllables
                .iter()
                .map(|&s| joined[usize::from(s)])
                .collect::<Vec<u8>>()
        }));
        let scopes = Blob::of_text(
            products
                .iter()
                .map(|p| fold_width(p.row.description.as_deref().unwrap_or(""))),
        );
        let places = Blob::of_text(products.iter().map(Product::place));
        let mut sound_postings: HashMap<u16, Vec<(u32, u16)>> = HashMap::new();
        for (i, p) in products.iter().enumerate() {
            for (at, &s) in p.sounds.iter().enumerate() {
                sound_postings
                    .entry(s)
                    .or_default()
                    .push((i as u32, at as u16));
            }
        }
        let data_chars = products
            .iter()
            .flat_map(|p| {
                let r = &p.row;
                [
                    Some(&r.name_zh),
                    r.description.as_ref(),
                    r.province.as_ref(),
                    r.city.as_ref(),
                ]
            })
            .flatten()
            .flat_map(|s| s.chars())
            .collect();

        Ok(GiIndex {
            tags: products.iter().map(|p| p.tags).collect(),
            products,
            by_name,
            names,
            pinyin,
            syllable_start,
            initials,
            scopes,
            places,
            provinces,
            cities,
            city_ids,
            categories,
            gi_types,
            hanzi,
            sound_postings,
            data_chars,
            offline: std::sync::OnceLock::new(),
        })
    }

    /// The query as the matchers take it, traditional characters made simplified.
    pub fn query(&self, query: &str) -> Query {
        let needle = Needle::new(&self.hanzi.simplify(query, &self.data_chars));
        let sounds = needle
            .as_ref()
            .and_then(|needle| fuzzy::typed_sounds(&needle.text, &self.hanzi));
        Query { needle, sounds }
    }

    /// The names nearest to a query that found nothing (ids, best first): by the letters
    /// typed, or the usual readings of the characters typed, against every name's pinyin from
    /// any syllable on, within about one letter in three; then by name.
    pub fn suggest(&self, query: &Query) -> Vec<u32> {
        let Some(needle) = &query.needle else {
            return Vec::new();
        };
        let letters = match needle.letters.clone() {
            Some(letters) => letters,
            None => {
                let read: Option<String> = needle
                    .text
                    .chars()
                    .map(|c| self.hanzi.usual_letters(c))
                    .collect();
                match read {
                    Some(read) => read,
                    None => return Vec::new(),
                }
            }
        };
        // The first letters are enough to tell what was meant, and keep this under a few
        // milliseconds (it compares with every name).
        let letters = &letters.as_bytes()[..letters.len().min(SUGGEST_LETTERS)];
        if letters.len() < 2 {
            return Vec::new();
        }
        let limit = (letters.len() / 3).max(1);
        // Fewest edits first; of as many, the one that starts like the query the longest.
        let mut near: Vec<(usize, Reverse<usize>, u32, u32)> = self
            .products
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let joined = p.joined.as_bytes();
                let (distance, Reverse(same)) = p
                    .syllables
                    .iter()
                    .map(|&s| {
                        let from = &joined[usize::from(s)..];
                        let same = letters.iter().zip(from).take_while(|(a, b)| a == b).count();
                        (fuzzy::prefix_distance(letters, from), Reverse(same))
                    })
                    .min()?;
                (distance <= limit).then_some((distance, Reverse(same), p.name_rank, i as u32))
            })
            .collect();
        near.sort_unstable();
        near.into_iter()
            .take(SUGGESTIONS)
            .map(|(_, _, _, i)| i)
            .collect()
    }

    pub fn product(&self, i: u32) -> &Product {
        &self.products[i as usize]
    }

    /// Checks the filter values against the data.
    pub fn resolve(
        &self,
        search: &GiSearch,
    ) -> Result<Filters, Vec<(&'static str, GiSearchError)>> {
        let mut errors = Vec::new();
        let mut lookup = |field: &'static str, values: &Values, value: &Option<String>| {
            let value = value.as_deref()?;
            let id = values.ids.get(value).copied();
            if id.is_none() {
                errors.push((field, GiSearchError::UnknownValue));
            }
            id
        };
        let province = lookup("province", &self.provinces, &search.province);
        let category = lookup("category", &self.categories, &search.category);
        let gi_type = lookup("gi_type", &self.gi_types, &search.gi_type);
        // With an unknown province, the province's message is the one to act on.
        let city = match (province, &search.city) {
            (Some(p), Some(c)) => {
                let id = self.city_ids.get(&(p, c.clone())).copied();
                if id.is_none() {
                    errors.push(("city", GiSearchError::UnknownValue));
                }
                id
            }
            _ => None,
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Filters {
            province,
            city,
            category,
            gi_type,
            year_from: search.year_from,
            year_to: search.year_to,
        })
    }

    /// Every product matching the query and filters, ranked, with facet counts.
    pub fn search(&self, query: &Query, filters: &Filters) -> Hits {
        let kinds = match &query.needle {
            Some(needle) => self.match_query(needle, query.sounds.as_deref()),
            // Every product, all of one kind: the order is by name alone.
            None => vec![0; self.products.len()],
        };

        let mut province_counts = vec![0u32; self.provinces.names.len()];
        let mut city_counts = vec![0u32; self.cities.names.len()];
        let mut category_counts = vec![0u32; self.categories.names.len()];
        let mut gi_type_counts = vec![0u32; self.gi_types.names.len()];
        let mut decade_counts = [0u32; DECADES];
        let mut ranked = Vec::new();
        let is = |wanted: Option<u16>, value: Option<u16>| wanted.is_none() || wanted == value;
        let year_range = filters.year_from.is_some() || filters.year_to.is_some();
        // In name order, so that ranking is only a stable sort by kind.
        for &i in &self.by_name {
            let kind = kinds[i as usize];
            if kind == NO_MATCH {
                continue;
            }
            let product = self.tags[i as usize];
            let province = is(filters.province, product.province);
            let city = is(filters.city, product.city);
            let category = is(filters.category, product.category);
            let gi_type = is(filters.gi_type, product.gi_type);
            let year = !year_range
                || product.approved_year.is_some_and(|y| {
                    filters.year_from.is_none_or(|from| y >= from)
                        && filters.year_to.is_none_or(|to| y <= to)
                });
            // Each facet counts under every filter but its own. The province facet ignores
            // the city too: choosing another province drops the city, so counting under it
            // would only ever show the current province.
            if category && gi_type && year {
                if let Some(p) = product.province {
                    province_counts[usize::from(p)] += 1;
                }
                if province {
                    if let Some(c) = product.city.filter(|_| filters.province.is_some()) {
                        city_counts[usize::from(c)] += 1;
                    }
                }
            }
            if province && city {
                if gi_type && year {
                    if let Some(c) = product.category {
                        category_counts[usize::from(c)] += 1;
                    }
                }
                if category && year {
                    if let Some(t) = product.gi_type {
                        gi_type_counts[usize::from(t)] += 1;
                    }
                }
                if category && gi_type {
                    if let Some(d) = product.approved_year.and_then(decade) {
                        decade_counts[d] += 1;
                    }
                }
                if category && gi_type && year {
                    ranked.push((kind, i));
                }
            }
        }
        ranked.sort_by_key(|&(kind, _)| kind);

        let facets = GiFacets {
            province: self.provinces.facet(&province_counts),
            city: self.cities.facet(&city_counts),
            category: self.categories.facet(&category_counts),
            gi_type: self.gi_types.facet(&gi_type_counts),
            decade: decade_counts
                .iter()
                .enumerate()
                .filter(|(_, &count)| count > 0)
                .map(|(d, &count)| FacetCount {
                    value: (FIRST_DECADE + d as u16 * 10).to_string(),
                    count,
                })
                .collect(),
        };
        Hits { ranked, facets }
    }

    /// The best match kind per product, [`NO_MATCH`] where nothing matched.
    fn match_query(&self, needle: &Needle, sounds: Option<&[Vec<u16>]>) -> Vec<u8> {
        let mut kinds = vec![NO_MATCH; self.products.len()];
        let best = |kinds: &mut [u8], i: usize, kind: MatchKind| {
            kinds[i] = kinds[i].min(kind as u8);
        };

        let text = needle.text.as_bytes();
        let finder = Finder::new(text);
        self.names.for_each_hit(&finder, |i, at| {
            let kind = match at {
                0 if self.names.value(i).len() == text.len() => MatchKind::NameExact,
                0 => MatchKind::NamePrefix,
                _ => MatchKind::NameSubstring,
            };
            best(&mut kinds, i, kind);
        });

        if let Some(letters) = &needle.letters {
            let letters = letters.as_bytes();
            let finder = Finder::new(letters);
            let mut found = false;
            // A match must start where a syllable does: `an` should find 安 and 岸, not every
            // `huang` and `jian`. It may end anywhere: the last syllable may be half typed.
            self.pinyin.for_each_hit(&finder, |i, at| {
                if self.syllable_start[self.pinyin.starts[i] as usize + at] {
                    best(&mut kinds, i, MatchKind::Pinyin);
                    found = true;
                }
            });
            self.initials.for_each_hit(&finder, |i, _| {
                best(&mut kinds, i, MatchKind::Initials);
                found = true;
            });
            if !found && letters.len() >= MIN_TYPO_LETTERS {
                for (i, product) in self.products.iter().enumerate() {
                    if typo_prefix(letters, product.joined.as_bytes()).is_some() {
                        best(&mut kinds, i, MatchKind::PinyinTypo);
                    }
                }
            }
        }

        // Characters of the right sound (海按大米, 如皋火退), below every match as typed: only
        // the names with a syllable the first character can be read as are looked at.
        if let Some(wanted) = sounds {
            for first in &wanted[0] {
                for &(i, at) in self
                    .sound_postings
                    .get(first)
                    .map_or(&[][..], Vec::as_slice)
                {
                    let sounds = &self.products[i as usize].sounds;
                    if fuzzy::sounds_at(wanted, sounds, usize::from(at)) {
                        best(&mut kinds, i as usize, MatchKind::Homophone);
                    }
                }
            }
        }

        self.scopes
            .for_each_hit(&finder, |i, _| best(&mut kinds, i, MatchKind::Scope));
        self.places
            .for_each_hit(&finder, |i, _| best(&mut kinds, i, MatchKind::Scope));
        kinds
    }

    /// Why product `i` matched with `kind`: the text to show and what to highlight in it.
    pub fn explain(&self, query: &Query, i: u32, kind: u8) -> Option<Match> {
        let needle = query.needle.as_ref()?;
        let product = &self.products[i as usize];
        let name = &product.row.name_zh;
        let on_name = |range: Option<(usize, usize)>| {
            let (start, end) = range.unwrap_or((0, 0));
            (name.clone(), start as u32, end as u32)
        };
        let kind = MATCH_KINDS.get(usize::from(kind)).copied()?;
        let (text, start, end) = match kind {
            MatchKind::NameExact | MatchKind::NamePrefix | MatchKind::NameSubstring => {
                let lower = fold_width(name);
                on_name(
                    lower
                        .find(&needle.text)
                        .map(|at| char_range(&lower, at, needle.text.len())),
                )
            }
            MatchKind::Pinyin => {
                let letters = needle.letters.as_deref()?;
                let at = memchr::memmem::find_iter(product.joined.as_bytes(), letters)
                    .find(|at| product.syllables.binary_search(&(*at as u16)).is_ok())?;
                on_name(product.name_chars(at, at + letters.len()))
            }
            MatchKind::Initials => {
                let letters = needle.letters.as_deref()?;
                let initials = self.initials.value(i as usize);
                let at = memchr::memmem::find(initials, letters.as_bytes())?;
                let syllable_at = |s: usize| usize::from(product.syllables[s]);
                on_name(
                    product.name_chars(syllable_at(at), syllable_at(at + letters.len() - 1) + 1),
                )
            }
            MatchKind::PinyinTypo => {
                let letters = needle.letters.as_deref()?;
                let len = typo_prefix(letters.as_bytes(), product.joined.as_bytes())?;
                on_name(product.name_chars(0, len))
            }
            MatchKind::Homophone => {
                let wanted = query.sounds.as_deref()?;
                let at = fuzzy::sounds_like(wanted, &product.sounds)?;
                let syllable_at = |s: usize| usize::from(product.syllables[s]);
                let end = product
                    .syllables
                    .get(at + wanted.len())
                    .map_or(product.joined.len(), |&s| usize::from(s));
                on_name(product.name_chars(syllable_at(at), end))
            }
            MatchKind::Scope => {
                // Without its label: the page puts its own before the excerpt.
                let scope = product.row.description.as_deref().unwrap_or("");
                let scope = ["保护范围：", "产地范围："]
                    .iter()
                    .find_map(|label| scope.strip_prefix(label))
                    .unwrap_or(scope);
                let folded = fold_width(scope);
                match folded.find(&needle.text) {
                    Some(at) => {
                        let (start, end) = char_range(&folded, at, needle.text.len());
                        excerpt(scope, start, end)
                    }
                    None => {
                        let place = product.place();
                        let at = place.find(&needle.text)?;
                        let (start, end) = char_range(&place, at, needle.text.len());
                        (place, start as u32, end as u32)
                    }
                }
            }
        };
        Some(Match {
            kind,
            text,
            start,
            end,
        })
    }

    pub fn find(&self, id: &str) -> Option<&Product> {
        self.products
            .binary_search_by(|p| p.row.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.products[i])
    }

    pub fn detail(&self, product: &Product) -> GiProduct {
        let place = |p: &Product| (p.tags.province, p.tags.city);
        let mut same_city: Vec<&Product> = match place(product) {
            (Some(_), Some(_)) => self
                .products
                .iter()
                .filter(|p| place(p) == place(product) && p.row.id != product.row.id)
                .collect(),
            _ => Vec::new(),
        };
        same_city.sort_unstable_by_key(|p| p.name_rank);
        let r = product.row.clone();
        GiProduct {
            id: r.id,
            name_zh: r.name_zh,
            name_en: r.name_en,
            pinyin: r.pinyin,
            province: r.province,
            city: r.city,
            category: r.category,
            gi_type: r.gi_type,
            approved_year: product.tags.approved_year,
            authority: r
                .announcement
                .as_deref()
                .and_then(GiAuthority::of_announcement),
            announcement: r.announcement,
            description: r.description,
            same_city: same_city
                .into_iter()
                .take(SAME_CITY_MAX)
                .map(|p| p.summary(None))
                .collect(),
            offline_saved_on: None,
        }
    }

    /// Every product in name order, as a device keeps them to search offline.
    pub fn offline_list(&self) -> GiOfflineList {
        let products = self
            .by_name
            .iter()
            .map(|&i| {
                let product = &self.products[i as usize];
                let s = product.summary(None);
                GiOfflineProduct {
                    id: s.id,
                    name_zh: s.name_zh,
                    name_en: s.name_en,
                    pinyin: s.pinyin,
                    province: s.province,
                    city: s.city,
                    category: s.category,
                    gi_type: s.gi_type,
                    approved_year: s.approved_year,
                    letters: product.joined.clone(),
                    syllables: product.syllables.clone(),
                }
            })
            .collect();
        GiOfflineList { products }
    }
}

impl Product {
    /// The characters of the name spelled by the pinyin letters `from..to` of `joined`.
    fn name_chars(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let chars = self.syllable_chars.as_ref()?;
        // The syllables that overlap the letters.
        let first = self.syllables.partition_point(|&s| usize::from(s) <= from) - 1;
        let last = self.syllables.partition_point(|&s| usize::from(s) < to) - 1;
        Some((usize::from(chars[first]), usize::from(chars[last]) + 1))
    }
}

/// The length of the prefix of `joined` (one shorter, as long or one longer than the query)
/// that is one edit away from the query, if any.
fn typo_prefix(letters: &[u8], joined: &[u8]) -> Option<usize> {
    let n = letters.len();
    [n, n - 1, n + 1]
        .into_iter()
        .filter(|&len| len > 0 && len <= joined.len())
        .find(|&len| within_one_edit(letters, &joined[..len]))
}

/// The byte range `at..at + len` of `text` in characters.
fn char_range(text: &str, at: usize, len: usize) -> (usize, usize) {
    let start = text[..at].chars().count();
    (start, start + text[at..at + len].chars().count())
}

const MATCH_KINDS: [MatchKind; 8] = [
    MatchKind::NameExact,
    MatchKind::NamePrefix,
    MatchKind::NameSubstring,
    MatchKind::Pinyin,
    MatchKind::Initials,
    MatchKind::PinyinTypo,
    MatchKind::Homophone,
    MatchKind::Scope,
];

const FIRST_DECADE: u16 = portal_domain::api::gi::MIN_YEAR;
const DECADES: usize = ((portal_domain::api::gi::MAX_YEAR - FIRST_DECADE) / 10 + 1) as usize;

fn decade(year: u16) -> Option<usize> {
    (FIRST_DECADE..=portal_domain::api::gi::MAX_YEAR)
        .contains(&year)
        .then(|| usize::from((year - FIRST_DECADE) / 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed file, read the way `seed.rs` stores it.
    fn seed_index() -> GiIndex {
        let csv = include_str!("../../../../data/seed/gi_products.csv");
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let empty = |s: String| (!s.is_empty()).then_some(s);
        let rows = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let f = |i: usize| r[i].to_owned();
                GiRow {
                    id: f(0),
                    name_zh: f(1),
                    name_en: empty(f(2)),
                    pinyin: f(3),
                    province: empty(f(4)),
                    city: empty(f(5)),
                    category: empty(f(6)),
                    gi_type: empty(f(7)),
                    approved_year: r[8].parse().ok(),
                    announcement: empty(f(9)),
                    description: empty(f(10)),
                }
            })
            .collect();
        GiIndex::build(rows).unwrap()
    }

    fn kinds<'a>(index: &'a GiIndex, query: &str) -> Vec<(MatchKind, &'a str)> {
        index
            .search(&index.query(query), &Filters::default())
            .ranked
            .iter()
            .map(|&(kind, i)| {
                (
                    MATCH_KINDS[usize::from(kind)],
                    &*index.product(i).row.name_zh,
                )
            })
            .collect()
    }

    #[test]
    fn match_kinds_are_stored_as_their_rank() {
        for (rank, kind) in MATCH_KINDS.iter().enumerate() {
            assert_eq!(*kind as usize, rank);
        }
    }

    #[test]
    fn typos_are_tolerated_only_when_nothing_matches_as_typed() {
        let index = seed_index();
        assert_eq!(
            kinds(&index, "haiandam"),
            [(MatchKind::Pinyin, "海安大米")],
            "no typo matches beside an exact one"
        );
        // 海安桑蚕茧 too: `haiandan` is one letter from `haiansan`.
        assert_eq!(
            kinds(&index, "haiandan"),
            [
                (MatchKind::PinyinTypo, "海安大米"),
                (MatchKind::PinyinTypo, "海安桑蚕茧")
            ]
        );
        assert!(kinds(&index, "haj").is_empty(), "too short for a typo");
    }

    #[test]
    fn pinyin_matches_start_at_a_syllable() {
        let index = seed_index();
        let aian = kinds(&index, "aian");
        assert!(
            aian.iter().all(|(kind, _)| *kind != MatchKind::Pinyin),
            "{aian:?}"
        );
        let highlight = |query: &str| {
            let query = index.query(query);
            let hits = index.search(&query, &Filters::default());
            let (kind, i) = hits.ranked[0];
            let m = index.explain(&query, i, kind).unwrap();
            m.text
                .chars()
                .skip(m.start as usize)
                .take((m.end - m.start) as usize)
                .collect::<String>()
        };
        // A half-typed syllable highlights its whole character.
        assert_eq!(highlight("rudongt"), "如东条");
        assert_eq!(highlight("donghaihuai"), "东海（老）淮");
    }
}
