//! The calendar file of a booking (RFC 5545), for "add to my calendar".
//!
//! One event per booking with a stable UID (from the reference, which never changes), a
//! SEQUENCE that rises with each reschedule and the cancellation so calendar programs replace
//! their copy, and `METHOD:CANCEL` + `STATUS:CANCELLED` once cancelled. Times are written in UTC
//! (`…Z`): that needs no VTIMEZONE block and cannot be misread; Asia/Shanghai has had no daylight
//! saving time since 1991, so 09:00 there is always 01:00Z.

use portal_domain::calendar::Date;
use portal_domain::Lang;

use super::store::BookingRow;
use crate::texts::server_texts;

/// `manage_url`: the booking's manage page, where the portal's public address is known.
pub fn calendar(row: &BookingRow, manage_url: Option<&str>) -> anyhow::Result<String> {
    let cancelled = row.status == "cancelled";
    let (bring_zh, bring_en) = row.what_to_bring()?;
    let reference = row.shown_reference();
    let mut location = row.venue_name_zh.clone();
    if let Some(address) = &row.venue_address {
        location.push_str(&format!(", {address}"));
    }
    // The file is read by whatever calendar program the person uses, whatever language the
    // page was in, so it carries both languages.
    let (zh, en) = (server_texts(Lang::Zh), server_texts(Lang::En));
    let mut description = format!(
        "{} {}: {reference}\n{}\n{}",
        zh.ics_reference,
        en.ics_reference,
        zh.ics_bring(bring_zh.join(zh.ics_list_separator)),
        en.ics_bring(bring_en.join(en.ics_list_separator))
    );
    if let Some(url) = manage_url {
        description.push_str(&format!("\n{} / {}: {url}", zh.ics_manage, en.ics_manage));
    }

    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Nantong IP Protection Center//IP portal booking//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("METHOD:{}", if cancelled { "CANCEL" } else { "PUBLISH" }),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:booking-{}@nantong-ip-portal", row.reference),
        format!("DTSTAMP:{}", utc(row.updated_at)),
        format!("DTSTART:{}", utc(row.starts_at)),
        format!("DTEND:{}", utc(row.ends_at)),
        format!("SEQUENCE:{}", row.sequence),
        format!(
            "STATUS:{}",
            if cancelled { "CANCELLED" } else { "CONFIRMED" }
        ),
        format!(
            "SUMMARY:{}",
            escape(&format!(
                "{} / {}",
                zh.ics_summary(&row.topic_name_zh),
                en.ics_summary(&row.topic_name_en)
            ))
        ),
        format!("LOCATION:{}", escape(&location)),
        format!("DESCRIPTION:{}", escape(&description)),
    ];
    if let Some(url) = manage_url {
        lines.push(format!("URL:{url}"));
    }
    lines.extend([
        "TRANSP:OPAQUE".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ]);
    let mut out = String::new();
    for line in lines.drain(..) {
        fold(&line, &mut out);
    }
    Ok(out)
}

/// `YYYYMMDDTHHMMSSZ`.
fn utc(secs: i64) -> String {
    let date = Date::from_days(secs.div_euclid(86_400) as i32).unwrap_or_else(|| {
        // Bookings are made for the next few weeks; no stored instant is near year 1 or 9999.
        Date::new(1970, 1, 1).expect("a real date")
    });
    let in_day = secs.rem_euclid(86_400);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    )
}

/// TEXT escaping (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so that no line is longer than 75 octets (RFC 5545 3.1),
/// never inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times() {
        // 2026-09-22T09:00:00+08:00.
        assert_eq!(utc(1_790_038_800), "20260922T010000Z");
        assert_eq!(utc(0), "19700101T000000Z");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "预约".repeat(40));
        let mut out = String::new();
        fold(&line, &mut out);
        let parts: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(parts.len() > 1);
        for (i, part) in parts.iter().enumerate() {
            assert!(part.len() <= 75, "{part}");
            assert_eq!(i > 0, part.starts_with(' '));
        }
        let unfolded: String = parts
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }
}
