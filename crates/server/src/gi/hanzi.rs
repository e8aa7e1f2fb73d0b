//! What the GI search knows about Chinese characters beyond the data: every reading of each
//! character (so a query typed with the wrong character of the right sound, 海按大米, still finds
//! 海安大米, and an alias in brackets can be spelled) and the simplified form of traditional
//! characters (啓東 → 启东). The tables are made from pypinyin and OpenCC by
//! `scripts/make-hanzi-tables.py` and compiled in.

use std::collections::{HashMap, HashSet};

const READINGS: &str = include_str!("data/hanzi_readings.txt");
const SIMPLIFIED: &str = include_str!("data/hanzi_simplified.txt");

/// Syllables are numbered; [`NO_SYLLABLE`] stands for one not in the table.
pub const NO_SYLLABLE: u16 = u16::MAX;

pub struct Hanzi {
    syllables: HashMap<&'static str, u16>,
    /// Per character: its usual reading first, then the others.
    readings: HashMap<char, Vec<u16>>,
    simplified: HashMap<char, char>,
}

impl Hanzi {
    pub fn load() -> Hanzi {
        let mut syllables = HashMap::new();
        let mut readings: HashMap<char, Vec<u16>> = HashMap::new();
        let mut others = Vec::new();
        for (id, line) in READINGS.lines().enumerate() {
            let (syllable, chars) = line.split_once('\t').expect("syllable TAB characters");
            let (usual, other) = chars.split_once('|').expect("usual | other");
            let id = id as u16;
            syllables.insert(syllable, id);
            for c in usual.chars() {
                readings.entry(c).or_default().insert(0, id);
            }
            others.extend(other.chars().map(|c| (c, id)));
        }
        for (c, id) in others {
            readings.entry(c).or_default().push(id);
        }
        let simplified = SIMPLIFIED
            .lines()
            .filter_map(|line| {
                let mut chars = line.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        Hanzi {
            syllables,
            readings,
            simplified,
        }
    }

    /// The number of a toneless, folded syllable (`an`, `lu`), or [`NO_SYLLABLE`].
    pub fn syllable(&self, letters: &str) -> u16 {
        self.syllables.get(letters).copied().unwrap_or(NO_SYLLABLE)
    }

    /// Every reading of a character, the usual one first; empty for one not in the table.
    pub fn readings(&self, c: char) -> &[u16] {
        self.readings.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The usual reading's letters (for spelling a name nobody gave the pinyin of).
    pub fn usual_letters(&self, c: char) -> Option<&'static str> {
        let id = *self.readings(c).first()?;
        self.syllables
            .iter()
            .find(|(_, &n)| n == id)
            .map(|(letters, _)| *letters)
    }

    /// `text` with traditional characters made simplified, except those the data itself uses
    /// (`keep`): 乾 stays 乾 where a name is written with it, though OpenCC would make it 干.
    pub fn simplify(&self, text: &str, keep: &HashSet<char>) -> String {
        // Letters and digits have no traditional form: most queries skip the lookups.
        if text.is_ascii() {
            return text.to_owned();
        }
        text.chars()
            .map(|c| match self.simplified.get(&c) {
                Some(&s) if !keep.contains(&c) => s,
                _ => c,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_and_simplified_forms_come_from_the_tables() {
        let hanzi = Hanzi::load();
        let an = hanzi.syllable("an");
        assert!(hanzi.readings('按').contains(&an));
        assert!(hanzi.readings('安').contains(&an));
        // 长: both readings, the usual first.
        let chang = hanzi.syllable("chang");
        let zhang = hanzi.syllable("zhang");
        assert!(hanzi.readings('长').contains(&chang) && hanzi.readings('长').contains(&zhang));
        assert_eq!(hanzi.usual_letters('野'), Some("ye"));
        assert_eq!(hanzi.syllable("xyz"), NO_SYLLABLE);
        assert_eq!(hanzi.simplify("啓東", &HashSet::new()), "启东");
        assert_eq!(hanzi.simplify("乾縣", &HashSet::from(['乾'])), "乾县");
    }
}
