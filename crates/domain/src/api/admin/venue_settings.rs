//! A venue's booking settings as the administrator sees and changes them (opening hours, slot
//! length, seats, topics), with their checks.

use serde::{Deserialize, Serialize};

use super::errors::{AdminError, Problems};
use super::limits::{
    MAX_OPENING_PERIODS, MAX_SEATS, MAX_SLOT_MINUTES, MIN_SEATS, MIN_SLOT_MINUTES,
};
use crate::api::booking::{slot_starts, NamedRef, OpeningHours};
use crate::api::{VenueKind, VenueStatus};
use crate::time::SlotTime;

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

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::fields;
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
}
