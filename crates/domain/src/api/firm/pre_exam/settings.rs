//! The pre-examination's administrator data: its time limits and the yearly quota of requests a
//! firm may file. The center has published none of them, so every default here is illustrative
//! (pages say "illustrative — to be confirmed by the center"); the figures come from the
//! third-party pages `../shared/FAST_TRACK.md` quotes, each at the upper end of the range seen.
//!
//! A type of its own rather than more fields of [`super::super::registration::FastTrackSettings`]:
//! that one is saved whole by the registration settings page (`PUT` of every field), which would
//! put back the defaults of any field it does not know; pre-examination settings get their own
//! route ([`crate::paths::STAFF_PRE_EXAM_SETTINGS`]).

use serde::{Deserialize, Serialize};

use super::errors::PreExamError as E;
use super::Problems;
use crate::ids::PatentKind;

/// Largest time limit accepted, in working days (three months of them: a typing slip beyond).
pub const MAX_LIMIT_WORKING_DAYS: u32 = 60;
/// Largest yearly quota accepted.
pub const MAX_YEARLY_QUOTA: u32 = 10_000;

/// The working days the center has for its first opinion (or its decision), by patent kind:
/// a design is quickest to examine, an invention slowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionLimits {
    pub invention: u32,
    pub utility_model: u32,
    pub design: u32,
}

/// `GET`/`PUT /api/v1/staff/fast-track/pre-exam-settings`; the firm's answers carry them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamSettings {
    /// From submission to 受理 or 不予受理.
    pub acceptance_working_days: u32,
    /// From acceptance (or the firm's reply) to the opinion or the decision.
    pub opinion_working_days: OpinionLimits,
    /// For the firm to reply to an opinion; no reply in time and the request counts as
    /// withdrawn (视为撤回).
    pub reply_working_days: u32,
    /// From 预审合格 for the firm to file with the national office and report the application
    /// number and filing date.
    pub report_working_days: u32,
    /// Requests a firm may submit in a calendar year unless the center sets its own figure (and
    /// before any extra quota it grants on request, 增量额度).
    pub yearly_quota: u32,
}

impl Default for PreExamSettings {
    /// Illustrative, from FAST_TRACK.md ("Time limits seen (third-party pages, not official)"):
    /// acceptance 1–2 working days → 2; first opinion design ≤ 5, utility model ≤ 7, invention
    /// ≤ 10 working days; reply 2–3 working days → 3; filing with the national office "about 10
    /// days" → 10 working days (every limit here counts working days). The quota: no figure is
    /// published anywhere (广东 sets one per firm from last year's passes); 50 is a round number
    /// for the center to replace.
    fn default() -> Self {
        PreExamSettings {
            acceptance_working_days: 2,
            opinion_working_days: OpinionLimits {
                invention: 10,
                utility_model: 7,
                design: 5,
            },
            reply_working_days: 3,
            report_working_days: 10,
            yearly_quota: 50,
        }
    }
}

impl PreExamSettings {
    /// The opinion limit of a kind (a PCT kind, never accepted for pre-examination, as its base).
    pub fn opinion_working_days(&self, kind: PatentKind) -> u32 {
        let l = &self.opinion_working_days;
        match kind {
            PatentKind::Invention | PatentKind::PctInvention => l.invention,
            PatentKind::UtilityModel | PatentKind::PctUtilityModel => l.utility_model,
            PatentKind::Design => l.design,
        }
    }

    /// Every value outside its range, each at its field (zero is never a time limit: a limit
    /// of zero days would be due the day it starts).
    pub fn problems(&self) -> Problems {
        let o = &self.opinion_working_days;
        [
            ("acceptance_working_days", self.acceptance_working_days),
            ("opinion_working_days.invention", o.invention),
            ("opinion_working_days.utility_model", o.utility_model),
            ("opinion_working_days.design", o.design),
            ("reply_working_days", self.reply_working_days),
            ("report_working_days", self.report_working_days),
        ]
        .into_iter()
        .map(|(name, value)| (name, value, MAX_LIMIT_WORKING_DAYS))
        .chain([("yearly_quota", self.yearly_quota, MAX_YEARLY_QUOTA)])
        .filter(|(_, value, max)| !(1..=*max).contains(value))
        .map(|(name, _, max)| (name.to_string(), E::OutOfRange(max)))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_upper_ends_of_the_figures_seen_and_valid() {
        let s = PreExamSettings::default();
        assert!(s.problems().is_empty());
        assert_eq!(s.acceptance_working_days, 2);
        assert_eq!(s.opinion_working_days(PatentKind::Design), 5);
        assert_eq!(s.opinion_working_days(PatentKind::UtilityModel), 7);
        assert_eq!(s.opinion_working_days(PatentKind::Invention), 10);
        assert_eq!(s.reply_working_days, 3);
    }

    #[test]
    fn every_value_out_of_range_is_named() {
        let mut s = PreExamSettings {
            acceptance_working_days: 0,
            yearly_quota: 10_001,
            ..Default::default()
        };
        s.opinion_working_days.design = 61;
        assert_eq!(
            s.problems(),
            vec![
                ("acceptance_working_days".to_string(), E::OutOfRange(60)),
                ("opinion_working_days.design".to_string(), E::OutOfRange(60)),
                ("yearly_quota".to_string(), E::OutOfRange(10_000)),
            ]
        );
    }
}
