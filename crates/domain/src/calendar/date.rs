//! Civil dates (`YYYY-MM-DD`, years 1 to 9999) and weekdays: parsing, day arithmetic and
//! "today" in Asia/Shanghai from Unix seconds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::lang::{localized_error, Lang};
use crate::texts::{calendar_texts, weekday_texts, CalendarTexts};

/// A day of the proleptic Gregorian calendar between 0001-01-01 and 9999-12-31, as seen on the
/// wall calendar in Asia/Shanghai (see the [module docs](super)).
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
        weekday_texts(lang).names[self as usize]
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
    pub(super) fn parse_any_year(input: &str) -> Result<Date, DateError> {
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

    /// Saturday or Sunday (whether it is a day off is for [`HolidayCalendar`](super::HolidayCalendar) to say).
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
    fn texts(&self, t: &CalendarTexts) -> (&'static str, &'static str) {
        match self {
            Self::Empty => ("date.empty", t.date_empty),
            Self::Format => ("date.format", t.date_format),
            Self::Invalid => ("date.invalid", t.date_invalid),
        }
    }
}

localized_error!(DateError, calendar_texts);

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{d, dates};
    use super::super::working_days::DayKind;
    use super::*;

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
}
