//! Dates and times as the portal writes them in both languages ("2026年11月24日 星期二" /
//! "Tuesday 24 November 2026"), shared by the citizen apps and the workbench. The patterns and
//! the month names are texts of the `common` catalog.

use portal_domain::calendar::Date;
use portal_domain::Lang;

use crate::i18n::strings;

/// "2026年11月24日 星期二" / "Tuesday 24 November 2026".
pub fn long_date(date: Date, lang: Lang) -> String {
    let t = strings(lang);
    let month = t.months[usize::from(date.month() - 1)];
    t.long_date(date.year(), month, date.day(), date.weekday().name(lang))
}

/// "2026年11月" / "November 2026": the month a row of the calendar starts.
pub fn month_name(date: Date, lang: Lang) -> String {
    let t = strings(lang);
    t.month_of_year(date.year(), t.months[usize::from(date.month() - 1)])
}

/// Working days left until a due day, in words ("还剩 3 个工作日", "今天到期", "已超期 2 个工作日").
pub fn days_left(days: i32, lang: Lang) -> String {
    let t = strings(lang);
    match days {
        0 => t.due_today.to_owned(),
        n if n > 0 => t.days_left(n),
        n => t.days_overdue(-n),
    }
}

/// [`days_left`] in brackets, to follow a date.
pub fn days_aside(days: i32, lang: Lang) -> String {
    strings(lang).days_aside(days_left(days, lang))
}

/// "09:00–09:30".
pub fn time_range(start: &str, end: &str) -> String {
    format!("{start}–{end}")
}

/// "2026年11月24日" / "24 Nov 2026".
pub fn short_date(date: Date, lang: Lang) -> String {
    let t = strings(lang);
    t.short_date(
        date.year(),
        t.months_short[usize::from(date.month() - 1)],
        date.day(),
    )
}

/// "2026-11-20T10:05:00+08:00" → "2026-11-20 10:05" (the portal's times are all Shanghai time).
pub fn short_time(rfc3339: &str) -> String {
    let date = rfc3339.get(..10).unwrap_or(rfc3339);
    let time = rfc3339.get(11..16).unwrap_or("");
    format!("{date} {time}").trim().to_owned()
}
