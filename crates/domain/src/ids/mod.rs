//! Identifiers people type into the portal, each parsed once into a normalised newtype.
//!
//! Every type follows the same pattern: `parse` takes what the person typed and tidies it
//! (trims it, turns full-width characters such as `２０１２` and `Ｘ` into ASCII, upper-cases
//! letters, drops the separators the format allows), then either returns a value that is known
//! to be well-formed or an error with a plain message in Chinese and English. The value holds
//! only the normalised text, which `as_str`, `Display`, `AsRef<str>` and serde all use.
//! Deserialising runs `parse`, so an invalid string never becomes a value.
//!
//! Error messages never repeat what the person typed: some of these numbers are personal data.

/// Implements `Localized`, `Display` (the Chinese message) and `std::error::Error` for an error
/// enum with a method `texts(&self) -> (code, Chinese message, English message)`.
macro_rules! localized_error {
    ($error:ty) => {
        impl $crate::lang::Localized for $error {
            fn code(&self) -> &'static str {
                self.texts().0
            }

            fn message(&self, lang: $crate::lang::Lang) -> String {
                let (_, zh, en) = self.texts();
                lang.pick(zh, en).to_owned()
            }
        }

        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.texts().1)
            }
        }

        impl std::error::Error for $error {}
    };
}

/// Implements `as_str`, `Display`, `AsRef<str>`, `FromStr` and the `String` conversions serde
/// uses for a newtype `$name(String)` that has `parse(&str) -> Result<Self, $error>`.
macro_rules! identifier {
    ($name:ident, $error:ty) => {
        impl $name {
            /// The normalised text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = $error;

            fn from_str(input: &str) -> Result<Self, $error> {
                Self::parse(input)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;

            fn try_from(input: String) -> Result<Self, $error> {
                Self::parse(&input)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

pub mod mobile;
pub mod patent;
pub mod resident_id;
pub mod trademark;
pub mod uscc;

pub use mobile::{MobileNumber, MobileNumberError};
pub use patent::{PatentApplicationNumber, PatentKind, PatentNumberError};
pub use resident_id::{ResidentId, ResidentIdError};
pub use trademark::{TrademarkNumber, TrademarkNumberError};
pub use uscc::{Uscc, UsccError};

/// Longest input (in characters, after trimming) that is looked at at all. Every identifier
/// here is far shorter, so anything longer is refused before any other work.
const MAX_INPUT_CHARS: usize = 64;

/// Trims the input, maps full-width ASCII forms (`２０１２`, `Ｘ`, `．`, `＋`), the ideographic
/// space and the ideographic full stop `。` to ASCII, and upper-cases ASCII letters.
/// `None` if the trimmed input is longer than [`MAX_INPUT_CHARS`].
fn fold(input: &str) -> Option<String> {
    let input = input.trim();
    if input.chars().nth(MAX_INPUT_CHARS).is_some() {
        return None;
    }
    let folded = input.chars().map(|c| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{3002}' => '.',
        _ => c,
    });
    Some(folded.map(|c| c.to_ascii_uppercase()).collect())
}

/// True if `s` is made only of ASCII digits (and, vacuously, if it is empty).
fn is_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a short run of ASCII digits, which the caller has already checked.
fn digits_value(s: &str) -> u32 {
    s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// Test helper: every error has a distinct code starting with `prefix`, and a non-empty message
/// in both languages; `Display` gives the Chinese one.
#[cfg(test)]
fn assert_messages<E: crate::lang::Localized + std::fmt::Display>(all: &[E], prefix: &str) {
    use crate::lang::Lang;
    let mut codes = std::collections::HashSet::new();
    for error in all {
        let code = error.code();
        assert!(
            code.starts_with(prefix),
            "{code} should start with {prefix}"
        );
        assert!(codes.insert(code), "duplicate code {code}");
        let zh = error.message(Lang::Zh);
        let en = error.message(Lang::En);
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{code} lacks a message"
        );
        assert_ne!(zh, en, "{code} is not translated");
        assert!(!zh.is_ascii(), "{code}: the Chinese message has no Chinese");
        assert_eq!(error.to_string(), zh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_maps_full_width_forms_and_upper_cases() {
        assert_eq!(
            fold("  ２０１２　２ ｘ．Ｘ。cn＋－ ").as_deref(),
            Some("2012 2 X.X.CN+-")
        );
        assert_eq!(fold(" \t ").as_deref(), Some(""));
    }

    #[test]
    fn fold_refuses_long_input_but_not_long_padding() {
        let limit = "1".repeat(MAX_INPUT_CHARS);
        assert!(fold(&limit).is_some());
        assert!(fold(&format!("{limit}1")).is_none());
        assert!(fold(&format!("   {limit}   ")).is_some());
        assert!(fold(&"１".repeat(1_000_000)).is_none());
    }
}
