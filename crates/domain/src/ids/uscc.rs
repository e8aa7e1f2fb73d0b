//! Unified social credit codes (统一社会信用代码), GB 32100-2015.

use serde::{Deserialize, Serialize};

use super::reading::{fold, identifier, is_digits};
use crate::lang::localized_error;
use crate::texts::{shared_id_texts, SharedIdTexts};

/// The 31 characters a code may use: digits and capital letters except I, O, S, V and Z.
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A unified social credit code (统一社会信用代码), the 18-character number on every business
/// licence and organisation certificate, e.g. `91110000600037341L`.
///
/// `parse` accepts spaces, full-width characters and lower-case letters. It checks the
/// character set, that characters 3–8 (the administrative division code) are digits, and the
/// check character: the first 17 characters, as values 0–30 in the order
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, are weighted 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,
/// 30,28 (3^i mod 31) and the check character is the one with value (31 − sum mod 31) mod 31.
///
/// Not checked: the codes of the registration authority and the organisation category
/// (characters 1 and 2) and the GB 11714 check digit inside characters 9–17.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct Uscc(String);

/// Why a unified social credit code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsccError {
    Empty,
    TooLong,
    /// Something other than digits and letters.
    InvalidCharacter,
    /// One of the letters I, O, S, V, Z, which codes never use (they look like 1, 0, 5, U, 2).
    ForbiddenLetter,
    WrongLength,
    /// Characters 3–8 are not six digits.
    InvalidDivisionCode,
    /// The last character does not match the others. `expected` is for logs and tests: a
    /// mismatch usually means another character was mistyped, so do not offer it to the person.
    CheckDigitMismatch {
        expected: char,
    },
}

impl Uscc {
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        use UsccError as E;
        let mut s = fold(input).ok_or(E::TooLong)?;
        if s.is_empty() {
            return Err(E::Empty);
        }
        s.retain(|c| !c.is_whitespace());
        if !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(E::InvalidCharacter);
        }
        if s.contains(['I', 'O', 'S', 'V', 'Z']) {
            return Err(E::ForbiddenLetter);
        }
        if s.len() != 18 {
            return Err(E::WrongLength);
        }
        if !is_digits(&s[2..8]) {
            return Err(E::InvalidDivisionCode);
        }
        let expected = check_char(&s[..17]);
        if !s.ends_with(expected) {
            return Err(E::CheckDigitMismatch { expected });
        }
        Ok(Self(s))
    }

    /// The administrative division code of the registration authority: characters 3–8, six
    /// digits (南通 is 3206xx).
    pub fn division_code(&self) -> &str {
        &self.0[2..8]
    }

    /// The code with all but the first 2 and last 4 characters hidden: `91************341L`.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..2], "*".repeat(12), &self.0[14..])
    }
}

/// The check character for the first 17 characters, all of them in [`CHARSET`].
fn check_char(first17: &str) -> char {
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let value = |b: u8| CHARSET.iter().position(|&c| c == b).unwrap_or(0);
    let sum: usize = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| value(b) * w)
        .sum();
    char::from(CHARSET[(31 - sum % 31) % 31])
}

identifier!(Uscc, UsccError);

impl UsccError {
    fn texts(&self, t: &SharedIdTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("uscc.empty", t.uscc_empty),
            Self::TooLong => ("uscc.too_long", t.uscc_too_long),
            Self::InvalidCharacter => ("uscc.invalid_character", t.uscc_invalid_character),
            Self::ForbiddenLetter => ("uscc.forbidden_letter", t.uscc_forbidden_letter),
            Self::WrongLength => ("uscc.wrong_length", t.uscc_wrong_length),
            Self::InvalidDivisionCode => ("uscc.division_code", t.uscc_division_code),
            Self::CheckDigitMismatch { .. } => ("uscc.check_digit", t.uscc_check_digit),
        }
    }
}

localized_error!(UsccError, shared_id_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::reading::testing::{assert_refusals, assert_serde_round_trip};
    use UsccError as E;

    fn parsed(input: &str) -> Result<String, UsccError> {
        Uscc::parse(input).map(String::from)
    }

    // Values: 0–9 are themselves, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21
    // N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30.
    //
    // 91110000600037341L (DOMAIN.md): 9·1 + 1·3 + 1·9 + 1·27 + 6·20 + 3·8 + 7·24 + 3·10
    //   + 4·30 + 1·28 = 538 = 17·31 + 11 → 31 − 11 = 20 → L.
    // 91320600MA1MB5GT0D: 9·1 + 1·3 + 3·9 + 2·27 + 6·26 + M21·20 + A10·29 + 1·25 + M21·13
    //   + B11·8 + 5·24 + G16·10 + T26·30 = 9+3+27+54+156+420+290+25+273+88+120+160+780
    //   = 2405 = 77·31 + 18 → 31 − 18 = 13 → D.
    // 93320623MA1N1Q4H4Y: 9+9+27+54+156 + 2·16 + 3·17 + 420+290+25 + N22·13 + 1·8 + Q24·24
    //   + 4·10 + H17·30 + 4·28 = 2605 = 84·31 + 1 → 31 − 1 = 30 → Y.
    // 123206004660000190: 1·1 + 2·3 + 3·9 + 2·27 + 6·26 + 4·20 + 6·29 + 6·25 + 1·30 + 9·28
    //   = 930 = 30·31 → (31 − 0) mod 31 = 0 → 0.
    const VALID: [(&str, &str); 4] = [
        ("91110000600037341L", "110000"),
        ("91320600MA1MB5GT0D", "320600"),
        ("93320623MA1N1Q4H4Y", "320623"),
        ("123206004660000190", "320600"),
    ];

    #[test]
    fn valid_codes_and_division_codes() {
        for (input, division) in VALID {
            let code = Uscc::parse(input).unwrap();
            assert_eq!(code.as_str(), input);
            assert_eq!(code.division_code(), division);
        }
    }

    #[test]
    fn masked_keeps_the_first_two_and_last_four() {
        let code = Uscc::parse("91320600MA1MB5GT0D").unwrap();
        assert_eq!(code.masked(), "91************GT0D");
        assert_eq!(code.masked().len(), 18);
    }

    #[test]
    fn normalises_spaces_full_width_and_case() {
        for input in [
            "91110000600037341l",
            " 9111 0000 6000 3734 1L ",
            "９１１１００００６０００３７３４１Ｌ",
            "９１１１００００６０００３７３４１ｌ",
            "91110000600037341L\u{3000}",
        ] {
            assert_eq!(
                parsed(input).as_deref(),
                Ok("91110000600037341L"),
                "{input}"
            );
        }
    }

    #[test]
    fn wrong_check_character_for_each_valid_code() {
        for (input, _) in VALID {
            let expected = char::from(*input.as_bytes().last().unwrap());
            let wrong = if expected == '1' { 'A' } else { '1' };
            let input = format!("{}{wrong}", &input[..17]);
            assert_eq!(
                parsed(&input),
                Err(E::CheckDigitMismatch { expected }),
                "{input}"
            );
        }
        // One mistyped character in the body.
        assert_eq!(
            parsed("91110000600037351L"),
            Err(E::CheckDigitMismatch {
                expected: check_char("91110000600037351")
            })
        );
    }

    #[test]
    fn refuses_malformed_codes() {
        assert_refusals(
            parsed,
            [
                ("", E::Empty),
                ("9111000060003734", E::WrongLength),
                ("91110000600037341", E::WrongLength),
                ("91110000600037341LL", E::WrongLength),
                ("91110000600037341-L", E::InvalidCharacter),
                ("9111000060003734１Ｌ!", E::InvalidCharacter),
                ("91110000600037341I", E::ForbiddenLetter),
                ("9111000060OO37341L", E::ForbiddenLetter),
                ("91110000600037341Z", E::ForbiddenLetter),
                ("9111000060003734SL", E::ForbiddenLetter),
                ("91110000600037341v", E::ForbiddenLetter),
                ("9111000O600037341L", E::ForbiddenLetter),
                ("91A10000600037341L", E::InvalidDivisionCode),
                ("9111000M600037341L", E::InvalidDivisionCode),
            ],
            '9',
            E::TooLong,
        );
    }

    #[test]
    fn serde_round_trip_validates() {
        assert_serde_round_trip(
            &Uscc::parse("91320600MA1MB5GT0D").unwrap(),
            r#""91320600MA1MB5GT0D""#,
            &[r#""91320600ma1mb5gt0d""#],
            &[r#""91320600MA1MB5GT0E""#],
        );
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "uscc.",
            &[
                E::Empty,
                E::TooLong,
                E::InvalidCharacter,
                E::ForbiddenLetter,
                E::WrongLength,
                E::InvalidDivisionCode,
                E::CheckDigitMismatch { expected: '0' },
            ],
        );
    }
}
