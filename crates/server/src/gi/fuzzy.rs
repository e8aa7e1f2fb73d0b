//! The forgiving parts of the GI search: spelling the alias in brackets that the data gives no
//! pinyin for, matching characters typed by sound (海按大米 → 海安大米), and the nearest names
//! offered when nothing matches.

use std::collections::HashMap;

use super::hanzi::{Hanzi, NO_SYLLABLE};
use super::text::{alias, is_han};

/// How the data itself reads each character of its names: the syllable its pinyin gives that
/// character most often (a name's reviewed reading beats a dictionary's first guess).
pub fn data_readings<'a>(
    names: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> HashMap<char, String> {
    let mut counts: HashMap<char, HashMap<&str, u32>> = HashMap::new();
    for (name, pinyin) in names {
        let main = name.split('（').next().unwrap_or("");
        let chars: Vec<char> = main.chars().filter(|&c| is_han(c)).collect();
        let syllables: Vec<&str> = pinyin.split_whitespace().collect();
        if chars.len() == syllables.len() {
            for (c, s) in chars.into_iter().zip(syllables) {
                *counts.entry(c).or_default().entry(s).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(c, n)| {
            let (s, _) = n
                .into_iter()
                .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))?;
            Some((c, s.to_owned()))
        })
        .collect()
}

/// The pinyin of a name followed by that of its alias in brackets, if it has one and every
/// character of it can be read (first as the data reads it, else by its usual reading).
pub fn with_alias(
    name: &str,
    pinyin: &str,
    readings: &HashMap<char, String>,
    hanzi: &Hanzi,
) -> String {
    let Some(alias) = alias(name) else {
        return pinyin.to_owned();
    };
    let spelled: Option<Vec<&str>> = alias
        .chars()
        .filter(|&c| is_han(c))
        .map(|c| {
            readings
                .get(&c)
                .map(String::as_str)
                .or_else(|| hanzi.usual_letters(c))
        })
        .collect();
    match spelled {
        Some(syllables) if !syllables.is_empty() => format!("{pinyin} {}", syllables.join(" ")),
        _ => pinyin.to_owned(),
    }
}

/// The number of each syllable of a folded pinyin.
pub fn sounds(joined: &str, syllables: &[u16], hanzi: &Hanzi) -> Vec<u16> {
    syllables
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = syllables
                .get(n + 1)
                .map_or(joined.len(), |&s| usize::from(s));
            hanzi.syllable(&joined[usize::from(start)..end])
        })
        .collect()
}

/// The possible readings of each typed character, for a query of two or more Chinese
/// characters that can all be read (one character sounds like far too many names).
pub fn typed_sounds(text: &str, hanzi: &Hanzi) -> Option<Vec<Vec<u16>>> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 2 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    chars
        .into_iter()
        .map(|c| Some(hanzi.readings(c).to_vec()).filter(|r| !r.is_empty()))
        .collect()
}

/// Where in a name's syllables the typed characters are read, if anywhere.
pub fn sounds_like(wanted: &[Vec<u16>], sounds: &[u16]) -> Option<usize> {
    (0..sounds.len()).find(|&at| sounds_at(wanted, sounds, at))
}

/// Whether the typed characters are read at syllable `at` of a name.
pub fn sounds_at(wanted: &[Vec<u16>], sounds: &[u16], at: usize) -> bool {
    sounds.len() >= at + wanted.len()
        && wanted
            .iter()
            .zip(&sounds[at..])
            .all(|(readings, &s)| s != NO_SYLLABLE && readings.contains(&s))
}

/// The fewest edits that turn `query` into some prefix of `text`.
pub fn prefix_distance(query: &[u8], text: &[u8]) -> usize {
    let text = &text[..text.len().min(query.len() + 2)];
    let mut previous: Vec<usize> = (0..=text.len()).map(|_| 0).collect();
    // Row 0: turning the empty query into a prefix of length j takes j insertions.
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, &q) in query.iter().enumerate() {
        let mut row = vec![i + 1; text.len() + 1];
        for (j, &t) in text.iter().enumerate() {
            row[j + 1] = (previous[j] + usize::from(q != t))
                .min(previous[j + 1] + 1)
                .min(row[j] + 1);
        }
        previous = row;
    }
    previous.into_iter().min().unwrap_or(query.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_distance_counts_the_edits_to_the_nearest_prefix() {
        assert_eq!(prefix_distance(b"haian", b"haiandami"), 0);
        assert_eq!(prefix_distance(b"haiam", b"haiandami"), 1);
        assert_eq!(prefix_distance(b"hian", b"haiandami"), 1);
        assert_eq!(prefix_distance(b"xyz", b"haian"), 3);
    }

    #[test]
    fn typed_characters_sound_like_a_name_where_each_has_that_reading() {
        let hanzi = Hanzi::load();
        let name = |pinyin: &str| {
            pinyin
                .split(' ')
                .map(|s| hanzi.syllable(s))
                .collect::<Vec<_>>()
        };
        let wanted = typed_sounds("海按大米", &hanzi).unwrap();
        assert_eq!(sounds_like(&wanted, &name("hai an da mi")), Some(0));
        let wanted = typed_sounds("火退", &hanzi).unwrap();
        assert_eq!(sounds_like(&wanted, &name("ru gao huo tui")), Some(2));
        assert_eq!(sounds_like(&wanted, &name("ru gao huo")), None);
        assert!(
            typed_sounds("海", &hanzi).is_none(),
            "one character is too little"
        );
        assert!(typed_sounds("hai an", &hanzi).is_none());
    }
}
