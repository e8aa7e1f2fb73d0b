//! What administrators maintain (issue #7): the booking settings of each venue and the official
//! holiday calendar. The routes are in the staff route table (see [`super::staff`]):
//!
//! | method and path (under `/api/v1/staff`) | who | body → answer |
//! | --- | --- | --- |
//! | `GET /admin/venues` | administrator | → [`AdminVenueList`] |
//! | `PUT /admin/venues/{id}/booking` | administrator | [`VenueBookingUpdate`] → [`AdminVenue`] |
//! | `GET /admin/holidays` | administrator | → [`HolidayYearList`] |
//! | `PUT /admin/holidays/{year}` | administrator | [`HolidayYearRequest`] → [`HolidayYear`] |
//!
//! Venue settings. Saving replaces the slot length, seats per slot, opening hours and topics
//! (and the status when it is given) and marks them confirmed (`defaults_confirmed`), so the
//! citizen pages stop calling them defaults. Bookings already made keep their times and seats;
//! new availability answers use the new settings at once.
//!
//! Holiday calendar. The State Council General Office publishes each year's public holidays and
//! adjusted working days (调休) around November; an administrator types them in from that notice
//! (never guessed). A year is checked by the same code as `data/seed/cn_public_holidays.json`
//! ([`HolidayCalendar::from_file`]). Only the current year and later ones can be published or
//! corrected (409 [`code::YEAR_PAST`]); a year of the seed file may be corrected, and the
//! database's version wins. The server uses a published year at once for booking windows and
//! working-day deadlines.
//!
//! Field names of per-row messages: `opening_hours.{i}.opens`, `opening_hours.{i}.closes`,
//! `holidays.{i}.name`, `holidays.{i}.from`, `holidays.{i}.to`, `working_days.{i}` (from 0).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::booking::{slot_starts, NamedRef, OpeningHours, SlotTime};
use super::{VenueKind, VenueStatus};
use crate::calendar::{
    CalendarError, CalendarFile, Date, DateError, HolidayCalendar, HolidayRange, YearEntry,
};
use crate::lang::{Lang, Localized};
use crate::text::{clean_line, TextProblem};

pub const MIN_SLOT_MINUTES: u16 = 10;
pub const MAX_SLOT_MINUTES: u16 = 240;
pub const MIN_SEATS: u16 = 1;
pub const MAX_SEATS: u16 = 50;
/// Opening periods of a day (morning, afternoon, …).
pub const MAX_OPENING_PERIODS: usize = 6;
/// Holiday ranges and adjusted working days of one year (a notice has about 7 and 6).
pub const MAX_HOLIDAY_RANGES: usize = 20;
pub const MAX_WORKING_DAYS: usize = 20;
pub const MAX_HOLIDAY_NAME_CHARS: usize = 40;
pub const MAX_SOURCE_TITLE_CHARS: usize = 200;
pub const MAX_SOURCE_URL_CHARS: usize = 500;

/// The `code` of refusals that are not about one field.
pub mod code {
    /// 409: a year before the current one cannot be published or changed.
    pub const YEAR_PAST: &str = "admin.year_past";
}

/// What is wrong with a request: (field, problem); the field names are in the module docs.
pub type Problems = Vec<(String, AdminError)>;

// ---------------------------------------------------------------------------------------------
// Venue booking settings
// ---------------------------------------------------------------------------------------------

/// A venue where consultations are booked, with its booking settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminVenue {
    pub id: String,
    pub kind: VenueKind,
    /// `being_set_up` (筹建中): listed, not bookable.
    pub status: VenueStatus,
    pub name_zh: String,
    pub name_en: String,
    pub slot_minutes: u16,
    /// People seen at the same time in one slot, whatever the topic.
    pub seats_per_slot: u16,
    /// The same every working day, in order.
    pub opening_hours: Vec<OpeningHours>,
    /// Ids of the topics offered, in the center's order.
    pub topics: Vec<String>,
    /// False while these are the shipped defaults no administrator has saved.
    pub defaults_confirmed: bool,
}

/// `GET /api/v1/staff/admin/venues`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminVenueList {
    /// Every venue where consultations are booked (or will be).
    pub items: Vec<AdminVenue>,
    /// Every topic a venue can offer, in the center's order.
    pub topics: Vec<NamedRef>,
}

/// The body of `PUT /api/v1/staff/admin/venues/{id}/booking`: the settings that replace the
/// venue's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct VenueBookingUpdate {
    /// Unchanged when absent.
    pub status: Option<VenueStatus>,
    /// 10–240.
    pub slot_minutes: Option<i64>,
    /// 1–50.
    pub seats_per_slot: Option<i64>,
    /// 1–6 periods `HH:MM`–`HH:MM`, in order, not overlapping, each long enough for a slot.
    pub opening_hours: Vec<OpeningHours>,
    /// At least one known topic id.
    pub topics: Vec<String>,
}

/// Checked venue settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VenueBooking {
    pub status: Option<VenueStatus>,
    pub slot_minutes: u16,
    pub seats_per_slot: u16,
    /// Written `HH:MM`, in order.
    pub opening_hours: Vec<OpeningHours>,
    /// In the order of the known topics, each once.
    pub topics: Vec<String>,
}

/// A whole number as typed in a form: `None` when blank, `Some(0)` when it is not a whole
/// number (0 is outside every range here, so the range message, which asks for a whole number,
/// is shown).
pub fn form_number(input: &str) -> Option<i64> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    Some(
        input
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0 && input.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or(0),
    )
}

impl VenueBookingUpdate {
    /// Checks the settings against the topics that exist (`known_topics`, in the center's
    /// order).
    pub fn parse(&self, known_topics: &[String]) -> Result<VenueBooking, Problems> {
        let mut problems = Problems::new();
        let mut problem = |field: String, error: AdminError| problems.push((field, error));

        let slot_minutes = match self.slot_minutes {
            None => {
                problem("slot_minutes".into(), AdminError::SlotMinutesMissing);
                None
            }
            Some(n) if (i64::from(MIN_SLOT_MINUTES)..=i64::from(MAX_SLOT_MINUTES)).contains(&n) => {
                Some(n as u16)
            }
            Some(_) => {
                problem("slot_minutes".into(), AdminError::SlotMinutesRange);
                None
            }
        };
        let seats_per_slot = match self.seats_per_slot {
            None => {
                problem("seats_per_slot".into(), AdminError::SeatsMissing);
                None
            }
            Some(n) if (i64::from(MIN_SEATS)..=i64::from(MAX_SEATS)).contains(&n) => Some(n as u16),
            Some(_) => {
                problem("seats_per_slot".into(), AdminError::SeatsRange);
                None
            }
        };

        let mut hours = Vec::new();
        if self.opening_hours.is_empty() {
            problem("opening_hours".into(), AdminError::HoursMissing);
        } else if self.opening_hours.len() > MAX_OPENING_PERIODS {
            problem("opening_hours".into(), AdminError::TooManyPeriods);
        } else {
            // The end of the last well-formed period before this one, to check the order.
            let mut previous_close: Option<SlotTime> = None;
            for (i, period) in self.opening_hours.iter().enumerate() {
                let opens = read_time(&period.opens, false)
                    .map_err(|e| problem(format!("opening_hours.{i}.opens"), e))
                    .ok();
                let closes = read_time(&period.closes, true)
                    .map_err(|e| problem(format!("opening_hours.{i}.closes"), e))
                    .ok();
                let (Some(opens), Some(closes)) = (opens, closes) else {
                    continue;
                };
                if closes <= opens {
                    problem(
                        format!("opening_hours.{i}.closes"),
                        AdminError::ClosesBeforeOpens,
                    );
                } else if previous_close.is_some_and(|p| opens < p) {
                    problem(
                        format!("opening_hours.{i}.opens"),
                        AdminError::PeriodOverlaps,
                    );
                } else if slot_minutes.is_some_and(|s| closes.minutes() - opens.minutes() < s) {
                    problem(
                        format!("opening_hours.{i}.closes"),
                        AdminError::PeriodShorterThanSlot,
                    );
                } else {
                    hours.push(OpeningHours {
                        opens: opens.to_string(),
                        closes: closes.to_string(),
                    });
                }
                previous_close = Some(closes);
            }
        }

        let asked: Vec<&str> = self.topics.iter().map(|t| t.trim()).collect();
        if asked.iter().all(|t| t.is_empty()) {
            problem("topics".into(), AdminError::TopicsMissing);
        } else if asked
            .iter()
            .any(|t| !t.is_empty() && !known_topics.iter().any(|k| k == t))
        {
            problem("topics".into(), AdminError::TopicUnknown);
        }
        let topics: Vec<String> = known_topics
            .iter()
            .filter(|k| asked.contains(&k.as_str()))
            .cloned()
            .collect();

        match (slot_minutes, seats_per_slot) {
            (Some(slot_minutes), Some(seats_per_slot)) if problems.is_empty() => {
                // Every period holds a slot, so the day has some.
                debug_assert!(!slot_starts(&hours, slot_minutes).is_empty());
                Ok(VenueBooking {
                    status: self.status,
                    slot_minutes,
                    seats_per_slot,
                    opening_hours: hours,
                    topics,
                })
            }
            _ => Err(problems),
        }
    }
}

/// `HH:MM`; `24:00` only as a closing time.
fn read_time(input: &str, closing: bool) -> Result<SlotTime, AdminError> {
    if input.trim().is_empty() {
        return Err(AdminError::TimeMissing);
    }
    match SlotTime::parse(input) {
        Some(t) if closing || t.minutes() < 24 * 60 => Ok(t),
        _ => Err(AdminError::TimeFormat),
    }
}

// ---------------------------------------------------------------------------------------------
// The holiday calendar
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What is wrong with one field of an administrator's request. Codes start with `admin.`,
/// except those of wrapped date and calendar errors (`date.`, `calendar.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminError {
    SlotMinutesMissing,
    SlotMinutesRange,
    SeatsMissing,
    SeatsRange,
    HoursMissing,
    TooManyPeriods,
    TimeMissing,
    TimeFormat,
    ClosesBeforeOpens,
    PeriodOverlaps,
    PeriodShorterThanSlot,
    TopicsMissing,
    TopicUnknown,
    SourceTitleMissing,
    SourceUrlMissing,
    SourceUrlInvalid,
    HolidaysMissing,
    TooManyHolidays,
    TooManyWorkingDays,
    HolidayNameMissing,
    DuplicateDay,
    TextTooLong,
    ControlCharacter,
    Date(DateError),
    Calendar(CalendarError),
}

impl AdminError {
    fn texts(&self) -> (&'static str, String, String) {
        use AdminError::*;
        let (code, zh, en): (&'static str, String, String) = match self {
            SlotMinutesMissing => (
                "admin.slot_minutes_missing",
                "请填写每个时段的长度（分钟）。".into(),
                "Enter the length of a slot in minutes.".into(),
            ),
            SlotMinutesRange => (
                "admin.slot_minutes_range",
                format!("时段长度请填写 {MIN_SLOT_MINUTES} 至 {MAX_SLOT_MINUTES} 之间的整数（分钟）。"),
                format!("The length of a slot must be a whole number of minutes from {MIN_SLOT_MINUTES} to {MAX_SLOT_MINUTES}."),
            ),
            SeatsMissing => (
                "admin.seats_missing",
                "请填写每个时段可接待的人数。".into(),
                "Enter how many people can be seen in one slot.".into(),
            ),
            SeatsRange => (
                "admin.seats_range",
                format!("每个时段的人数请填写 {MIN_SEATS} 至 {MAX_SEATS} 之间的整数。"),
                format!("The places per slot must be a whole number from {MIN_SEATS} to {MAX_SEATS}."),
            ),
            HoursMissing => (
                "admin.hours_missing",
                "请至少填写一段开放时间。".into(),
                "Enter at least one period of opening hours.".into(),
            ),
            TooManyPeriods => (
                "admin.too_many_periods",
                format!("开放时间最多 {MAX_OPENING_PERIODS} 段。"),
                format!("There can be at most {MAX_OPENING_PERIODS} periods of opening hours."),
            ),
            TimeMissing => (
                "admin.time_missing",
                "请填写时间，格式为“时:分”，例如 09:00。".into(),
                "Enter a time as hours:minutes, for example 09:00.".into(),
            ),
            TimeFormat => (
                "admin.time_format",
                "时间格式应为“时:分”（24 小时制），例如 09:00 或 17:30。".into(),
                "Write the time as hours:minutes on the 24-hour clock, for example 09:00 or 17:30.".into(),
            ),
            ClosesBeforeOpens => (
                "admin.closes_before_opens",
                "结束时间须晚于开始时间。".into(),
                "The closing time must be after the opening time.".into(),
            ),
            PeriodOverlaps => (
                "admin.period_overlaps",
                "每段开放时间须在上一段结束之后开始（按时间先后填写，不得重叠）。".into(),
                "Each period must start after the one before it ends (in time order, not overlapping).".into(),
            ),
            PeriodShorterThanSlot => (
                "admin.period_shorter_than_slot",
                "这段开放时间比一个时段还短，无法预约。请延长这段时间或缩短时段长度。".into(),
                "This period is shorter than one slot, so nothing could be booked in it. Make it longer or the slots shorter.".into(),
            ),
            TopicsMissing => (
                "admin.topics_missing",
                "请至少选择一个咨询事项。".into(),
                "Choose at least one topic.".into(),
            ),
            TopicUnknown => (
                "admin.topic_unknown",
                "所选咨询事项中有不存在的事项。".into(),
                "One of the topics chosen does not exist.".into(),
            ),
            SourceTitleMissing => (
                "admin.source_title_missing",
                "请填写通知的标题（含文号），例如“国务院办公厅关于××××年部分节假日安排的通知”。".into(),
                "Enter the title of the notice (with its document number), for example “国务院办公厅关于××××年部分节假日安排的通知”.".into(),
            ),
            SourceUrlMissing => (
                "admin.source_url_missing",
                "请填写通知的网址。".into(),
                "Enter the web address of the notice.".into(),
            ),
            SourceUrlInvalid => (
                "admin.source_url_invalid",
                format!("网址应以 https:// 或 http:// 开头，不含空格，最多 {MAX_SOURCE_URL_CHARS} 个字符。"),
                format!("The web address must start with https:// or http://, have no spaces and be at most {MAX_SOURCE_URL_CHARS} characters."),
            ),
            HolidaysMissing => (
                "admin.holidays_missing",
                "请至少填写一段放假安排。".into(),
                "Enter at least one holiday.".into(),
            ),
            TooManyHolidays => (
                "admin.too_many_holidays",
                format!("一年最多填写 {MAX_HOLIDAY_RANGES} 段放假安排。"),
                format!("A year has at most {MAX_HOLIDAY_RANGES} holidays."),
            ),
            TooManyWorkingDays => (
                "admin.too_many_working_days",
                format!("一年最多填写 {MAX_WORKING_DAYS} 个调休上班日。"),
                format!("A year has at most {MAX_WORKING_DAYS} adjusted working days."),
            ),
            HolidayNameMissing => (
                "admin.holiday_name_missing",
                "请填写节日名称，例如 春节。".into(),
                "Enter the holiday's name, for example 春节 (Spring Festival).".into(),
            ),
            DuplicateDay => (
                "admin.duplicate_day",
                "这一天已经填写过了。".into(),
                "This day is listed already.".into(),
            ),
            TextTooLong => (
                "admin.text_too_long",
                "内容太长。".into(),
                "The text is too long.".into(),
            ),
            ControlCharacter => (
                "admin.control_character",
                "内容中有无法识别的字符。".into(),
                "The text contains characters that cannot be used.".into(),
            ),
            Date(e) => (e.code(), e.message(Lang::Zh), e.message(Lang::En)),
            Calendar(e) => (e.code(), e.message(Lang::Zh), e.message(Lang::En)),
        };
        (code, zh, en)
    }
}

impl Localized for AdminError {
    fn code(&self) -> &'static str {
        self.texts().0
    }

    fn message(&self, lang: Lang) -> String {
        let (_, zh, en) = self.texts();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl fmt::Display for AdminError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts().1)
    }
}

impl std::error::Error for AdminError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Vec<String> {
        ["patent", "trademark", "copyright"]
            .map(str::to_owned)
            .to_vec()
    }

    fn hours(list: &[(&str, &str)]) -> Vec<OpeningHours> {
        list.iter()
            .map(|(o, c)| OpeningHours {
                opens: (*o).to_owned(),
                closes: (*c).to_owned(),
            })
            .collect()
    }

    fn settings() -> VenueBookingUpdate {
        VenueBookingUpdate {
            status: None,
            slot_minutes: Some(30),
            seats_per_slot: Some(3),
            opening_hours: hours(&[("09:00", "11:30"), ("13:30", "17:00")]),
            topics: vec!["trademark".into(), "patent".into(), "patent".into()],
        }
    }

    fn fields(problems: &Problems) -> Vec<(&str, &'static str)> {
        problems
            .iter()
            .map(|(f, e)| (f.as_str(), e.code()))
            .collect()
    }

    #[test]
    fn venue_settings_are_checked_and_normalised() {
        let checked = settings().parse(&topics()).unwrap();
        assert_eq!(checked.slot_minutes, 30);
        assert_eq!(checked.seats_per_slot, 3);
        assert_eq!(
            checked.topics,
            ["patent", "trademark"],
            "the center's order, once each"
        );
        let mut update = settings();
        update.opening_hours = hours(&[(" 8:30", "12:00")]);
        assert_eq!(
            fields(&update.parse(&topics()).unwrap_err()),
            [("opening_hours.0.opens", "admin.time_format")]
        );
        update.opening_hours = hours(&[("08:30 ", "24:00")]);
        assert_eq!(
            update.parse(&topics()).unwrap().opening_hours,
            hours(&[("08:30", "24:00")])
        );
    }

    #[test]
    fn slot_length_and_seats_have_ranges() {
        for (slot, seats, expected) in [
            (
                Some(9),
                Some(1),
                vec![("slot_minutes", "admin.slot_minutes_range")],
            ),
            (
                Some(241),
                Some(51),
                vec![
                    ("slot_minutes", "admin.slot_minutes_range"),
                    ("seats_per_slot", "admin.seats_range"),
                ],
            ),
            (
                None,
                Some(0),
                vec![
                    ("slot_minutes", "admin.slot_minutes_missing"),
                    ("seats_per_slot", "admin.seats_range"),
                ],
            ),
            (
                Some(30),
                None,
                vec![("seats_per_slot", "admin.seats_missing")],
            ),
        ] {
            let update = VenueBookingUpdate {
                slot_minutes: slot,
                seats_per_slot: seats,
                ..settings()
            };
            assert_eq!(
                fields(&update.parse(&topics()).unwrap_err()),
                expected,
                "{slot:?} {seats:?}"
            );
        }
        for (slot, seats) in [(10, 1), (240, 50)] {
            let update = VenueBookingUpdate {
                slot_minutes: Some(slot),
                seats_per_slot: Some(seats),
                opening_hours: hours(&[("08:00", "12:00")]),
                ..settings()
            };
            assert!(update.parse(&topics()).is_ok(), "{slot} {seats}");
        }
    }

    #[test]
    fn opening_hours_are_in_order_and_do_not_overlap() {
        let check = |list: &[(&str, &str)]| {
            let update = VenueBookingUpdate {
                opening_hours: hours(list),
                ..settings()
            };
            update.parse(&topics()).map(|_| ()).map_err(|p| {
                fields(&p)
                    .iter()
                    .map(|(f, c)| format!("{f} {c}"))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            check(&[("09:00", "12:00"), ("12:00", "17:00")]),
            Ok(()),
            "touching is fine"
        );
        assert_eq!(
            check(&[("13:30", "17:00"), ("09:00", "11:30")]),
            Err(vec![
                "opening_hours.1.opens admin.period_overlaps".to_owned()
            ])
        );
        assert_eq!(
            check(&[("09:00", "12:00"), ("11:00", "17:00")]),
            Err(vec![
                "opening_hours.1.opens admin.period_overlaps".to_owned()
            ])
        );
        assert_eq!(
            check(&[("12:00", "09:00")]),
            Err(vec![
                "opening_hours.0.closes admin.closes_before_opens".to_owned()
            ])
        );
        assert_eq!(
            check(&[("09:00", "09:20")]),
            Err(vec![
                "opening_hours.0.closes admin.period_shorter_than_slot".to_owned()
            ])
        );
        assert_eq!(
            check(&[("24:00", "24:00"), ("", "25:00")]),
            Err(vec![
                "opening_hours.0.opens admin.time_format".to_owned(),
                "opening_hours.1.opens admin.time_missing".to_owned(),
                "opening_hours.1.closes admin.time_format".to_owned(),
            ])
        );
        assert_eq!(
            check(&[]),
            Err(vec!["opening_hours admin.hours_missing".to_owned()])
        );
        assert_eq!(
            check(&[("08:00", "09:00"); 7]),
            Err(vec!["opening_hours admin.too_many_periods".to_owned()])
        );
    }

    #[test]
    fn topics_must_be_known_and_at_least_one() {
        let with = |list: &[&str]| VenueBookingUpdate {
            topics: list.iter().map(|t| (*t).to_owned()).collect(),
            ..settings()
        };
        assert_eq!(
            fields(&with(&[]).parse(&topics()).unwrap_err()),
            [("topics", "admin.topics_missing")]
        );
        assert_eq!(
            fields(&with(&["patent", "alchemy"]).parse(&topics()).unwrap_err()),
            [("topics", "admin.topic_unknown")]
        );
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(form_number(" 30 "), Some(30));
        assert_eq!(form_number(""), None);
        for not_whole in ["3.5", "-3", "+3", "三", "1e2", "0"] {
            assert_eq!(form_number(not_whole), Some(0), "{not_whole}");
        }
    }

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

    #[test]
    fn every_error_has_a_code_and_both_languages() {
        let all = [
            AdminError::SlotMinutesMissing,
            AdminError::SlotMinutesRange,
            AdminError::SeatsMissing,
            AdminError::SeatsRange,
            AdminError::HoursMissing,
            AdminError::TooManyPeriods,
            AdminError::TimeMissing,
            AdminError::TimeFormat,
            AdminError::ClosesBeforeOpens,
            AdminError::PeriodOverlaps,
            AdminError::PeriodShorterThanSlot,
            AdminError::TopicsMissing,
            AdminError::TopicUnknown,
            AdminError::SourceTitleMissing,
            AdminError::SourceUrlMissing,
            AdminError::SourceUrlInvalid,
            AdminError::HolidaysMissing,
            AdminError::TooManyHolidays,
            AdminError::TooManyWorkingDays,
            AdminError::HolidayNameMissing,
            AdminError::DuplicateDay,
            AdminError::TextTooLong,
            AdminError::ControlCharacter,
        ];
        let mut codes = std::collections::HashSet::new();
        for error in &all {
            assert!(error.code().starts_with("admin."));
            assert!(codes.insert(error.code()), "{}", error.code());
            assert_ne!(error.message(Lang::Zh), error.message(Lang::En));
            assert!(!error.message(Lang::Zh).is_ascii());
            assert_eq!(error.to_string(), error.message(Lang::Zh));
        }
        assert_eq!(AdminError::Date(DateError::Format).code(), "date.format");
    }
}
