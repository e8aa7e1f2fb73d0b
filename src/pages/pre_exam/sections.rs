//! The parts of a draft, as the task list shows them: three of questions and the documents;
//! which answers each holds, and how far along each is (from the domain's own checks, so the
//! list says "needs correcting" exactly when submitting would be refused there).

use portal_domain::api::firm::pre_exam::{
    documents_for, missing_documents, Exclusion, FirmPreExam, PreExamAnswers,
};

use super::texts::Tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Application,
    Exclusions,
    Details,
    Documents,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    NotStarted,
    InProgress,
    HasProblems,
    Completed,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Application,
        Section::Exclusions,
        Section::Details,
        Section::Documents,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Application => "application",
            Section::Exclusions => "exclusions",
            Section::Details => "details",
            Section::Documents => "documents",
        }
    }

    pub fn from_code(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Tr {
        match self {
            Section::Application => |t| t.section_application,
            Section::Exclusions => |t| t.section_exclusions,
            Section::Details => |t| t.section_details,
            Section::Documents => |t| t.section_documents,
        }
    }

    /// Whether an answer (or a problem's field, `documents.claims`) belongs to this part.
    pub fn owns(self, field: &str) -> bool {
        match self {
            Section::Application => matches!(field, "venue" | "kind" | "classification"),
            Section::Exclusions => Exclusion::ALL.iter().any(|x| x.field() == field),
            Section::Details => {
                matches!(field, "title" | "inventors" | "summary" | "co_applicants")
            }
            Section::Documents => field.starts_with("documents."),
        }
    }

    /// The part a problem's field belongs to (the first part when none claims it).
    pub fn of(field: &str) -> Section {
        Section::ALL
            .into_iter()
            .find(|s| s.owns(field))
            .unwrap_or(Section::Application)
    }

    /// How far along the part is.
    pub fn state(self, d: &FirmPreExam) -> State {
        let a = &d.answers;
        let problems = a.problems(&d.fields).iter().any(|(f, _)| self.owns(f));
        if problems {
            return State::HasProblems;
        }
        let missing = match self {
            Section::Documents => {
                let need = documents_for(a);
                if need.is_empty() {
                    return State::NotStarted;
                }
                let missing = missing_documents(&d.files, &need).len();
                return match missing {
                    0 => State::Completed,
                    n if n == need.len() => State::NotStarted,
                    _ => State::InProgress,
                };
            }
            _ => a.missing().into_iter().filter(|f| self.owns(f)).count(),
        };
        if missing == 0 {
            State::Completed
        } else if self.answered(a) {
            State::InProgress
        } else {
            State::NotStarted
        }
    }

    /// Whether any of the part's questions has an answer.
    fn answered(self, a: &PreExamAnswers) -> bool {
        match self {
            Section::Application => {
                a.venue.is_some() || a.kind.is_some() || a.classification.is_some()
            }
            Section::Exclusions => Exclusion::ALL.iter().any(|x| a.exclusion(*x).is_some()),
            Section::Details => {
                a.title.is_some()
                    || a.summary.is_some()
                    || !a.inventors.is_empty()
                    || !a.co_applicants.is_empty()
            }
            Section::Documents => false,
        }
    }
}

impl State {
    pub fn label(self) -> Tr {
        match self {
            State::NotStarted => |t| t.state_not_started,
            State::InProgress => |t| t.state_in_progress,
            State::HasProblems => |t| t.state_has_problems,
            State::Completed => |t| t.state_completed,
        }
    }
}
