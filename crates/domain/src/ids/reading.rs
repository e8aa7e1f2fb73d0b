//! How every identifier reads what was typed: the folding of full-width forms and case, digit
//! checks, and the `identifier!` macro that gives each newtype its string conversions.

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

pub(super) use identifier;

/// Longest input (in characters, after trimming) that is looked at at all. Every identifier
/// here is far shorter, so anything longer is refused before any other work.
pub(super) const MAX_INPUT_CHARS: usize = 64;

/// Trims the input, maps full-width ASCII forms (`２０１２`, `Ｘ`, `．`, `＋`), the ideographic
/// space and the ideographic full stop `。` to ASCII, and upper-cases ASCII letters.
/// `None` if the trimmed input is longer than [`MAX_INPUT_CHARS`].
pub(super) fn fold(input: &str) -> Option<String> {
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
pub(super) fn is_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a short run of ASCII digits, which the caller has already checked.
pub(super) fn digits_value(s: &str) -> u32 {
    s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// Assertions the identifier tests share: how each type refuses bad input and how serde reads
/// and writes it.
#[cfg(test)]
pub(super) mod testing {
    use std::fmt::Debug;

    use serde::{de::DeserializeOwned, Serialize};

    use super::MAX_INPUT_CHARS;

    /// Asserts that `parsed` refuses each input with its error, and refuses `filler` repeated
    /// one character past [`MAX_INPUT_CHARS`] with `too_long`.
    pub fn assert_refusals<E: PartialEq + Debug>(
        parsed: impl Fn(&str) -> Result<String, E>,
        cases: impl IntoIterator<Item = (&'static str, E)>,
        filler: char,
        too_long: E,
    ) {
        for (input, error) in cases {
            assert_eq!(parsed(input), Err(error), "{input:?}");
        }
        let long = filler.to_string().repeat(MAX_INPUT_CHARS + 1);
        assert_eq!(parsed(&long), Err(too_long));
    }

    /// Asserts that `value` serialises to `json`, reads back from it and from each of `loose`
    /// as the same value, and that each of `invalid` (raw JSON text) does not read at all.
    pub fn assert_serde_round_trip<T>(value: &T, json: &str, loose: &[&str], invalid: &[&str])
    where
        T: Serialize + DeserializeOwned + PartialEq + Debug,
    {
        let written = serde_json::to_string(value).unwrap();
        assert_eq!(written, json);
        assert_eq!(&serde_json::from_str::<T>(&written).unwrap(), value);
        for input in loose {
            assert_eq!(&serde_json::from_str::<T>(input).unwrap(), value, "{input}");
        }
        for input in invalid {
            assert!(serde_json::from_str::<T>(input).is_err(), "{input}");
        }
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
