//! Time limits of a request: when the initial review is due and which deadline comes next
//! for a status, by the official holiday calendar.

use serde::{Deserialize, Serialize};

use super::choices::RequestStatus;
use super::limits::{ACCEPTANCE_DECISION_WORKING_DAYS, INITIAL_REVIEW_WORKING_DAYS, RESULT_DAYS};
use crate::calendar::{Date, HolidayCalendar};
use crate::choice::choice;

/// The day the initial review is due: 5 working days after the day of submission (that day not
/// counted), by the official calendar with its holidays and 调休 working weekends. A request
/// submitted on a day off counts from the next working day on in the same way.
pub fn initial_review_due(
    calendar: &HolidayCalendar,
    submitted_on: Date,
) -> Result<Date, crate::calendar::NotPublished> {
    calendar.add_working_days(submitted_on, INITIAL_REVIEW_WORKING_DAYS)
}

/// The step a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStep {
    /// 初审: 5 working days from submission.
    InitialReview,
    /// 受理/不予受理: 15 working days from submission.
    AcceptanceDecision,
    /// 办结: 90 days from acceptance.
    Result,
}

choice!(DeadlineStep {
    InitialReview = "initial_review", "初审", "Initial review";
    AcceptanceDecision = "acceptance_decision", "作出是否受理的决定", "Decision to accept or not";
    Result = "result", "办结", "Result";
});

/// When the next step of a request is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadline {
    pub step: DeadlineStep,
    /// The last day; `None` when the count runs into a year whose holidays are not published
    /// yet (then `unpublished_year` names it: say the date will be known later).
    pub due: Option<Date>,
    pub unpublished_year: Option<i32>,
    /// The time limit: `days`, working days when `working_days`.
    pub days: u32,
    pub working_days: bool,
}

/// The deadline of the next step for a request in `status`: the initial review while
/// submitted, the decision to accept while in initial review, the result once accepted or
/// while assisting (from `accepted_on`); none once it has ended.
pub fn next_deadline(
    calendar: &HolidayCalendar,
    status: RequestStatus,
    submitted_on: Date,
    accepted_on: Option<Date>,
) -> Option<Deadline> {
    let working = |step, days| {
        let due = calendar.add_working_days(submitted_on, days);
        Deadline {
            step,
            due: due.ok(),
            unpublished_year: due.err().map(|e| e.year),
            days,
            working_days: true,
        }
    };
    match status {
        RequestStatus::Submitted => Some(working(
            DeadlineStep::InitialReview,
            INITIAL_REVIEW_WORKING_DAYS,
        )),
        RequestStatus::InitialReview => Some(working(
            DeadlineStep::AcceptanceDecision,
            ACCEPTANCE_DECISION_WORKING_DAYS,
        )),
        RequestStatus::Accepted | RequestStatus::Assisting => {
            let accepted_on = accepted_on?;
            Some(Deadline {
                step: DeadlineStep::Result,
                due: accepted_on.checked_add_days(RESULT_DAYS as i32),
                unpublished_year: None,
                days: RESULT_DAYS,
                working_days: false,
            })
        }
        RequestStatus::Rejected
        | RequestStatus::Concluded
        | RequestStatus::Withdrawn
        | RequestStatus::Rated => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::d;
    use super::*;
    use crate::calendar::test_fixtures::calendar;

    #[test]
    fn the_initial_review_is_due_5_working_days_later() {
        let calendar = calendar();
        let due = |submitted: &str| initial_review_due(&calendar, d(submitted)).unwrap();
        // An ordinary week: Monday → the next Monday.
        assert_eq!(due("2026-09-07"), d("2026-09-14"));
        // Sunday 09-20 is a working day (调休 for 中秋节/国庆节): it is the 5th.
        assert_eq!(due("2026-09-14"), d("2026-09-20"));
        // Across 国庆节 (10-01..07 off) and the 调休 Saturday 10-10, which counts.
        assert_eq!(due("2026-09-29"), d("2026-10-12"));
        // Across 中秋节 (09-25..27 off) — Tuesday 09-22 → Wednesday 09-30.
        assert_eq!(due("2026-09-22"), d("2026-09-30"));
        // Submitted on a day off: the count starts with the next working day.
        assert_eq!(due("2026-10-03"), d("2026-10-13"));
        // Into a year whose holidays are not published: no date is guessed.
        assert_eq!(
            initial_review_due(&calendar, d("2026-12-28"))
                .unwrap_err()
                .year,
            2027
        );
    }

    #[test]
    fn the_next_deadline_follows_the_status() {
        let calendar = calendar();
        let submitted = d("2026-09-29");
        let next = |status, accepted| next_deadline(&calendar, status, submitted, accepted);
        let deadline = next(RequestStatus::Submitted, None).unwrap();
        assert_eq!(deadline.step, DeadlineStep::InitialReview);
        assert_eq!(deadline.due, Some(d("2026-10-12")));
        assert_eq!((deadline.days, deadline.working_days), (5, true));
        let deadline = next(RequestStatus::InitialReview, None).unwrap();
        assert_eq!(deadline.step, DeadlineStep::AcceptanceDecision);
        // 09-30, 10-08, 09, 10 (调休), 12 … : the 15th working day is 10-26.
        assert_eq!(deadline.due, Some(d("2026-10-26")));
        let deadline = next(RequestStatus::Assisting, Some(d("2026-10-20"))).unwrap();
        assert_eq!(deadline.step, DeadlineStep::Result);
        assert_eq!(deadline.due, Some(d("2027-01-18")));
        assert!(!deadline.working_days);
        for ended in [
            RequestStatus::Rejected,
            RequestStatus::Concluded,
            RequestStatus::Withdrawn,
            RequestStatus::Rated,
        ] {
            assert_eq!(next(ended, None), None);
        }
        let late =
            next_deadline(&calendar, RequestStatus::Submitted, d("2026-12-30"), None).unwrap();
        assert_eq!((late.due, late.unpublished_year), (None, Some(2027)));
    }
}
