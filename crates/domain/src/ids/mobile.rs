//! Mainland China mobile phone numbers (手机号码).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::reading::{fold, identifier, is_digits};
use crate::lang::localized_error;
use crate::texts::{shared_id_texts, SharedIdTexts};

/// A mainland China mobile phone number, normalised to its 11 digits, e.g. `13800138000`.
///
/// `parse` accepts the country code as `+86`, `0086` or `86`, spaces and hyphens anywhere, and
/// full-width characters. The number must be 11 digits starting with 13 to 19. Whether the
/// number is actually in service cannot be known here.
///
/// This is personal data. `Debug` prints only [`masked`](Self::masked), so the number cannot
/// reach a log through `{:?}`; `as_str`, `Display` and serde give the whole number.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct MobileNumber(String);

/// Why a mobile phone number was refused. No variant carries any part of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MobileNumberError {
    Empty,
    TooLong,
    /// Something other than digits, spaces, hyphens and a leading `+`.
    InvalidCharacter,
    /// Not 11 digits after the country code.
    WrongLength,
    /// An international number with a country code other than 86.
    NotMainland,
    /// Does not start with 13 to 19: a landline or some other number.
    NotMobile,
}

impl MobileNumber {
    pub fn parse(input: &str) -> Result<Self, MobileNumberError> {
        use MobileNumberError as E;
        let mut s = fold(input).ok_or(E::TooLong)?;
        s.retain(|c| !c.is_whitespace() && c != '-');
        if s.is_empty() {
            return Err(E::Empty);
        }
        let digits = if let Some(rest) = s.strip_prefix('+') {
            rest.strip_prefix("86").ok_or(E::NotMainland)?
        } else if let Some(rest) = s.strip_prefix("00") {
            rest.strip_prefix("86").ok_or(E::NotMainland)?
        } else if s.len() == 13 {
            s.strip_prefix("86").unwrap_or(&s)
        } else {
            &s
        };
        if !is_digits(digits) {
            return Err(E::InvalidCharacter);
        }
        if !digits.is_empty() && !digits.starts_with('1') {
            return Err(E::NotMobile);
        }
        if digits.len() != 11 {
            return Err(E::WrongLength);
        }
        if !matches!(digits.as_bytes()[1], b'3'..=b'9') {
            return Err(E::NotMobile);
        }
        Ok(Self(digits.to_owned()))
    }

    /// The number with the middle four digits hidden: `138****5678`.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

impl fmt::Debug for MobileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("MobileNumber").field(&self.masked()).finish()
    }
}

identifier!(MobileNumber, MobileNumberError);

impl MobileNumberError {
    fn texts(&self, t: &SharedIdTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("mobile_number.empty", t.mobile_number_empty),
            Self::TooLong => ("mobile_number.too_long", t.mobile_number_too_long),
            Self::InvalidCharacter => (
                "mobile_number.invalid_character",
                t.mobile_number_invalid_character,
            ),
            Self::WrongLength => ("mobile_number.wrong_length", t.mobile_number_wrong_length),
            Self::NotMainland => ("mobile_number.not_mainland", t.mobile_number_not_mainland),
            Self::NotMobile => ("mobile_number.not_mobile", t.mobile_number_not_mobile),
        }
    }
}

localized_error!(MobileNumberError, shared_id_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::reading::testing::{assert_refusals, assert_serde_round_trip};
    use MobileNumberError as E;

    fn parsed(input: &str) -> Result<String, MobileNumberError> {
        MobileNumber::parse(input).map(String::from)
    }

    #[test]
    fn accepts_prefixes_separators_and_full_width() {
        for input in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+8613812345678",
            "+86 138 1234 5678",
            "+86-138-1234-5678",
            "008613812345678",
            "0086 138 1234 5678",
            "86 13812345678",
            "8613812345678",
            "＋８６　１３８１２３４５６７８",
            "１３８－１２３４－５６７８",
        ] {
            assert_eq!(parsed(input).as_deref(), Ok("13812345678"), "{input}");
        }
        for input in ["13012345678", "19912345678", "16612345678"] {
            assert_eq!(parsed(input).as_deref(), Ok(input));
        }
    }

    #[test]
    fn refuses_other_numbers() {
        assert_refusals(
            parsed,
            [
                ("", E::Empty),
                (" - ", E::Empty),
                ("1381234567", E::WrongLength),
                ("138123456789", E::WrongLength),
                ("+86138123456", E::WrongLength),
                ("12812345678", E::NotMobile),
                ("10086", E::WrongLength),
                ("0513-8512-3456", E::NotMobile),
                ("28123456789", E::NotMobile),
                ("+1 202 555 0123", E::NotMainland),
                ("+852 9123 4567", E::NotMainland),
                ("00852 9123 4567", E::NotMainland),
                ("138.1234.5678", E::InvalidCharacter),
                ("(138) 1234 5678", E::InvalidCharacter),
                ("138 1234 567O", E::InvalidCharacter),
                ("138+12345678", E::InvalidCharacter),
            ],
            '1',
            E::TooLong,
        );
    }

    #[test]
    fn debug_and_masked_hide_the_middle_digits() {
        let number = MobileNumber::parse("+86 138 1234 5678").unwrap();
        assert_eq!(number.masked(), "138****5678");
        assert_eq!(format!("{number:?}"), r#"MobileNumber("138****5678")"#);
        assert_eq!(number.to_string(), "13812345678");
    }

    #[test]
    fn serde_round_trip_validates() {
        assert_serde_round_trip(
            &MobileNumber::parse("138-1234-5678").unwrap(),
            r#""13812345678""#,
            &[r#""+86 138 1234 5678""#],
            &[r#""12812345678""#],
        );
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "mobile_number.",
            &[
                E::Empty,
                E::TooLong,
                E::InvalidCharacter,
                E::WrongLength,
                E::NotMainland,
                E::NotMobile,
            ],
        );
    }
}
