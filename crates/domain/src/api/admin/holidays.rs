//! The holiday calendar as the administrator publishes or corrects a year of it: the year's
//! request and its checks (the seed file's rules), and what a change would alter.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::errors::{AdminError, Problems};
use super::limits::{
    MAX_HOLIDAY_NAME_CHARS, MAX_HOLIDAY_RANGES, MAX_SOURCE_TITLE_CHARS, MAX_SOURCE_URL_CHARS,
    MAX_WORKING_DAYS,
};
use crate::calendar::{
    CalendarError, CalendarFile, Date, HolidayCalendar, HolidayRange, YearEntry,
};
use crate::text::{clean_line, TextProblem};

/// Where a year of the calendar comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HolidayOrigin {
    /// Shipped with the portal (`data/seed/cn_public_holidays.json`).
    SeedFile,
    /// Published (or corrected) by an administrator; wins over the seed file.
    Published,
}

/// One year of the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayYear {
    pub year: i32,
    pub origin: HolidayOrigin,
    /// The notice it was copied from (title, document number, date).
    pub source_title: String,
    /// The notice's address; `None` for the seed file's years.
    pub source_url: Option<String>,
    /// Days off, in order.
    pub holidays: Vec<HolidayRange>,
    /// Weekend days that are working days (调休上班), in order.
    pub working_days: Vec<Date>,
    /// RFC 3339, +08:00; `None` for the seed file's years.
    pub published_at: Option<String>,
    /// The administrator's username.
    pub published_by: Option<String>,
    /// The current year or later: it can be corrected.
    pub editable: bool,
}

/// `GET /api/v1/staff/admin/holidays`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayYearList {
    /// This year in Shanghai: the earliest year that can be published.
    pub current_year: i32,
    /// Every published year, in order.
    pub items: Vec<HolidayYear>,
}

/// One range of days off as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HolidayInput {
    /// e.g. 春节. At most 40 characters.
    pub name: Option<String>,
    /// `YYYY-MM-DD`, in the year.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, the last day off (the same as `from` for one day).
    pub to: Option<String>,
}

/// The body of `PUT /api/v1/staff/admin/holidays/{year}`: the year's notice as a whole
/// (replacing what the year had).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HolidayYearRequest {
    /// The notice's title (with its document number), at most 200 characters.
    pub source_title: Option<String>,
    /// Where the notice is published: an `https://` or `http://` address.
    pub source_url: Option<String>,
    /// 1–20 ranges of days off.
    pub holidays: Vec<HolidayInput>,
    /// 0–20 weekend days that are working days (调休上班), `YYYY-MM-DD`.
    pub working_days: Vec<String>,
}

/// A checked year: valid by the seed file's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedYear {
    pub year: i32,
    pub source_title: String,
    pub source_url: String,
    /// In order of their first day.
    pub holidays: Vec<HolidayRange>,
    /// In order.
    pub working_days: Vec<Date>,
}

impl CheckedYear {
    /// The year as an entry of the calendar file.
    pub fn entry(&self) -> YearEntry {
        YearEntry {
            source: self.source_title.clone(),
            holidays: self.holidays.clone(),
            working_days: self.working_days.clone(),
        }
    }
}

impl HolidayYearRequest {
    /// Checks the notice for `year` (1–9999): every field, then the year as a whole by
    /// [`HolidayCalendar::from_file`], as the seed file is checked.
    pub fn parse(&self, year: i32) -> Result<CheckedYear, Problems> {
        let mut problems = Problems::new();
        let source_title = match clean_line(self.source_title.as_deref(), MAX_SOURCE_TITLE_CHARS) {
            Ok(Some(title)) => Some(title),
            Ok(None) => {
                problems.push(("source_title".into(), AdminError::SourceTitleMissing));
                None
            }
            Err(e) => {
                problems.push(("source_title".into(), text_error(e)));
                None
            }
        };
        let source_url = check_url(self.source_url.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("source_url".into(), e)))
            .ok();

        let mut holidays = Vec::new();
        if self.holidays.is_empty() {
            problems.push(("holidays".into(), AdminError::HolidaysMissing));
        } else if self.holidays.len() > MAX_HOLIDAY_RANGES {
            problems.push(("holidays".into(), AdminError::TooManyHolidays));
        } else {
            for (i, input) in self.holidays.iter().enumerate() {
                let name = match clean_line(input.name.as_deref(), MAX_HOLIDAY_NAME_CHARS) {
                    Ok(Some(name)) => Some(name),
                    Ok(None) => {
                        problems
                            .push((format!("holidays.{i}.name"), AdminError::HolidayNameMissing));
                        None
                    }
                    Err(e) => {
                        problems.push((format!("holidays.{i}.name"), text_error(e)));
                        None
                    }
                };
                let mut date = |value: &Option<String>, part: &str| {
                    Date::parse(value.as_deref().unwrap_or(""))
                        .map_err(|e| {
                            problems.push((format!("holidays.{i}.{part}"), AdminError::Date(e)))
                        })
                        .ok()
                };
                let from = date(&input.from, "from");
                let to = date(&input.to, "to");
                if let (Some(name), Some(from), Some(to)) = (name, from, to) {
                    holidays.push(HolidayRange { name, from, to });
                }
            }
        }

        let mut working_days: Vec<Date> = Vec::new();
        if self.working_days.len() > MAX_WORKING_DAYS {
            problems.push(("working_days".into(), AdminError::TooManyWorkingDays));
        } else {
            for (i, input) in self.working_days.iter().enumerate() {
                match Date::parse(input) {
                    Ok(date) if working_days.contains(&date) => {
                        problems.push((format!("working_days.{i}"), AdminError::DuplicateDay))
                    }
                    Ok(date) => working_days.push(date),
                    Err(e) => problems.push((format!("working_days.{i}"), AdminError::Date(e))),
                }
            }
        }

        let (Some(source_title), Some(source_url)) = (source_title, source_url) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let checked = CheckedYear {
            year,
            source_title,
            source_url,
            holidays,
            working_days,
        };
        // The seed file's own checks, on this year alone.
        let file = CalendarFile {
            time_zone: "Asia/Shanghai".to_owned(),
            years: BTreeMap::from([(format!("{year:04}"), checked.entry())]),
        };
        if let Err(error) = HolidayCalendar::from_file(file) {
            return Err(vec![(
                calendar_error_field(&checked, &error),
                AdminError::Calendar(error),
            )]);
        }
        let mut checked = checked;
        checked.holidays.sort_by_key(|h| h.from);
        checked.working_days.sort();
        Ok(checked)
    }
}

/// The input field a calendar error is about (the rows are still in the order typed).
fn calendar_error_field(year: &CheckedYear, error: &CalendarError) -> String {
    let holiday = |pred: &dyn Fn(&HolidayRange) -> bool| year.holidays.iter().position(pred);
    let working_day = |date: &Date| year.working_days.iter().position(|d| d == date);
    let found = match error {
        CalendarError::OutsideYear { date, .. } => holiday(&|h| h.from == *date)
            .map(|i| format!("holidays.{i}.from"))
            .or_else(|| holiday(&|h| h.to == *date).map(|i| format!("holidays.{i}.to")))
            .or_else(|| working_day(date).map(|i| format!("working_days.{i}"))),
        CalendarError::ReversedRange { from, to, .. } => {
            holiday(&|h| h.from == *from && h.to == *to).map(|i| format!("holidays.{i}.to"))
        }
        // The second range that holds the day.
        CalendarError::Overlap { date } => year
            .holidays
            .iter()
            .enumerate()
            .filter(|(_, h)| h.from <= *date && *date <= h.to)
            .nth(1)
            .map(|(i, _)| format!("holidays.{i}.from")),
        CalendarError::WorkingDayIsHoliday { date }
        | CalendarError::WorkingDayNotWeekend { date } => {
            working_day(date).map(|i| format!("working_days.{i}"))
        }
        CalendarError::TimeZone { .. } | CalendarError::YearKey { .. } => None,
    };
    found.unwrap_or_else(|| "holidays".to_owned())
}

fn check_url(input: &str) -> Result<String, AdminError> {
    let url = input.trim();
    if url.is_empty() {
        return Err(AdminError::SourceUrlMissing);
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or("");
    let ok = url.chars().count() <= MAX_SOURCE_URL_CHARS
        && !rest.is_empty()
        && !rest.starts_with('/')
        && url.chars().all(|c| c.is_ascii_graphic());
    ok.then(|| url.to_owned())
        .ok_or(AdminError::SourceUrlInvalid)
}

fn text_error(problem: TextProblem) -> AdminError {
    match problem {
        TextProblem::TooLong => AdminError::TextTooLong,
        TextProblem::Control => AdminError::ControlCharacter,
    }
}

/// What publishing a year changes, for the check step before it is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearChanges {
    /// The year is published already: this replaces it.
    pub replaces: bool,
    pub added_holidays: Vec<HolidayRange>,
    pub removed_holidays: Vec<HolidayRange>,
    pub added_working_days: Vec<Date>,
    pub removed_working_days: Vec<Date>,
    pub source_changed: bool,
}

impl YearChanges {
    /// Publishing would change nothing (a replaced year identical to the new one).
    pub fn is_empty(&self) -> bool {
        self.replaces
            && self.added_holidays.is_empty()
            && self.removed_holidays.is_empty()
            && self.added_working_days.is_empty()
            && self.removed_working_days.is_empty()
            && !self.source_changed
    }
}

/// What `new` changes of the year as it is published now (`old`, if any). A range whose name
/// or dates change is one removed and one added.
pub fn year_changes(old: Option<&HolidayYear>, new: &CheckedYear) -> YearChanges {
    let Some(old) = old else {
        return YearChanges {
            replaces: false,
            added_holidays: new.holidays.clone(),
            added_working_days: new.working_days.clone(),
            source_changed: true,
            ..YearChanges::default()
        };
    };
    let not_in = |a: &[HolidayRange], b: &[HolidayRange]| -> Vec<HolidayRange> {
        a.iter().filter(|h| !b.contains(h)).cloned().collect()
    };
    let days_not_in = |a: &[Date], b: &[Date]| -> Vec<Date> {
        a.iter().filter(|d| !b.contains(d)).copied().collect()
    };
    YearChanges {
        replaces: true,
        added_holidays: not_in(&new.holidays, &old.holidays),
        removed_holidays: not_in(&old.holidays, &new.holidays),
        added_working_days: days_not_in(&new.working_days, &old.working_days),
        removed_working_days: days_not_in(&old.working_days, &new.working_days),
        source_changed: old.source_title != new.source_title
            || old.source_url.as_deref() != Some(new.source_url.as_str()),
    }
}

/// Days off in a year's ranges (weekends inside them included).
pub fn days_off(holidays: &[HolidayRange]) -> u32 {
    holidays
        .iter()
        .map(|h| (h.to.days_from_civil() - h.from.days_from_civil() + 1).max(0) as u32)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::fields;
    use super::*;

    // --- Holidays ---------------------------------------------------------------------------

    /// A made-up year for tests only: it is not any official notice.
    fn test_year() -> HolidayYearRequest {
        HolidayYearRequest {
            source_title: Some("测试通知 (test data, not an official notice)".into()),
            source_url: Some("https://example.org/test-only".into()),
            holidays: vec![
                HolidayInput {
                    name: Some("测试假日二".into()),
                    from: Some("2030-05-06".into()),
                    to: Some("2030-05-07".into()),
                },
                HolidayInput {
                    name: Some(" 测试假日一 ".into()),
                    from: Some("2030-03-04".into()),
                    to: Some("2030-03-04".into()),
                },
            ],
            working_days: vec!["2030-05-11".into(), "2030-03-02".into()],
        }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_year_is_checked_like_the_seed_file_and_sorted() {
        let year = test_year().parse(2030).unwrap();
        assert_eq!(year.source_url, "https://example.org/test-only");
        assert_eq!(
            year.holidays
                .iter()
                .map(|h| h.name.as_str())
                .collect::<Vec<_>>(),
            ["测试假日一", "测试假日二"]
        );
        assert_eq!(year.working_days, [d("2030-03-02"), d("2030-05-11")]);
        assert_eq!(days_off(&year.holidays), 3);
        let entry = year.entry();
        assert_eq!(entry.source, year.source_title);
    }

    #[test]
    fn every_field_of_a_year_is_required_and_well_formed() {
        let problems = HolidayYearRequest::default().parse(2030).unwrap_err();
        assert_eq!(
            fields(&problems),
            [
                ("source_title", "admin.source_title_missing"),
                ("source_url", "admin.source_url_missing"),
                ("holidays", "admin.holidays_missing"),
            ]
        );
        let mut request = test_year();
        request.source_url = Some("example.org/notice".into());
        request.holidays[0].name = Some("  ".into());
        request.holidays[1].to = Some("2030-3-4".into());
        request.working_days = vec![
            "2030-02-30".into(),
            "2030-05-11".into(),
            "2030-05-11".into(),
        ];
        assert_eq!(
            fields(&request.parse(2030).unwrap_err()),
            [
                ("source_url", "admin.source_url_invalid"),
                ("holidays.0.name", "admin.holiday_name_missing"),
                ("holidays.1.to", "date.format"),
                ("working_days.0", "date.invalid"),
                ("working_days.2", "admin.duplicate_day"),
            ]
        );
    }

    #[test]
    fn calendar_rules_point_at_the_field_that_breaks_them() {
        let case = |change: &dyn Fn(&mut HolidayYearRequest)| {
            let mut request = test_year();
            change(&mut request);
            let problems = request.parse(2030).unwrap_err();
            fields(&problems)
                .iter()
                .map(|(f, c)| format!("{f} {c}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            case(&|r| r.holidays[1].from = Some("2029-12-31".into())),
            ["holidays.1.from calendar.outside_year"]
        );
        assert_eq!(
            case(&|r| r.holidays[0].to = Some("2030-05-01".into())),
            ["holidays.0.to calendar.reversed_range"]
        );
        assert_eq!(
            case(&|r| r.holidays[1].to = Some("2030-05-06".into())),
            ["holidays.1.from calendar.overlap"]
        );
        assert_eq!(
            case(&|r| r.working_days[0] = "2030-05-07".into()),
            ["working_days.0 calendar.working_day_is_holiday"]
        );
        assert_eq!(
            case(&|r| r.working_days[1] = "2030-03-05".into()),
            ["working_days.1 calendar.working_day_not_weekend"]
        );
        assert_eq!(
            case(&|r| r.working_days[1] = "2031-03-01".into()),
            ["working_days.1 calendar.outside_year"]
        );
    }

    #[test]
    fn the_check_step_lists_what_changes() {
        let new = test_year().parse(2030).unwrap();
        let fresh = year_changes(None, &new);
        assert!(!fresh.replaces && fresh.source_changed);
        assert_eq!(fresh.added_holidays.len(), 2);
        let old = HolidayYear {
            year: 2030,
            origin: HolidayOrigin::Published,
            source_title: new.source_title.clone(),
            source_url: Some(new.source_url.clone()),
            holidays: vec![
                new.holidays[0].clone(),
                HolidayRange {
                    name: "测试假日二".into(),
                    from: d("2030-05-06"),
                    to: d("2030-05-08"),
                },
            ],
            working_days: vec![d("2030-03-02")],
            published_at: None,
            published_by: None,
            editable: true,
        };
        let changes = year_changes(Some(&old), &new);
        assert!(changes.replaces && !changes.source_changed && !changes.is_empty());
        assert_eq!(changes.added_holidays, [new.holidays[1].clone()]);
        assert_eq!(changes.removed_holidays, [old.holidays[1].clone()]);
        assert_eq!(changes.added_working_days, [d("2030-05-11")]);
        assert!(changes.removed_working_days.is_empty());
        let same = HolidayYear {
            holidays: new.holidays.clone(),
            working_days: new.working_days.clone(),
            ..old
        };
        assert!(year_changes(Some(&same), &new).is_empty());
    }
}
