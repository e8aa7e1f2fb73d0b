//! The applications pre-examination does not take, each asked as a plain yes/no question
//! (FAST_TRACK.md, "Pre-examination request": PCT national phase, divisional applications, the
//! same invention filed the same day as a utility model, cases needing secrecy examination, and
//! applications already filed). "Yes" to any of them refuses the request with its reason; the
//! firm may still file through the normal route.

use serde::{Deserialize, Serialize};

use super::errors::PreExamError as E;
use crate::ids::PatentKind;

/// One exclusion question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// A PCT international application entering the Chinese national phase.
    PctNationalPhase,
    /// A divisional application (分案申请).
    Divisional,
    /// The same invention applied for as both a utility model and an invention on the same day.
    SameDayFiling,
    /// It needs a secrecy examination (保密审查).
    SecrecyExamination,
    /// Already filed with the national office: it has an application number or a filing date.
    AlreadyFiled,
}

impl Exclusion {
    pub const ALL: [Exclusion; 5] = [
        Exclusion::PctNationalPhase,
        Exclusion::Divisional,
        Exclusion::SameDayFiling,
        Exclusion::SecrecyExamination,
        Exclusion::AlreadyFiled,
    ];

    /// The answer's field in `PreExamAnswers` and in problems.
    pub fn field(self) -> &'static str {
        match self {
            Exclusion::PctNationalPhase => "pct_national_phase",
            Exclusion::Divisional => "divisional",
            Exclusion::SameDayFiling => "same_day_filing",
            Exclusion::SecrecyExamination => "needs_secrecy_examination",
            Exclusion::AlreadyFiled => "already_filed",
        }
    }

    /// Whether the question is asked of a kind (not known yet: asked). A design is never filed
    /// as a utility model or an invention, so it is not asked about a same-day filing.
    pub fn asked(self, kind: Option<PatentKind>) -> bool {
        self != Exclusion::SameDayFiling || kind != Some(PatentKind::Design)
    }

    /// The refusal of a "yes", with its reason.
    pub fn refusal(self) -> E {
        match self {
            Exclusion::PctNationalPhase => E::ExcludedPct,
            Exclusion::Divisional => E::ExcludedDivisional,
            Exclusion::SameDayFiling => E::ExcludedSameDay,
            Exclusion::SecrecyExamination => E::ExcludedSecrecy,
            Exclusion::AlreadyFiled => E::ExcludedAlreadyFiled,
        }
    }

    /// The exclusions the answers run into, each with its refusal, and the questions asked but
    /// not answered: `answer` gives the firm's answer to each (see
    /// `PreExamAnswers::exclusion`).
    pub fn check(
        kind: Option<PatentKind>,
        answer: impl Fn(Exclusion) -> Option<bool>,
    ) -> (Vec<(&'static str, E)>, Vec<&'static str>) {
        let asked = || Self::ALL.into_iter().filter(|x| x.asked(kind));
        let refused = asked()
            .filter(|x| answer(*x) == Some(true))
            .map(|x| (x.field(), x.refusal()))
            .collect();
        let unanswered = asked()
            .filter(|x| answer(*x).is_none())
            .map(Exclusion::field)
            .collect();
        (refused, unanswered)
    }
}
