//! Trademark registration numbers (商标注册号).

use serde::{Deserialize, Serialize};

use super::reading::{fold, identifier, is_digits};
use crate::lang::localized_error;
use crate::texts::{assistance_id_texts, AssistanceIdTexts};

/// A trademark registration number, normalised to its digits, e.g. `12345678`.
///
/// No official format for these numbers was found, so this only accepts 1 to 9 digits and
/// there is no check digit to verify. `parse` also accepts spaces, full-width digits and the
/// wording on registration certificates, 第 … 号 (`第12345678号`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct TrademarkNumber(String);

/// Why a trademark registration number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrademarkNumberError {
    Empty,
    TooLong,
    /// Something other than digits.
    InvalidCharacter,
    /// Not 1 to 9 digits.
    WrongLength,
}

impl TrademarkNumber {
    pub fn parse(input: &str) -> Result<Self, TrademarkNumberError> {
        use TrademarkNumberError as E;
        let mut s = fold(input).ok_or(E::TooLong)?;
        s.retain(|c| !c.is_whitespace());
        if s.is_empty() {
            return Err(E::Empty);
        }
        let s = s.strip_prefix('第').unwrap_or(&s);
        let s = s.strip_suffix('号').unwrap_or(s);
        if !is_digits(s) {
            return Err(E::InvalidCharacter);
        }
        if !(1..=9).contains(&s.len()) {
            return Err(E::WrongLength);
        }
        Ok(Self(s.to_owned()))
    }
}

identifier!(TrademarkNumber, TrademarkNumberError);

impl TrademarkNumberError {
    fn texts(&self, t: &AssistanceIdTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("trademark_number.empty", t.trademark_number_empty),
            Self::TooLong => ("trademark_number.too_long", t.trademark_number_too_long),
            Self::InvalidCharacter => (
                "trademark_number.invalid_character",
                t.trademark_number_invalid_character,
            ),
            Self::WrongLength => (
                "trademark_number.wrong_length",
                t.trademark_number_wrong_length,
            ),
        }
    }
}

localized_error!(TrademarkNumberError, assistance_id_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use TrademarkNumberError as E;

    fn parsed(input: &str) -> Result<String, TrademarkNumberError> {
        TrademarkNumber::parse(input).map(String::from)
    }

    #[test]
    fn accepts_one_to_nine_digits() {
        for input in ["1", "12345678", "123456789", "0012"] {
            assert_eq!(parsed(input).as_deref(), Ok(input));
        }
    }

    #[test]
    fn normalises_spaces_full_width_and_certificate_wording() {
        for input in [
            "12345678",
            " 1234 5678 ",
            "１２３４５６７８",
            "第12345678号",
            "第 １２３４５６７８ 号",
        ] {
            assert_eq!(parsed(input).as_deref(), Ok("12345678"), "{input}");
        }
    }

    #[test]
    fn refuses_other_input() {
        for (input, error) in [
            ("", E::Empty),
            ("　", E::Empty),
            ("第号", E::WrongLength),
            ("1234567890", E::WrongLength),
            ("G1234567", E::InvalidCharacter),
            ("1234-5678", E::InvalidCharacter),
            ("12345678号码", E::InvalidCharacter),
        ] {
            assert_eq!(parsed(input), Err(error), "{input:?}");
        }
        assert_eq!(parsed(&"1".repeat(65)), Err(E::TooLong));
    }

    #[test]
    fn serde_round_trip_validates() {
        let number = TrademarkNumber::parse("第 12345678 号").unwrap();
        let json = serde_json::to_string(&number).unwrap();
        assert_eq!(json, r#""12345678""#);
        assert_eq!(
            serde_json::from_str::<TrademarkNumber>(&json).unwrap(),
            number
        );
        assert!(serde_json::from_str::<TrademarkNumber>(r#""1234567890""#).is_err());
        assert!(serde_json::from_str::<TrademarkNumber>("12345678").is_err());
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "trademark_number.",
            &[E::Empty, E::TooLong, E::InvalidCharacter, E::WrongLength],
        );
    }
}
