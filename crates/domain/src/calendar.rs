//! Civil dates and the official working-day calendar of mainland China.
//!
//! Deadlines such as "initial review within 5 working days" and booking windows such as "from
//! the next working day up to 15 working days ahead" count *working days*. Which days those are
//! is decided every year by the State Council General Office's notice on public holidays: it
//! lists the days off (放假), which may be weekdays, and the weekend days that become working
//! days (调休上班). The notices are kept in `data/seed/cn_public_holidays.json`, which the caller
//! parses with serde into a [`CalendarFile`] and turns into a [`HolidayCalendar`]. A year that is
//! not in the file has not been published, and nothing here guesses it: every question about
//! such a year answers [`NotPublished`].
//!
//! Time zone: the center is in Asia/Shanghai (UTC+8 all year, no daylight saving time), and every
//! [`Date`] here is a date on the wall calendar there. There is no clock in this crate (it also
//! runs in the browser): the caller takes the current Unix time (on the server from the system
//! clock, in the browser from `Date.now()`) and gets "today" from
//! [`Date::from_unix_seconds_shanghai`], which adds 8 hours to UTC. Never take "today" from the
//! browser's own time zone: a user abroad would get the wrong day.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::lang::{localized_error, Lang};

// ---------------------------------------------------------------------------------------------
// Date
// ---------------------------------------------------------------------------------------------

/// A day of the proleptic Gregorian calendar between 0001-01-01 and 9999-12-31, as seen on the
/// wall calendar in Asia/Shanghai (see the [module docs](self)).
///
/// `parse`, `Display`, `FromStr` and serde all use the ISO 8601 form `YYYY-MM-DD`, the form an
/// HTML `<input type="date">` gives. `parse` requires exactly that form, zero-padded:
/// `2026-1-1`, `2026/01/01` and `20260101` are refused, so a date has one spelling only.
/// Dates order by time (`Ord`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    // Field order matters: the derived `Ord` compares year, then month, then day.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date was refused. Codes start with `date.`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was entered.
    Empty,
    /// Not of the form `YYYY-MM-DD` with every part zero-padded.
    Format,
    /// Well-formed, but no such day: month 13, 2026-02-30, 2100-02-29, or year 0000.
    Invalid,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 1 for Monday to 7 for Sunday (ISO 8601).
    pub fn number_from_monday(self) -> u8 {
        self as u8 + 1
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// `星期一` … `星期日`, or `Monday` … `Sunday`.
    pub fn name(self, lang: Lang) -> &'static str {
        const ZH: [&str; 7] = [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        lang.pick(ZH[self as usize], EN[self as usize])
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The first year a date typed or sent to the portal may have (see [`Date::parse`]).
pub const FIRST_INPUT_YEAR: i32 = 1900;
/// The last year a date typed or sent to the portal may have (see [`Date::parse`]).
pub const LAST_INPUT_YEAR: i32 = 2999;

/// Whether a year from outside (a date, a holiday year in a path) is one the portal works with:
/// [`FIRST_INPUT_YEAR`] to [`LAST_INPUT_YEAR`].
pub fn accepts_year(year: i32) -> bool {
    (FIRST_INPUT_YEAR..=LAST_INPUT_YEAR).contains(&year)
}

impl Date {
    /// The date with this year, month (1–12) and day (1–31), if there is such a day.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Invalid);
        }
        Ok(Date {
            year: year as u16,
            month,
            day,
        })
    }

    /// Reads `YYYY-MM-DD` (surrounding whitespace is ignored), for a year from
    /// [`FIRST_INPUT_YEAR`] to [`LAST_INPUT_YEAR`]: every date that reaches the portal from
    /// outside comes through here, and the bound keeps the arithmetic done on it (a day later,
    /// working days ahead, the week around it) far from the ends of the calendar, where it
    /// would have no answer (`9999-12-31` plus one day).
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let date = Date::parse_any_year(input)?;
        if accepts_year(date.year()) {
            Ok(date)
        } else {
            Err(DateError::Invalid)
        }
    }

    /// `parse` for the whole range 0001–9999 (the calendar's own tests).
    fn parse_any_year(input: &str) -> Result<Date, DateError> {
        let s = input.trim().as_bytes();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let digits = |range: std::ops::Range<usize>| {
            s[range].iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        if s.len() != 10 || s[4] != b'-' || s[7] != b'-' {
            return Err(DateError::Format);
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            // Two digits always fit in a u8.
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m as u8, d as u8),
            _ => Err(DateError::Format),
        }
    }

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it), by Howard Hinnant's `days_from_civil`
    /// (<https://howardhinnant.github.io/date_algorithms.html>).
    pub fn days_from_civil(self) -> i32 {
        let (m, d) = (i32::from(self.month), i32::from(self.day));
        let y = self.year() - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400; // [0, 399]
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (Hinnant's `civil_from_days`); `None` outside
    /// 0001-01-01..=9999-12-31.
    pub fn from_days(days: i32) -> Option<Date> {
        let z = i64::from(days) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097; // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March first
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).ok()?;
        Date::new(year, month as u8, day as u8).ok()
    }

    /// Today's date in Asia/Shanghai (UTC+8, no daylight saving time) at the instant `secs`
    /// seconds after 1970-01-01T00:00:00Z. `None` only outside years 1–9999, which no clock
    /// gives. For example 2025-12-31T16:00:00Z (1767196800) is 2026-01-01 in Shanghai.
    pub fn from_unix_seconds_shanghai(secs: i64) -> Option<Date> {
        const SHANGHAI_OFFSET_SECS: i64 = 8 * 60 * 60;
        let days = secs.checked_add(SHANGHAI_OFFSET_SECS)?.div_euclid(86_400);
        Date::from_days(i32::try_from(days).ok()?)
    }

    pub fn weekday(self) -> Weekday {
        const DAYS: [Weekday; 7] = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        // 1970-01-01 was a Thursday.
        DAYS[(self.days_from_civil() + 3).rem_euclid(7) as usize]
    }

    /// Saturday or Sunday (whether it is a day off is for [`HolidayCalendar`] to say).
    pub fn is_weekend(self) -> bool {
        self.weekday().is_weekend()
    }

    /// The date `days` days later (earlier if negative); `None` outside 0001-01-01..=9999-12-31.
    pub fn checked_add_days(self, days: i32) -> Option<Date> {
        Date::from_days(self.days_from_civil().checked_add(days)?)
    }

    /// The date `days` days later (earlier if negative).
    ///
    /// # Panics
    /// If the result is outside 0001-01-01..=9999-12-31; use
    /// [`checked_add_days`](Self::checked_add_days) when `days` comes from outside.
    pub fn add_days(self, days: i32) -> Date {
        self.checked_add_days(days)
            .expect("date outside 0001-01-01..=9999-12-31")
    }
}

/// OpenAPI: a string in `date` format (`YYYY-MM-DD`).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2026-10-01"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Date, DateError> {
        Date::parse(input)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;

    fn try_from(input: String) -> Result<Date, DateError> {
        Date::parse(&input)
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

impl DateError {
    fn texts(&self) -> (&'static str, String, String) {
        let (code, zh, en) = match self {
            Self::Empty => (
                "date.empty",
                "请输入日期，格式为“年-月-日”，例如 2026-10-01",
                "Enter a date as year-month-day, for example 2026-10-01",
            ),
            Self::Format => (
                "date.format",
                "日期格式应为“年-月-日”：4 位年份、2 位月份、2 位日期，用“-”隔开，例如 2026-10-01",
                "Write the date as year-month-day: a 4-digit year, a 2-digit month and a 2-digit day, separated by hyphens, for example 2026-10-01",
            ),
            Self::Invalid => (
                "date.invalid",
                "没有这一天。请检查月份（1 至 12）和该月的天数",
                "There is no such day. Check the month (1 to 12) and the number of days in that month",
            ),
        };
        (code, zh.to_owned(), en.to_owned())
    }
}

localized_error!(DateError);

// ---------------------------------------------------------------------------------------------
// The calendar file
// ---------------------------------------------------------------------------------------------

/// The JSON of `data/seed/cn_public_holidays.json`, as serde reads it. Turn it into a
/// [`HolidayCalendar`] with [`HolidayCalendar::from_file`], which checks it.
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
    fn texts(&self) -> (&'static str, String, String) {
        match self {
            Self::TimeZone { found } => (
                "calendar.time_zone",
                format!("节假日日历的时区应为 Asia/Shanghai，文件中为“{found}”"),
                format!("The holiday calendar's time zone must be Asia/Shanghai, not \"{found}\""),
            ),
            Self::YearKey { key } => (
                "calendar.year_key",
                format!("节假日日历中的年份“{key}”不是 4 位年份"),
                format!("\"{key}\" in the holiday calendar is not a 4-digit year"),
            ),
            Self::OutsideYear { year, date } => (
                "calendar.outside_year",
                format!("节假日日历 {year} 年下列出的日期 {date} 不在 {year} 年内"),
                format!("The date {date} listed under {year} in the holiday calendar is not in {year}"),
            ),
            Self::ReversedRange { name, from, to } => (
                "calendar.reversed_range",
                format!("节假日日历中“{name}”的结束日期 {to} 早于开始日期 {from}"),
                format!("In the holiday calendar, \"{name}\" ends ({to}) before it starts ({from})"),
            ),
            Self::Overlap { date } => (
                "calendar.overlap",
                format!("节假日日历中 {date} 同时属于两个假期"),
                format!("In the holiday calendar, {date} is in two holidays"),
            ),
            Self::WorkingDayIsHoliday { date } => (
                "calendar.working_day_is_holiday",
                format!("节假日日历中 {date} 既是假期又是调休上班日"),
                format!("In the holiday calendar, {date} is both a holiday and an adjusted working day"),
            ),
            Self::WorkingDayNotWeekend { date } => (
                "calendar.working_day_not_weekend",
                format!("节假日日历中的调休上班日 {date} 不是周六或周日"),
                format!("In the holiday calendar, the adjusted working day {date} is not a Saturday or Sunday"),
            ),
        }
    }
}

localized_error!(CalendarError);

/// The holiday arrangements for `year` have not been published (or are not in the calendar
/// file yet), so no working day in it can be worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NotPublished {
    pub year: i32,
}

impl NotPublished {
    fn texts(&self) -> (&'static str, String, String) {
        let year = self.year;
        (
            "calendar.not_published",
            format!("{year} 年的法定节假日安排尚未公布，暂时无法计算该年的工作日"),
            format!(
                "The official public holidays for {year} have not been published yet, so working days in {year} cannot be counted"
            ),
        )
    }
}

localized_error!(NotPublished);

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

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
    use super::*;
    use crate::lang::Localized;

    const CALENDAR_JSON: &str = include_str!("../../../data/seed/cn_public_holidays.json");

    fn calendar() -> HolidayCalendar {
        let file: CalendarFile = serde_json::from_str(CALENDAR_JSON).unwrap();
        HolidayCalendar::from_file(file).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse_any_year(s).unwrap()
    }

    #[test]
    fn dates_from_outside_are_refused_beyond_the_years_the_portal_can_count_in() {
        assert_eq!(Date::parse("9999-12-31"), Err(DateError::Invalid));
        assert_eq!(Date::parse("3000-01-01"), Err(DateError::Invalid));
        assert_eq!(Date::parse("1899-12-31"), Err(DateError::Invalid));
        assert_eq!(Date::parse("0001-01-01"), Err(DateError::Invalid));
        assert_eq!(Date::parse("1900-01-01").map(Date::year), Ok(1900));
        assert_eq!(Date::parse("2999-12-31").map(Date::year), Ok(2999));
        assert_eq!(
            Date::try_from("9999-12-31".to_owned()),
            Err(DateError::Invalid)
        );
    }

    fn dates(list: &[&str]) -> Vec<Date> {
        list.iter().map(|s| d(s)).collect()
    }

    // --- Date -------------------------------------------------------------------------------

    #[test]
    fn parses_and_displays_iso_dates() {
        let date = d("2026-10-01");
        assert_eq!((date.year(), date.month(), date.day()), (2026, 10, 1));
        assert_eq!(date.to_string(), "2026-10-01");
        assert_eq!(format!("{date:?}"), "Date(2026-10-01)");
        assert_eq!(d("  0001-01-01\n").to_string(), "0001-01-01");
        assert_eq!(d("9999-12-31").to_string(), "9999-12-31");
        assert_eq!("2026-10-01".parse::<Date>(), Ok(date));
        assert_eq!(Date::new(2026, 10, 1), Ok(date));
    }

    #[test]
    fn refuses_malformed_dates() {
        for input in [
            "2026-1-1",
            "2026-01-1",
            "26-01-01",
            "2026/10/01",
            "20261001",
            "2026-10-01T00:00",
            "2026-1a-01",
            "+026-10-01",
            "2026-+1-01",
            "２０２６-１０-０１",
            "2026—10—01",
        ] {
            assert_eq!(Date::parse(input), Err(DateError::Format), "{input}");
        }
        assert_eq!(Date::parse(""), Err(DateError::Empty));
        assert_eq!(Date::parse("   "), Err(DateError::Empty));
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        for input in [
            "2026-02-30",
            "2026-02-29",
            "2100-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-10-00",
            "2026-10-32",
            "0000-01-01",
        ] {
            assert_eq!(Date::parse(input), Err(DateError::Invalid), "{input}");
        }
        assert_eq!(Date::new(10_000, 1, 1), Err(DateError::Invalid));
        assert_eq!(Date::new(-1, 1, 1), Err(DateError::Invalid));
    }

    #[test]
    fn leap_years() {
        for leap in ["2000-02-29", "2024-02-29", "2028-02-29", "1600-02-29"] {
            assert!(Date::parse_any_year(leap).is_ok(), "{leap}");
        }
        assert_eq!(d("2000-02-28").add_days(1), d("2000-02-29"));
        assert_eq!(d("2100-02-28").add_days(1), d("2100-03-01"));
        assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
        assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
        assert_eq!(d("2024-01-01").add_days(366), d("2025-01-01"));
        assert_eq!(d("2025-01-01").add_days(365), d("2026-01-01"));
    }

    #[test]
    fn weekdays_of_known_dates() {
        use Weekday::*;
        for (date, weekday) in [
            ("1970-01-01", Thursday),
            ("2000-01-01", Saturday),
            ("2000-02-29", Tuesday),
            ("2026-10-01", Thursday),
            ("2026-11-21", Saturday),
            ("2026-02-17", Tuesday), // 春节 (Lunar New Year's Day) 2026
            ("2025-01-26", Sunday),
            ("2100-03-01", Monday),
            ("0001-01-01", Monday),
            ("1969-12-31", Wednesday),
        ] {
            assert_eq!(d(date).weekday(), weekday, "{date}");
        }
        assert!(d("2026-11-21").is_weekend());
        assert!(d("2026-11-22").is_weekend());
        assert!(!d("2026-11-23").is_weekend());
        assert_eq!(Saturday.number_from_monday(), 6);
        assert_eq!(Sunday.name(Lang::Zh), "星期日");
        assert_eq!(Monday.name(Lang::En), "Monday");
    }

    #[test]
    fn days_from_civil_known_values() {
        for (date, days) in [
            ("1970-01-01", 0),
            ("1970-01-02", 1),
            ("1969-12-31", -1),
            ("2000-03-01", 11_017),
            ("2026-01-01", 20_454),
            ("0001-01-01", -719_162),
            ("9999-12-31", 2_932_896),
        ] {
            assert_eq!(d(date).days_from_civil(), days, "{date}");
            assert_eq!(Date::from_days(days), Some(d(date)), "{date}");
        }
        assert_eq!(Date::from_days(-719_163), None);
        assert_eq!(Date::from_days(2_932_897), None);
        assert_eq!(Date::from_days(i32::MIN), None);
        assert_eq!(Date::from_days(i32::MAX), None);
    }

    #[test]
    fn every_day_from_year_1_to_9999_follows_the_one_before() {
        let mut previous = d("0001-01-01");
        for days in -719_161..=2_932_896 {
            let date = Date::from_days(days).unwrap();
            assert_eq!(date.days_from_civil(), days);
            let expected = if previous.day() < days_in_month(previous.year(), previous.month()) {
                (previous.year(), previous.month(), previous.day() + 1)
            } else if previous.month() < 12 {
                (previous.year(), previous.month() + 1, 1)
            } else {
                (previous.year() + 1, 1, 1)
            };
            assert_eq!((date.year(), date.month(), date.day()), expected);
            assert!(previous < date);
            previous = date;
        }
    }

    #[test]
    fn add_days_and_its_limits() {
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
        assert_eq!(d("2026-01-01").add_days(-1), d("2025-12-31"));
        assert_eq!(d("2026-10-01").add_days(0), d("2026-10-01"));
        assert_eq!(d("9999-12-31").checked_add_days(1), None);
        assert_eq!(d("0001-01-01").checked_add_days(-1), None);
        assert_eq!(d("2026-10-01").checked_add_days(i32::MAX), None);
        assert_eq!(d("2026-10-01").checked_add_days(i32::MIN), None);
    }

    #[test]
    fn today_in_shanghai_from_unix_seconds() {
        assert_eq!(Date::from_unix_seconds_shanghai(0), Some(d("1970-01-01")));
        // 2025-12-31T16:00:00Z is midnight in Shanghai.
        assert_eq!(
            Date::from_unix_seconds_shanghai(1_767_196_800),
            Some(d("2026-01-01"))
        );
        assert_eq!(
            Date::from_unix_seconds_shanghai(1_767_196_799),
            Some(d("2025-12-31"))
        );
        // 1969-12-31T16:00:00Z is 1970-01-01T00:00 in Shanghai; one second earlier is not.
        assert_eq!(
            Date::from_unix_seconds_shanghai(-28_800),
            Some(d("1970-01-01"))
        );
        assert_eq!(
            Date::from_unix_seconds_shanghai(-28_801),
            Some(d("1969-12-31"))
        );
        assert_eq!(Date::from_unix_seconds_shanghai(i64::MAX), None);
        assert_eq!(Date::from_unix_seconds_shanghai(i64::MIN), None);
    }

    #[test]
    fn dates_order_by_time() {
        let mut list = dates(&["2026-10-01", "2025-12-31", "2026-02-01", "2026-01-31"]);
        list.sort();
        assert_eq!(
            list,
            dates(&["2025-12-31", "2026-01-31", "2026-02-01", "2026-10-01"])
        );
    }

    #[test]
    fn serde_round_trip_validates() {
        let date = d("2026-10-01");
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, r#""2026-10-01""#);
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        assert!(serde_json::from_str::<Date>(r#""2026-02-30""#).is_err());
        assert!(serde_json::from_str::<Date>(r#""2026-1-1""#).is_err());
        assert!(serde_json::from_str::<Date>("20261001").is_err());
        let kind = DayKind::Holiday {
            name: "国庆节".into(),
        };
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, r#"{"kind":"holiday","name":"国庆节"}"#);
        assert_eq!(serde_json::from_str::<DayKind>(&json).unwrap(), kind);
        assert_eq!(
            serde_json::to_string(&DayKind::AdjustedWorkingDay).unwrap(),
            r#"{"kind":"adjusted_working_day"}"#
        );
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_schema_of_a_date_is_a_date_string() {
        let schema = serde_json::to_value(<Date as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(schema["type"], "string");
        assert_eq!(schema["format"], "date");
    }

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

    fn file(json: &str) -> Result<HolidayCalendar, CalendarError> {
        HolidayCalendar::from_file(serde_json::from_str(json).unwrap())
    }

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
            &[DateError::Empty, DateError::Format, DateError::Invalid],
            "date.",
        );
        let date = d("2026-10-01");
        crate::lang::assert_messages(
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
            "calendar.",
        );
        let not_published = NotPublished { year: 2027 };
        crate::lang::assert_messages(&[not_published], "calendar.not_published");
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
