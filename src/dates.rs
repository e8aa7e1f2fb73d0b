//! Dates and times as the portal writes them in both languages ("2026年11月24日 星期二" /
//! "Tuesday 24 November 2026"), shared by the citizen apps and the workbench.

use portal_domain::calendar::Date;
use portal_domain::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026年11月24日 星期二" / "Tuesday 24 November 2026".
pub fn long_date(date: Date, lang: Lang) -> String {
    let weekday = date.weekday().name(lang);
    match lang {
        Lang::Zh => format!(
            "{}年{}月{}日 {weekday}",
            date.year(),
            date.month(),
            date.day()
        ),
        Lang::En => format!(
            "{weekday} {} {} {}",
            date.day(),
            MONTHS_EN[usize::from(date.month() - 1)],
            date.year()
        ),
    }
}

/// "11月" / "November 2026": the month a row of the calendar starts.
pub fn month_name(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", date.year(), date.month()),
        Lang::En => format!(
            "{} {}",
            MONTHS_EN[usize::from(date.month() - 1)],
            date.year()
        ),
    }
}

/// "09:00–09:30".
pub fn time_range(start: &str, end: &str) -> String {
    format!("{start}–{end}")
}

/// "2026年11月24日" / "24 Nov 2026".
pub fn short_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            &MONTHS_EN[usize::from(date.month() - 1)][..3],
            date.year()
        ),
    }
}
