//! A firm's yearly quota of pre-examination requests: the center's default
//! ([`PreExamSettings::yearly_quota`]) or the figure it set for the firm, plus any extra quota it
//! granted on request (增量额度, as 广东 does: FAST_TRACK.md, "Quotas"). A firm within its quota
//! may submit; one that has used it is refused with [`E::QuotaUsed`], whose code
//! (`pre_exam.quota_used`) the firm's pages turn into the way to ask for more.

use serde::{Deserialize, Serialize};

use super::errors::PreExamError as E;
use super::settings::PreExamSettings;

/// Where a firm stands with its quota in one calendar year (`GET /api/v1/firm/pre-exams`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quota {
    pub year: i32,
    /// The yearly quota: the firm's own figure if the center set one, else the default.
    pub allowance: u32,
    /// Extra quota granted this year on the firm's request (增量额度).
    pub extra: u32,
    /// Requests submitted this year, whatever became of them: a request refused or withdrawn
    /// used the center's time too, and filing it again must not get round the quota.
    pub used: u32,
}

impl Quota {
    /// The quota of a firm for `year`: `own` is the figure the center set for it, if any.
    pub fn new(
        year: i32,
        settings: &PreExamSettings,
        own: Option<u32>,
        extra: u32,
        used: u32,
    ) -> Quota {
        Quota {
            year,
            allowance: own.unwrap_or(settings.yearly_quota),
            extra,
            used,
        }
    }

    pub fn total(&self) -> u32 {
        self.allowance.saturating_add(self.extra)
    }

    pub fn remaining(&self) -> u32 {
        self.total().saturating_sub(self.used)
    }

    /// Whether one more request may be submitted.
    pub fn check(&self) -> Result<(), E> {
        if self.remaining() > 0 {
            Ok(())
        } else {
            Err(E::QuotaUsed(self.total()))
        }
    }

    /// Near its end: a fifth or less left (at least one), for the center's "firms near their
    /// quota" and the firm's own warning. Illustrative, like the quota.
    pub fn nearly_used(&self) -> bool {
        self.remaining().saturating_mul(5) <= self.total()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firm_files_within_its_quota_and_extra_quota_adds_to_it() {
        let s = PreExamSettings::default();
        let q = Quota::new(2026, &s, None, 0, 49);
        assert_eq!(q.allowance, 50);
        assert_eq!(q.check(), Ok(()));
        assert!(q.nearly_used());
        let used = Quota { used: 50, ..q };
        assert_eq!(used.check(), Err(E::QuotaUsed(50)));
        assert_eq!(Quota { extra: 5, ..used }.remaining(), 5);
        // The center's own figure for the firm replaces the default.
        let own = Quota::new(2026, &s, Some(3), 0, 0);
        assert_eq!(own.remaining(), 3);
        assert!(!own.nearly_used());
        assert_eq!(
            Quota::new(2026, &s, Some(0), 0, 0).check(),
            Err(E::QuotaUsed(0))
        );
    }
}
