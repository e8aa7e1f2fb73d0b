//! Times of day and instants as the center's clock shows them: a [`SlotTime`] (`HH:MM`) and the
//! conversions between a date and time in Asia/Shanghai (UTC+8 all year) and Unix seconds. The
//! booking, staff, desk, rating and notice answers all write their instants this way.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;

/// A time of day on the minute, `HH:MM` from `00:00` to `24:00` (the end of a day's last slot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
// Read from JSON by `TryFrom<String>`, which is in `api::booking` (its error is a booking field
// error).
#[serde(try_from = "String", into = "String")]
pub struct SlotTime(u16);

impl SlotTime {
    /// Minutes since midnight, up to 1440.
    pub fn from_minutes(minutes: u16) -> Option<SlotTime> {
        (minutes <= 24 * 60).then_some(SlotTime(minutes))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Reads exactly `HH:MM` (surrounding whitespace ignored).
    pub fn parse(input: &str) -> Option<SlotTime> {
        let s = input.trim().as_bytes();
        if s.len() != 5 || s[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| s[i].is_ascii_digit()) {
            return None;
        }
        let n = |i: usize| u16::from(s[i] - b'0');
        let (hours, minutes) = (n(0) * 10 + n(1), n(3) * 10 + n(4));
        if minutes > 59 || hours > 24 || (hours == 24 && minutes > 0) {
            return None;
        }
        Some(SlotTime(hours * 60 + minutes))
    }

    /// `minutes` later, if still on the same day.
    pub fn plus(self, minutes: u16) -> Option<SlotTime> {
        SlotTime::from_minutes(self.0.checked_add(minutes)?)
    }
}

impl std::fmt::Display for SlotTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl From<SlotTime> for String {
    fn from(time: SlotTime) -> String {
        time.to_string()
    }
}

const SHANGHAI_OFFSET_SECS: i64 = 8 * 60 * 60;

/// The Unix time of `time` on `date` in Asia/Shanghai (UTC+8 all year).
pub fn shanghai_unix_seconds(date: Date, time: SlotTime) -> i64 {
    i64::from(date.days_from_civil()) * 86_400 + i64::from(time.minutes()) * 60
        - SHANGHAI_OFFSET_SECS
}

/// RFC 3339 in Asia/Shanghai: `2026-09-22T09:00:00+08:00`.
pub fn format_shanghai(secs: i64) -> String {
    let local = secs + SHANGHAI_OFFSET_SECS;
    let date = Date::from_unix_seconds_shanghai(secs).map_or_else(String::new, |d| d.to_string());
    let in_day = local.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}+08:00",
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn t(s: &str) -> SlotTime {
        SlotTime::parse(s).unwrap()
    }

    #[test]
    fn slot_times() {
        assert_eq!(t("09:30").minutes(), 570);
        assert_eq!(t(" 24:00 ").minutes(), 1440);
        for bad in [
            "9:30", "09:60", "24:01", "25:00", "0930", "09:3a", "", "09：30",
        ] {
            assert_eq!(SlotTime::parse(bad), None, "{bad:?}");
        }
        assert_eq!(t("23:30").plus(30), Some(t("24:00")));
        assert_eq!(t("23:31").plus(30), None);
        let json = serde_json::to_string(&t("08:05")).unwrap();
        assert_eq!(json, r#""08:05""#);
        assert!(serde_json::from_str::<SlotTime>(r#""8:05""#).is_err());
    }

    #[test]
    fn shanghai_times() {
        let start = shanghai_unix_seconds(d("2026-09-22"), t("09:00"));
        // 2026-09-22T01:00:00Z.
        assert_eq!(start, 1_790_038_800);
        assert_eq!(format_shanghai(start), "2026-09-22T09:00:00+08:00");
        // Just after midnight in Shanghai is the previous day in UTC.
        let early = shanghai_unix_seconds(d("2026-01-01"), t("00:30"));
        assert_eq!(format_shanghai(early), "2026-01-01T00:30:00+08:00");
        assert_eq!(
            Date::from_unix_seconds_shanghai(early),
            Some(d("2026-01-01"))
        );
    }
}
