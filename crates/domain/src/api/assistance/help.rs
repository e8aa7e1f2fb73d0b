//! Checking the help section: the kinds of assistance wanted and notes.

use super::answers::{blank, optional_text, Check, Help, Problems};
use super::choices::AssistanceType;
use super::draft::HelpDraft;
use super::errors::AssistanceError;
use super::limits::MAX_HELP_NOTES_CHARS;

impl HelpDraft {
    pub fn is_blank(&self) -> bool {
        self.types.iter().all(|t| t.trim().is_empty()) && blank(&self.notes)
    }

    pub fn parse(&self) -> Result<Help, Problems> {
        let mut check = Check::default();
        let mut types = Vec::new();
        let mut unknown = false;
        for code in self
            .types
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        {
            match AssistanceType::from_code(code) {
                Some(t) => types.push(t),
                None => unknown = true,
            }
        }
        types.sort();
        types.dedup();
        if unknown {
            check
                .problems
                .push(("help.types", AssistanceError::AssistanceTypeUnknown));
        } else if types.is_empty() {
            check
                .problems
                .push(("help.types", AssistanceError::AssistanceTypeMissing));
        }
        let notes = check.take(
            "help.notes",
            optional_text(&self.notes, MAX_HELP_NOTES_CHARS),
        );
        check.done(notes.map(|notes| Help { types, notes }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::codes;
    use super::*;

    #[test]
    fn help_needs_known_types() {
        let help = |types: &[&str]| HelpDraft {
            types: types.iter().map(|t| t.to_string()).collect(),
            notes: None,
        };
        assert_eq!(
            help(&["overseas", "expert_review"]).parse().unwrap().types,
            [AssistanceType::ExpertReview, AssistanceType::Overseas]
        );
        assert_eq!(
            codes(&help(&[" "]).parse().unwrap_err()),
            [("help.types", "assistance.assistance_type_missing")]
        );
        assert_eq!(
            codes(&help(&["consultation", "lawsuit"]).parse().unwrap_err()),
            [("help.types", "assistance.assistance_type_unknown")]
        );
    }
}
