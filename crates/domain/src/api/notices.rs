//! Service notices (通知公告): short announcements the center's administrators publish on the
//! home page — a closure over a holiday, a changed address, a new service — in Chinese and
//! English, each in force from a first day to an optional last day.
//!
//! Routes:
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `GET /api/v1/notices` | anyone | → [`NoticeList`]: in force today, important first, newest first |
//! | `GET /api/v1/staff/admin/notices` | administrator | → [`StaffNoticeList`]: every notice with its state |
//! | `POST /api/v1/staff/admin/notices` | administrator | [`NoticeInput`] → 201 [`StaffNotice`] |
//! | `PUT /api/v1/staff/admin/notices/{id}` | administrator | [`NoticeInput`] → [`StaffNotice`] |
//! | `DELETE /api/v1/staff/admin/notices/{id}` | administrator | → [`StaffNotice`] (withdrawn; kept for the record) |
//!
//! Both languages are required: every text the portal shows exists in Chinese and English.

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::lang::{localized, Lang};
use crate::text::{clean_line, clean_text, TextProblem};
use crate::texts::{staff_error_texts, StaffErrorTexts};

/// A title: at most this many characters.
pub const MAX_TITLE_CHARS: usize = 60;
/// A notice's text: at most this many characters.
pub const MAX_BODY_CHARS: usize = 1000;

/// How prominent a notice is. An important one is labelled "重要" in words, not by colour alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    #[default]
    Info,
    Important,
}

impl NoticeLevel {
    pub const ALL: [NoticeLevel; 2] = [NoticeLevel::Info, NoticeLevel::Important];

    pub fn code(self) -> &'static str {
        match self {
            NoticeLevel::Info => "info",
            NoticeLevel::Important => "important",
        }
    }

    pub fn from_code(code: &str) -> Option<NoticeLevel> {
        NoticeLevel::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NoticeLevel::Info => lang.pick("一般", "General"),
            NoticeLevel::Important => lang.pick("重要", "Important"),
        }
    }
}

/// A notice as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub id: i64,
    pub level: NoticeLevel,
    pub title_zh: String,
    pub title_en: String,
    pub body_zh: String,
    pub body_en: String,
    /// The first day it is shown (Asia/Shanghai).
    pub starts_on: Date,
    /// The last day it is shown; `None`: until withdrawn.
    pub ends_on: Option<Date>,
}

impl Notice {
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_zh, &self.title_en)
    }

    pub fn body(&self, lang: Lang) -> &str {
        lang.pick(&self.body_zh, &self.body_en)
    }
}

/// `GET /api/v1/notices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeList {
    pub items: Vec<Notice>,
}

/// Where a notice stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeState {
    /// Its first day is still to come.
    Scheduled,
    /// Shown on the home page today.
    Shown,
    /// Its last day has passed.
    Ended,
    /// Taken down by an administrator.
    Withdrawn,
}

impl NoticeState {
    /// The state of a notice running `starts_on..=ends_on` on `today`.
    pub fn on(today: Date, starts_on: Date, ends_on: Option<Date>, withdrawn: bool) -> Self {
        if withdrawn {
            NoticeState::Withdrawn
        } else if today < starts_on {
            NoticeState::Scheduled
        } else if ends_on.is_some_and(|end| today > end) {
            NoticeState::Ended
        } else {
            NoticeState::Shown
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NoticeState::Scheduled => lang.pick("待发布", "Scheduled"),
            NoticeState::Shown => lang.pick("展示中", "Shown"),
            NoticeState::Ended => lang.pick("已到期", "Ended"),
            NoticeState::Withdrawn => lang.pick("已撤下", "Withdrawn"),
        }
    }
}

/// A notice as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffNotice {
    #[serde(flatten)]
    pub notice: Notice,
    pub state: NoticeState,
    /// RFC 3339, +08:00.
    pub updated_at: String,
    /// The username of the last administrator who changed it.
    pub updated_by: Option<String>,
}

/// `GET /api/v1/staff/admin/notices`: shown and scheduled first, then the rest, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffNoticeList {
    pub items: Vec<StaffNotice>,
}

/// The body of `POST /api/v1/staff/admin/notices` and `PUT /api/v1/staff/admin/notices/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NoticeInput {
    /// `info` when absent.
    pub level: Option<NoticeLevel>,
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    pub body_zh: Option<String>,
    pub body_en: Option<String>,
    /// `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// `YYYY-MM-DD`, not before `starts_on`; empty or absent: until withdrawn.
    pub ends_on: Option<String>,
}

/// A checked [`NoticeInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedNotice {
    pub level: NoticeLevel,
    pub title_zh: String,
    pub title_en: String,
    pub body_zh: String,
    pub body_en: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
}

pub type Problems = Vec<(&'static str, NoticeError)>;

impl NoticeInput {
    /// Checks every field and reports each problem with its field name. Whether the last day
    /// is already past is for the server to say: only it knows today's date.
    pub fn parse(&self) -> Result<CheckedNotice, Problems> {
        let mut problems = Problems::new();
        // A required title or body, as cleaned: missing, too long and control characters are
        // reported under the field's name.
        let mut required = |field: &'static str,
                            cleaned: Result<Option<String>, TextProblem>,
                            too_long: NoticeError| match cleaned {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                problems.push((field, NoticeError::Missing));
                None
            }
            Err(e) => {
                problems.push((field, text_error(e, too_long)));
                None
            }
        };
        let title = |value: &Option<String>| clean_line(value.as_deref(), MAX_TITLE_CHARS);
        let body = |value: &Option<String>| clean_text(value.as_deref(), MAX_BODY_CHARS);
        let title_zh = required("title_zh", title(&self.title_zh), NoticeError::TitleTooLong);
        let title_en = required("title_en", title(&self.title_en), NoticeError::TitleTooLong);
        let body_zh = required("body_zh", body(&self.body_zh), NoticeError::BodyTooLong);
        let body_en = required("body_en", body(&self.body_en), NoticeError::BodyTooLong);
        let starts_on = match self.starts_on.as_deref().map(str::trim) {
            None | Some("") => {
                problems.push(("starts_on", NoticeError::StartMissing));
                None
            }
            Some(d) => Date::parse(d)
                .map_err(|_| problems.push(("starts_on", NoticeError::DateInvalid)))
                .ok(),
        };
        let ends_on = match self.ends_on.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(d) => Date::parse(d).map(Some).map_err(|_| ()),
        };
        let ends_on = match ends_on {
            Ok(end) => end,
            Err(()) => {
                problems.push(("ends_on", NoticeError::DateInvalid));
                None
            }
        };
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                problems.push(("ends_on", NoticeError::EndsBeforeStart));
            }
        }
        match (title_zh, title_en, body_zh, body_en, starts_on) {
            (Some(title_zh), Some(title_en), Some(body_zh), Some(body_en), Some(starts_on))
                if problems.is_empty() =>
            {
                Ok(CheckedNotice {
                    level: self.level.unwrap_or_default(),
                    title_zh,
                    title_en,
                    body_zh,
                    body_en,
                    starts_on,
                    ends_on,
                })
            }
            _ => Err(problems),
        }
    }
}

fn text_error(problem: TextProblem, too_long: NoticeError) -> NoticeError {
    match problem {
        TextProblem::TooLong => too_long,
        TextProblem::Control => NoticeError::ControlCharacter,
    }
}

/// What is wrong with one field of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeError {
    Missing,
    TitleTooLong,
    BodyTooLong,
    ControlCharacter,
    StartMissing,
    DateInvalid,
    EndsBeforeStart,
    /// The last day is before today (the server's check).
    EndsInPast,
}

impl NoticeError {
    fn texts(self, t: &StaffErrorTexts) -> (&'static str, &'static str) {
        use NoticeError::*;
        match self {
            Missing => ("notice.missing", t.notice_missing),
            TitleTooLong => ("notice.title_too_long", t.notice_title_too_long),
            BodyTooLong => ("notice.body_too_long", t.notice_body_too_long),
            ControlCharacter => ("notice.control_character", t.notice_control_character),
            StartMissing => ("notice.starts_on_missing", t.notice_starts_on_missing),
            DateInvalid => ("notice.date_invalid", t.notice_date_invalid),
            EndsBeforeStart => ("notice.ends_before_start", t.notice_ends_before_start),
            EndsInPast => ("notice.ends_in_past", t.notice_ends_in_past),
        }
    }
}

localized!(NoticeError, staff_error_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Localized;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn full() -> NoticeInput {
        NoticeInput {
            level: Some(NoticeLevel::Important),
            title_zh: Some("  元旦假期暂停现场咨询 ".into()),
            title_en: Some("No in-person consultations over New Year".into()),
            body_zh: Some("1月1日至3日暂停现场咨询。\n线上申请照常受理。".into()),
            body_en: Some(
                "No consultations from 1 to 3 January.\nOnline requests as usual.".into(),
            ),
            starts_on: Some("2026-12-20".into()),
            ends_on: Some("2027-01-03".into()),
        }
    }

    #[test]
    fn a_complete_notice_is_trimmed_and_keeps_its_lines() {
        let n = full().parse().unwrap();
        assert_eq!(n.title_zh, "元旦假期暂停现场咨询");
        assert_eq!(n.level, NoticeLevel::Important);
        assert!(n.body_en.contains('\n'));
        assert_eq!(n.starts_on, d("2026-12-20"));
        assert_eq!(n.ends_on, Some(d("2027-01-03")));
    }

    #[test]
    fn both_languages_and_a_first_day_are_required_and_each_field_says_so() {
        let problems = NoticeInput::default().parse().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["title_zh", "title_en", "body_zh", "body_en", "starts_on"]
        );
        assert_eq!(problems[4].1, NoticeError::StartMissing);
    }

    #[test]
    fn the_level_defaults_to_general_and_no_last_day_means_until_withdrawn() {
        let n = NoticeInput {
            level: None,
            ends_on: Some(" ".into()),
            ..full()
        }
        .parse()
        .unwrap();
        assert_eq!(n.level, NoticeLevel::Info);
        assert_eq!(n.ends_on, None);
    }

    #[test]
    fn dates_must_be_real_and_in_order() {
        let problems = NoticeInput {
            starts_on: Some("2026-02-30".into()),
            ..full()
        }
        .parse()
        .unwrap_err();
        assert_eq!(problems, vec![("starts_on", NoticeError::DateInvalid)]);
        let problems = NoticeInput {
            ends_on: Some("2026-12-19".into()),
            ..full()
        }
        .parse()
        .unwrap_err();
        assert_eq!(problems, vec![("ends_on", NoticeError::EndsBeforeStart)]);
        // One day is fine.
        assert!(NoticeInput {
            ends_on: Some("2026-12-20".into()),
            ..full()
        }
        .parse()
        .is_ok());
    }

    #[test]
    fn too_long_texts_are_refused_per_field() {
        let problems = NoticeInput {
            title_en: Some("x".repeat(MAX_TITLE_CHARS + 1)),
            body_zh: Some("字".repeat(MAX_BODY_CHARS + 1)),
            ..full()
        }
        .parse()
        .unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("title_en", NoticeError::TitleTooLong),
                ("body_zh", NoticeError::BodyTooLong)
            ]
        );
        assert_eq!(
            NoticeError::TitleTooLong.message(Lang::En),
            "A title can be at most 60 characters."
        );
    }

    #[test]
    fn the_state_follows_the_days_and_withdrawal_wins() {
        let (start, end) = (d("2026-12-20"), Some(d("2027-01-03")));
        let on = |today: &str, withdrawn| NoticeState::on(d(today), start, end, withdrawn);
        assert_eq!(on("2026-12-19", false), NoticeState::Scheduled);
        assert_eq!(on("2026-12-20", false), NoticeState::Shown);
        assert_eq!(on("2027-01-03", false), NoticeState::Shown);
        assert_eq!(on("2027-01-04", false), NoticeState::Ended);
        assert_eq!(on("2026-12-25", true), NoticeState::Withdrawn);
        assert_eq!(
            NoticeState::on(d("2030-01-01"), start, None, false),
            NoticeState::Shown
        );
    }
}
