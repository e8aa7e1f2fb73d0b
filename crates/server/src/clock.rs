//! The server's idea of "now". Booking windows, cancellation deadlines and "upcoming" all depend
//! on it, so tests and the benchmark pin it (`PORTAL_NOW`) instead of depending on today's date.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use portal_domain::calendar::Date;

/// The system clock, or a fixed instant that only moves when told to.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    fixed: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock that stays at `unix_seconds` until [`set`](Self::set).
    pub fn fixed(unix_seconds: i64) -> Clock {
        Clock {
            fixed: Some(Arc::new(AtomicI64::new(unix_seconds))),
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn now(&self) -> i64 {
        match &self.fixed {
            Some(fixed) => fixed.load(Ordering::Relaxed),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        }
    }

    /// Moves a fixed clock (tests: "two days later"). Returns false, doing nothing, for the
    /// system clock.
    pub fn set(&self, unix_seconds: i64) -> bool {
        match &self.fixed {
            Some(fixed) => {
                fixed.store(unix_seconds, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

/// The date in Shanghai at `at` (Unix seconds); a 500 for an instant outside years 1-9999.
pub(crate) fn shanghai_date(at: i64) -> Result<Date, crate::error::ApiError> {
    Date::from_unix_seconds_shanghai(at).ok_or_else(|| {
        crate::error::ApiError::Internal(anyhow::anyhow!("the clock is outside years 1-9999"))
    })
}

/// Reads an instant as RFC 3339 (`2026-09-21T09:00:00+08:00`, `2026-09-21T01:00:00Z`,
/// fractional seconds ignored) or as Unix seconds (`1789952400`).
pub fn parse_instant(input: &str) -> Option<i64> {
    let s = input.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = Date::parse(&s[..10]).ok()?;
    let number = |range: std::ops::Range<usize>, max: i64| {
        let part = s.get(range)?;
        let n: i64 = part
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())??;
        (n <= max).then_some(n)
    };
    let (hours, minutes, seconds) = (
        number(11..13, 23)?,
        number(14..16, 59)?,
        number(17..19, 60)?,
    );
    let mut rest = &s[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let part = |r: std::ops::Range<usize>| -> Option<i64> {
                let p = &rest[r];
                p.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| p.parse().ok())?
            };
            sign * (part(1..3)? * 3600 + part(4..6)? * 60)
        }
    };
    Some(
        i64::from(date.days_from_civil()) * 86_400 + hours * 3600 + minutes * 60 + seconds - offset,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_in_every_accepted_form() {
        // 2026-09-21T01:00:00Z.
        let expected = 1_789_952_400;
        for input in [
            "2026-09-21T09:00:00+08:00",
            "2026-09-21T01:00:00Z",
            "2026-09-21t01:00:00.123z",
            "2026-09-20T20:00:00-05:00",
            " 1789952400 ",
        ] {
            assert_eq!(parse_instant(input), Some(expected), "{input}");
        }
        for input in [
            "",
            "2026-09-21",
            "2026-09-21T09:00:00",
            "2026-09-21T24:00:00Z",
            "2026-09-21T09:00:00+0800",
            "2026-02-30T09:00:00Z",
            "2026-09-21T09:00:00.Z",
            "tomorrow",
        ] {
            assert_eq!(parse_instant(input), None, "{input}");
        }
    }

    #[test]
    fn a_fixed_clock_moves_only_when_set() {
        let clock = Clock::fixed(100);
        let copy = clock.clone();
        assert_eq!(clock.now(), 100);
        assert!(copy.set(200));
        assert_eq!(clock.now(), 200);
        let system = Clock::system();
        assert!(system.now() > 1_700_000_000);
        assert!(!system.set(5));
    }
}
