//! Resident identity card numbers (公民身份号码), GB 11643-1999.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::reading::{digits_value, fold, identifier, is_digits};
use crate::lang::localized_error;
use crate::texts::{assistance_id_texts, AssistanceIdTexts};

/// An 18-character resident identity card number: a 6-digit address code, the birth date
/// `YYYYMMDD`, a 3-digit sequence number and an ISO 7064 MOD 11-2 check character (a digit or
/// `X`), e.g. `360426199101010071`.
///
/// This is personal data. `Debug` prints only [`masked`](Self::masked), so the number cannot
/// reach a log through `{:?}`; `as_str`, `Display` and serde give the whole number and are for
/// storing it and sending it where it is needed, never for logs.
///
/// `parse` accepts spaces, full-width characters and a lower-case `x`. It checks the check
/// character (the 17 digits weighted 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; the check
/// character is `"10X98765432"[sum mod 11]`) and that the birth date is a real calendar date
/// between 1900-01-01 and 2100-12-31. It cannot check that the date is not in the future (this
/// code has no clock), nor that the address code exists. The old 15-digit numbers are refused.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct ResidentId(String);

/// Why a resident identity card number was refused. No variant carries any part of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidentIdError {
    Empty,
    TooLong,
    /// Something other than 17 digits followed by a digit or `X`.
    InvalidCharacter,
    /// Not 18 characters (this includes the old 15-digit numbers).
    WrongLength,
    /// Characters 7–14 are not a real date between 1900-01-01 and 2100-12-31.
    InvalidBirthDate,
    /// The last character does not match the others.
    CheckDigitMismatch,
}

impl ResidentId {
    pub fn parse(input: &str) -> Result<Self, ResidentIdError> {
        use ResidentIdError as E;
        let mut s = fold(input).ok_or(E::TooLong)?;
        if s.is_empty() {
            return Err(E::Empty);
        }
        s.retain(|c| !c.is_whitespace());
        if !s.chars().all(|c| c.is_ascii_digit() || c == 'X') {
            return Err(E::InvalidCharacter);
        }
        if s.len() != 18 {
            return Err(E::WrongLength);
        }
        if !is_digits(&s[..17]) {
            return Err(E::InvalidCharacter);
        }
        let (year, month, day) = date_of(&s);
        if !is_real_date(year, month, day) {
            return Err(E::InvalidBirthDate);
        }
        if !s.ends_with(check_char(&s[..17])) {
            return Err(E::CheckDigitMismatch);
        }
        Ok(Self(s))
    }

    /// The number with all but the first 4 and last 4 characters hidden:
    /// `3604**********0071`.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..4], "*".repeat(10), &self.0[14..])
    }

    /// The birth date as (year, month, day).
    pub fn birth_date(&self) -> (u16, u8, u8) {
        let (year, month, day) = date_of(&self.0);
        // parse checked the date, so these fit.
        (year as u16, month as u8, day as u8)
    }
}

impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ResidentId").field(&self.masked()).finish()
    }
}

/// Year, month and day from characters 7–14, which the caller has checked are digits.
fn date_of(number: &str) -> (u32, u32, u32) {
    (
        digits_value(&number[6..10]),
        digits_value(&number[10..12]),
        digits_value(&number[12..14]),
    )
}

fn is_real_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&year) && (1..=days_in_month).contains(&day)
}

/// The ISO 7064 MOD 11-2 check character for 17 digits.
fn check_char(digits: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    char::from(CHECK[(sum % 11) as usize])
}

identifier!(ResidentId, ResidentIdError);

impl ResidentIdError {
    fn texts(&self, t: &AssistanceIdTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("resident_id.empty", t.resident_id_empty),
            Self::TooLong => ("resident_id.too_long", t.resident_id_too_long),
            Self::InvalidCharacter => (
                "resident_id.invalid_character",
                t.resident_id_invalid_character,
            ),
            Self::WrongLength => ("resident_id.wrong_length", t.resident_id_wrong_length),
            Self::InvalidBirthDate => ("resident_id.birth_date", t.resident_id_birth_date),
            Self::CheckDigitMismatch => ("resident_id.check_digit", t.resident_id_check_digit),
        }
    }
}

localized_error!(ResidentIdError, assistance_id_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::reading::testing::{assert_refusals, assert_serde_round_trip};
    use ResidentIdError as E;

    fn parsed(input: &str) -> Result<String, ResidentIdError> {
        ResidentId::parse(input).map(String::from)
    }

    #[test]
    fn valid_numbers_and_birth_dates() {
        for (input, date) in [
            // DOMAIN.md.
            ("360426199101010071", (1991, 1, 1)),
            // The example in GB 11643-1999 itself, with an X check character.
            ("11010519491231002X", (1949, 12, 31)),
            // Check characters computed with the weights above; a leap day and both ends.
            ("320602200002291232", (2000, 2, 29)),
            ("320682190001011230", (1900, 1, 1)),
            ("320682210012311234", (2100, 12, 31)),
        ] {
            let id = ResidentId::parse(input).unwrap();
            assert_eq!(id.as_str(), input);
            assert_eq!(id.birth_date(), date, "{input}");
        }
    }

    #[test]
    fn normalises_spaces_full_width_and_lower_case_x() {
        assert_eq!(
            parsed("11010519491231002x").as_deref(),
            Ok("11010519491231002X")
        );
        assert_eq!(
            parsed("110105 19491231 002X").as_deref(),
            Ok("11010519491231002X")
        );
        assert_eq!(
            parsed(" １１０１０５１９４９１２３１００２ｘ ").as_deref(),
            Ok("11010519491231002X")
        );
    }

    #[test]
    fn wrong_check_character() {
        for input in [
            "360426199101010072",
            "36042619910101007X",
            "110105194912310020",
        ] {
            assert_eq!(parsed(input), Err(E::CheckDigitMismatch), "{input}");
        }
        // One mistyped digit (sequence 008 instead of 007).
        assert_eq!(parsed("360426199101010081"), Err(E::CheckDigitMismatch));
    }

    #[test]
    fn refuses_impossible_birth_dates() {
        // Each has the right check character for its digits, so only the date is wrong.
        for input in [
            "320682190002291238", // 1900 is not a leap year
            "320682200102291231", // nor is 2001
            "320682190013011238", // month 13
            "320682190001001235", // day 0
            "320682189912311236", // before 1900
            "320682210101011233", // after 2100
        ] {
            assert_eq!(parsed(input), Err(E::InvalidBirthDate), "{input}");
        }
    }

    #[test]
    fn refuses_malformed_numbers() {
        assert_refusals(
            parsed,
            [
                ("", E::Empty),
                ("36042619910101007", E::WrongLength),
                ("3604261991010100711", E::WrongLength),
                ("360426910101007", E::WrongLength),
                ("3604261991010100X1", E::InvalidCharacter),
                ("36042619910101007Y", E::InvalidCharacter),
                ("360426-19910101-0071", E::InvalidCharacter),
            ],
            '3',
            E::TooLong,
        );
    }

    #[test]
    fn debug_and_masked_hide_the_number() {
        let id = ResidentId::parse("360426199101010071").unwrap();
        assert_eq!(id.masked(), "3604**********0071");
        let debug = format!("{id:?}");
        assert_eq!(debug, r#"ResidentId("3604**********0071")"#);
        assert!(!debug.contains("19910101"));
        assert!(!format!("{:?}", Some(&id)).contains("360426199101010071"));
    }

    #[test]
    fn serde_round_trip_validates() {
        assert_serde_round_trip(
            &ResidentId::parse("11010519491231002x").unwrap(),
            r#""11010519491231002X""#,
            &[],
            &[r#""110105194912310020""#],
        );
        // The error does not repeat the number.
        let error = serde_json::from_str::<ResidentId>(r#""110105194912310020""#).unwrap_err();
        assert!(!error.to_string().contains("110105"));
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "resident_id.",
            &[
                E::Empty,
                E::TooLong,
                E::InvalidCharacter,
                E::WrongLength,
                E::InvalidBirthDate,
                E::CheckDigitMismatch,
            ],
        );
    }
}
