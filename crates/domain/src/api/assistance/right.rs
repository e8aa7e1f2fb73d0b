//! Checking the right section: its type, its number read by the rule of that type, its title,
//! holder and legal status.

use super::answers::{blank, optional_line, required_line, Check, Problems, Right};
use super::choices::{LegalStatus, NumberRule, RightType};
use super::draft::RightDraft;
use super::errors::AssistanceError;
use super::identifiers::GiId;
use super::limits::{MAX_HOLDER_CHARS, MAX_REGISTRATION_NUMBER_CHARS, MAX_TITLE_CHARS};
use crate::ids::{PatentApplicationNumber, PatentKind, TrademarkNumber};

impl RightDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.right_type)
            && blank(&self.number)
            && blank(&self.title)
            && blank(&self.holder)
            && blank(&self.legal_status)
    }

    /// Checks the section; `gi_exists` says whether a GI id is in the GI lookup.
    pub fn parse(&self, gi_exists: &dyn Fn(&GiId) -> bool) -> Result<Right, Problems> {
        let mut check = Check::default();
        let right_type = check.take(
            "right.type",
            match self.right_type.as_deref().map(str::trim) {
                None | Some("") => Err(AssistanceError::RightTypeMissing),
                Some(code) => RightType::from_code(code).ok_or(AssistanceError::RightTypeUnknown),
            },
        );
        let legal_status = match self.legal_status.as_deref().map(str::trim) {
            None | Some("") => Err(AssistanceError::LegalStatusMissing),
            Some(code) => LegalStatus::from_code(code).ok_or(AssistanceError::LegalStatusUnknown),
        };
        let number = right_type.and_then(|right_type| {
            let status = legal_status.as_ref().ok().copied();
            check.take(
                "right.number",
                parse_right_number(right_type, status, &self.number, gi_exists),
            )
        });
        let title = check.take("right.title", optional_line(&self.title, MAX_TITLE_CHARS));
        let holder = check.take(
            "right.holder",
            required_line(
                &self.holder,
                MAX_HOLDER_CHARS,
                AssistanceError::HolderMissing,
            ),
        );
        let legal_status = check.take(
            "right.legal_status",
            legal_status.and_then(|status| match right_type {
                Some(t) if t.needs_grant() && status == LegalStatus::NotRegistered => {
                    Err(AssistanceError::LegalStatusNotPossible)
                }
                _ => Ok(status),
            }),
        );
        let value = match (right_type, number, title, holder, legal_status) {
            (Some(right_type), Some(number), Some(title), Some(holder), Some(legal_status)) => {
                Some(Right {
                    right_type,
                    number,
                    title,
                    holder,
                    legal_status,
                })
            }
            _ => None,
        };
        check.done(value)
    }
}

/// The number of a right by its type's [`NumberRule`]; `Ok(None)` where there is none.
fn parse_right_number(
    right_type: RightType,
    legal_status: Option<LegalStatus>,
    value: &Option<String>,
    gi_exists: &dyn Fn(&GiId) -> bool,
) -> Result<Option<String>, AssistanceError> {
    let input = value.as_deref().unwrap_or("");
    match right_type.number_rule() {
        NumberRule::PatentApplication => {
            let number =
                PatentApplicationNumber::parse(input).map_err(AssistanceError::PatentNumber)?;
            let matches = match number.kind() {
                PatentKind::Invention | PatentKind::PctInvention => {
                    right_type == RightType::InventionPatent
                }
                PatentKind::UtilityModel | PatentKind::PctUtilityModel => {
                    right_type == RightType::UtilityModelPatent
                }
                PatentKind::Design => right_type == RightType::DesignPatent,
            };
            if !matches {
                return Err(AssistanceError::PatentKindMismatch {
                    number_kind: number.kind(),
                    chosen: right_type,
                });
            }
            Ok(Some(number.to_string()))
        }
        NumberRule::Trademark => {
            if input.trim().is_empty() && legal_status == Some(LegalStatus::NotRegistered) {
                return Ok(None);
            }
            TrademarkNumber::parse(input)
                .map(|n| Some(n.to_string()))
                .map_err(AssistanceError::TrademarkNumber)
        }
        NumberRule::GiProduct => {
            let id = GiId::parse(input)?;
            if !gi_exists(&id) {
                return Err(AssistanceError::GiUnknown);
            }
            Ok(Some(id.0))
        }
        NumberRule::Registration => required_line(
            value,
            MAX_REGISTRATION_NUMBER_CHARS,
            AssistanceError::RegistrationNumberMissing,
        )
        .map(Some),
        NumberRule::OptionalRegistration => optional_line(value, MAX_REGISTRATION_NUMBER_CHARS),
        NumberRule::None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{codes, known_gi, right, s};
    use super::*;
    use crate::lang::{Lang, Localized};

    fn right_codes(draft: RightDraft) -> Result<Option<String>, Vec<(&'static str, &'static str)>> {
        draft
            .parse(&known_gi)
            .map(|r| r.number)
            .map_err(|e| codes(&e))
    }

    #[test]
    fn right_numbers_follow_their_type() {
        // Patents: the DOMAIN.md vectors, with the type digit matching the kind chosen.
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("200710308494.X"),
                "in_force"
            )),
            Ok(s("200710308494.X"))
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("CN 2010 8 0063196.9"),
                "pending"
            )),
            Ok(s("201080063196.9")),
            "PCT national phase counts as an invention"
        );
        assert_eq!(
            right_codes(right("design_patent", Some("2013 3 0123456.3"), "in_force")),
            Ok(s("201330123456.3"))
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("2013 1 0699744.3"),
                "in_force"
            )),
            Err(vec![("right.number", "patent_number.check_digit")])
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("2012 2 0687633.0"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.patent_kind_mismatch")])
        );
        let mismatch = right("invention_patent", Some("2012 2 0687633.0"), "in_force")
            .parse(&known_gi)
            .unwrap_err();
        assert!(mismatch[0].1.message(Lang::Zh).contains("实用新型专利"));
        assert!(mismatch[0].1.message(Lang::En).contains("utility model"));
        assert_eq!(
            right_codes(right("utility_model_patent", None, "in_force")),
            Err(vec![("right.number", "patent_number.empty")])
        );
        assert_eq!(
            right_codes(right("design_patent", Some("x"), "not_registered")),
            Err(vec![
                ("right.number", "patent_number.wrong_length"),
                ("right.legal_status", "assistance.legal_status_not_possible")
            ])
        );

        // Trademarks: the number is needed unless the mark is not registered.
        assert_eq!(
            right_codes(right("trademark", Some("第12345678号"), "in_force")),
            Ok(s("12345678"))
        );
        assert_eq!(
            right_codes(right("trademark", None, "in_force")),
            Err(vec![("right.number", "trademark_number.empty")])
        );
        assert_eq!(
            right_codes(right("trademark", None, "not_registered")),
            Ok(None)
        );

        // GIs: an id of the GI lookup that exists.
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some(" gi00842 "),
                "in_force"
            )),
            Ok(s("GI00842"))
        );
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some("GI99999"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.gi_unknown")])
        );
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some("如皋黄鸡"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.gi_format")])
        );
        assert_eq!(
            right_codes(right("geographical_indication", None, "in_force")),
            Err(vec![("right.number", "assistance.gi_missing")])
        );

        // Numbers without a known format; trade secrets have none.
        assert_eq!(
            right_codes(right("copyright", None, "not_registered")),
            Ok(None)
        );
        assert_eq!(
            right_codes(right(
                "copyright",
                Some("国作登字-2020-F-00012345"),
                "in_force"
            )),
            Ok(s("国作登字-2020-F-00012345"))
        );
        assert_eq!(
            right_codes(right("plant_variety", None, "in_force")),
            Err(vec![(
                "right.number",
                "assistance.registration_number_missing"
            )])
        );
        assert_eq!(
            right_codes(right("ic_layout_design", Some(&"1".repeat(51)), "in_force")),
            Err(vec![("right.number", "assistance.too_long")])
        );
        assert_eq!(
            right_codes(right("trade_secret", Some("whatever"), "not_registered")),
            Ok(None)
        );
        assert_eq!(
            right_codes(right("software", None, "lost")),
            Err(vec![
                ("right.type", "assistance.right_type_unknown"),
                ("right.legal_status", "assistance.legal_status_unknown")
            ])
        );
        for right_type in RightType::ALL {
            assert_eq!(RightType::from_code(right_type.code()), Some(*right_type));
        }
    }
}
