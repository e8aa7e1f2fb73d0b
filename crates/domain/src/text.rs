//! Characters no form field or file name may carry, checked by the shared parsers that both the
//! browser and the server run.
//!
//! Besides control characters, Unicode's *format* characters (general category Cf) are
//! invisible yet change what is shown: the bidirectional controls make the file name
//! `invoice` U+2067 `fdp.exe` U+2069 `.jpg` show to a member of staff as `invoicegpj.exe…`,
//! and zero-width characters make two names that look the same differ. Text fields refuse them (with the "characters that
//! cannot be read" message); file names have them removed.
//!
//! Also the two cleaners every form's text goes through: [`clean_line`] (a name, one line) and
//! [`clean_text`] (free text).

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

/// Full-width ASCII (typed in a Chinese input method's full-width mode, or pasted with an
/// official name's brackets) as half-width, and ASCII letters in lower case, as the GI and
/// policy searches compare a query with their data. One character stays one character, so
/// offsets in characters are kept.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            // The full-width forms of `!`..`~` sit at a fixed distance from ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Why a text field was refused by [`clean_line`] or [`clean_text`]; each service turns it into
/// its own field error.
pub(crate) enum TextProblem {
    TooLong,
    Control,
}

/// One line of text (a name): trimmed, inner whitespace collapsed, no control or format
/// characters ([`is_hidden`]).
/// `Ok(None)` when absent or blank.
pub(crate) fn clean_line(
    value: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, TextProblem> {
    let Some(value) = value else { return Ok(None) };
    too_long(value, max_chars)?;
    if value.chars().any(is_hidden) {
        return Err(TextProblem::Control);
    }
    let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((!cleaned.is_empty()).then_some(cleaned))
}

/// Free text: trimmed, line breaks kept (as `\n`), tabs allowed, no other control or format
/// characters ([`is_hidden`]).
pub(crate) fn clean_text(
    value: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, TextProblem> {
    let Some(value) = value else { return Ok(None) };
    let value = value.replace("\r\n", "\n");
    too_long(&value, max_chars)?;
    if value
        .chars()
        .any(|c| is_hidden(c) && c != '\n' && c != '\t')
    {
        return Err(TextProblem::Control);
    }
    let cleaned = value.trim();
    Ok((!cleaned.is_empty()).then(|| cleaned.to_owned()))
}

/// Longer than `max_chars` after trimming. The byte length is checked first so that a huge
/// value costs nothing (a character is at most 4 bytes).
fn too_long(value: &str, max_chars: usize) -> Result<(), TextProblem> {
    let trimmed = value.trim();
    if trimmed.len() > max_chars * 4 || trimmed.chars().nth(max_chars).is_some() {
        return Err(TextProblem::TooLong);
    }
    Ok(())
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
