//! What can be wrong with a pre-examination request's answer, an action on it or the settings,
//! with its stable code; the messages are in the `domain_pre_exam` catalog.

use super::document_kind::Document;
use crate::api::firm::registration::FieldVenue;
use crate::calendar::NotPublished;
use crate::ids::{PatentKind, PatentNumberError};
use crate::lang::{localized_error, Localized};
use crate::texts::{pre_exam_error_texts, PreExamErrorTexts};

/// Most classes of one field a refusal names (the lists run to hundreds).
const MAX_CLASSES_NAMED: usize = 6;

/// A field a venue examines, as a refusal names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedField {
    pub name_zh: String,
    pub name_en: String,
    /// Its classes of the scheme asked for (IPC or Locarno).
    pub classes: Vec<String>,
}

/// What is wrong. Codes start with `pre_exam.`, except the wrapped patent number errors'
/// (`patent_number.…`) and the calendar's (`calendar.not_published`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreExamError {
    /// A question a submission needs, by its field name.
    Missing(&'static str),
    TextTooLong,
    ControlCharacter,
    /// More names than the list takes.
    TooManyNames(usize),
    NameRepeated(String),
    NameBlank,
    IpcFormat,
    LocarnoFormat,
    /// The class is listed by a field of the venue that is still being extended.
    FieldNotOpen {
        name_zh: String,
        name_en: String,
    },
    /// The class is examined at another venue.
    ServedElsewhere(FieldVenue),
    /// The venue examines no class of this scheme yet (designs, or inventions and utility models).
    VenueServesNone {
        venue: FieldVenue,
        design: bool,
    },
    /// The class is not examined anywhere; the venue examines these.
    ClassNotServed {
        class: String,
        venue: FieldVenue,
        served: Vec<ServedField>,
    },
    ExcludedPct,
    ExcludedDivisional,
    ExcludedSameDay,
    ExcludedSecrecy,
    ExcludedAlreadyFiled,
    /// A document the request needs has no file (at `documents.<code>`).
    DocumentMissing(Document),
    /// The year's quota (this many requests) is used: ask for more (增量额度).
    QuotaUsed(u32),
    /// A setting outside 1 to this.
    OutOfRange(u32),
    /// The actor may not take this action (an officer replying, a firm passing).
    NotYourAction,
    /// The action does not fit the request's status (it moved on in another tab, say).
    WrongStatus,
    /// An amendment asked for when the request has had its last round of amendment.
    AmendmentRoundsUsed,
    /// The firm replies after its day to reply: the request counts as withdrawn.
    ReplyOverdue,
    /// A request marked withdrawn for no reply while its day to reply has not passed.
    NotOverdue,
    /// No defect or reason given, or a blank one.
    ReasonsMissing,
    /// More defects in one amendment notice than the limit.
    TooManyDefects,
    /// A pass without the number of the pre-examination notice.
    NoticeNumberMissing,
    PatentNumber(String, PatentNumberError),
    /// The reported number is of another kind than the request.
    NumberKind {
        number: PatentKind,
        request: PatentKind,
    },
    /// The reported number's year (this one) is not the filing date's.
    NumberYear(i32),
    DateFormat,
    /// The filing date is before the request was submitted, or after today.
    FilingDate,
    /// The grant date is before the filing date, or after today.
    GrantDate,
    /// A limit runs into a year whose holidays are not published.
    Calendar(NotPublished),
}

impl PreExamError {
    fn texts(&self, t: &PreExamErrorTexts) -> (&'static str, String) {
        use PreExamError::*;
        let lang = t.lang();
        match self {
            Missing(field) => ("pre_exam.missing", missing(t, field).into()),
            TextTooLong => ("pre_exam.text_too_long", t.pre_exam_text_too_long.into()),
            ControlCharacter => (
                "pre_exam.control_character",
                t.pre_exam_control_character.into(),
            ),
            TooManyNames(max) => ("pre_exam.too_many_names", t.pre_exam_too_many_names(max)),
            NameRepeated(name) => ("pre_exam.name_repeated", t.pre_exam_name_repeated(name)),
            NameBlank => ("pre_exam.name_blank", t.pre_exam_name_blank.into()),
            IpcFormat => ("pre_exam.ipc_format", t.pre_exam_ipc_format.into()),
            LocarnoFormat => ("pre_exam.locarno_format", t.pre_exam_locarno_format.into()),
            FieldNotOpen { name_zh, name_en } => (
                "pre_exam.field_not_open",
                t.pre_exam_field_not_open(lang.pick(name_zh, name_en)),
            ),
            ServedElsewhere(venue) => (
                "pre_exam.served_elsewhere",
                t.pre_exam_served_elsewhere(venue.label(lang)),
            ),
            VenueServesNone { venue, design } => (
                "pre_exam.venue_serves_none",
                if *design {
                    t.pre_exam_venue_serves_no_designs(venue.label(lang))
                } else {
                    t.pre_exam_venue_serves_no_ipc(venue.label(lang))
                },
            ),
            ClassNotServed {
                class,
                venue,
                served,
            } => (
                "pre_exam.class_not_served",
                t.pre_exam_class_not_served(class, venue.label(lang), served_list(t, served)),
            ),
            ExcludedPct => ("pre_exam.excluded_pct", t.pre_exam_excluded_pct.into()),
            ExcludedDivisional => (
                "pre_exam.excluded_divisional",
                t.pre_exam_excluded_divisional.into(),
            ),
            ExcludedSameDay => (
                "pre_exam.excluded_same_day",
                t.pre_exam_excluded_same_day.into(),
            ),
            ExcludedSecrecy => (
                "pre_exam.excluded_secrecy",
                t.pre_exam_excluded_secrecy.into(),
            ),
            ExcludedAlreadyFiled => (
                "pre_exam.excluded_already_filed",
                t.pre_exam_excluded_already_filed.into(),
            ),
            DocumentMissing(d) => ("pre_exam.document_missing", document(t, *d).into()),
            QuotaUsed(max) => ("pre_exam.quota_used", t.pre_exam_quota_used(max)),
            OutOfRange(max) => ("pre_exam.out_of_range", t.pre_exam_out_of_range(max)),
            NotYourAction => (
                "pre_exam.not_your_action",
                t.pre_exam_not_your_action.into(),
            ),
            WrongStatus => ("pre_exam.wrong_status", t.pre_exam_wrong_status.into()),
            AmendmentRoundsUsed => (
                "pre_exam.amendment_rounds_used",
                t.pre_exam_amendment_rounds_used(super::MAX_AMENDMENT_ROUNDS),
            ),
            ReplyOverdue => ("pre_exam.reply_overdue", t.pre_exam_reply_overdue.into()),
            NotOverdue => ("pre_exam.not_overdue", t.pre_exam_not_overdue.into()),
            ReasonsMissing => (
                "pre_exam.reasons_missing",
                t.pre_exam_reasons_missing.into(),
            ),
            TooManyDefects => (
                "pre_exam.too_many_defects",
                t.pre_exam_too_many_defects(super::MAX_DEFECTS),
            ),
            NoticeNumberMissing => (
                "pre_exam.notice_number_missing",
                t.pre_exam_notice_number_missing.into(),
            ),
            PatentNumber(typed, e) => (e.code(), t.pre_exam_patent_number(typed, e.message(lang))),
            NumberKind { number, request } => (
                "pre_exam.number_kind",
                t.pre_exam_number_kind(number.label(lang), request.label(lang)),
            ),
            NumberYear(year) => ("pre_exam.number_year", t.pre_exam_number_year(year)),
            DateFormat => ("pre_exam.date_format", t.pre_exam_date_format.into()),
            FilingDate => ("pre_exam.filing_date", t.pre_exam_filing_date.into()),
            GrantDate => ("pre_exam.grant_date", t.pre_exam_grant_date.into()),
            Calendar(e) => (e.code(), e.message(lang)),
        }
    }
}

/// The fields a venue examines, each with its first classes: `智能装备（B25F 5/00、B23K 37/00）`.
fn served_list(t: &PreExamErrorTexts, served: &[ServedField]) -> String {
    served
        .iter()
        .map(|f| {
            let shown = f.classes[..f.classes.len().min(MAX_CLASSES_NAMED)]
                .join(t.pre_exam_class_separator);
            let classes = match f.classes.len().checked_sub(MAX_CLASSES_NAMED) {
                Some(more) if more > 0 => t.pre_exam_more_classes(shown, more),
                _ => shown,
            };
            t.pre_exam_served_field(t.lang().pick(&f.name_zh, &f.name_en), classes)
        })
        .collect::<Vec<_>>()
        .join(t.pre_exam_field_separator)
}

/// The message of a missing answer, by its field name.
fn missing(t: &PreExamErrorTexts, field: &str) -> &'static str {
    match field {
        "venue" => t.missing_venue,
        "kind" => t.missing_kind,
        "classification" => t.missing_classification,
        "title" => t.missing_title,
        "inventors" => t.missing_inventors,
        "summary" => t.missing_summary,
        "pct_national_phase" => t.missing_pct_national_phase,
        "divisional" => t.missing_divisional,
        "same_day_filing" => t.missing_same_day_filing,
        "needs_secrecy_examination" => t.missing_needs_secrecy_examination,
        _ => t.missing_already_filed,
    }
}

/// The message of a missing document.
fn document(t: &PreExamErrorTexts, d: Document) -> &'static str {
    match d {
        Document::Request => t.missing_request,
        Document::Description => t.missing_description,
        Document::Claims => t.missing_claims,
        Document::Abstract => t.missing_abstract,
        Document::Drawings => t.missing_drawings,
        Document::DesignViews => t.missing_design_views,
        Document::DesignBrief => t.missing_design_brief,
        Document::SelfCheck => t.missing_self_check,
        Document::JointRndAgreement => t.missing_joint_rnd_agreement,
    }
}

localized_error!(PreExamError, pre_exam_error_texts);
