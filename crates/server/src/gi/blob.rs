//! A field of every GI product laid end to end in one buffer, so that a query is one substring
//! scan instead of 4,453 small ones (see [`super::index`]), with a character index beside the
//! Chinese fields.

use std::collections::HashMap;

use memchr::memmem::Finder;

/// Ends each value in a blob, so no match spans two products: the parser refuses control
/// characters in a query.
pub(super) const FIELD_END: u8 = b'\n';

/// Field values laid end to end, each followed by [`FIELD_END`].
pub(super) struct Blob {
    pub(super) text: Vec<u8>,
    /// Where each product's value starts.
    pub(super) starts: Vec<u32>,
    /// For Chinese text: per character, the products whose value has it (each once, in
    /// order), so a query looks only at the values holding its rarest character. A scan of
    /// Chinese is slow (every character starts with one of a few bytes, so the scanner's
    /// rare-byte skip finds little to skip), and the letters people type for pinyin are in
    /// almost no Chinese value, so most queries look at few values or none.
    by_char: Option<HashMap<char, Vec<u32>>>,
}

impl Blob {
    pub(super) fn new(values: impl IntoIterator<Item = impl AsRef<[u8]>>) -> Blob {
        let mut blob = Blob {
            text: Vec::new(),
            starts: Vec::new(),
            by_char: None,
        };
        for value in values {
            blob.starts.push(blob.text.len() as u32);
            blob.text.extend_from_slice(value.as_ref());
            blob.text.push(FIELD_END);
        }
        blob
    }

    /// A blob of text values with the products of each character beside it.
    pub(super) fn of_text(values: impl IntoIterator<Item = impl AsRef<str>>) -> Blob {
        let mut by_char: HashMap<char, Vec<u32>> = HashMap::new();
        let values: Vec<_> = values.into_iter().collect();
        for (product, value) in values.iter().enumerate() {
            for c in value.as_ref().chars() {
                let products = by_char.entry(c).or_default();
                if products.last() != Some(&(product as u32)) {
                    products.push(product as u32);
                }
            }
        }
        Blob {
            by_char: Some(by_char),
            ..Blob::new(values.iter().map(|v| v.as_ref().as_bytes()))
        }
    }

    /// Calls `hit(product, offset in the product's value)` for every occurrence, in order.
    pub(super) fn for_each_hit(&self, finder: &Finder, mut hit: impl FnMut(usize, usize)) {
        if let Some(products) = self.candidates(finder.needle()) {
            for &product in products {
                for at in finder.find_iter(self.value(product as usize)) {
                    hit(product as usize, at);
                }
            }
            return;
        }
        for at in finder.find_iter(&self.text) {
            let product = self.starts.partition_point(|&s| s as usize <= at) - 1;
            hit(product, at - self.starts[product] as usize);
        }
    }

    /// The only products whose value can hold `needle`: those with its rarest character (none
    /// if a character occurs nowhere). `None` where the index cannot help: a blob without
    /// one, or a needle whose every character is in many values (digits), which one scan
    /// finds faster than many small ones.
    fn candidates(&self, needle: &[u8]) -> Option<&[u32]> {
        let by_char = self.by_char.as_ref()?;
        std::str::from_utf8(needle)
            .ok()?
            .chars()
            .map(|c| by_char.get(&c).map_or(&[][..], Vec::as_slice))
            .min_by_key(|products| products.len())
            .filter(|products| products.len() <= self.starts.len() / 8)
    }

    pub(super) fn value(&self, product: usize) -> &[u8] {
        let start = self.starts[product] as usize;
        let end = self
            .starts
            .get(product + 1)
            .map_or(self.text.len(), |&s| s as usize);
        &self.text[start..end - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_character_index_finds_what_a_scan_finds() {
        // Many other values, so that few enough hold each character for the index to be used.
        let mut values = vec![
            "海安大米",
            "如东条斑紫菜",
            "海门山羊，海安大米",
            "",
            "e120°安东海岸",
        ];
        values.extend(["其他产品"; 40]);
        let indexed = Blob::of_text(&values);
        let scanned = Blob::new(&values);
        assert!(indexed.candidates("海安".as_bytes()).is_some());
        for needle in [
            "海安",
            "海",
            "安",
            "东海",
            "e120°安",
            "大米",
            "米，海",
            "鹅",
            "e1",
            "hadm",
        ] {
            let hits = |blob: &Blob| {
                let mut hits = Vec::new();
                blob.for_each_hit(&Finder::new(needle), |i, at| hits.push((i, at)));
                hits
            };
            assert_eq!(hits(&indexed), hits(&scanned), "{needle}");
        }
    }
}
