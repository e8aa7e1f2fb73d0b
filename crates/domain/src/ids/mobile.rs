//! Mainland China mobile phone numbers (手机号码).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::reading::{fold, identifier, is_digits};
use crate::lang::localized_error;

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
    fn texts(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Empty => (
                "mobile_number.empty",
                "请输入手机号码，例如 138 0013 8000",
                "Enter a mobile phone number, for example 138 0013 8000",
            ),
            Self::TooLong => (
                "mobile_number.too_long",
                "输入的内容太长。请只输入一个 11 位手机号码，例如 138 0013 8000",
                "What you entered is too long. Enter only one 11-digit mobile phone number, for example 138 0013 8000",
            ),
            Self::InvalidCharacter => (
                "mobile_number.invalid_character",
                "手机号码只能包含数字，可以用空格或短横线分隔。请核对后重新输入，例如 138 0013 8000",
                "A mobile phone number can only contain digits, which may be separated by spaces or hyphens. Check it and enter it again, for example 138 0013 8000",
            ),
            Self::WrongLength => (
                "mobile_number.wrong_length",
                "手机号码应为 11 位数字。请核对位数后重新输入，例如 138 0013 8000",
                "A mobile phone number has 11 digits. Check it and enter it again, for example 138 0013 8000",
            ),
            Self::NotMainland => (
                "mobile_number.not_mainland",
                "目前只能使用中国大陆手机号码（+86）。请输入中国大陆手机号码",
                "Only mainland China mobile numbers (+86) can be used. Enter a mainland China mobile number",
            ),
            Self::NotMobile => (
                "mobile_number.not_mobile",
                "这不是手机号码。手机号码为 11 位，以 13 至 19 开头。如果您填写的是固定电话，请改填手机号码",
                "This is not a mobile phone number. Mobile numbers have 11 digits and start with 13 to 19. If you entered a landline number, enter a mobile number instead",
            ),
        }
    }
}

localized_error!(MobileNumberError);

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
