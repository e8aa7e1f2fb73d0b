//! Service rating (好差评, 国办发〔2019〕51号): after a consultation the person was checked in
//! for, or once a rights-assistance request is concluded, the citizen rates the service once, on
//! five levels ([`RatingLevel`]) with an optional comment. The last two levels are bad ratings:
//! each appears in the staff follow-up list until the center has answered it, and the citizen
//! sees the answer where they rated.
//!
//! The JSON shapes of (all under `/api/v1`)
//! - `POST /bookings/{token}/rating`                 [`RatingRequest`] → 201 [`RatingView`]
//! - `POST /assistance/requests/{token}/rating`      [`RatingRequest`] → 201 [`RatingView`]
//! - `GET  /staff/ratings?follow_up=open|answered|all&page=&per_page=` → [`FollowUpList`]
//! - `POST /staff/ratings/{id}/reply`                [`RatingReplyRequest`] → [`FollowUpItem`]
//!
//! and the rating and reply on the views the citizen already gets: `can_rate` and `rating` on
//! `Booking`/`BookingSummary` and on `AssistanceTracking`, and the counts on the staff overview
//! ([`RatingCounts`]).
//!
//! Rules. A booking can be rated once the desk has checked the person in; a request once it is
//! concluded (its timeline then gains a `rated` step). One rating per service: the same rating
//! sent again (a retry) answers the same 201; a different one is 409
//! [`code::ALREADY_RATED`]. Staff answer bad ratings only, once: the same reply sent again
//! answers the same 200; a different one is 409 [`code::ALREADY_ANSWERED`] (the citizen has
//! seen the first; a reply is never silently replaced).

use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::lang::localized_error;
use crate::text::{clean_text, TextProblem};
use crate::texts::{rating_error_texts, RatingErrorTexts};

/// A comment on a rating: at most 500 characters.
pub const MAX_COMMENT_CHARS: usize = 500;
/// The center's reply to a bad rating: 1–2000 characters.
pub const MAX_REPLY_CHARS: usize = 2000;

/// The `code` of error answers that are not about one field (the per-field codes are those of
/// [`RatingError`]).
pub mod code {
    /// 409: the service cannot be rated yet: the booking was not checked in (or was
    /// cancelled), the request is not concluded.
    pub const NOT_RATABLE: &str = "rating.not_ratable";
    /// 409: the service was already rated, differently (the same rating again answers 201).
    pub const ALREADY_RATED: &str = "rating.already_rated";
    /// 409: only bad ratings (不满意, 非常不满意) are answered.
    pub const NOT_BAD: &str = "rating.not_bad";
    /// 409: the rating was already answered, with other words (the same reply again answers
    /// 200).
    pub const ALREADY_ANSWERED: &str = "rating.already_answered";
}

// ---------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------

/// The five levels, best first, as they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RatingLevel {
    VerySatisfied,
    Satisfied,
    FairlySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

choice!(RatingLevel {
    VerySatisfied = "very_satisfied", "非常满意", "Very satisfied";
    Satisfied = "satisfied", "满意", "Satisfied";
    FairlySatisfied = "fairly_satisfied", "基本满意", "Fairly satisfied";
    Dissatisfied = "dissatisfied", "不满意", "Dissatisfied";
    VeryDissatisfied = "very_dissatisfied", "非常不满意", "Very dissatisfied";
});

impl RatingLevel {
    /// 5 (非常满意) to 1 (非常不满意): the level as stored.
    pub fn score(self) -> u8 {
        match self {
            RatingLevel::VerySatisfied => 5,
            RatingLevel::Satisfied => 4,
            RatingLevel::FairlySatisfied => 3,
            RatingLevel::Dissatisfied => 2,
            RatingLevel::VeryDissatisfied => 1,
        }
    }

    pub fn from_score(score: i64) -> Option<RatingLevel> {
        RatingLevel::ALL
            .iter()
            .copied()
            .find(|l| i64::from(l.score()) == score)
    }

    /// 不满意 and 非常不满意: followed up and answered by the center.
    pub fn is_bad(self) -> bool {
        matches!(
            self,
            RatingLevel::Dissatisfied | RatingLevel::VeryDissatisfied
        )
    }
}

/// The service a rating is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// A consultation booking (预约咨询).
    Booking,
    /// A rights-assistance request (维权援助申请): a case in the workbench.
    Assistance,
}

choice!(ServiceKind {
    Booking = "booking", "预约咨询", "Consultation booking";
    Assistance = "assistance", "维权援助", "Rights assistance";
});

/// Which bad ratings the follow-up list shows (`?follow_up=`, default `open`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    /// Not answered yet.
    #[default]
    Open,
    Answered,
    All,
}

choice!(FollowUp {
    Open = "open", "待回复", "Awaiting a reply";
    Answered = "answered", "已回复", "Answered";
    All = "all", "全部", "All";
});

impl FollowUp {
    /// The `follow_up` query value: empty or absent is `open`; anything unknown is `None`.
    pub fn parse(value: Option<&str>) -> Option<FollowUp> {
        match value.map(str::trim) {
            None | Some("") => Some(FollowUp::Open),
            Some(code) => FollowUp::from_code(code),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

/// The body of `POST /bookings/{token}/rating` and `POST /assistance/requests/{token}/rating`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RatingRequest {
    /// A [`RatingLevel`] value, e.g. `satisfied`.
    pub level: Option<String>,
    /// Optional, at most 500 characters.
    pub comment: Option<String>,
}

/// A checked rating: the level and the tidied comment (`None` when blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub level: RatingLevel,
    pub comment: Option<String>,
}

pub type Problems = Vec<(&'static str, RatingError)>;

impl RatingRequest {
    pub fn parse(&self) -> Result<Rating, Problems> {
        let mut problems = Problems::new();
        let level = match self.level.as_deref().map(str::trim) {
            None | Some("") => Err(RatingError::LevelMissing),
            Some(code) => RatingLevel::from_code(code).ok_or(RatingError::LevelUnknown),
        }
        .map_err(|e| problems.push(("level", e)))
        .ok();
        let comment = clean_text(self.comment.as_deref(), MAX_COMMENT_CHARS)
            .map_err(|e| problems.push(("comment", text_error(e, RatingError::CommentTooLong))))
            .ok();
        match (level, comment) {
            (Some(level), Some(comment)) if problems.is_empty() => Ok(Rating { level, comment }),
            _ => Err(problems),
        }
    }
}

/// The body of `POST /staff/ratings/{id}/reply`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RatingReplyRequest {
    /// 1–2000 characters; the citizen sees it where they rated.
    pub text: Option<String>,
}

impl RatingReplyRequest {
    /// The tidied reply.
    pub fn parse(&self) -> Result<String, Problems> {
        match clean_text(self.text.as_deref(), MAX_REPLY_CHARS) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => Err(vec![("text", RatingError::ReplyMissing)]),
            Err(e) => Err(vec![("text", text_error(e, RatingError::ReplyTooLong))]),
        }
    }
}

fn text_error(problem: TextProblem, too_long: RatingError) -> RatingError {
    match problem {
        TextProblem::TooLong => too_long,
        TextProblem::Control => RatingError::ControlCharacter,
    }
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// The center's answer to a bad rating, as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterReply {
    pub text: String,
    /// RFC 3339, +08:00.
    pub replied_at: String,
}

/// A rating as the citizen sees it: the 201 answer of rating, and `rating` on their views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingView {
    pub level: RatingLevel,
    pub comment: Option<String>,
    /// RFC 3339, +08:00.
    pub rated_at: String,
    /// The center's reply (bad ratings), once given.
    pub reply: Option<CenterReply>,
}

/// The reply as staff see it: who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpReply {
    pub text: String,
    /// RFC 3339, +08:00.
    pub replied_at: String,
    /// The username of the member of staff who answered.
    pub replied_by: Option<String>,
}

/// One bad rating in the follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpItem {
    /// The rating's id in `POST /staff/ratings/{id}/reply`.
    pub id: i64,
    pub service: ServiceKind,
    /// The service's reference: `XXXX-XXXX` for a booking, `WQ-XXXX-XXXX` for a request.
    pub reference: String,
    /// The booking's id (the desk), or the case's id (`/staff/cases/{id}`).
    pub target_id: i64,
    pub level: RatingLevel,
    pub comment: Option<String>,
    /// RFC 3339, +08:00.
    pub rated_at: String,
    pub reply: Option<FollowUpReply>,
}

/// `GET /staff/ratings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpList {
    pub follow_up: FollowUp,
    /// Bad ratings only: those awaiting a reply first, then the oldest rating first.
    pub items: Vec<FollowUpItem>,
    /// How many match the filter, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    /// Bad ratings awaiting a reply, whatever the filter.
    pub awaiting_reply: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelCount {
    pub level: RatingLevel,
    pub count: u32,
}

/// The ratings on the staff overview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingCounts {
    /// Every level, in the order of [`RatingLevel::ALL`] (best first), zeros included.
    pub by_level: Vec<LevelCount>,
    pub total: u32,
    /// Bad ratings the center has not answered yet.
    pub awaiting_reply: u32,
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What is wrong with one field of a rating or a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatingError {
    LevelMissing,
    LevelUnknown,
    CommentTooLong,
    ReplyMissing,
    ReplyTooLong,
    ControlCharacter,
}

impl RatingError {
    fn texts(self, t: &RatingErrorTexts) -> (&'static str, &'static str) {
        use RatingError::*;
        match self {
            LevelMissing => ("rating.level_missing", t.rating_level_missing),
            LevelUnknown => ("rating.level_unknown", t.rating_level_unknown),
            CommentTooLong => ("rating.comment_too_long", t.rating_comment_too_long),
            ReplyMissing => ("rating.reply_missing", t.rating_reply_missing),
            ReplyTooLong => ("rating.reply_too_long", t.rating_reply_too_long),
            ControlCharacter => ("rating.control_character", t.rating_control_character),
        }
    }
}

localized_error!(RatingError, rating_error_texts);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, Localized};

    fn request(level: Option<&str>, comment: Option<&str>) -> RatingRequest {
        RatingRequest {
            level: level.map(str::to_owned),
            comment: comment.map(str::to_owned),
        }
    }

    #[test]
    fn five_levels_best_first_and_the_last_two_are_bad() {
        let labels: Vec<&str> = RatingLevel::ALL.iter().map(|l| l.label(Lang::Zh)).collect();
        assert_eq!(
            labels,
            ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
        );
        let bad: Vec<RatingLevel> = RatingLevel::ALL
            .iter()
            .copied()
            .filter(|l| l.is_bad())
            .collect();
        assert_eq!(
            bad,
            [RatingLevel::Dissatisfied, RatingLevel::VeryDissatisfied]
        );
        for level in RatingLevel::ALL {
            assert_eq!(
                RatingLevel::from_score(i64::from(level.score())),
                Some(*level)
            );
            assert_eq!(RatingLevel::from_code(level.code()), Some(*level));
        }
        assert_eq!(RatingLevel::from_score(0), None);
        assert_eq!(RatingLevel::from_score(6), None);
        assert_eq!(
            serde_json::to_string(&RatingLevel::FairlySatisfied).unwrap(),
            r#""fairly_satisfied""#
        );
        assert_eq!(
            RatingLevel::VeryDissatisfied.label(Lang::En),
            "Very dissatisfied"
        );
    }

    #[test]
    fn a_rating_needs_a_known_level_and_the_comment_is_optional() {
        assert_eq!(
            request(Some(" satisfied "), Some("  \r\n ")).parse(),
            Ok(Rating {
                level: RatingLevel::Satisfied,
                comment: None
            })
        );
        assert_eq!(
            request(Some("dissatisfied"), Some(" 等了很久。\r\n没人接待。 ")).parse(),
            Ok(Rating {
                level: RatingLevel::Dissatisfied,
                comment: Some("等了很久。\n没人接待。".to_owned())
            })
        );
        assert_eq!(
            request(None, None).parse(),
            Err(vec![("level", RatingError::LevelMissing)])
        );
        assert_eq!(
            request(Some("5"), None).parse(),
            Err(vec![("level", RatingError::LevelUnknown)])
        );
        let long = "好".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            request(Some(""), Some(&long)).parse(),
            Err(vec![
                ("level", RatingError::LevelMissing),
                ("comment", RatingError::CommentTooLong)
            ])
        );
        assert!(
            request(Some("satisfied"), Some(&"好".repeat(MAX_COMMENT_CHARS)))
                .parse()
                .is_ok()
        );
        assert_eq!(
            request(Some("satisfied"), Some("a\u{0007}b")).parse(),
            Err(vec![("comment", RatingError::ControlCharacter)])
        );
    }

    #[test]
    fn a_reply_is_required_and_at_most_2000_characters() {
        let reply = |text: Option<&str>| RatingReplyRequest {
            text: text.map(str::to_owned),
        };
        assert_eq!(
            reply(Some("  已联系您并改进。 ")).parse(),
            Ok("已联系您并改进。".to_owned())
        );
        assert_eq!(
            reply(None).parse(),
            Err(vec![("text", RatingError::ReplyMissing)])
        );
        assert_eq!(
            reply(Some(" ")).parse(),
            Err(vec![("text", RatingError::ReplyMissing)])
        );
        assert_eq!(
            reply(Some(&"x".repeat(MAX_REPLY_CHARS + 1))).parse(),
            Err(vec![("text", RatingError::ReplyTooLong)])
        );
    }

    #[test]
    fn the_follow_up_filter_defaults_to_open() {
        assert_eq!(FollowUp::parse(None), Some(FollowUp::Open));
        assert_eq!(FollowUp::parse(Some(" ")), Some(FollowUp::Open));
        assert_eq!(FollowUp::parse(Some("answered")), Some(FollowUp::Answered));
        assert_eq!(FollowUp::parse(Some("all")), Some(FollowUp::All));
        assert_eq!(FollowUp::parse(Some("closed")), None);
    }

    #[test]
    fn messages_in_both_languages() {
        let e = RatingError::LevelMissing;
        assert_eq!(e.code(), "rating.level_missing");
        assert_eq!(e.message(Lang::Zh), "请选择您对这次服务的评价");
        assert_eq!(
            e.message(Lang::En),
            "Select how satisfied you are with the service"
        );
    }
}
