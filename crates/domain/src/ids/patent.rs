//! Chinese patent application numbers (专利申请号), ZC 0006-2003.

use serde::{Deserialize, Serialize};

use super::reading::{digits_value, fold, identifier, is_digits};
use crate::lang::localized_error;
use crate::texts::{patent_id_texts, PatentIdTexts};

/// A Chinese patent application number, normalised to `YYYYTNNNNNNN.C` (12 digits, a dot and
/// the check character, e.g. `201220687633.0`) or, for applications filed before October 2003,
/// to the old form `YYTNNNNN.C` (e.g. `90101673.X`).
///
/// `parse` accepts an optional `CN` or `ZL` prefix, spaces anywhere (`CN 2010 8 0063196.9`),
/// full-width characters, a lower-case `x`, and the check character with or without its dot.
/// It checks the year, the type digit `T` and the check character `C`: the digits are weighted
/// 2,3,4,5,6,7,8,9,2,3,4,5 (the old form uses the first eight weights, 2 to 9), the remainder
/// of the sum divided by 11 is the check character, and 10 is written `X`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct PatentApplicationNumber(String);

/// What kind of patent was applied for: the type digit after the year. (Serialized by its code,
/// `invention`, …, where a request names the kind it is for.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PatentKind {
    /// 1: 发明.
    Invention,
    /// 2: 实用新型.
    UtilityModel,
    /// 3: 外观设计.
    Design,
    /// 8: PCT international application for an invention entering the Chinese national phase.
    PctInvention,
    /// 9: PCT international application for a utility model entering the Chinese national phase.
    PctUtilityModel,
}

crate::choice::choice!(PatentKind {
    Invention = "invention", "发明", "Invention";
    UtilityModel = "utility_model", "实用新型", "Utility model";
    Design = "design", "外观设计", "Design";
    PctInvention = "pct_invention", "进入中国国家阶段的 PCT 发明申请", "PCT invention application entering the Chinese national phase";
    PctUtilityModel = "pct_utility_model", "进入中国国家阶段的 PCT 实用新型申请", "PCT utility-model application entering the Chinese national phase";
});

impl PatentKind {
    fn from_digit(digit: u8) -> Option<PatentKind> {
        match digit {
            b'1' => Some(PatentKind::Invention),
            b'2' => Some(PatentKind::UtilityModel),
            b'3' => Some(PatentKind::Design),
            b'8' => Some(PatentKind::PctInvention),
            b'9' => Some(PatentKind::PctUtilityModel),
            _ => None,
        }
    }
}

/// Why a patent application number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatentNumberError {
    Empty,
    TooLong,
    /// Something other than digits, one dot, a final `X` and a leading `CN`/`ZL`.
    InvalidCharacter,
    /// Neither 12 nor 8 digits before the check character.
    WrongLength,
    /// The digits are all there but the check character after them is not.
    MissingCheckCharacter,
    /// The year is outside 1985–2100 (old form: 85–99 or 00–03).
    InvalidYear,
    /// The type digit is not 1, 2, 3, 8 or 9.
    UnknownType,
    /// The check character does not match the digits. `expected` is for logs and tests: a
    /// mismatch usually means another digit was mistyped, so do not offer it to the person.
    CheckDigitMismatch {
        expected: char,
    },
}

impl PatentApplicationNumber {
    pub fn parse(input: &str) -> Result<Self, PatentNumberError> {
        use PatentNumberError as E;
        let mut s = fold(input).ok_or(E::TooLong)?;
        if s.is_empty() {
            return Err(E::Empty);
        }
        s.retain(|c| !c.is_whitespace());
        let s = s
            .strip_prefix("CN")
            .or_else(|| s.strip_prefix("ZL"))
            .unwrap_or(&s);
        if !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'X')
        {
            return Err(E::InvalidCharacter);
        }
        let (body, check) = match s.split_once('.') {
            Some(parts) => parts,
            // Without a dot the check character is the last one, unless the digits alone
            // already have the length of a whole number.
            None if s.len() == 12 || s.len() == 8 => (s, ""),
            None => s.split_at(s.len().saturating_sub(1)),
        };
        if !is_digits(body) {
            return Err(E::InvalidCharacter);
        }
        if body.len() != 12 && body.len() != 8 {
            return Err(E::WrongLength);
        }
        let check = match check.as_bytes() {
            [] => return Err(E::MissingCheckCharacter),
            [c @ (b'0'..=b'9' | b'X')] => char::from(*c),
            [_] => return Err(E::InvalidCharacter),
            _ => return Err(E::WrongLength),
        };
        let year_ok = if body.len() == 12 {
            (1985..=2100).contains(&digits_value(&body[..4]))
        } else {
            matches!(digits_value(&body[..2]), 85..=99 | 0..=3)
        };
        if !year_ok {
            return Err(E::InvalidYear);
        }
        kind_of(body).ok_or(E::UnknownType)?;
        let expected = check_char(body);
        if check != expected {
            return Err(E::CheckDigitMismatch { expected });
        }
        Ok(Self(format!("{body}.{check}")))
    }

    /// The kind of patent, from the type digit.
    pub fn kind(&self) -> PatentKind {
        // The normal form always ends in a dot and the check character.
        let digits = &self.0[..self.0.len() - 2];
        kind_of(digits).expect("parse only accepts the type digits 1, 2, 3, 8 and 9")
    }

    /// The year the application was filed, from its first digits (old form: `90…` is 1990,
    /// `03…` 2003, as `parse` accepts only 85–99 and 00–03 there).
    pub fn year(&self) -> i32 {
        let digits = self.0.as_bytes();
        let value = |range: std::ops::Range<usize>| {
            digits[range]
                .iter()
                .fold(0, |n, d| n * 10 + i32::from(d - b'0'))
        };
        if self.0.len() == 14 {
            value(0..4)
        } else {
            match value(0..2) {
                yy @ 85..=99 => 1900 + yy,
                yy => 2000 + yy,
            }
        }
    }
}

/// The kind from the type digit: the 5th of the 12 digits, or the 3rd of the old 8 digits.
fn kind_of(digits: &str) -> Option<PatentKind> {
    let position = if digits.len() == 12 { 4 } else { 2 };
    PatentKind::from_digit(*digits.as_bytes().get(position)?)
}

/// The check character for 12 (or, old form, 8) digits.
fn check_char(digits: &str) -> char {
    // The old form's weights 2..9 are the first eight of these, so `zip` serves both.
    const WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    match sum % 11 {
        10 => 'X',
        r => char::from(b'0' + r as u8),
    }
}

identifier!(PatentApplicationNumber, PatentNumberError);

impl PatentNumberError {
    fn texts(&self, t: &PatentIdTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("patent_number.empty", t.patent_number_empty),
            Self::TooLong => ("patent_number.too_long", t.patent_number_too_long),
            Self::InvalidCharacter => (
                "patent_number.invalid_character",
                t.patent_number_invalid_character,
            ),
            Self::WrongLength => ("patent_number.wrong_length", t.patent_number_wrong_length),
            Self::MissingCheckCharacter => (
                "patent_number.missing_check_character",
                t.patent_number_missing_check_character,
            ),
            Self::InvalidYear => ("patent_number.year", t.patent_number_year),
            Self::UnknownType => ("patent_number.type", t.patent_number_type),
            Self::CheckDigitMismatch { .. } => {
                ("patent_number.check_digit", t.patent_number_check_digit)
            }
        }
    }
}

localized_error!(PatentNumberError, patent_id_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::reading::testing::{assert_refusals, assert_serde_round_trip};
    use PatentNumberError as E;

    fn parsed(input: &str) -> Result<String, PatentNumberError> {
        PatentApplicationNumber::parse(input).map(String::from)
    }

    #[test]
    fn domain_vectors_are_valid_and_normalised() {
        for (input, normal, kind) in [
            ("200710308494.X", "200710308494.X", PatentKind::Invention),
            (
                "2012 2 0687633.0",
                "201220687633.0",
                PatentKind::UtilityModel,
            ),
            ("2013 1 0699744.2", "201310699744.2", PatentKind::Invention),
            (
                "CN 2010 8 0063196.9",
                "201080063196.9",
                PatentKind::PctInvention,
            ),
            ("90101673.X", "90101673.X", PatentKind::Invention),
        ] {
            let number = PatentApplicationNumber::parse(input).unwrap();
            assert_eq!(number.as_str(), normal, "{input}");
            assert_eq!(number.kind(), kind, "{input}");
        }
    }

    #[test]
    fn more_valid_numbers_and_kinds() {
        // Check characters computed with the weights above, e.g. 2013 3 0123456:
        // 2·2+0·3+1·4+3·5+3·6+0·7+1·8+2·9+3·2+4·3+5·4+6·5 = 135 = 12·11 + 3 → 3.
        for (input, kind) in [
            ("201330123456.3", PatentKind::Design),
            ("201590123456.5", PatentKind::PctUtilityModel),
            ("88100001.9", PatentKind::Invention),
            ("93200123.8", PatentKind::UtilityModel),
            ("03100001.0", PatentKind::Invention),
            ("198510000001.9", PatentKind::Invention),
            ("210010000001.7", PatentKind::Invention),
        ] {
            let number = PatentApplicationNumber::parse(input).unwrap();
            assert_eq!(number.as_str(), input);
            assert_eq!(number.kind(), kind, "{input}");
        }
    }

    #[test]
    fn the_year_is_read_from_either_form() {
        for (input, year) in [
            ("201330123456.3", 2013),
            ("198510000001.9", 1985),
            ("88100001.9", 1988),
            ("03100001.0", 2003),
        ] {
            let number = PatentApplicationNumber::parse(input).unwrap();
            assert_eq!(number.year(), year, "{input}");
        }
        assert_eq!(
            PatentKind::from_code("utility_model"),
            Some(PatentKind::UtilityModel)
        );
        assert_eq!(
            serde_json::to_string(&PatentKind::PctInvention).unwrap(),
            "\"pct_invention\""
        );
    }

    #[test]
    fn normalises_prefixes_spaces_dots_full_width_and_case() {
        for input in [
            "201220687633.0",
            "2012206876330",
            "CN201220687633.0",
            "ZL201220687633.0",
            "ZL 2012 2 0687633.0",
            "zl 2012 2 0687633 . 0",
            "cn2012 2 0687633.0",
            "  2012  2  0687633.0  ",
            "２０１２２０６８７６３３．０",
            "ＣＮ　２０１２　２　０６８７６３３．０",
            "201220687633。0",
        ] {
            assert_eq!(parsed(input).as_deref(), Ok("201220687633.0"), "{input}");
        }
        assert_eq!(parsed("200710308494.x").as_deref(), Ok("200710308494.X"));
        assert_eq!(parsed("200710308494X").as_deref(), Ok("200710308494.X"));
        assert_eq!(parsed("200710308494．ｘ").as_deref(), Ok("200710308494.X"));
        assert_eq!(parsed("ZL 90101673X").as_deref(), Ok("90101673.X"));
    }

    #[test]
    fn wrong_check_character_for_each_vector() {
        for (input, expected) in [
            ("200710308494.0", 'X'),
            ("2012 2 0687633.1", '0'),
            ("2013 1 0699744.X", '2'),
            ("CN 2010 8 0063196.8", '9'),
            ("90101673.1", 'X'),
            // One mistyped digit: 2012 2 0687634 has check character 5, not 0.
            ("2012 2 0687634.0", '5'),
        ] {
            assert_eq!(
                parsed(input),
                Err(E::CheckDigitMismatch { expected }),
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_malformed_numbers() {
        assert_refusals(
            parsed,
            [
                ("", E::Empty),
                ("  　 ", E::Empty),
                ("CN", E::WrongLength),
                ("2012206876.0", E::WrongLength),
                ("20122068763300.0", E::WrongLength),
                ("9010167.3", E::WrongLength),
                ("201220687633.00", E::WrongLength),
                ("2012.2068763.0", E::WrongLength),
                ("201220687633", E::MissingCheckCharacter),
                ("201220687633.", E::MissingCheckCharacter),
                ("90101673", E::MissingCheckCharacter),
                ("2012 2 068763A.0", E::InvalidCharacter),
                ("US201220687633.0", E::InvalidCharacter),
                ("CN201220687633U", E::InvalidCharacter),
                ("2012-2-0687633.0", E::InvalidCharacter),
                ("20122068763X.0", E::InvalidCharacter),
                ("201220687633.0.", E::WrongLength),
                ("201220687633..", E::InvalidCharacter),
                ("２０１２２０６８７６３３．Ａ", E::InvalidCharacter),
                // Type digits 4 and 7 (check characters correct for the digits).
                ("201240687633.1", E::UnknownType),
                ("201270687633.8", E::UnknownType),
                ("90501673.0", E::UnknownType),
                // Years 1984 and, old form, 1984 and 2004.
                ("198410000001.4", E::InvalidYear),
                ("84100001.8", E::InvalidYear),
                ("04100001.3", E::InvalidYear),
            ],
            '2',
            E::TooLong,
        );
    }

    #[test]
    fn serde_round_trip_validates() {
        assert_serde_round_trip(
            &PatentApplicationNumber::parse("CN 2010 8 0063196.9").unwrap(),
            r#""201080063196.9""#,
            &[r#""cn 2010 8 0063196.9""#],
            &[r#""201080063196.8""#, "2010800631969"],
        );
    }

    #[test]
    fn display_as_ref_and_from_str_give_the_normal_form() {
        let number: PatentApplicationNumber = "2012 2 0687633.0".parse().unwrap();
        assert_eq!(number.to_string(), "201220687633.0");
        assert_eq!(number.as_ref(), "201220687633.0");
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "patent_number.",
            &[
                E::Empty,
                E::TooLong,
                E::InvalidCharacter,
                E::WrongLength,
                E::MissingCheckCharacter,
                E::InvalidYear,
                E::UnknownType,
                E::CheckDigitMismatch { expected: 'X' },
            ],
        );
    }
}
