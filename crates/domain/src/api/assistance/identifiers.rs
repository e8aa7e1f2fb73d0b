//! Identifiers an assistance request is found by: its `WQ-` reference (read as an assistance
//! field error) and the id of a GI product.

use super::errors::AssistanceError;
use crate::reference::{AssistanceReference, ReferenceProblem};

impl AssistanceReference {
    /// Reads a reference as people type it (see [`AssistanceReference::read`]), with what is
    /// wrong as an assistance field error.
    pub fn parse(input: &str) -> Result<AssistanceReference, AssistanceError> {
        AssistanceReference::read(input).map_err(|problem| match problem {
            ReferenceProblem::Missing => AssistanceError::ReferenceMissing,
            ReferenceProblem::Format => AssistanceError::ReferenceFormat,
        })
    }
}

/// The id of a product in the GI lookup (`GET /api/v1/gi/products/{id}`): `GI` and 5 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GiId(pub(super) String);

impl GiId {
    pub fn parse(input: &str) -> Result<GiId, AssistanceError> {
        let s: String = input
            .trim()
            .chars()
            .take(20)
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.is_empty() {
            return Err(AssistanceError::GiMissing);
        }
        match s.strip_prefix("GI") {
            Some(digits) if digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(GiId(s))
            }
            _ => Err(AssistanceError::GiFormat),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::super::after_submission::AssistanceLookupRequest;
    use super::super::test_fixtures::{codes, s};
    use super::*;

    #[test]
    fn references_carry_the_wq_prefix() {
        let reference = AssistanceReference::from_random(0x1234_5678_9ABC);
        let shown = reference.to_string();
        assert!(shown.starts_with("WQ-"));
        assert_eq!(shown.len(), 12);
        for input in [
            shown.clone(),
            shown.to_lowercase(),
            shown.replace('-', " "),
            reference.compact().to_owned(),
            format!("WQ{}", reference.compact()),
        ] {
            assert_eq!(
                AssistanceReference::parse(&input),
                Ok(reference.clone()),
                "{input}"
            );
        }
        assert_eq!(
            AssistanceReference::parse(" "),
            Err(AssistanceError::ReferenceMissing)
        );
        for bad in [
            "WQ-K7QX-M2P",
            "WQ-K0QX-M2PD",
            "XX-K7QX-M2PD",
            &"W".repeat(200),
        ] {
            assert_eq!(
                AssistanceReference::parse(bad),
                Err(AssistanceError::ReferenceFormat),
                "{bad}"
            );
        }
        let lookup = AssistanceLookupRequest {
            reference: Some(shown),
            mobile: s("138 1234 5678"),
        };
        assert!(lookup.parse().is_ok());
        assert_eq!(
            codes(&AssistanceLookupRequest::default().parse().unwrap_err()),
            [
                ("reference", "assistance.reference_missing"),
                ("mobile", "mobile_number.empty")
            ]
        );
    }
}
