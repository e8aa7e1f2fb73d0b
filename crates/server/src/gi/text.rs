//! How typed text is compared with the data: folding a query the way people type it, pinyin
//! spellings, the one-edit test for typos, and the excerpt shown for a scope match.

pub use portal_domain::text::fold_width;

/// A query as the matchers need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    /// For names and places: without spaces, full-width ASCII made half-width (Chinese input
    /// methods type `ｈａｄｍ` in full-width mode), ASCII in lower case.
    pub text: String,
    /// For pinyin: present when the query is nothing but letters, folded like
    /// [`fold_pinyin`]. Apostrophes (`xi'an`) count as spaces.
    pub letters: Option<String>,
}

impl Needle {
    /// `None` when nothing searchable is left.
    pub fn new(query: &str) -> Option<Needle> {
        let text: String = fold_width(query)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if text.is_empty() {
            return None;
        }
        let letters = text
            .chars()
            .filter(|&c| c != '\'')
            .map(fold_letter)
            .collect::<Option<String>>()
            .filter(|l| !l.is_empty());
        Some(Needle { text, letters })
    }
}

/// `ü` has no key on a keyboard: people type `v` (the input-method convention) or plain `u`.
/// Both sides are folded to `u`; the few pinyin pairs this merges (`lü`/`lu`, `nü`/`nu`) only
/// widen a search a little.
fn fold_letter(c: char) -> Option<char> {
    match c {
        'a'..='z' if c != 'v' => Some(c),
        'v' | 'ü' | 'Ü' => Some('u'),
        _ => None,
    }
}

/// The stored pinyin (`lü si hai zhe`) as one string of folded letters (`lusihaizhe`) with the
/// byte offset where each syllable starts.
pub fn fold_pinyin(pinyin: &str) -> (String, Vec<u16>) {
    let mut joined = String::with_capacity(pinyin.len());
    let mut starts = Vec::new();
    for syllable in pinyin.split_whitespace() {
        starts.push(joined.len() as u16);
        joined.extend(
            syllable
                .chars()
                .map(|c| fold_letter(c.to_ascii_lowercase()).unwrap_or(c)),
        );
    }
    (joined, starts)
}

/// For each pinyin syllable, the index (in characters) of the character of `name` it spells:
/// the Chinese characters outside parentheses, so that 东海（老）淮猪肉 and 铁力“中国林蛙”油
/// map too, then those of an alias in brackets at the end when the pinyin spells it too
/// (涞水麻核桃（野三坡麻核桃）). `None` when the counts differ (a name with digits read aloud).
pub fn syllable_chars(name: &str, syllables: usize) -> Option<Vec<u16>> {
    let mut depth = 0u32;
    let mut chars = Vec::with_capacity(syllables);
    let mut inner = Vec::new();
    for (i, c) in name.chars().enumerate() {
        match c {
            '（' | '(' => {
                depth += 1;
                inner.clear();
            }
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && is_han(c) => chars.push(i as u16),
            _ if is_han(c) => inner.push(i as u16),
            _ => {}
        }
    }
    if chars.len() + inner.len() == syllables && name.ends_with(['）', ')']) {
        chars.extend(inner);
    }
    (chars.len() == syllables).then_some(chars)
}

/// The characters of an alias in brackets at the end of a name: 野三坡麻核桃 in
/// 涞水麻核桃（野三坡麻核桃）.
pub fn alias(name: &str) -> Option<&str> {
    let inner = name.strip_suffix('）')?;
    let open = inner.rfind('（')?;
    Some(&inner[open + '（'.len_utf8()..]).filter(|a| !a.is_empty() && !a.contains('（'))
}

pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// True when `a` turns into `b` by at most one insertion, deletion, substitution or swap of two
/// neighbouring letters (optimal string alignment distance ≤ 1), in time linear in the length.
pub fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a.is_empty()
                || a[1..] == b[1..]
                || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        std::cmp::Ordering::Greater => a[1..] == *b,
        std::cmp::Ordering::Less => *a == b[1..],
    }
}

/// At most this many characters of the protection scope are shown around a match, the
/// ellipses included: about one line on a phone.
pub const EXCERPT_CHARS: usize = 40;

/// A window of `text` around the characters `start..end`, marked with `…` where it is cut, and
/// the range of the match inside the window (in characters).
pub fn excerpt(text: &str, start: usize, end: usize) -> (String, u32, u32) {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    if chars.len() <= EXCERPT_CHARS {
        return (text.to_owned(), start as u32, end as u32);
    }
    // Two characters are kept for the ellipses; a match longer than the window is cut.
    let room = EXCERPT_CHARS - 2;
    let end = end.min(start + room);
    let spare = room - (end - start);
    // A third of the spare room before the match: the place names that follow it say more.
    let mut from = start.saturating_sub(spare / 3);
    let mut to = (from + room).min(chars.len());
    from = to.saturating_sub(room).min(from);
    if from <= 1 {
        // An ellipsis standing for a single character would hide nothing.
        from = 0;
        to = (room + 1).min(chars.len());
    }
    if chars.len() - to <= 1 {
        to = chars.len();
        from = from.min(chars.len().saturating_sub(room + 1));
    }
    let mut out = String::new();
    let mut offset = from;
    if from > 0 {
        out.push('…');
        offset -= 1;
    }
    out.extend(&chars[from..to]);
    if to < chars.len() {
        out.push('…');
    }
    (out, (start - offset) as u32, (end - offset) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_the_way_people_type() {
        let n = Needle::new("Ru Dong").unwrap();
        assert_eq!(n.text, "rudong");
        assert_eq!(n.letters.as_deref(), Some("rudong"));
        assert_eq!(
            Needle::new("ｈａｄｍ").unwrap().letters.as_deref(),
            Some("hadm")
        );
        assert_eq!(
            Needle::new("lvsi").unwrap().letters.as_deref(),
            Some("lusi")
        );
        assert_eq!(
            Needle::new("lüsi").unwrap().letters.as_deref(),
            Some("lusi")
        );
        assert_eq!(
            Needle::new("xi'an").unwrap().letters.as_deref(),
            Some("xian")
        );
        let han = Needle::new("海安 大米").unwrap();
        assert_eq!(han.text, "海安大米");
        assert_eq!(han.letters, None);
        assert_eq!(Needle::new("123").unwrap().letters, None);
        assert_eq!(Needle::new("  "), None);
    }

    #[test]
    fn pinyin_is_joined_with_its_syllable_starts() {
        assert_eq!(
            fold_pinyin("lü si hai zhe"),
            ("lusihaizhe".to_owned(), vec![0, 2, 4, 7])
        );
    }

    #[test]
    fn syllables_map_to_the_chinese_characters_outside_parentheses() {
        assert_eq!(syllable_chars("海安大米", 4), Some(vec![0, 1, 2, 3]));
        assert_eq!(
            syllable_chars("张家湾葡萄（张湾葡萄）", 5),
            Some(vec![0, 1, 2, 3, 4])
        );
        assert_eq!(
            syllable_chars("东海（老）淮猪肉", 5),
            Some(vec![0, 1, 5, 6, 7])
        );
        assert_eq!(
            syllable_chars("铁力“中国林蛙”油", 7),
            Some(vec![0, 1, 3, 4, 5, 6, 8])
        );
        assert_eq!(syllable_chars("海安大米", 3), None);
    }

    #[test]
    fn one_edit_means_one_letter_wrong_missing_extra_or_swapped() {
        let ok = |a: &str, b: &str| within_one_edit(a.as_bytes(), b.as_bytes());
        assert!(ok("haiandami", "haiandami"));
        assert!(ok("haiandani", "haiandami"));
        assert!(ok("haiandmi", "haiandami"));
        assert!(ok("haiaandami", "haiandami"));
        assert!(ok("haiadnami", "haiandami"));
        assert!(ok("x", ""));
        assert!(!ok("haiandnai", "haiandami"));
        assert!(!ok("haidm", "haiandami"));
        assert!(!ok("abcd", "badc"));
    }

    #[test]
    fn excerpts_keep_the_match_and_stay_short() {
        let short = "保护范围：江苏省南通市启东市现辖行政区域。";
        assert_eq!(excerpt(short, 11, 13), (short.to_owned(), 11, 13));

        let long: String = "甲".repeat(100) + "启东" + &"乙".repeat(100);
        let (text, start, end) = excerpt(&long, 100, 102);
        assert!(text.chars().count() <= EXCERPT_CHARS);
        assert!(text.starts_with('…') && text.ends_with('…'));
        let shown: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(shown, "启东");

        let (text, start, _) = excerpt(&long, 1, 2);
        assert!(!text.starts_with('…') && text.ends_with('…'));
        assert_eq!(start, 1);
        assert!(text.chars().count() <= EXCERPT_CHARS);

        let (text, start, end) = excerpt(&long, 201, 202);
        assert!(text.starts_with('…') && !text.ends_with('…'));
        assert_eq!(text.chars().nth(start as usize), Some('乙'));
        assert_eq!(end, start + 1);
        assert!(text.chars().count() <= EXCERPT_CHARS);
    }
}
