//! The official calendar built from the holiday data: what kind of day a date is, and
//! working-day arithmetic (deadlines, booking windows) that never guesses an unpublished year.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::holiday_file::{CalendarError, CalendarFile, NotPublished};

/// What kind of day a date is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DayKind {
    /// Monday to Friday, not a holiday.
    Working,
    /// Saturday or Sunday, not a holiday nor an adjusted working day.
    Weekend,
    /// A public holiday day off (放假), whatever the day of the week.
    Holiday { name: String },
    /// A Saturday or Sunday that is a working day (调休上班).
    AdjustedWorkingDay,
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::AdjustedWorkingDay)
    }
}

/// The next working days after a date, from [`HolidayCalendar::working_days_after`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingDays {
    /// In order; fewer than asked for if `truncated` is set.
    pub days: Vec<Date>,
    /// Set if the window ran into a year that is not published: the days from there on are
    /// not offered, and this says which year (and has a message to show).
    pub truncated: Option<NotPublished>,
}

/// The official working-day calendar: which days are working days, for the published years only.
///
/// Build it with [`from_file`](Self::from_file), or deserialize it straight from the JSON (which
/// runs the same checks).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "CalendarFile")]
pub struct HolidayCalendar {
    /// Published year → the notice it comes from.
    sources: BTreeMap<i32, String>,
    /// Every day off of the published years → the holiday's name.
    holidays: BTreeMap<Date, String>,
    /// The adjusted working days (调休上班).
    working_days: BTreeSet<Date>,
}

impl HolidayCalendar {
    /// Checks the file: the time zone is Asia/Shanghai; every year key is a 4-digit year; every
    /// holiday range and working day lies inside the year it is listed under; no range ends
    /// before it starts; no two ranges share a day; every working day is a Saturday or Sunday
    /// and not a holiday.
    pub fn from_file(file: CalendarFile) -> Result<HolidayCalendar, CalendarError> {
        use CalendarError as E;
        if file.time_zone != "Asia/Shanghai" {
            return Err(E::TimeZone {
                found: file.time_zone,
            });
        }
        let mut calendar = HolidayCalendar {
            sources: BTreeMap::new(),
            holidays: BTreeMap::new(),
            working_days: BTreeSet::new(),
        };
        for (key, entry) in file.years {
            if key.len() != 4 || !key.bytes().all(|b| b.is_ascii_digit()) || key == "0000" {
                return Err(E::YearKey { key });
            }
            let year = key.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
            let inside = |date: Date| {
                if date.year() == year {
                    Ok(date)
                } else {
                    Err(E::OutsideYear { year, date })
                }
            };
            for range in entry.holidays {
                let (from, to) = (inside(range.from)?, inside(range.to)?);
                if from > to {
                    return Err(E::ReversedRange {
                        name: range.name,
                        from,
                        to,
                    });
                }
                let mut date = from;
                while date <= to {
                    if calendar.holidays.insert(date, range.name.clone()).is_some() {
                        return Err(E::Overlap { date });
                    }
                    date = date.add_days(1); // `to` is in a year below 10000, so this fits.
                }
            }
            for date in entry.working_days {
                let date = inside(date)?;
                if calendar.holidays.contains_key(&date) {
                    return Err(E::WorkingDayIsHoliday { date });
                }
                if !date.is_weekend() {
                    return Err(E::WorkingDayNotWeekend { date });
                }
                calendar.working_days.insert(date);
            }
            calendar.sources.insert(year, entry.source);
        }
        Ok(calendar)
    }

    /// The published years, in order.
    pub fn published_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.sources.keys().copied()
    }

    /// The year whose public holidays an administrator must enter next, from a month before
    /// it starts (1 December): the first year from this one on that is not published, where
    /// booking windows and working-day deadlines stop (a later year published already does
    /// not bridge the gap). `None` while that is further off.
    pub fn year_due(&self, today: Date) -> Option<i32> {
        let next = (today.year()..).find(|year| !self.is_published(*year))?;
        let warn_from = Date::new(next - 1, 12, 1).ok()?;
        (today >= warn_from).then_some(next)
    }

    pub fn is_published(&self, year: i32) -> bool {
        self.sources.contains_key(&year)
    }

    /// The notice a published year comes from, to show as the basis of a deadline.
    pub fn source(&self, year: i32) -> Option<&str> {
        self.sources.get(&year).map(String::as_str)
    }

    fn check_published(&self, date: Date) -> Result<(), NotPublished> {
        if self.is_published(date.year()) {
            Ok(())
        } else {
            Err(NotPublished { year: date.year() })
        }
    }

    /// What kind of day `date` is; `NotPublished` if its year is not in the calendar.
    pub fn day_kind(&self, date: Date) -> Result<DayKind, NotPublished> {
        self.check_published(date)?;
        Ok(if let Some(name) = self.holidays.get(&date) {
            DayKind::Holiday { name: name.clone() }
        } else if self.working_days.contains(&date) {
            DayKind::AdjustedWorkingDay
        } else if date.is_weekend() {
            DayKind::Weekend
        } else {
            DayKind::Working
        })
    }

    /// Whether `date` is a working day; `NotPublished` if its year is not in the calendar.
    pub fn is_working_day(&self, date: Date) -> Result<bool, NotPublished> {
        self.check_published(date)?;
        Ok(!self.holidays.contains_key(&date)
            && (!date.is_weekend() || self.working_days.contains(&date)))
    }

    /// The day after `date` if it is a working day or not, or `NotPublished` for its year.
    fn next_day(&self, date: Date) -> Result<(Date, bool), NotPublished> {
        let next = date.checked_add_days(1).ok_or(NotPublished {
            year: date.year() + 1,
        })?;
        Ok((next, self.is_working_day(next)?))
    }

    /// The `n`-th working day after `date`, `date` itself not counted (so `n = 0` gives `date`).
    /// This is the last day of a time limit of `n` working days counted from `date`: a request
    /// submitted on 2026-09-29 with "initial review within 5 working days" is due by 2026-10-12,
    /// after the National Day holiday. `date` may be a day off. `NotPublished` names the first
    /// unpublished year the count runs into.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, NotPublished> {
        let mut date = date;
        let mut left = n;
        while left > 0 {
            let (next, working) = self.next_day(date)?;
            date = next;
            left -= u32::from(working);
        }
        Ok(date)
    }

    /// How many working days are left from `today` until `due` (the days after `today` up to
    /// and including `due`), or, when `due` has passed, minus the working days it is overdue
    /// by (the days after `due` up to and including `today`). Due today: 0.
    pub fn working_days_left(&self, today: Date, due: Date) -> Result<i32, NotPublished> {
        let (mut date, end, sign) = if due >= today {
            (today, due, 1)
        } else {
            (due, today, -1)
        };
        let mut count = 0;
        while date < end {
            let (next, working) = self.next_day(date)?;
            date = next;
            count += i32::from(working);
        }
        Ok(sign * count)
    }

    /// The first `n` working days after `date` (`date` itself not included), e.g. the days that
    /// can be booked "from the next working day up to 15 working days ahead". If that runs into
    /// a year that is not published, the days up to the end of the last published year are
    /// returned and `truncated` names the year: days in it are never offered.
    pub fn working_days_after(&self, date: Date, n: u32) -> WorkingDays {
        let mut days = Vec::new();
        let mut date = date;
        while days.len() < n as usize {
            match self.next_day(date) {
                Ok((next, working)) => {
                    date = next;
                    if working {
                        days.push(next);
                    }
                }
                Err(not_published) => {
                    return WorkingDays {
                        days,
                        truncated: Some(not_published),
                    }
                }
            }
        }
        WorkingDays {
            days,
            truncated: None,
        }
    }
}

impl TryFrom<CalendarFile> for HolidayCalendar {
    type Error = CalendarError;

    fn try_from(file: CalendarFile) -> Result<HolidayCalendar, CalendarError> {
        HolidayCalendar::from_file(file)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{calendar, d, dates, CALENDAR_JSON};
    use super::*;

    // --- The calendar -----------------------------------------------------------------------

    #[test]
    fn the_shipped_file_is_valid_and_published_years_are_listed() {
        let calendar = calendar();
        assert_eq!(calendar.published_years().collect::<Vec<_>>(), [2025, 2026]);
        assert!(calendar
            .source(2025)
            .unwrap()
            .contains("国办发明电〔2024〕12号"));
        assert!(calendar.source(2026).unwrap().contains("2026"));
        assert_eq!(calendar.source(2027), None);
        // The next year is due from a month before the last published one ends.
        assert_eq!(calendar.year_due(d("2026-11-30")), None);
        assert_eq!(calendar.year_due(d("2026-12-01")), Some(2027));
        assert_eq!(calendar.year_due(d("2027-02-01")), Some(2027));
        // A later year published already does not bridge the gap.
        let mut gap = calendar.clone();
        gap.sources.insert(2030, "测试".into());
        assert_eq!(gap.year_due(d("2026-12-01")), Some(2027));
        // Deserializing straight into the calendar runs the same checks.
        let direct: HolidayCalendar = serde_json::from_str(CALENDAR_JSON).unwrap();
        assert_eq!(direct, calendar);
    }

    #[test]
    fn holidays_are_days_off_whatever_the_weekday() {
        let calendar = calendar();
        let holiday = |name: &str| Ok(DayKind::Holiday { name: name.into() });
        assert_eq!(calendar.day_kind(d("2026-10-01")), holiday("国庆节"));
        // A Saturday inside the range is the holiday, not a plain weekend.
        assert_eq!(calendar.day_kind(d("2026-10-03")), holiday("国庆节"));
        assert_eq!(calendar.day_kind(d("2026-10-07")), holiday("国庆节"));
        assert_eq!(calendar.day_kind(d("2026-02-17")), holiday("春节"));
        assert_eq!(calendar.day_kind(d("2026-01-02")), holiday("元旦"));
        assert_eq!(
            calendar.day_kind(d("2025-10-08")),
            holiday("国庆节、中秋节")
        );
        assert_eq!(calendar.is_working_day(d("2026-10-01")), Ok(false));
        assert_eq!(calendar.is_working_day(d("2026-10-08")), Ok(true));
        assert_eq!(calendar.day_kind(d("2026-10-08")), Ok(DayKind::Working));
    }

    #[test]
    fn adjusted_weekend_working_days() {
        let calendar = calendar();
        for date in [
            "2025-01-26", // Sunday before 春节 2025
            "2025-02-08", // Saturday after it
            "2025-09-28", // Sunday before 国庆 2025
            "2025-10-11", // Saturday after it
            "2026-01-04", // Sunday after 元旦 2026
            "2026-02-14", // Saturday before 春节 2026
            "2026-02-28", // Saturday after it
            "2026-10-10", // Saturday after 国庆 2026
        ] {
            assert!(d(date).is_weekend(), "{date}");
            assert_eq!(
                calendar.day_kind(d(date)),
                Ok(DayKind::AdjustedWorkingDay),
                "{date}"
            );
            assert_eq!(calendar.is_working_day(d(date)), Ok(true), "{date}");
        }
        // The other day of those weekends is off.
        assert_eq!(calendar.day_kind(d("2026-10-11")), Ok(DayKind::Weekend));
    }

    #[test]
    fn working_days_left_count_forward_and_overdue_backward() {
        let calendar = calendar();
        let left = |today, due| calendar.working_days_left(d(today), d(due));
        // Over the National Day holiday: the limit of 5 working days from 29 September.
        assert_eq!(left("2026-09-29", "2026-10-12"), Ok(5));
        assert_eq!(left("2026-10-12", "2026-09-29"), Ok(-5));
        assert_eq!(left("2026-11-23", "2026-11-23"), Ok(0));
        // Due on a Friday, seen on the Monday: one working day overdue.
        assert_eq!(left("2026-11-23", "2026-11-20"), Ok(-1));
        assert_eq!(left("2026-11-21", "2026-11-23"), Ok(1));
        assert_eq!(
            left("2026-12-30", "2027-01-05"),
            Err(NotPublished { year: 2027 })
        );
    }

    #[test]
    fn ordinary_weekends_and_weekdays() {
        let calendar = calendar();
        assert_eq!(calendar.day_kind(d("2026-11-21")), Ok(DayKind::Weekend));
        assert_eq!(calendar.day_kind(d("2026-11-22")), Ok(DayKind::Weekend));
        assert_eq!(calendar.is_working_day(d("2026-11-21")), Ok(false));
        assert_eq!(calendar.day_kind(d("2026-11-23")), Ok(DayKind::Working));
        assert!(DayKind::AdjustedWorkingDay.is_working());
        assert!(!DayKind::Weekend.is_working());
    }

    #[test]
    fn unpublished_years_are_never_guessed() {
        let calendar = calendar();
        for (date, year) in [
            ("2024-10-01", 2024),
            ("2027-10-01", 2027),
            ("2027-01-04", 2027),
        ] {
            assert_eq!(
                calendar.day_kind(d(date)),
                Err(NotPublished { year }),
                "{date}"
            );
            assert_eq!(
                calendar.is_working_day(d(date)),
                Err(NotPublished { year }),
                "{date}"
            );
        }
        assert!(!calendar.is_published(2027));
    }

    #[test]
    fn five_working_days_skip_the_national_day_holiday() {
        let calendar = calendar();
        // Tue 09-29 → Wed 09-30 (1), 10-01..07 off, Thu 10-08 (2), Fri 10-09 (3),
        // Sat 10-10 调休 (4), Sun 10-11 off, Mon 10-12 (5).
        assert_eq!(
            calendar.add_working_days(d("2026-09-29"), 5),
            Ok(d("2026-10-12"))
        );
        assert_eq!(
            calendar.add_working_days(d("2026-09-29"), 0),
            Ok(d("2026-09-29"))
        );
        assert_eq!(
            calendar.add_working_days(d("2026-09-29"), 1),
            Ok(d("2026-09-30"))
        );
        assert_eq!(
            calendar.add_working_days(d("2026-09-30"), 1),
            Ok(d("2026-10-08"))
        );
        // Counted from a day off: 10-08 (1), 10-09 (2), Sat 10-10 (3), 10-12 (4), 10-13 (5).
        assert_eq!(
            calendar.add_working_days(d("2026-10-01"), 5),
            Ok(d("2026-10-13"))
        );
    }

    #[test]
    fn five_working_days_skip_the_spring_festival() {
        let calendar = calendar();
        // Thu 02-12 → Fri 02-13 (1), Sat 02-14 调休 (2), 02-15..23 off, 02-24..26 (3..5).
        assert_eq!(
            calendar.add_working_days(d("2026-02-12"), 5),
            Ok(d("2026-02-26"))
        );
        // 2025: Fri 01-24 → Sun 01-26 调休 (1), Mon 01-27 (2), 01-28..02-04 off, 02-05..07 (3..5).
        assert_eq!(
            calendar.add_working_days(d("2025-01-24"), 5),
            Ok(d("2025-02-07"))
        );
    }

    #[test]
    fn working_days_run_on_across_published_years() {
        let calendar = calendar();
        // 2025-12-31 (1), 2026-01-01..03 off, Sun 01-04 调休 (2), 01-05 (3).
        assert_eq!(
            calendar.add_working_days(d("2025-12-30"), 3),
            Ok(d("2026-01-05"))
        );
        // The start date's year does not matter, only the days counted.
        assert_eq!(
            calendar.add_working_days(d("2024-12-31"), 1),
            Ok(d("2025-01-02"))
        );
    }

    #[test]
    fn a_deadline_in_an_unpublished_year_is_an_error() {
        let calendar = calendar();
        // 12-31 is the 1st working day after 12-30, and then 2027 is unknown.
        assert_eq!(
            calendar.add_working_days(d("2026-12-30"), 1),
            Ok(d("2026-12-31"))
        );
        assert_eq!(
            calendar.add_working_days(d("2026-12-30"), 2),
            Err(NotPublished { year: 2027 })
        );
        assert_eq!(
            calendar.add_working_days(d("2024-06-03"), 1),
            Err(NotPublished { year: 2024 })
        );
    }

    #[test]
    fn booking_window_of_15_working_days_before_a_long_holiday() {
        let calendar = calendar();
        // Thu 09-24; 中秋 09-25..27 and 国庆 10-01..07 off; Sat 10-10 is a working day.
        let window = calendar.working_days_after(d("2026-09-24"), 15);
        assert_eq!(
            window.days,
            dates(&[
                "2026-09-28",
                "2026-09-29",
                "2026-09-30",
                "2026-10-08",
                "2026-10-09",
                "2026-10-10",
                "2026-10-12",
                "2026-10-13",
                "2026-10-14",
                "2026-10-15",
                "2026-10-16",
                "2026-10-19",
                "2026-10-20",
                "2026-10-21",
                "2026-10-22",
            ])
        );
        assert_eq!(window.truncated, None);
        // The last day of the window is the 15th working day.
        assert_eq!(
            calendar.add_working_days(d("2026-09-24"), 15),
            Ok(d("2026-10-22"))
        );
        // Before the 2026 Spring Festival: 02-14 (Saturday) is bookable.
        let window = calendar.working_days_after(d("2026-02-12"), 3);
        assert_eq!(
            window.days,
            dates(&["2026-02-13", "2026-02-14", "2026-02-24"])
        );
    }

    #[test]
    fn booking_window_stops_at_an_unpublished_year() {
        let calendar = calendar();
        // Sun 2026-12-20: the working days 12-21..25 and 12-28..31, then 2027 is not published.
        let window = calendar.working_days_after(d("2026-12-20"), 15);
        assert_eq!(
            window.days,
            dates(&[
                "2026-12-21",
                "2026-12-22",
                "2026-12-23",
                "2026-12-24",
                "2026-12-25",
                "2026-12-28",
                "2026-12-29",
                "2026-12-30",
                "2026-12-31",
            ])
        );
        assert_eq!(window.truncated, Some(NotPublished { year: 2027 }));
        // A window that just fits is not truncated.
        let window = calendar.working_days_after(d("2026-12-20"), 9);
        assert_eq!(window.days.len(), 9);
        assert_eq!(window.truncated, None);
        // Starting in an unpublished year offers nothing.
        let window = calendar.working_days_after(d("2027-03-01"), 15);
        assert!(window.days.is_empty());
        assert_eq!(window.truncated, Some(NotPublished { year: 2027 }));
        assert!(calendar
            .working_days_after(d("2026-10-01"), 0)
            .days
            .is_empty());
    }
}
