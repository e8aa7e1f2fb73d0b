//! The holiday data as it is stored: the JSON of `data/seed/cn_public_holidays.json`, what
//! can be wrong with it, and the answer for a year that is not published.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::Date;
use crate::lang::localized_error;
use crate::texts::{calendar_texts, CalendarTexts};

/// The JSON of `data/seed/cn_public_holidays.json`, as serde reads it. Turn it into a
/// [`HolidayCalendar`](super::HolidayCalendar) with [`HolidayCalendar::from_file`](super::HolidayCalendar::from_file), which checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFile {
    /// Must be `Asia/Shanghai`.
    pub time_zone: String,
    /// The published years, keyed by the 4-digit year (`"2026"`).
    pub years: BTreeMap<String, YearEntry>,
}

/// One year's notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearEntry {
    /// The notice the entry was copied from (title, document number, date).
    pub source: String,
    /// The days off, each range inclusive and inside this year. Weekend days inside a range
    /// count as the holiday. A notice may reach across New Year (the 2019 notice gave
    /// 2018-12-30 to 2019-01-01 off and made 2018-12-29 a working day): file such days under the
    /// year they fall in, since a day's kind is looked up in its own year only.
    pub holidays: Vec<HolidayRange>,
    /// The weekend days of this year that are working days (调休上班).
    #[serde(default)]
    pub working_days: Vec<Date>,
}

/// Days off from `from` to `to`, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayRange {
    pub name: String,
    pub from: Date,
    pub to: Date,
}

/// What is wrong with a calendar file. These are for the staff who maintain the file; the
/// messages name the offending year or date. Codes start with `calendar.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// `time_zone` is not `Asia/Shanghai`.
    TimeZone { found: String },
    /// A key of `years` is not a 4-digit year from 0001 to 9999.
    YearKey { key: String },
    /// A holiday range or working day listed under `year` is not in that year.
    OutsideYear { year: i32, date: Date },
    /// A holiday range ends before it starts.
    ReversedRange { name: String, from: Date, to: Date },
    /// A day is in two holiday ranges.
    Overlap { date: Date },
    /// A working day (调休上班) is also a holiday.
    WorkingDayIsHoliday { date: Date },
    /// A working day (调休上班) is a Monday to Friday, which is a working day anyway: a typo.
    WorkingDayNotWeekend { date: Date },
}

impl CalendarError {
    fn texts(&self, t: &CalendarTexts) -> (&'static str, String) {
        match self {
            Self::TimeZone { found } => ("calendar.time_zone", t.calendar_time_zone(found)),
            Self::YearKey { key } => ("calendar.year_key", t.calendar_year_key(key)),
            Self::OutsideYear { year, date } => {
                ("calendar.outside_year", t.calendar_outside_year(year, date))
            }
            Self::ReversedRange { name, from, to } => (
                "calendar.reversed_range",
                t.calendar_reversed_range(name, to, from),
            ),
            Self::Overlap { date } => ("calendar.overlap", t.calendar_overlap(date)),
            Self::WorkingDayIsHoliday { date } => (
                "calendar.working_day_is_holiday",
                t.calendar_working_day_is_holiday(date),
            ),
            Self::WorkingDayNotWeekend { date } => (
                "calendar.working_day_not_weekend",
                t.calendar_working_day_not_weekend(date),
            ),
        }
    }
}

localized_error!(CalendarError, calendar_texts);

/// The holiday arrangements for `year` have not been published (or are not in the calendar
/// file yet), so no working day in it can be worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NotPublished {
    pub year: i32,
}

impl NotPublished {
    fn texts(&self, t: &CalendarTexts) -> (&'static str, String) {
        (
            "calendar.not_published",
            t.calendar_not_published(self.year),
        )
    }
}

localized_error!(NotPublished, calendar_texts);

#[cfg(test)]
mod tests {
    use super::super::date::DateError;
    use super::super::test_fixtures::{d, file};
    use super::super::working_days::{DayKind, HolidayCalendar};
    use super::*;
    use crate::lang::{Lang, Localized};

    fn one_year(holidays: &str, working_days: &str) -> String {
        format!(
            r#"{{"time_zone": "Asia/Shanghai", "years": {{"2026": {{"source": "test",
                "holidays": [{holidays}], "working_days": [{working_days}]}}}}}}"#
        )
    }

    #[test]
    fn refuses_inconsistent_calendar_files() {
        use CalendarError as E;
        let range = |name: &str, from: &str, to: &str| {
            format!(r#"{{"name": "{name}", "from": "{from}", "to": "{to}"}}"#)
        };
        assert_eq!(
            file(&one_year(&range("元旦", "2025-12-31", "2026-01-01"), "")),
            Err(E::OutsideYear {
                year: 2026,
                date: d("2025-12-31")
            })
        );
        assert_eq!(
            file(&one_year("", r#""2025-12-27""#)),
            Err(E::OutsideYear {
                year: 2026,
                date: d("2025-12-27")
            })
        );
        assert_eq!(
            file(&one_year(&range("国庆节", "2026-10-07", "2026-10-01"), "")),
            Err(E::ReversedRange {
                name: "国庆节".into(),
                from: d("2026-10-07"),
                to: d("2026-10-01"),
            })
        );
        let both = format!(
            "{}, {}",
            range("中秋节", "2026-09-25", "2026-10-01"),
            range("国庆节", "2026-10-01", "2026-10-07")
        );
        assert_eq!(
            file(&one_year(&both, "")),
            Err(E::Overlap {
                date: d("2026-10-01")
            })
        );
        assert_eq!(
            file(&one_year(
                &range("国庆节", "2026-10-01", "2026-10-07"),
                r#""2026-10-03""#
            )),
            Err(E::WorkingDayIsHoliday {
                date: d("2026-10-03")
            })
        );
        assert_eq!(
            file(&one_year("", r#""2026-10-09""#)),
            Err(E::WorkingDayNotWeekend {
                date: d("2026-10-09")
            })
        );
        assert_eq!(
            file(r#"{"time_zone": "UTC", "years": {}}"#),
            Err(E::TimeZone {
                found: "UTC".into()
            })
        );
        for key in ["26", "02026", "+202", "year", "0000"] {
            let json = format!(
                r#"{{"time_zone": "Asia/Shanghai", "years": {{"{key}": {{"source": "", "holidays": []}}}}}}"#
            );
            assert_eq!(file(&json), Err(E::YearKey { key: key.into() }), "{key}");
        }
        // Deserializing straight into the calendar refuses the same files.
        assert!(serde_json::from_str::<HolidayCalendar>(&one_year("", r#""2026-10-09""#)).is_err());
        // A year with no holidays listed is still published (working days default to none).
        let empty = file(
            r#"{"time_zone": "Asia/Shanghai", "years": {"2030": {"source": "", "holidays": []}}}"#,
        )
        .unwrap();
        assert_eq!(empty.day_kind(d("2030-01-01")), Ok(DayKind::Working));
    }

    #[test]
    fn every_error_has_messages_and_a_distinct_code() {
        crate::lang::assert_messages(
            "date.",
            &[DateError::Empty, DateError::Format, DateError::Invalid],
        );
        let date = d("2026-10-01");
        crate::lang::assert_messages(
            "calendar.",
            &[
                CalendarError::TimeZone {
                    found: "UTC".into(),
                },
                CalendarError::YearKey { key: "26".into() },
                CalendarError::OutsideYear { year: 2026, date },
                CalendarError::ReversedRange {
                    name: "National Day".into(),
                    from: date,
                    to: date,
                },
                CalendarError::Overlap { date },
                CalendarError::WorkingDayIsHoliday { date },
                CalendarError::WorkingDayNotWeekend { date },
            ],
        );
        let not_published = NotPublished { year: 2027 };
        crate::lang::assert_messages("calendar.not_published", &[not_published]);
        assert!(not_published.message(Lang::Zh).contains("2027 年"));
        assert!(not_published.message(Lang::En).contains("2027"));
        assert_eq!(
            DateError::Invalid.message(Lang::En),
            "There is no such day. Check the month (1 to 12) and the number of days in that month"
        );
        // A serde error carries the Chinese message.
        let error = serde_json::from_str::<Date>(r#""2026-13-01""#).unwrap_err();
        assert!(error
            .to_string()
            .contains(&DateError::Invalid.message(Lang::Zh)));
    }
}
