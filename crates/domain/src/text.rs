//! Characters no form field or file name may carry, checked by the shared parsers that both the
//! browser and the server run.
//!
//! Besides control characters, Unicode's *format* characters (general category Cf) are
//! invisible yet change what is shown: the bidirectional controls make the file name
//! `invoice` U+2067 `fdp.exe` U+2069 `.jpg` show to a member of staff as `invoicegpj.exe…`,
//! and zero-width characters make two names that look the same differ. Text fields refuse them (with the "characters that
//! cannot be read" message); file names have them removed.

/// A control character or a Unicode format character (Cf: bidi controls, zero-width and
/// invisible characters, the byte-order mark, tags).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bidi_control_and_invisible_format_character_is_hidden() {
        for c in [
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0041}',
            '\u{0}',
            '\u{7F}',
            '\u{85}',
        ] {
            assert!(is_hidden(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ordinary_text_is_not_hidden() {
        for c in "张三丰 O'Brien-Smith（南通）·、。；：ＡＢ１２é".chars() {
            assert!(!is_hidden(c), "U+{:04X}", c as u32);
        }
    }
}
