//! Which days and slots can be booked: the availability query and answer, the slots that fit in
//! the opening hours, and the booking window by the holiday calendar.

use serde::{Deserialize, Serialize};

use super::errors::BookingError;
use super::limits::WINDOW_WORKING_DAYS;
use super::requests::parse_venue_and_topic;
use super::venues::OpeningHours;
use crate::calendar::{Date, DayKind, HolidayCalendar, WorkingDays};
use crate::time::SlotTime;

/// The query of `GET /api/v1/booking/availability`: both are required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AvailabilityParams {
    /// A venue id.
    pub venue: Option<String>,
    /// A topic id.
    pub topic: Option<String>,
}

/// Well-formed availability parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityQuery {
    pub venue: String,
    pub topic: String,
}

impl AvailabilityParams {
    pub fn parse(&self) -> Result<AvailabilityQuery, Vec<(&'static str, BookingError)>> {
        let mut errors = Vec::new();
        let (venue, topic) = parse_venue_and_topic(&self.venue, &self.topic, &mut errors);
        match (venue, topic) {
            (Some(venue), Some(topic)) => Ok(AvailabilityQuery { venue, topic }),
            _ => Err(errors),
        }
    }
}

/// `GET /api/v1/booking/availability`: the bookable days of the window with every slot and its
/// free seats (0 when full).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    pub venue_id: String,
    pub topic_id: String,
    /// Today in Asia/Shanghai, as the server's clock says.
    pub today: Date,
    pub slot_minutes: u16,
    pub seats_per_slot: u16,
    pub defaults_confirmed: bool,
    /// The working days from the next one up to 15 ahead, in order.
    pub days: Vec<AvailableDay>,
    /// Set when the window runs into a year whose public holidays are not published yet: the
    /// days from that year on are not offered (show [`NotPublished`](crate::calendar::NotPublished)'s message).
    pub unpublished_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailableDay {
    pub date: Date,
    /// `working`, or `adjusted_working_day` for a weekend day that is a working day (调休上班).
    pub day_kind: DayKind,
    pub slots: Vec<AvailableSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailableSlot {
    /// Start, `HH:MM`: the `time` to send when booking.
    pub time: String,
    pub end_time: String,
    /// Free seats; 0 means full.
    pub remaining: u16,
}

/// The `details` of a 409 [`code::SLOT_FULL`](super::code::SLOT_FULL) answer: other slots of the same venue and topic
/// with a free seat, the ones after the requested slot first (at most 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotTakenDetails {
    pub next_available: Vec<SlotOffer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotOffer {
    pub date: Date,
    pub time: String,
    pub end_time: String,
    pub remaining: u16,
}

impl TryFrom<String> for SlotTime {
    type Error = BookingError;

    fn try_from(value: String) -> Result<SlotTime, BookingError> {
        SlotTime::parse(&value).ok_or(BookingError::TimeFormat)
    }
}

/// The start times of the slots of `slot_minutes` that fit wholly inside the opening hours, in
/// order. Hours that are not `HH:MM` are skipped (the database only holds well-formed ones).
pub fn slot_starts(hours: &[OpeningHours], slot_minutes: u16) -> Vec<SlotTime> {
    let mut starts = Vec::new();
    if slot_minutes == 0 {
        return starts;
    }
    for part in hours {
        let (Some(opens), Some(closes)) =
            (SlotTime::parse(&part.opens), SlotTime::parse(&part.closes))
        else {
            continue;
        };
        let mut start = opens;
        while let Some(end) = start.plus(slot_minutes).filter(|end| *end <= closes) {
            starts.push(start);
            start = end;
        }
    }
    starts.sort();
    starts.dedup();
    starts
}

/// The days that can be booked on `today`: from the next working day up to
/// [`WINDOW_WORKING_DAYS`] working days ahead, never into an unpublished year.
pub fn booking_window(calendar: &HolidayCalendar, today: Date) -> WorkingDays {
    calendar.working_days_after(today, WINDOW_WORKING_DAYS)
}

/// Whether `date` can be booked on `today`, and if not why (in that order: past, today, year
/// not published, holiday, weekend, beyond the window).
pub fn check_date(calendar: &HolidayCalendar, today: Date, date: Date) -> Result<(), BookingError> {
    if date < today {
        return Err(BookingError::DatePast);
    }
    if date == today {
        return Err(BookingError::DateToday);
    }
    match calendar
        .day_kind(date)
        .map_err(BookingError::NotPublished)?
    {
        DayKind::Holiday { name } => return Err(BookingError::DateHoliday { name }),
        DayKind::Weekend => return Err(BookingError::DateWeekend),
        DayKind::Working | DayKind::AdjustedWorkingDay => {}
    }
    let window = booking_window(calendar, today);
    if window.days.contains(&date) {
        return Ok(());
    }
    // A working day after today that is not in the window lies beyond it (or, with a truncated
    // window, in the unpublished year, which `day_kind` has already refused).
    Err(BookingError::DateTooFar {
        last: window.days.last().copied(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{d, t};
    use super::*;
    use crate::calendar::test_fixtures::calendar;
    use crate::calendar::NotPublished;
    use crate::lang::{Lang, Localized};

    #[test]
    fn slots_fit_wholly_inside_the_opening_hours() {
        let hours = |opens: &str, closes: &str| OpeningHours {
            opens: opens.into(),
            closes: closes.into(),
        };
        let starts = slot_starts(&[hours("13:30", "17:00"), hours("09:00", "11:30")], 30);
        let starts: Vec<_> = starts.iter().map(ToString::to_string).collect();
        assert_eq!(
            starts,
            [
                "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00",
                "15:30", "16:00", "16:30"
            ]
        );
        // 45-minute slots: 09:00 and 09:45 fit before 11:00, 10:30 would end at 11:15.
        let starts = slot_starts(&[hours("09:00", "11:00")], 45);
        assert_eq!(starts, [t("09:00"), t("09:45")]);
        assert!(slot_starts(&[hours("09:00", "11:00")], 0).is_empty());
        assert!(slot_starts(&[hours("9", "11:00")], 30).is_empty());
    }

    #[test]
    fn the_window_and_the_date_rules() {
        let calendar = calendar();
        // Monday 2026-09-21: 中秋 09-25..27 and 国庆 10-01..07 off, Saturday 10-10 调休.
        let today = d("2026-09-21");
        let window = booking_window(&calendar, today);
        assert_eq!(window.days.first(), Some(&d("2026-09-22")));
        assert_eq!(window.days.last(), Some(&d("2026-10-19")));
        assert_eq!(window.days.len(), 15);
        let check = |date: &str| check_date(&calendar, today, d(date)).map_err(|e| e.code());
        assert_eq!(check("2026-09-22"), Ok(()));
        assert_eq!(check("2026-10-10"), Ok(()), "调休 Saturday");
        assert_eq!(check("2026-10-19"), Ok(()));
        assert_eq!(check("2026-09-18"), Err("booking.date_past"));
        assert_eq!(check("2026-09-21"), Err("booking.date_today"));
        assert_eq!(check("2026-09-25"), Err("booking.date_holiday"));
        assert_eq!(check("2026-10-01"), Err("booking.date_holiday"));
        assert_eq!(check("2026-10-11"), Err("booking.date_weekend"));
        assert_eq!(check("2026-10-20"), Err("booking.date_too_far"));
        assert_eq!(check("2027-01-04"), Err("calendar.not_published"));
        let holiday = check_date(&calendar, today, d("2026-10-01")).unwrap_err();
        assert!(holiday.message(Lang::Zh).contains("国庆节"));
        let far = check_date(&calendar, today, d("2026-11-02")).unwrap_err();
        assert!(far.message(Lang::En).contains("2026-10-19"));

        // Near the end of the published years the window stops at 2026-12-31.
        let window = booking_window(&calendar, d("2026-12-20"));
        assert_eq!(window.days.last(), Some(&d("2026-12-31")));
        assert_eq!(window.truncated, Some(NotPublished { year: 2027 }));
    }
}
