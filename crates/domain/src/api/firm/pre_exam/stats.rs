//! The center's numbers of pre-examination requests (the workbench overview) and a firm's own
//! (its list), computed in one place from simple rows: requests by field and by venue, the pass
//! rate, the median days from submission to 预审合格 and from 合格 to grant (working days on the
//! official calendar and calendar days, both), requests near or past their deadline, and firms
//! near the end of their quota. The server feeds it one store query; nothing else counts.

use serde::{Deserialize, Serialize};

use super::exam::{Examination, PreExamStatus as S};
use super::quota::Quota;
use crate::api::firm::registration::{FieldVenue, TechField};
use crate::calendar::{Date, HolidayCalendar};

/// Working days left at or below which a request is near its deadline (the queue's `due=near`).
pub const NEAR_WORKING_DAYS: i32 = 2;

/// One submitted request, as the numbers need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsRow {
    /// The code of the field that examines it.
    pub field: String,
    pub venue: FieldVenue,
    pub examination: Examination,
}

/// Requests of one field (its names from the settings; the code if it is no longer listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldCount {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VenueCount {
    pub venue: FieldVenue,
    pub count: u32,
}

/// How long a step took, over the requests that took it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Durations {
    /// Requests counted.
    pub count: u32,
    /// Working days on the official calendar (the days after the start up to the end); none when
    /// nothing is counted (or a day falls in a year whose holidays are not published).
    pub median_working_days: Option<u32>,
    pub median_calendar_days: Option<u32>,
}

/// A firm with a fifth or less of its quota left ([`Quota::nearly_used`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmQuotaUse {
    pub firm_name: String,
    pub used: u32,
    pub total: u32,
}

/// The numbers (`Overview::pre_exams` for the center, `FirmPreExamList::stats` for a firm).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreExamStats {
    /// Requests submitted (drafts are not counted).
    pub submitted: u32,
    /// By field, the most first.
    pub by_field: Vec<FieldCount>,
    /// Every venue, in its order, zeros included.
    pub by_venue: Vec<VenueCount>,
    /// Requests that passed (whatever came after) and that failed.
    pub passed: u32,
    pub failed: u32,
    /// Passed ÷ (passed + failed), in whole percent; none before any decision.
    pub pass_rate_percent: Option<u32>,
    /// From submission to the pass notice.
    pub to_pass: Durations,
    /// From the pass notice to the grant.
    pub pass_to_grant: Durations,
    /// Requests with a limit running that ends within [`NEAR_WORKING_DAYS`] working days, and
    /// those past it.
    pub near_deadline: u32,
    pub overdue: u32,
    /// Firms near the end of their quota, the fewest left first (empty for a firm's own).
    pub firms_near_quota: Vec<FirmQuotaUse>,
}

/// `GET /api/v1/firm/pre-exam-numbers`: a firm's own numbers, those of [`PreExamStats`] that
/// speak of one firm (its page carries no more than it shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirmNumbers {
    pub submitted: u32,
    pub passed: u32,
    pub failed: u32,
    pub to_pass: Durations,
    pub pass_to_grant: Durations,
}

impl From<&PreExamStats> for FirmNumbers {
    fn from(s: &PreExamStats) -> FirmNumbers {
        FirmNumbers {
            submitted: s.submitted,
            passed: s.passed,
            failed: s.failed,
            to_pass: s.to_pass,
            pass_to_grant: s.pass_to_grant,
        }
    }
}

/// The numbers of `rows` as of `today`; `fields` name the fields, `quotas` are the firms' this
/// year (by name).
pub fn pre_exam_stats(
    rows: &[StatsRow],
    fields: &[TechField],
    quotas: &[(String, Quota)],
    today: Date,
    calendar: &HolidayCalendar,
) -> PreExamStats {
    let count = |f: &dyn Fn(&StatsRow) -> bool| rows.iter().filter(|r| f(r)).count() as u32;
    let mut by_field: Vec<FieldCount> = Vec::new();
    for row in rows {
        match by_field.iter_mut().find(|c| c.code == row.field) {
            Some(c) => c.count += 1,
            None => {
                let named = fields.iter().find(|f| f.code == row.field);
                by_field.push(FieldCount {
                    code: row.field.clone(),
                    name_zh: named.map_or_else(|| row.field.clone(), |f| f.name_zh.clone()),
                    name_en: named.map_or_else(|| row.field.clone(), |f| f.name_en.clone()),
                    count: 1,
                });
            }
        }
    }
    by_field.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    let by_venue = FieldVenue::ALL
        .iter()
        .map(|v| VenueCount {
            venue: *v,
            count: count(&|r| r.venue == *v),
        })
        .collect();
    let passed = count(&|r| r.examination.notice.is_some());
    let failed = count(&|r| r.examination.status == S::Failed);
    let decided = passed + failed;
    let pass_rate_percent = (decided > 0).then(|| (passed * 100 + decided / 2) / decided);
    let left: Vec<i32> = rows
        .iter()
        .filter_map(|r| r.examination.due_on)
        .filter_map(|due| calendar.working_days_left(today, due).ok())
        .collect();
    let to_pass: Vec<(Date, Date)> = rows
        .iter()
        .filter_map(|r| {
            let e = &r.examination;
            e.notice.as_ref().map(|n| (e.submitted_on, n.issued_on))
        })
        .collect();
    let pass_to_grant: Vec<(Date, Date)> = rows
        .iter()
        .filter_map(|r| {
            let e = &r.examination;
            Some((e.notice.as_ref()?.issued_on, e.granted_on?))
        })
        .collect();
    let mut firms_near_quota: Vec<FirmQuotaUse> = quotas
        .iter()
        .filter(|(_, q)| q.used > 0 && q.nearly_used())
        .map(|(name, q)| FirmQuotaUse {
            firm_name: name.clone(),
            used: q.used,
            total: q.total(),
        })
        .collect();
    firms_near_quota.sort_by_key(|f| (f.total.saturating_sub(f.used), f.firm_name.clone()));
    PreExamStats {
        submitted: rows.len() as u32,
        by_field,
        by_venue,
        passed,
        failed,
        pass_rate_percent,
        to_pass: durations(&to_pass, calendar),
        pass_to_grant: durations(&pass_to_grant, calendar),
        near_deadline: left
            .iter()
            .filter(|n| (0..=NEAR_WORKING_DAYS).contains(n))
            .count() as u32,
        overdue: left.iter().filter(|n| **n < 0).count() as u32,
        firms_near_quota,
    }
}

/// The medians of the spans from each start to its end.
fn durations(spans: &[(Date, Date)], calendar: &HolidayCalendar) -> Durations {
    let calendar_days: Vec<u32> = spans
        .iter()
        .map(|(from, to)| (to.days_from_civil() - from.days_from_civil()).max(0) as u32)
        .collect();
    // Every span or none: a median over some of them would say less than it seems to.
    let working: Option<Vec<u32>> = spans
        .iter()
        .map(|(from, to)| {
            calendar
                .working_days_left(*from, *to)
                .ok()
                .map(|n| n.max(0) as u32)
        })
        .collect();
    Durations {
        count: spans.len() as u32,
        median_working_days: working.and_then(median),
        median_calendar_days: median(calendar_days),
    }
}

/// The middle value (the mean of the two middle ones, rounded down, for an even count).
fn median(mut values: Vec<u32>) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::firm::pre_exam::{PassNotice, PreExamSettings};
    use crate::calendar::test_fixtures::calendar;
    use crate::ids::PatentKind;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn row(field: &str, venue: FieldVenue, status: S, submitted: &str) -> StatsRow {
        StatsRow {
            field: field.into(),
            venue,
            examination: Examination {
                status,
                kind: PatentKind::Invention,
                submitted_on: day(submitted),
                due_on: None,
                amendment_rounds: 0,
                defects: vec![],
                reasons: vec![],
                notice: None,
                filing: None,
                granted_on: None,
            },
        }
    }

    fn passed(mut r: StatsRow, on: &str) -> StatsRow {
        r.examination.notice = Some(PassNotice {
            number: "YS-1".into(),
            issued_on: day(on),
        });
        r
    }

    #[test]
    fn counts_rates_and_medians_come_from_the_rows() {
        use FieldVenue::*;
        let mut near = row("textiles", HomeTextiles, S::UnderExamination, "2026-11-02");
        near.examination.due_on = Some(day("2026-11-11"));
        let mut late = row("smart", ProtectionCenter, S::Submitted, "2026-11-02");
        late.examination.due_on = Some(day("2026-11-06"));
        // Mon 2 Nov → Mon 9 Nov: 7 calendar days, 5 working days; → Fri 13 Nov: 11 and 9.
        let mut granted = passed(
            row("smart", ProtectionCenter, S::Granted, "2026-11-02"),
            "2026-11-09",
        );
        granted.examination.granted_on = Some(day("2026-11-16"));
        let rows = vec![
            near,
            late,
            granted,
            passed(
                row("smart", ProtectionCenter, S::Forwarded, "2026-11-02"),
                "2026-11-13",
            ),
            row("smart", ProtectionCenter, S::Failed, "2026-11-02"),
        ];
        let settings = PreExamSettings::default();
        let quotas = vec![
            ("甲".to_owned(), Quota::new(2026, &settings, Some(5), 0, 4)),
            ("乙".to_owned(), Quota::new(2026, &settings, Some(5), 0, 1)),
            ("丙".to_owned(), Quota::new(2026, &settings, Some(0), 0, 0)),
        ];
        let s = pre_exam_stats(&rows, &[], &quotas, day("2026-11-09"), &calendar());
        assert_eq!(s.submitted, 5);
        assert_eq!(
            s.by_field
                .iter()
                .map(|f| (f.code.as_str(), f.count))
                .collect::<Vec<_>>(),
            [("smart", 4), ("textiles", 1)]
        );
        assert_eq!(s.by_venue.len(), FieldVenue::ALL.len());
        assert_eq!(s.by_venue[0].count, 4);
        assert_eq!(s.by_venue[2].count, 0);
        assert_eq!((s.passed, s.failed, s.pass_rate_percent), (2, 1, Some(67)));
        assert_eq!(s.to_pass.count, 2);
        assert_eq!(s.to_pass.median_calendar_days, Some(9));
        assert_eq!(s.to_pass.median_working_days, Some(7));
        assert_eq!(s.pass_to_grant.count, 1);
        assert_eq!(s.pass_to_grant.median_calendar_days, Some(7));
        assert_eq!(s.pass_to_grant.median_working_days, Some(5));
        assert_eq!((s.near_deadline, s.overdue), (1, 1));
        assert_eq!(s.firms_near_quota.len(), 1);
        assert_eq!(s.firms_near_quota[0].firm_name, "甲");
    }

    #[test]
    fn nothing_submitted_gives_zeros_and_no_rate() {
        let s = pre_exam_stats(&[], &[], &[], day("2026-11-09"), &calendar());
        assert_eq!(s.submitted, 0);
        assert_eq!(s.pass_rate_percent, None);
        assert_eq!(s.to_pass.median_working_days, None);
        assert!(s.by_venue.iter().all(|v| v.count == 0));
        assert_eq!(median(vec![3, 1, 2, 10]), Some(2));
    }
}
