//! The workbench's texts: `locales/zh/workbench.toml` and `locales/en/workbench.toml`, turned
//! into `WorkbenchTexts` at build time (`portal-texts-build`). A text is named by a picker,
//! `|t| t.login_heading` (the type [`Tr`]), so a page can hand one around; the helpers below
//! put values into the texts where that takes a decision (a count of zero, a date to format).
//! Status, role and right-type names come from `portal_domain` in both languages.

use portal_domain::calendar::Date;
use portal_domain::Lang;

use crate::dates::short_date;

include!(concat!(env!("OUT_DIR"), "/texts_workbench.rs"));

/// One workbench text, named by the field that holds it: `|t| t.login_heading`.
pub type Tr = fn(&WorkbenchTexts) -> &'static str;

// `tr(|t| t.login_heading)`: a reactive text that follows the language switch.
crate::prefs::feature_texts!(WorkbenchTexts, workbench_texts, tr);

pub fn pick(lang: Lang, text: Tr) -> &'static str {
    text(workbench_texts(lang))
}

/// The working-day countdown to a deadline, in words (never colour alone).
pub fn countdown(lang: Lang, left: i32) -> String {
    let t = workbench_texts(lang);
    match left {
        0 => t.due_today.to_owned(),
        n if n > 0 => t.countdown_left(n.unsigned_abs().into()),
        n => t.countdown_overdue(n.unsigned_abs().into()),
    }
}

/// "已发出 1 次补正意见（最多 2 次）": the amendment opinions a pre-examination request had.
pub fn pre_exam_rounds(lang: Lang, used: u32) -> String {
    workbench_texts(lang).pre_exam_rounds_used(
        used,
        portal_domain::api::firm::pre_exam::MAX_AMENDMENT_ROUNDS,
    )
}

pub fn due_on(lang: Lang, step: &str, date: Date) -> String {
    workbench_texts(lang).due_on(step, short_date(date, lang))
}

pub use crate::dates::short_time;

/// "the whole day of 23 Nov 2026" / "2026年11月23日全天".
pub fn whole_day(lang: Lang, date: Date) -> String {
    workbench_texts(lang).whole_day(short_date(date, lang))
}

/// "2026年11月23日 09:00–09:30 这个时段" / "the 09:00–09:30 slot on 23 Nov 2026".
pub fn slot_on(lang: Lang, date: Date, start: &str, end: &str) -> String {
    workbench_texts(lang).slot_on(short_date(date, lang), start, end)
}

/// What closing will do: how many bookings are cancelled, and that their people are told.
pub fn close_consequence(lang: Lang, bookings: u32) -> String {
    let t = workbench_texts(lang);
    match bookings {
        0 => t.close_consequence_none.to_owned(),
        n => t.close_consequence(n.into()),
    }
}

/// "2026年12月20日 – 2027年1月3日" or "from 20 Dec 2026".
pub fn notice_days(lang: Lang, starts: Date, ends: Option<Date>) -> String {
    let t = workbench_texts(lang);
    let starts = short_date(starts, lang);
    match ends {
        Some(end) => t.notice_days_range(starts, short_date(end, lang)),
        None => t.notice_days_open(starts),
    }
}

pub fn will_publish(lang: Lang, year: i32, replaces: bool) -> String {
    let t = workbench_texts(lang);
    if replaces {
        t.will_publish_replace(year)
    } else {
        t.will_publish_new(year)
    }
}

pub fn date_range(lang: Lang, from: Date, to: Date) -> String {
    if from == to {
        short_date(from, lang)
    } else {
        workbench_texts(lang).date_range(short_date(from, lang), short_date(to, lang))
    }
}

/// "3 bookings made from one network address" in `lang`.
pub fn cluster_title(lang: Lang, kind: Tr, count: usize) -> String {
    workbench_texts(lang).cluster_title(count, pick(lang, kind))
}

pub fn bulk_cancelled_notice(lang: Lang, cancelled: u32, skipped: u32) -> String {
    let t = workbench_texts(lang);
    match skipped {
        0 => t.bulk_cancelled(cancelled),
        skipped => t.bulk_cancelled_some_skipped(cancelled, skipped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_says_overdue_in_words() {
        assert_eq!(countdown(Lang::Zh, 3), "还剩 3 个工作日");
        assert_eq!(countdown(Lang::Zh, 0), "今天到期");
        assert_eq!(countdown(Lang::Zh, -2), "已超期 2 个工作日");
        assert_eq!(countdown(Lang::En, 1), "1 working day left");
        assert_eq!(countdown(Lang::En, -1), "Overdue by 1 working day");
        assert_eq!(countdown(Lang::En, -4), "Overdue by 4 working days");
    }

    #[test]
    fn closing_says_how_many_bookings_it_cancels() {
        assert_eq!(
            close_consequence(Lang::Zh, 2),
            "将取消 2 个预约。预约人会在自己的预约页面看到关闭原因，并可以重新选择时间。"
        );
        assert!(close_consequence(Lang::En, 1).starts_with("1 booking will be cancelled."));
        assert!(close_consequence(Lang::En, 0).starts_with("No bookings"));
        let monday = Date::new(2026, 11, 23).unwrap();
        assert_eq!(
            workbench_texts(Lang::Zh).close_heading(slot_on(Lang::Zh, monday, "09:00", "09:30")),
            "确定关闭2026年11月23日 09:00–09:30 这个时段吗？"
        );
        assert_eq!(
            workbench_texts(Lang::En).close_heading(whole_day(Lang::En, monday)),
            "Close the whole day of 23 Nov 2026?"
        );
    }

    #[test]
    fn times_are_shown_to_the_minute() {
        assert_eq!(short_time("2026-11-20T10:05:33+08:00"), "2026-11-20 10:05");
        assert_eq!(
            short_date(Date::new(2026, 12, 2).unwrap(), Lang::En),
            "2 Dec 2026"
        );
    }
}
