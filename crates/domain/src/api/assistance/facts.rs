//! Checking the facts section: what happened, when it was discovered and the estimated loss
//! (read in yuan, kept in fen).

use super::answers::{blank, optional_text, required_text, Check, Facts, Problems};
use super::draft::FactsDraft;
use super::errors::AssistanceError;
use super::limits::{MAX_DESCRIPTION_CHARS, MAX_LOSS_FEN, MAX_OTHER_ACTIONS_CHARS};
use crate::calendar::{Date, DateError};

impl FactsDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.description)
            && blank(&self.discovered_on)
            && blank(&self.estimated_loss)
            && blank(&self.other_actions)
    }

    /// Checks the section; the discovery date cannot be after `today`.
    pub fn parse(&self, today: Date) -> Result<Facts, Problems> {
        let mut check = Check::default();
        let description = check.take(
            "facts.description",
            required_text(
                &self.description,
                MAX_DESCRIPTION_CHARS,
                AssistanceError::DescriptionMissing,
            ),
        );
        let discovered_on = check.take(
            "facts.discovered_on",
            match Date::parse(self.discovered_on.as_deref().unwrap_or("")) {
                Err(DateError::Empty) => Err(AssistanceError::DiscoveredOnMissing),
                Err(e) => Err(AssistanceError::Date(e)),
                Ok(date) if date > today => Err(AssistanceError::DiscoveredInFuture),
                Ok(date) => Ok(date),
            },
        );
        let estimated_loss_fen =
            check.take("facts.estimated_loss", parse_loss(&self.estimated_loss));
        let other_actions = check.take(
            "facts.other_actions",
            optional_text(&self.other_actions, MAX_OTHER_ACTIONS_CHARS),
        );
        let value = match (
            description,
            discovered_on,
            estimated_loss_fen,
            other_actions,
        ) {
            (Some(description), Some(discovered_on), Some(estimated_loss_fen), Some(other)) => {
                Some(Facts {
                    description,
                    discovered_on,
                    estimated_loss_fen,
                    other_actions: other,
                })
            }
            _ => None,
        };
        check.done(value)
    }
}

/// An amount in yuan as people write it (`50000`, `12,345.6`, `１２３４５元`, `¥800`) in fen.
/// At most two decimals and 13 digits before the point.
fn parse_loss(value: &Option<String>) -> Result<Option<i64>, AssistanceError> {
    let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.len() > 64 {
        return Err(AssistanceError::LossTooLarge);
    }
    let s: String = value
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3002}' => '.',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '¥' | '￥'))
        .collect();
    let s = s.strip_suffix("元").unwrap_or(&s);
    let s = s.strip_prefix("RMB").unwrap_or(s);
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
        return Err(AssistanceError::LossInvalid);
    }
    if s.contains('.') && fraction.is_empty() {
        return Err(AssistanceError::LossInvalid);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 13 {
        return Err(AssistanceError::LossTooLarge);
    }
    let yuan: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AssistanceError::LossTooLarge)?
    };
    let fen: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| AssistanceError::LossInvalid)?;
    let total = yuan * 100 + fen;
    if total > MAX_LOSS_FEN {
        return Err(AssistanceError::LossTooLarge);
    }
    Ok(Some(total))
}

/// Fen as yuan with two decimals: `5000000` → `50000.00`.
pub fn format_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{codes, d, s};
    use super::*;
    use crate::lang::{Lang, Localized};

    #[test]
    fn facts_dates_and_amounts() {
        let facts = |date: &str, loss: &str| FactsDraft {
            description: s("经过"),
            discovered_on: s(date),
            estimated_loss: s(loss),
            other_actions: None,
        };
        let today = d("2026-09-21");
        let loss = |input: &str| {
            facts("2026-09-21", input)
                .parse(today)
                .map(|f| f.estimated_loss_fen)
                .map_err(|e| codes(&e)[0].1)
        };
        assert_eq!(loss(""), Ok(None));
        assert_eq!(loss("50000"), Ok(Some(5_000_000)));
        assert_eq!(loss(" 12,345.6 "), Ok(Some(1_234_560)));
        assert_eq!(loss("￥800.05"), Ok(Some(80_005)));
        assert_eq!(loss("0"), Ok(Some(0)));
        assert_eq!(loss("5万"), Err("assistance.loss_invalid"));
        assert_eq!(loss("-3"), Err("assistance.loss_invalid"));
        assert_eq!(loss("1.234"), Err("assistance.loss_invalid"));
        assert_eq!(loss("12."), Err("assistance.loss_invalid"));
        assert_eq!(loss("99999999999999"), Err("assistance.loss_too_large"));
        assert_eq!(format_yuan(1_234_560), "12345.60");
        let date = |input: &str| {
            facts(input, "")
                .parse(today)
                .map(|f| f.discovered_on)
                .map_err(|e| codes(&e)[0].1)
        };
        assert_eq!(date("2026-09-21"), Ok(today));
        assert_eq!(date("2026-09-22"), Err("assistance.discovered_in_future"));
        assert_eq!(date("2026/09/01"), Err("date.format"));
        assert_eq!(date(""), Err("assistance.discovered_on_missing"));
        let long = FactsDraft {
            description: s(&"字".repeat(2001)),
            ..facts("2026-09-01", "")
        };
        assert_eq!(
            codes(&long.parse(today).unwrap_err()),
            [("facts.description", "assistance.too_long")]
        );
        assert!(AssistanceError::TooLong { max: 2000 }
            .message(Lang::Zh)
            .contains("2000"));
    }
}
