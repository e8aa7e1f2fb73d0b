//! Rights-assistance requests (维权援助申请): a person or a firm whose patent, trademark,
//! copyright, GI, trade secret, IC layout design or plant variety is infringed asks the center
//! for help.
//!
//! Applying is a task list of seven sections ([`Section`]): the applicant, the right, the other
//! party, what happened, the help wanted, the evidence and the declaration. The answers are a
//! draft ([`AssistanceDraft`]) that the browser saves to the server as the person types, under a
//! secret draft token; evidence files are uploaded to the draft one by one. Submitting turns the
//! draft into a request with a reference (`WQ-K7QX-M2PD`) and a secret tracking token.
//!
//! The JSON shapes of (all under `/api/v1`)
//! - `POST   /assistance/drafts`                              → 201 [`DraftCreated`]
//! - `GET    /assistance/drafts/{token}`                      → [`DraftView`]
//! - `PUT    /assistance/drafts/{token}`                      [`AssistanceDraft`] → [`DraftView`]
//! - `POST   /assistance/drafts/{token}/files?name=&purpose=` raw file → 201 [`EvidenceFile`]
//! - `GET    /assistance/drafts/{token}/files/{id}`           → the file
//! - `DELETE /assistance/drafts/{token}/files/{id}`           → [`DraftView`]
//! - `POST   /assistance/drafts/{token}/submit` (`Idempotency-Key`) → 201 [`AssistanceSubmitted`]
//! - `POST   /assistance/requests/lookup`                     [`AssistanceLookupRequest`] → [`AssistanceTracking`]
//! - `GET    /assistance/requests/{token}`                    → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/withdraw`           [`WithdrawRequest`] → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/files?name=`        raw file → 201 [`EvidenceFile`]
//! - `DELETE /assistance/requests/{token}/files/{id}`         → [`AssistanceTracking`]
//! - `GET    /assistance/requests/{token}/files/{id}`         → the file
//! - `POST   /assistance/requests/{token}/messages/{id}/reply` [`ReplyRequest`] → [`AssistanceTracking`]
//! - `POST   /assistance/requests/{token}/rating`         [`RatingRequest`](super::rating::RatingRequest) → 201 [`RatingView`](super::rating::RatingView) (see [`super::rating`])
//!
//! and the checks both sides run. Each section of the draft has a `parse` that returns its typed
//! value or `(field, AssistanceError)` pairs, with field names such as `applicant.name` and
//! `right.number`; [`section_status`] turns them into the task list's status, and
//! [`AssistanceRequest::parse`] checks the whole draft before it is submitted. What only the
//! server knows comes in through [`DraftContext`]: today's date (a discovery date cannot be in
//! the future), the uploaded files and whether a GI id is in the GI lookup (the browser passes
//! `&|_| true`: the id was picked from the lookup, and the server checks it again).
//!
//! Statuses ([`RequestStatus`]) follow DOMAIN.md: 已提交 → 初审中 → 已受理 / 不予受理 (with a
//! reason) → 援助中 → 已办结, and 已撤回 when the applicant withdraws. Time limits
//! ([`next_deadline`]) are the local rule quoted there: initial review within 5 working days,
//! the decision to accept or not within 15 working days, results within 90 days. DOMAIN.md does
//! not say from which day the 15 working days count; they are counted here, like the 5, from
//! the day the request was submitted, and the 90 days from the day it was accepted.
//!
//! Personal data: the resident ID, mobile number and USCC are never sent back in full, only
//! masked (`3206**********1234`, `138****5678`, `91************341L`). Error messages never
//! repeat what was typed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FieldError;
use crate::calendar::{Date, DateError, HolidayCalendar};
use crate::ids::{
    MobileNumber, MobileNumberError, PatentApplicationNumber, PatentKind, PatentNumberError,
    ResidentId, ResidentIdError, TrademarkNumber, TrademarkNumberError, Uscc, UsccError,
};
use crate::lang::{Lang, Localized};
use crate::reference::ReferenceProblem;
use crate::text::{clean_line, clean_text, TextProblem};

// ---------------------------------------------------------------------------------------------
// Limits and time limits
// ---------------------------------------------------------------------------------------------

/// Evidence files on one draft (the authorisation letter included), and files in one reply.
pub const MAX_FILES: usize = 10;
/// Largest file accepted: 10 MB, counted as 10 × 1024 × 1024 bytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Files uploaded for a reply and not yet sent with one, per request.
pub const MAX_STAGED_FILES: usize = 10;
/// Withdrawing within this many seconds of submitting takes one click and no reason
/// (适老化 spec: legal submissions can be withdrawn within 10 minutes).
pub const ONE_CLICK_WITHDRAW_SECS: i64 = 10 * 60;
/// A draft is kept this many days after it was last saved, then deleted with its files.
pub const DRAFT_TTL_DAYS: i64 = 30;
/// Initial review (初审) within 5 working days of submission.
pub const INITIAL_REVIEW_WORKING_DAYS: u32 = 5;
/// Decision to accept or not (受理/不予受理) within 15 working days, counted here from submission.
pub const ACCEPTANCE_DECISION_WORKING_DAYS: u32 = 15;
/// Results within 90 (calendar) days of acceptance (120 for complex cases, which staff decide).
pub const RESULT_DAYS: u32 = 90;

pub const MAX_PERSON_NAME_CHARS: usize = 40;
pub const MAX_ORGANISATION_NAME_CHARS: usize = 100;
pub const MAX_HOLDER_CHARS: usize = 100;
pub const MAX_TITLE_CHARS: usize = 100;
pub const MAX_REGISTRATION_NUMBER_CHARS: usize = 50;
pub const MAX_OTHER_PARTY_NAME_CHARS: usize = 100;
pub const MAX_ADDRESS_CHARS: usize = 200;
pub const MAX_LINK_CHARS: usize = 500;
pub const MAX_PLACE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
pub const MAX_OTHER_ACTIONS_CHARS: usize = 1000;
pub const MAX_HELP_NOTES_CHARS: usize = 500;
pub const MAX_REASON_CHARS: usize = 500;
pub const MAX_REPLY_CHARS: usize = 2000;
/// File names are cut to this many characters when stored.
pub const MAX_FILE_NAME_CHARS: usize = 120;
/// Estimated loss, in yuan: up to 13 digits before the decimal point.
const MAX_LOSS_FEN: i64 = 10_000_000_000_000 * 100 - 1;

/// The `code` of error answers that are not about one field of a draft (the per-field codes
/// are those of [`AssistanceError`]).
pub mod code {
    /// 400: submit without an `Idempotency-Key` header.
    pub const IDEMPOTENCY_KEY_MISSING: &str = "assistance.idempotency_key_missing";
    /// 400: the key is longer than 128 characters or not printable ASCII.
    pub const IDEMPOTENCY_KEY_INVALID: &str = "assistance.idempotency_key_invalid";
    /// 422: the key was already used to submit a different draft.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "assistance.idempotency_key_reused";
    /// 409: the draft was already submitted (with another key): it cannot be changed, and
    /// submitting it again would make a second request.
    pub const DRAFT_SUBMITTED: &str = "assistance.draft_submitted";
    /// 400: the draft is not complete; `fields` says what to fix (field names such as
    /// `applicant.name`), like `validation_failed`.
    pub const DRAFT_INCOMPLETE: &str = "assistance.draft_incomplete";
    /// 413: the file is larger than [`super::MAX_FILE_BYTES`].
    pub const FILE_TOO_LARGE: &str = "assistance.file_too_large";
    /// 415: the file's content is not a JPEG, PNG, WebP, HEIC photo or a PDF, whatever its
    /// name or declared type says.
    pub const FILE_TYPE_NOT_ALLOWED: &str = "assistance.file_type_not_allowed";
    /// 415: the file starts as a photo or a PDF but is not a whole one (cut off, damaged, or
    /// something else behind the first bytes).
    pub const FILE_DAMAGED: &str = "assistance.file_damaged";
    /// 415: a PDF with scripts, automatic actions or embedded files.
    pub const FILE_ACTIVE_CONTENT: &str = "assistance.file_active_content";
    /// 400: an empty file.
    pub const FILE_EMPTY: &str = "assistance.file_empty";
    /// 409: the draft (or the reply being prepared) already has [`super::MAX_FILES`] files.
    pub const TOO_MANY_FILES: &str = "assistance.too_many_files";
    /// 409: the request was accepted (or has ended): it can no longer be withdrawn online.
    pub const NOT_WITHDRAWABLE: &str = "assistance.not_withdrawable";
    /// 422: more than 10 minutes after submitting, a withdrawal needs a reason (field `reason`).
    pub const WITHDRAW_REASON_REQUIRED: &str = "assistance.withdraw_reason_required";
    /// 409: the message was already answered (with other words or files).
    pub const ALREADY_REPLIED: &str = "assistance.already_replied";
    /// 409: the request was withdrawn or has ended; nothing can be sent any more.
    pub const REQUEST_CLOSED: &str = "assistance.request_closed";
    /// 409: a file that was sent with a reply cannot be deleted.
    pub const FILE_ALREADY_SENT: &str = "assistance.file_already_sent";
    /// 429 with `Retry-After`: too many new drafts from one client address within an hour
    /// (the server's limit); the browser keeps the answers and tries again.
    pub const DRAFTS_RATE_LIMITED: &str = "assistance.drafts_rate_limited";
    /// 429 with `Retry-After`: too many bytes uploaded from one client address within an
    /// hour (the server's limit).
    pub const UPLOADS_RATE_LIMITED: &str = "assistance.uploads_rate_limited";
    /// 429 with `Retry-After`: too many failed lookups by reference + mobile number. The
    /// count is the booking lookups' (`booking.lookup_rate_limited`): 5 failures an hour for
    /// one reference, 30 from one client address across every lookup route. The answer is the
    /// same whether the reference exists or not; the tracking link is never limited.
    pub const LOOKUP_RATE_LIMITED: &str = "assistance.lookup_rate_limited";
}

// ---------------------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------------------

use crate::choice::choice;

/// Who applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    Individual,
    Organisation,
}

choice!(ApplicantKind {
    Individual = "individual", "个人", "An individual";
    Organisation = "organisation", "单位（企业、个体工商户、机构等）", "An organisation (a company, sole trader or institution)";
});

/// The kind of right that is infringed (DOMAIN.md: 专利 three kinds, 商标, 著作权, 地理标志,
/// 商业秘密, 集成电路布图设计, 植物新品种).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RightType {
    InventionPatent,
    UtilityModelPatent,
    DesignPatent,
    Trademark,
    Copyright,
    GeographicalIndication,
    TradeSecret,
    IcLayoutDesign,
    PlantVariety,
}

choice!(RightType {
    InventionPatent = "invention_patent", "发明专利", "Invention patent";
    UtilityModelPatent = "utility_model_patent", "实用新型专利", "Utility model patent";
    DesignPatent = "design_patent", "外观设计专利", "Design patent";
    Trademark = "trademark", "商标", "Trademark";
    Copyright = "copyright", "著作权（版权）", "Copyright";
    GeographicalIndication = "geographical_indication", "地理标志", "Geographical indication";
    TradeSecret = "trade_secret", "商业秘密", "Trade secret";
    IcLayoutDesign = "ic_layout_design", "集成电路布图设计", "Integrated circuit layout design";
    PlantVariety = "plant_variety", "植物新品种", "Plant variety";
});

impl RightType {
    pub fn is_patent(self) -> bool {
        matches!(
            self,
            RightType::InventionPatent | RightType::UtilityModelPatent | RightType::DesignPatent
        )
    }

    /// What the number of this kind of right is: how the browser labels `right.number`.
    pub fn number_rule(self) -> NumberRule {
        match self {
            RightType::InventionPatent
            | RightType::UtilityModelPatent
            | RightType::DesignPatent => NumberRule::PatentApplication,
            RightType::Trademark => NumberRule::Trademark,
            RightType::GeographicalIndication => NumberRule::GiProduct,
            RightType::Copyright => NumberRule::OptionalRegistration,
            RightType::IcLayoutDesign | RightType::PlantVariety => NumberRule::Registration,
            RightType::TradeSecret => NumberRule::None,
        }
    }

    /// Whether the right exists only once granted or registered (so "not registered" is not
    /// a possible legal status).
    fn needs_grant(self) -> bool {
        !matches!(
            self,
            RightType::Trademark | RightType::Copyright | RightType::TradeSecret
        )
    }
}

/// How `right.number` is read for a [`RightType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NumberRule {
    /// Patent application number (ZC 0006-2003) with its check character; its type digit must
    /// match the kind of patent chosen. Required.
    PatentApplication,
    /// Trademark registration (or application) number, 1–9 digits. Required unless the legal
    /// status is `not_registered`.
    Trademark,
    /// The id of a product in the GI lookup, e.g. `GI00842`. Required; it must exist.
    GiProduct,
    /// A registration number whose format is not known (布图设计登记号, 品种权号): free text, required.
    Registration,
    /// Copyright registration is voluntary: free text, optional.
    OptionalRegistration,
    /// Trade secrets have no number: `right.number` is ignored.
    None,
}

/// The legal status of the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    InForce,
    Pending,
    NotRegistered,
    Lapsed,
    Challenged,
}

choice!(LegalStatus {
    InForce = "in_force", "有效（已授权或已注册）", "In force (granted or registered)";
    Pending = "pending", "申请中", "Applied for, not yet granted or registered";
    NotRegistered = "not_registered", "未登记（如未登记的著作权、商业秘密、未注册商标）", "Not registered (such as unregistered copyright, trade secrets or unregistered trademarks)";
    Lapsed = "lapsed", "已失效", "Lapsed or expired";
    Challenged = "challenged", "正处于无效宣告、撤销或异议程序中", "Being challenged (invalidation, cancellation or opposition)";
});

/// The help asked for (the issue's six; DOMAIN.md also names 分析预警 and 展会驻场, which are
/// not requested through this form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssistanceType {
    Consultation,
    RightsGuidance,
    InfringementOpinion,
    ExpertReview,
    Mediation,
    Overseas,
}

choice!(AssistanceType {
    Consultation = "consultation", "咨询指导", "Advice and guidance";
    RightsGuidance = "rights_guidance", "维权指导（如何取证、选择哪种途径）", "Guidance on enforcing your rights (collecting evidence, which route to take)";
    InfringementOpinion = "infringement_opinion", "侵权判定参考意见", "An advisory opinion on whether there is infringement";
    ExpertReview = "expert_review", "专家论证", "An expert panel review";
    Mediation = "mediation", "纠纷调解", "Mediation of the dispute";
    Overseas = "overseas", "海外维权", "Help with a dispute abroad";
});

/// Where a request is. `Rated` (已评价) is the last step of the status model and only a step of
/// the timeline: the applicant rates a concluded request (see [`super::rating`]); the request
/// itself stays `concluded` for staff (the queue, the overview, the transition table), and no
/// staff transition leads to or from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Submitted,
    InitialReview,
    Accepted,
    Rejected,
    Assisting,
    Concluded,
    Withdrawn,
    Rated,
}

choice!(RequestStatus {
    Submitted = "submitted", "已提交", "Submitted";
    InitialReview = "initial_review", "初审中", "Initial review";
    Accepted = "accepted", "已受理", "Accepted";
    Rejected = "rejected", "不予受理", "Not accepted";
    Assisting = "assisting", "援助中", "Assistance in progress";
    Concluded = "concluded", "已办结", "Concluded";
    Withdrawn = "withdrawn", "已撤回", "Withdrawn";
    Rated = "rated", "已评价", "Rated";
});

impl RequestStatus {
    /// Before acceptance: the applicant may still withdraw.
    pub fn withdrawable(self) -> bool {
        matches!(
            self,
            RequestStatus::Submitted | RequestStatus::InitialReview
        )
    }

    /// Withdrawn, not accepted, concluded (or rated): nothing more happens.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            RequestStatus::Withdrawn
                | RequestStatus::Rejected
                | RequestStatus::Concluded
                | RequestStatus::Rated
        )
    }

    /// A status a request itself can be in (every one but `rated`, a timeline step only): the
    /// case queue's filter and the overview's counts.
    pub fn is_case_status(self) -> bool {
        self != RequestStatus::Rated
    }
}

/// The sections of the task list, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Applicant,
    Right,
    OtherParty,
    Facts,
    Help,
    Evidence,
    Declaration,
}

choice!(Section {
    Applicant = "applicant", "申请人信息", "About the applicant";
    Right = "right", "被侵犯的权利", "The right that is infringed";
    OtherParty = "other_party", "涉嫌侵权方", "The other party";
    Facts = "facts", "侵权情况", "What happened";
    Help = "help", "需要的帮助", "The help you want";
    Evidence = "evidence", "证据材料", "Evidence";
    Declaration = "declaration", "声明", "Declaration";
});

/// The GOV.UK task-list statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Nothing entered yet.
    NotStarted,
    /// Some answers given, some still missing; nothing given is wrong.
    InProgress,
    /// Every answer is there and acceptable.
    Completed,
    /// An answer given is not acceptable (a wrong check digit, too long …): see `problems`.
    Problem,
}

choice!(SectionStatus {
    NotStarted = "not_started", "未开始", "Not started";
    InProgress = "in_progress", "进行中", "In progress";
    Completed = "completed", "已完成", "Completed";
    Problem = "problem", "有问题需修改", "There is a problem";
});

/// The type of an uploaded file, as its content (not its name) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Webp,
    /// HEIF/HEIC, the photos of recent iPhones (browsers other than Safari cannot show them).
    Heic,
    Pdf,
}

choice!(FileKind {
    Jpeg = "jpeg", "JPEG 图片", "JPEG image";
    Png = "png", "PNG 图片", "PNG image";
    Webp = "webp", "WebP 图片", "WebP image";
    Heic = "heic", "HEIC 照片", "HEIC photo";
    Pdf = "pdf", "PDF 文件", "PDF document";
});

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Webp => "image/webp",
            FileKind::Heic => "image/heic",
            FileKind::Pdf => "application/pdf",
        }
    }

    /// The type of a file from its first bytes (at least 16 are needed), `None` for anything
    /// else: JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; PDF `%PDF-`; WebP `RIFF` + size +
    /// `WEBP`; HEIC an ISO-BMFF `ftyp` box whose major or a compatible brand is `heic`,
    /// `heix`, `heim`, `heis`, `hevc` or `hevx`.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(FileKind::Jpeg);
        }
        if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            return Some(FileKind::Png);
        }
        if bytes.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            return Some(FileKind::Webp);
        }
        if bytes.len() >= 16 && &bytes[4..8] == b"ftyp" {
            let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
            let end = size.clamp(16, 256).min(bytes.len());
            // Major brand at 8..12, minor version at 12..16, compatible brands from 16 on.
            let brands = std::iter::once(&bytes[8..12]).chain(bytes[16..end].chunks_exact(4));
            const HEIF: [&[u8]; 6] = [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"];
            if brands.into_iter().any(|brand| HEIF.contains(&brand)) {
                return Some(FileKind::Heic);
            }
        }
        None
    }
}

/// What an uploaded file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FilePurpose {
    /// Evidence of the infringement (photos, purchase records, screenshots …).
    #[default]
    Evidence,
    /// The letter authorising someone to act for the applicant (委托书).
    AuthorisationLetter,
}

choice!(FilePurpose {
    Evidence = "evidence", "证据材料", "Evidence";
    AuthorisationLetter = "authorisation_letter", "授权委托书", "Letter of authorisation";
});

/// The kind of a message from the center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Info,
    /// 补充材料: the applicant answers with a reply and new files.
    MoreMaterialRequested,
}

choice!(MessageKind {
    Info = "info", "通知", "Information";
    MoreMaterialRequested = "more_material_requested", "请补充材料", "More material needed";
});

// ---------------------------------------------------------------------------------------------
// Identifiers: references and GI product ids
// ---------------------------------------------------------------------------------------------

// moved (#19): old path kept until the server and apps import the new one
pub use crate::reference::AssistanceReference;

impl AssistanceReference {
    /// Reads a reference as people type it (see [`AssistanceReference::read`]), with what is
    /// wrong as an assistance field error.
    pub fn parse(input: &str) -> Result<AssistanceReference, AssistanceError> {
        AssistanceReference::read(input).map_err(|problem| match problem {
            ReferenceProblem::Missing => AssistanceError::ReferenceMissing,
            ReferenceProblem::Format => AssistanceError::ReferenceFormat,
        })
    }
}

/// The id of a product in the GI lookup (`GET /api/v1/gi/products/{id}`): `GI` and 5 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GiId(String);

impl GiId {
    pub fn parse(input: &str) -> Result<GiId, AssistanceError> {
        let s: String = input
            .trim()
            .chars()
            .take(20)
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.is_empty() {
            return Err(AssistanceError::GiMissing);
        }
        match s.strip_prefix("GI") {
            Some(digits) if digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(GiId(s))
            }
            _ => Err(AssistanceError::GiFormat),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// ---------------------------------------------------------------------------------------------
// The draft: every answer as typed
// ---------------------------------------------------------------------------------------------

/// The answers so far, every one optional and as typed, so that saving never fails because of
/// what is (not yet) in it. The body of `PUT /api/v1/assistance/drafts/{token}` and part of
/// [`DraftView`]. Unknown keys are dropped. Evidence files are not here: they are uploaded to
/// the draft one by one and listed in [`DraftView::files`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssistanceDraft {
    pub applicant: ApplicantDraft,
    pub right: RightDraft,
    pub other_party: OtherPartyDraft,
    pub facts: FactsDraft,
    pub help: HelpDraft,
    pub evidence: EvidenceDraft,
    pub declaration: DeclarationDraft,
}

/// Section 1. Which fields count depends on `kind`: an individual gives `name`, `resident_id`
/// and `mobile`; an organisation gives `name` (the organisation's), `uscc`, `contact_name` and
/// `mobile`. The others are kept (someone may switch back) but ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ApplicantDraft {
    /// `individual` or `organisation`.
    pub kind: Option<String>,
    /// The person's name (at most 40 characters) or the organisation's (at most 100).
    pub name: Option<String>,
    /// 公民身份号码 (individuals).
    pub resident_id: Option<String>,
    /// 统一社会信用代码 (organisations).
    pub uscc: Option<String>,
    /// Contact person (organisations), at most 40 characters.
    pub contact_name: Option<String>,
    /// Mainland mobile number: the center calls it, and tracking by reference asks for it.
    pub mobile: Option<String>,
    /// Whether the person filling in acts for the applicant (then a letter of authorisation
    /// must be uploaded as evidence). `null` until answered.
    pub acting_for_someone_else: Option<bool>,
    /// The name of the person acting for the applicant, when `acting_for_someone_else`.
    pub representative_name: Option<String>,
}

/// Section 2.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RightDraft {
    /// A [`RightType`] value, e.g. `invention_patent`.
    #[serde(rename = "type")]
    pub right_type: Option<String>,
    /// Read by the type's [`NumberRule`]: a patent application number such as
    /// `2012 2 0687633.0`, a trademark number, a GI id such as `GI00842` …
    pub number: Option<String>,
    /// Optional name of the patent, mark or work, at most 100 characters.
    pub title: Option<String>,
    /// The right holder (权利人), at most 100 characters.
    pub holder: Option<String>,
    /// A [`LegalStatus`] value.
    pub legal_status: Option<String>,
}

/// Section 3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OtherPartyDraft {
    /// Name of the person, firm or shop, at most 100 characters.
    pub name: Option<String>,
    /// Postal address; this or `online_link` is needed. At most 200 characters.
    pub address: Option<String>,
    /// Link to the online shop or listing (`http://` or `https://`); a pasted share text is
    /// fine, the link is taken out of it. At most 500 characters.
    pub online_link: Option<String>,
    /// Where the infringement happens (a market, a city, a platform), at most 200 characters.
    pub place: Option<String>,
}

/// Section 4.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FactsDraft {
    /// What happened, at most 2000 characters.
    pub description: Option<String>,
    /// When the infringement was discovered, `YYYY-MM-DD`, not in the future.
    pub discovered_on: Option<String>,
    /// Optional estimated loss in yuan, e.g. `50000` or `12,345.60`.
    pub estimated_loss: Option<String>,
    /// Optional: what has been done already (complaints, letters, a lawsuit), at most 1000
    /// characters.
    pub other_actions: Option<String>,
}

/// Section 5.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HelpDraft {
    /// One or more [`AssistanceType`] values.
    pub types: Vec<String>,
    /// Optional: anything else about the help wanted, at most 500 characters.
    pub notes: Option<String>,
}

/// Section 6: the files are uploaded separately; this only records that the person has said
/// they have added every file they have (evidence is optional, except the letter of
/// authorisation when acting for someone else).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EvidenceDraft {
    pub complete: bool,
}

/// Section 7.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct DeclarationDraft {
    /// "The information I have given is true" (承诺所填信息真实).
    pub accepted: bool,
}

// ---------------------------------------------------------------------------------------------
// Typed answers
// ---------------------------------------------------------------------------------------------

/// A checked applicant. `resident_id` is set for individuals, `uscc` and `contact_name` for
/// organisations, `representative_name` when someone acts for the applicant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub kind: ApplicantKind,
    pub name: String,
    pub resident_id: Option<ResidentId>,
    pub uscc: Option<Uscc>,
    pub contact_name: Option<String>,
    pub mobile: MobileNumber,
    pub acting_for_someone_else: bool,
    pub representative_name: Option<String>,
}

/// A checked right. `number` is normalised (`201220687633.0`, `12345678`, `GI00842`) and `None`
/// where the type has none or it is optional and was not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Right {
    #[serde(rename = "type")]
    pub right_type: RightType,
    pub number: Option<String>,
    pub title: Option<String>,
    pub holder: String,
    pub legal_status: LegalStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherParty {
    pub name: String,
    pub address: Option<String>,
    pub online_link: Option<String>,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facts {
    pub description: String,
    pub discovered_on: Date,
    /// In fen (1/100 yuan).
    pub estimated_loss_fen: Option<i64>,
    pub other_actions: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Help {
    /// In the order of [`AssistanceType::ALL`], each once.
    pub types: Vec<AssistanceType>,
    pub notes: Option<String>,
}

/// A complete, checked request: what [`AssistanceRequest::parse`] makes of a draft. The
/// evidence is the draft's files; the declaration was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistanceRequest {
    pub applicant: Applicant,
    pub right: Right,
    pub other_party: OtherParty,
    pub facts: Facts,
    pub help: Help,
}

/// What the checks need besides the draft.
pub struct DraftContext<'a> {
    /// Today in Asia/Shanghai.
    pub today: Date,
    /// The files uploaded to the draft.
    pub files: &'a [EvidenceFile],
    /// Whether a GI id names a product of the GI lookup.
    pub gi_exists: &'a (dyn Fn(&GiId) -> bool + Sync),
}

/// The problems of one section or of the whole draft: `(field, error)` in field order.
pub type Problems = Vec<(&'static str, AssistanceError)>;

/// Collects field errors while a section is parsed.
#[derive(Default)]
struct Check {
    problems: Problems,
}

impl Check {
    fn take<T>(&mut self, field: &'static str, result: Result<T, AssistanceError>) -> Option<T> {
        result.map_err(|e| self.problems.push((field, e))).ok()
    }

    fn done<T>(self, value: Option<T>) -> Result<T, Problems> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(self.problems),
        }
    }
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

fn text_error(problem: TextProblem, max: usize) -> AssistanceError {
    match problem {
        TextProblem::TooLong => AssistanceError::TooLong { max },
        TextProblem::Control => AssistanceError::ControlCharacter,
    }
}

/// One line (a name): optional; too long or with control characters is an error.
fn optional_line(value: &Option<String>, max: usize) -> Result<Option<String>, AssistanceError> {
    clean_line(value.as_deref(), max).map_err(|e| text_error(e, max))
}

fn required_line(
    value: &Option<String>,
    max: usize,
    missing: AssistanceError,
) -> Result<String, AssistanceError> {
    optional_line(value, max)?.ok_or(missing)
}

/// Free text with line breaks.
fn optional_text(value: &Option<String>, max: usize) -> Result<Option<String>, AssistanceError> {
    clean_text(value.as_deref(), max).map_err(|e| text_error(e, max))
}

fn required_text(
    value: &Option<String>,
    max: usize,
    missing: AssistanceError,
) -> Result<String, AssistanceError> {
    optional_text(value, max)?.ok_or(missing)
}

impl ApplicantDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.kind)
            && blank(&self.name)
            && blank(&self.resident_id)
            && blank(&self.uscc)
            && blank(&self.contact_name)
            && blank(&self.mobile)
            && self.acting_for_someone_else.is_none()
            && blank(&self.representative_name)
    }

    pub fn parse(&self) -> Result<Applicant, Problems> {
        let mut check = Check::default();
        let kind = check.take(
            "applicant.kind",
            match self.kind.as_deref().map(str::trim) {
                None | Some("") => Err(AssistanceError::ApplicantKindMissing),
                Some(code) => {
                    ApplicantKind::from_code(code).ok_or(AssistanceError::ApplicantKindUnknown)
                }
            },
        );
        let (max_name, name_missing) = match kind {
            Some(ApplicantKind::Organisation) => (
                MAX_ORGANISATION_NAME_CHARS,
                AssistanceError::OrganisationNameMissing,
            ),
            _ => (MAX_PERSON_NAME_CHARS, AssistanceError::PersonNameMissing),
        };
        let name = check.take(
            "applicant.name",
            required_line(&self.name, max_name, name_missing),
        );
        let mut resident_id = None;
        let mut uscc = None;
        let mut contact_name = None;
        match kind {
            Some(ApplicantKind::Individual) => {
                resident_id = check.take(
                    "applicant.resident_id",
                    ResidentId::parse(self.resident_id.as_deref().unwrap_or(""))
                        .map_err(AssistanceError::ResidentId),
                );
            }
            Some(ApplicantKind::Organisation) => {
                uscc = check.take(
                    "applicant.uscc",
                    Uscc::parse(self.uscc.as_deref().unwrap_or("")).map_err(AssistanceError::Uscc),
                );
                contact_name = check.take(
                    "applicant.contact_name",
                    required_line(
                        &self.contact_name,
                        MAX_PERSON_NAME_CHARS,
                        AssistanceError::ContactNameMissing,
                    ),
                );
            }
            None => {}
        }
        let mobile = check.take(
            "applicant.mobile",
            MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
                .map_err(AssistanceError::Mobile),
        );
        let acting = check.take(
            "applicant.acting_for_someone_else",
            self.acting_for_someone_else
                .ok_or(AssistanceError::ActingMissing),
        );
        let mut representative_name = None;
        if acting == Some(true) {
            representative_name = check.take(
                "applicant.representative_name",
                required_line(
                    &self.representative_name,
                    MAX_PERSON_NAME_CHARS,
                    AssistanceError::RepresentativeNameMissing,
                ),
            );
        }
        let value = match (kind, name, mobile, acting) {
            (Some(kind), Some(name), Some(mobile), Some(acting)) => Some(Applicant {
                kind,
                name,
                resident_id,
                uscc,
                contact_name,
                mobile,
                acting_for_someone_else: acting,
                representative_name,
            }),
            _ => None,
        };
        check.done(value)
    }
}

impl RightDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.right_type)
            && blank(&self.number)
            && blank(&self.title)
            && blank(&self.holder)
            && blank(&self.legal_status)
    }

    /// Checks the section; `gi_exists` says whether a GI id is in the GI lookup.
    pub fn parse(&self, gi_exists: &dyn Fn(&GiId) -> bool) -> Result<Right, Problems> {
        let mut check = Check::default();
        let right_type = check.take(
            "right.type",
            match self.right_type.as_deref().map(str::trim) {
                None | Some("") => Err(AssistanceError::RightTypeMissing),
                Some(code) => RightType::from_code(code).ok_or(AssistanceError::RightTypeUnknown),
            },
        );
        let legal_status = match self.legal_status.as_deref().map(str::trim) {
            None | Some("") => Err(AssistanceError::LegalStatusMissing),
            Some(code) => LegalStatus::from_code(code).ok_or(AssistanceError::LegalStatusUnknown),
        };
        let number = right_type.and_then(|right_type| {
            let status = legal_status.as_ref().ok().copied();
            check.take(
                "right.number",
                parse_right_number(right_type, status, &self.number, gi_exists),
            )
        });
        let title = check.take("right.title", optional_line(&self.title, MAX_TITLE_CHARS));
        let holder = check.take(
            "right.holder",
            required_line(
                &self.holder,
                MAX_HOLDER_CHARS,
                AssistanceError::HolderMissing,
            ),
        );
        let legal_status = check.take(
            "right.legal_status",
            legal_status.and_then(|status| match right_type {
                Some(t) if t.needs_grant() && status == LegalStatus::NotRegistered => {
                    Err(AssistanceError::LegalStatusNotPossible)
                }
                _ => Ok(status),
            }),
        );
        let value = match (right_type, number, title, holder, legal_status) {
            (Some(right_type), Some(number), Some(title), Some(holder), Some(legal_status)) => {
                Some(Right {
                    right_type,
                    number,
                    title,
                    holder,
                    legal_status,
                })
            }
            _ => None,
        };
        check.done(value)
    }
}

/// The number of a right by its type's [`NumberRule`]; `Ok(None)` where there is none.
fn parse_right_number(
    right_type: RightType,
    legal_status: Option<LegalStatus>,
    value: &Option<String>,
    gi_exists: &dyn Fn(&GiId) -> bool,
) -> Result<Option<String>, AssistanceError> {
    let input = value.as_deref().unwrap_or("");
    match right_type.number_rule() {
        NumberRule::PatentApplication => {
            let number =
                PatentApplicationNumber::parse(input).map_err(AssistanceError::PatentNumber)?;
            let matches = match number.kind() {
                PatentKind::Invention | PatentKind::PctInvention => {
                    right_type == RightType::InventionPatent
                }
                PatentKind::UtilityModel | PatentKind::PctUtilityModel => {
                    right_type == RightType::UtilityModelPatent
                }
                PatentKind::Design => right_type == RightType::DesignPatent,
            };
            if !matches {
                return Err(AssistanceError::PatentKindMismatch {
                    number_kind: number.kind(),
                    chosen: right_type,
                });
            }
            Ok(Some(number.to_string()))
        }
        NumberRule::Trademark => {
            if input.trim().is_empty() && legal_status == Some(LegalStatus::NotRegistered) {
                return Ok(None);
            }
            TrademarkNumber::parse(input)
                .map(|n| Some(n.to_string()))
                .map_err(AssistanceError::TrademarkNumber)
        }
        NumberRule::GiProduct => {
            let id = GiId::parse(input)?;
            if !gi_exists(&id) {
                return Err(AssistanceError::GiUnknown);
            }
            Ok(Some(id.0))
        }
        NumberRule::Registration => required_line(
            value,
            MAX_REGISTRATION_NUMBER_CHARS,
            AssistanceError::RegistrationNumberMissing,
        )
        .map(Some),
        NumberRule::OptionalRegistration => optional_line(value, MAX_REGISTRATION_NUMBER_CHARS),
        NumberRule::None => Ok(None),
    }
}

impl OtherPartyDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.name) && blank(&self.address) && blank(&self.online_link) && blank(&self.place)
    }

    pub fn parse(&self) -> Result<OtherParty, Problems> {
        let mut check = Check::default();
        let name = check.take(
            "other_party.name",
            required_line(
                &self.name,
                MAX_OTHER_PARTY_NAME_CHARS,
                AssistanceError::OtherPartyNameMissing,
            ),
        );
        let address = check.take(
            "other_party.address",
            optional_line(&self.address, MAX_ADDRESS_CHARS),
        );
        let online_link = check.take("other_party.online_link", parse_link(&self.online_link));
        if let (Some(None), Some(None)) = (&address, &online_link) {
            check
                .problems
                .push(("other_party.address", AssistanceError::AddressOrLinkMissing));
        }
        let place = check.take(
            "other_party.place",
            required_line(&self.place, MAX_PLACE_CHARS, AssistanceError::PlaceMissing),
        );
        let value = match (name, address, online_link, place) {
            (Some(name), Some(address), Some(online_link), Some(place)) => Some(OtherParty {
                name,
                address,
                online_link,
                place,
            }),
            _ => None,
        };
        check.done(value)
    }
}

/// The first `http://` or `https://` link in what was pasted (shopping apps share a link inside
/// a sentence), up to the first space or non-ASCII character.
fn parse_link(value: &Option<String>) -> Result<Option<String>, AssistanceError> {
    let Some(text) = optional_line(value, MAX_LINK_CHARS)? else {
        return Ok(None);
    };
    let lower = text.to_ascii_lowercase();
    let start = match (lower.find("https://"), lower.find("http://")) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return Err(AssistanceError::LinkInvalid),
    };
    let link: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_graphic())
        .collect();
    let rest = link.split_once("://").map_or("", |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err(AssistanceError::LinkInvalid);
    }
    Ok(Some(link))
}

impl FactsDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.description)
            && blank(&self.discovered_on)
            && blank(&self.estimated_loss)
            && blank(&self.other_actions)
    }

    /// Checks the section; the discovery date cannot be after `today`.
    pub fn parse(&self, today: Date) -> Result<Facts, Problems> {
        let mut check = Check::default();
        let description = check.take(
            "facts.description",
            required_text(
                &self.description,
                MAX_DESCRIPTION_CHARS,
                AssistanceError::DescriptionMissing,
            ),
        );
        let discovered_on = check.take(
            "facts.discovered_on",
            match Date::parse(self.discovered_on.as_deref().unwrap_or("")) {
                Err(DateError::Empty) => Err(AssistanceError::DiscoveredOnMissing),
                Err(e) => Err(AssistanceError::Date(e)),
                Ok(date) if date > today => Err(AssistanceError::DiscoveredInFuture),
                Ok(date) => Ok(date),
            },
        );
        let estimated_loss_fen =
            check.take("facts.estimated_loss", parse_loss(&self.estimated_loss));
        let other_actions = check.take(
            "facts.other_actions",
            optional_text(&self.other_actions, MAX_OTHER_ACTIONS_CHARS),
        );
        let value = match (
            description,
            discovered_on,
            estimated_loss_fen,
            other_actions,
        ) {
            (Some(description), Some(discovered_on), Some(estimated_loss_fen), Some(other)) => {
                Some(Facts {
                    description,
                    discovered_on,
                    estimated_loss_fen,
                    other_actions: other,
                })
            }
            _ => None,
        };
        check.done(value)
    }
}

/// An amount in yuan as people write it (`50000`, `12,345.6`, `１２３４５元`, `¥800`) in fen.
/// At most two decimals and 13 digits before the point.
fn parse_loss(value: &Option<String>) -> Result<Option<i64>, AssistanceError> {
    let Some(value) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.len() > 64 {
        return Err(AssistanceError::LossTooLarge);
    }
    let s: String = value
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3002}' => '.',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '¥' | '￥'))
        .collect();
    let s = s.strip_suffix("元").unwrap_or(&s);
    let s = s.strip_prefix("RMB").unwrap_or(s);
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
        return Err(AssistanceError::LossInvalid);
    }
    if s.contains('.') && fraction.is_empty() {
        return Err(AssistanceError::LossInvalid);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 13 {
        return Err(AssistanceError::LossTooLarge);
    }
    let yuan: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AssistanceError::LossTooLarge)?
    };
    let fen: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| AssistanceError::LossInvalid)?;
    let total = yuan * 100 + fen;
    if total > MAX_LOSS_FEN {
        return Err(AssistanceError::LossTooLarge);
    }
    Ok(Some(total))
}

/// Fen as yuan with two decimals: `5000000` → `50000.00`.
pub fn format_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

impl HelpDraft {
    pub fn is_blank(&self) -> bool {
        self.types.iter().all(|t| t.trim().is_empty()) && blank(&self.notes)
    }

    pub fn parse(&self) -> Result<Help, Problems> {
        let mut check = Check::default();
        let mut types = Vec::new();
        let mut unknown = false;
        for code in self
            .types
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        {
            match AssistanceType::from_code(code) {
                Some(t) => types.push(t),
                None => unknown = true,
            }
        }
        types.sort();
        types.dedup();
        if unknown {
            check
                .problems
                .push(("help.types", AssistanceError::AssistanceTypeUnknown));
        } else if types.is_empty() {
            check
                .problems
                .push(("help.types", AssistanceError::AssistanceTypeMissing));
        }
        let notes = check.take(
            "help.notes",
            optional_text(&self.notes, MAX_HELP_NOTES_CHARS),
        );
        check.done(notes.map(|notes| Help { types, notes }))
    }
}

/// Checks the evidence section: at most [`MAX_FILES`] files, a letter of authorisation among
/// them when acting for someone else, and the person's word that every file is there.
pub fn check_evidence(
    evidence: &EvidenceDraft,
    acting_for_someone_else: Option<bool>,
    files: &[EvidenceFile],
) -> Problems {
    let mut problems = Vec::new();
    if files.len() > MAX_FILES {
        problems.push(("evidence.files", AssistanceError::TooManyFiles));
    }
    if acting_for_someone_else == Some(true)
        && !files
            .iter()
            .any(|f| f.purpose == FilePurpose::AuthorisationLetter)
    {
        problems.push((
            "evidence.files",
            AssistanceError::AuthorisationLetterMissing,
        ));
    }
    if !evidence.complete {
        problems.push(("evidence.complete", AssistanceError::EvidenceNotConfirmed));
    }
    problems
}

/// The problems of one section, in field order (empty when it is complete).
pub fn section_problems(
    draft: &AssistanceDraft,
    section: Section,
    context: &DraftContext<'_>,
) -> Problems {
    match section {
        Section::Applicant => draft.applicant.parse().err(),
        Section::Right => draft.right.parse(context.gi_exists).err(),
        Section::OtherParty => draft.other_party.parse().err(),
        Section::Facts => draft.facts.parse(context.today).err(),
        Section::Help => draft.help.parse().err(),
        Section::Evidence => Some(check_evidence(
            &draft.evidence,
            draft.applicant.acting_for_someone_else,
            context.files,
        )),
        Section::Declaration => (!draft.declaration.accepted)
            .then(|| vec![("declaration.accepted", AssistanceError::DeclarationMissing)]),
    }
    .unwrap_or_default()
}

fn section_is_blank(draft: &AssistanceDraft, section: Section, files: &[EvidenceFile]) -> bool {
    match section {
        Section::Applicant => draft.applicant.is_blank(),
        Section::Right => draft.right.is_blank(),
        Section::OtherParty => draft.other_party.is_blank(),
        Section::Facts => draft.facts.is_blank(),
        Section::Help => draft.help.is_blank(),
        Section::Evidence => files.is_empty() && !draft.evidence.complete,
        Section::Declaration => !draft.declaration.accepted,
    }
}

/// The task-list status of a section from its problems: nothing entered → not started; any
/// answer that is wrong (not just missing) → problem; only missing answers → in progress.
pub fn section_status(
    draft: &AssistanceDraft,
    section: Section,
    context: &DraftContext<'_>,
) -> SectionStatus {
    status_of(
        section_is_blank(draft, section, context.files),
        &section_problems(draft, section, context),
    )
}

fn status_of(blank: bool, problems: &Problems) -> SectionStatus {
    if problems.is_empty() {
        SectionStatus::Completed
    } else if blank {
        SectionStatus::NotStarted
    } else if problems.iter().any(|(_, e)| !e.is_missing()) {
        SectionStatus::Problem
    } else {
        SectionStatus::InProgress
    }
}

/// Every section's status with its problems in `lang`, in task-list order.
pub fn section_reports(
    draft: &AssistanceDraft,
    context: &DraftContext<'_>,
    lang: Lang,
) -> Vec<SectionReport> {
    Section::ALL
        .iter()
        .map(|&section| {
            let problems = section_problems(draft, section, context);
            let status = status_of(section_is_blank(draft, section, context.files), &problems);
            let mut report = SectionReport {
                section,
                status,
                problems: BTreeMap::new(),
                missing: Vec::new(),
            };
            for (field, error) in problems {
                if error.is_missing() {
                    report.missing.push(field.to_owned());
                } else {
                    report
                        .problems
                        .entry(field.to_owned())
                        .or_insert(FieldError {
                            code: error.code().to_owned(),
                            message: error.message(lang),
                        });
                }
            }
            report
        })
        .collect()
}

impl AssistanceRequest {
    /// Checks the whole draft before it is submitted: every section complete (the declaration
    /// accepted, at least one kind of help, the letter of authorisation when acting for someone
    /// else …). Every problem of every section is reported.
    pub fn parse(
        draft: &AssistanceDraft,
        context: &DraftContext<'_>,
    ) -> Result<AssistanceRequest, Problems> {
        let applicant = draft.applicant.parse();
        let right = draft.right.parse(context.gi_exists);
        let other_party = draft.other_party.parse();
        let facts = draft.facts.parse(context.today);
        let help = draft.help.parse();
        let mut problems = Vec::new();
        problems.extend(applicant.as_ref().err().cloned().unwrap_or_default());
        problems.extend(right.as_ref().err().cloned().unwrap_or_default());
        problems.extend(other_party.as_ref().err().cloned().unwrap_or_default());
        problems.extend(facts.as_ref().err().cloned().unwrap_or_default());
        problems.extend(help.as_ref().err().cloned().unwrap_or_default());
        problems.extend(section_problems(draft, Section::Evidence, context));
        problems.extend(section_problems(draft, Section::Declaration, context));
        match (applicant, right, other_party, facts, help) {
            (Ok(applicant), Ok(right), Ok(other_party), Ok(facts), Ok(help))
                if problems.is_empty() =>
            {
                Ok(AssistanceRequest {
                    applicant,
                    right,
                    other_party,
                    facts,
                    help,
                })
            }
            _ => Err(problems),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/// The day the initial review is due: 5 working days after the day of submission (that day not
/// counted), by the official calendar with its holidays and 调休 working weekends. A request
/// submitted on a day off counts from the next working day on in the same way.
pub fn initial_review_due(
    calendar: &HolidayCalendar,
    submitted_on: Date,
) -> Result<Date, crate::calendar::NotPublished> {
    calendar.add_working_days(submitted_on, INITIAL_REVIEW_WORKING_DAYS)
}

/// The step a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStep {
    /// 初审: 5 working days from submission.
    InitialReview,
    /// 受理/不予受理: 15 working days from submission.
    AcceptanceDecision,
    /// 办结: 90 days from acceptance.
    Result,
}

choice!(DeadlineStep {
    InitialReview = "initial_review", "初审", "Initial review";
    AcceptanceDecision = "acceptance_decision", "作出是否受理的决定", "Decision to accept or not";
    Result = "result", "办结", "Result";
});

/// When the next step of a request is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadline {
    pub step: DeadlineStep,
    /// The last day; `None` when the count runs into a year whose holidays are not published
    /// yet (then `unpublished_year` names it: say the date will be known later).
    pub due: Option<Date>,
    pub unpublished_year: Option<i32>,
    /// The time limit: `days`, working days when `working_days`.
    pub days: u32,
    pub working_days: bool,
}

/// The deadline of the next step for a request in `status`: the initial review while
/// submitted, the decision to accept while in initial review, the result once accepted or
/// while assisting (from `accepted_on`); none once it has ended.
pub fn next_deadline(
    calendar: &HolidayCalendar,
    status: RequestStatus,
    submitted_on: Date,
    accepted_on: Option<Date>,
) -> Option<Deadline> {
    let working = |step, days| {
        let due = calendar.add_working_days(submitted_on, days);
        Deadline {
            step,
            due: due.ok(),
            unpublished_year: due.err().map(|e| e.year),
            days,
            working_days: true,
        }
    };
    match status {
        RequestStatus::Submitted => Some(working(
            DeadlineStep::InitialReview,
            INITIAL_REVIEW_WORKING_DAYS,
        )),
        RequestStatus::InitialReview => Some(working(
            DeadlineStep::AcceptanceDecision,
            ACCEPTANCE_DECISION_WORKING_DAYS,
        )),
        RequestStatus::Accepted | RequestStatus::Assisting => {
            let accepted_on = accepted_on?;
            Some(Deadline {
                step: DeadlineStep::Result,
                due: accepted_on.checked_add_days(RESULT_DAYS as i32),
                unpublished_year: None,
                days: RESULT_DAYS,
                working_days: false,
            })
        }
        RequestStatus::Rejected
        | RequestStatus::Concluded
        | RequestStatus::Withdrawn
        | RequestStatus::Rated => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// An uploaded file. Served back only to whoever holds the draft or tracking token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceFile {
    pub id: i64,
    /// The name it was uploaded with (path and control characters removed, at most 120
    /// characters).
    pub name: String,
    /// The type its content shows, whatever the name says.
    pub kind: FileKind,
    /// The `Content-Type` it is served with.
    pub content_type: String,
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    pub purpose: FilePurpose,
    /// RFC 3339, +08:00.
    pub uploaded_at: String,
}

/// One section's status in the task list. `problems` holds the answers that are wrong (shown
/// at once), `missing` the fields still to be answered (shown only when the person says the
/// section is done, or submits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionReport {
    pub section: Section,
    pub status: SectionStatus,
    pub problems: BTreeMap<String, FieldError>,
    pub missing: Vec<String>,
}

/// The request a submitted draft became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmittedDraft {
    pub reference: String,
    pub submitted_at: String,
}

/// A draft with its files and task list: the answer of `GET`/`PUT` on a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    /// The answers as saved (empty once submitted: the request keeps them).
    pub draft: AssistanceDraft,
    pub files: Vec<EvidenceFile>,
    /// The seven sections in order.
    pub sections: Vec<SectionReport>,
    /// Every section completed: the check-answers page may offer "submit".
    pub ready_to_submit: bool,
    /// RFC 3339, +08:00.
    pub created_at: String,
    pub updated_at: String,
    /// The draft and its files are deleted after this (30 days after the last save).
    pub expires_at: String,
    /// Set once submitted; then the draft can no longer be changed.
    pub submitted: Option<SubmittedDraft>,
}

/// 201 answer of `POST /api/v1/assistance/drafts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftCreated {
    /// The draft's secret (256 random bits, URL-safe base64, 43 characters). Keep it (e.g. in
    /// `localStorage` and the page's URL): it is the only way back to the draft; the server
    /// keeps only its hash.
    pub token: String,
    #[serde(flatten)]
    pub view: DraftView,
}

/// The applicant as the tracking page shows them: the resident ID, mobile number and USCC
/// masked; the name in full with the tracking link, masked after a lookup by reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantView {
    pub kind: ApplicantKind,
    pub name: String,
    /// e.g. `3206**********1234`.
    pub resident_id: Option<String>,
    /// e.g. `91************341L`.
    pub uscc: Option<String>,
    pub contact_name: Option<String>,
    /// e.g. `138****5678`.
    pub mobile: String,
    pub acting_for_someone_else: bool,
    pub representative_name: Option<String>,
}

/// What happened, as shown back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactsView {
    pub description: String,
    pub discovered_on: Date,
    /// Yuan with two decimals, e.g. `50000.00`.
    pub estimated_loss: Option<String>,
    pub other_actions: Option<String>,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEvent {
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub at: String,
    pub date: Date,
    /// The reason of a 不予受理 or of a withdrawal, or a note from the center.
    pub note: Option<String>,
}

/// The applicant's answer to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageReply {
    pub text: Option<String>,
    pub sent_at: String,
    pub files: Vec<EvidenceFile>,
}

/// A message from the center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterMessage {
    pub id: i64,
    pub kind: MessageKind,
    pub sent_at: String,
    pub text: String,
    pub reply: Option<MessageReply>,
    /// Whether a reply can be sent (not yet answered, request not closed).
    pub can_reply: bool,
}

/// The answers and files, only for whoever holds the tracking token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceDetails {
    pub other_party: OtherParty,
    pub facts: FactsView,
    pub help: Help,
    /// The evidence submitted with the request.
    pub evidence: Vec<EvidenceFile>,
    /// Files uploaded for a reply that has not been sent yet.
    pub staged_files: Vec<EvidenceFile>,
}

/// A request as the applicant tracks it with the tracking link:
/// `GET /api/v1/assistance/requests/{token}` and the answers of the routes that act on it.
/// Looking a request up by reference + mobile number gives only [`AssistanceProgress`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceTracking {
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    /// When the initial review is due (5 working days); `None` only if the holiday calendar
    /// for that time is not published yet.
    pub initial_review_due: Option<Date>,
    pub applicant: ApplicantView,
    pub right: Right,
    /// Oldest first; the first is always `submitted`.
    pub timeline: Vec<TimelineEvent>,
    /// The next step and its last day; `None` once the request has ended.
    pub next_deadline: Option<Deadline>,
    /// Oldest first.
    pub messages: Vec<CenterMessage>,
    /// Whether it can be withdrawn now (before acceptance).
    pub withdrawable: bool,
    /// Whether withdrawing needs a reason (more than 10 minutes after submitting).
    pub withdraw_needs_reason: bool,
    /// Until when withdrawing takes one click (RFC 3339), while that is still ahead.
    pub one_click_withdraw_until: Option<String>,
    pub details: Option<AssistanceDetails>,
    /// Whether the service can be rated now: the request is concluded and not rated yet
    /// (`POST /assistance/requests/{token}/rating`, which takes the tracking link).
    #[serde(default)]
    pub can_rate: bool,
    /// The applicant's rating with the center's reply, once rated (the timeline then ends with
    /// a `rated` step).
    #[serde(default)]
    pub rating: Option<super::rating::RatingView>,
}

/// What `POST /api/v1/assistance/requests/lookup` shows for a reference + mobile number: the
/// progress only (status, timeline, deadlines). Whoever knows a reference can try numbers, so
/// nothing here is personal: no names, answers, messages, replies, notes or files; those, and
/// acting on the request, take the tracking link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceProgress {
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    pub initial_review_due: Option<Date>,
    /// Oldest first, without the notes (reasons may be personal).
    pub timeline: Vec<ProgressStep>,
    pub next_deadline: Option<Deadline>,
    /// How many messages the center has sent (read and answered with the tracking link).
    pub messages: u32,
}

/// A step of [`AssistanceProgress::timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressStep {
    pub status: RequestStatus,
    /// RFC 3339, +08:00.
    pub at: String,
    pub date: Date,
}

impl From<&AssistanceTracking> for AssistanceProgress {
    /// Built from the full view, field by field, so that nothing personal can slip through.
    fn from(t: &AssistanceTracking) -> AssistanceProgress {
        AssistanceProgress {
            reference: t.reference.clone(),
            status: t.status,
            submitted_at: t.submitted_at.clone(),
            initial_review_due: t.initial_review_due,
            timeline: t
                .timeline
                .iter()
                .map(|e| ProgressStep {
                    status: e.status,
                    at: e.at.clone(),
                    date: e.date,
                })
                .collect(),
            next_deadline: t.next_deadline.clone(),
            messages: u32::try_from(t.messages.len()).unwrap_or(u32::MAX),
        }
    }
}

/// 201 answer of `POST /api/v1/assistance/drafts/{token}/submit`. The same key for the same
/// draft gives this same answer again (for 24 hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistanceSubmitted {
    /// `WQ-XXXX-XXXX`: to quote on the phone, and with the mobile number to look it up.
    pub reference: String,
    /// The secret of the tracking link (`/api/v1/assistance/requests/{tracking_token}`): 256
    /// random bits, shown once; the server keeps only its hash.
    pub tracking_token: String,
    pub request: AssistanceTracking,
}

// ---------------------------------------------------------------------------------------------
// Requests after submission
// ---------------------------------------------------------------------------------------------

/// The body of `POST /api/v1/assistance/requests/lookup`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssistanceLookupRequest {
    /// `WQ-K7QX-M2PD` (the prefix, case, spaces and hyphens do not matter).
    pub reference: Option<String>,
    /// The mobile number given in the application.
    pub mobile: Option<String>,
}

impl AssistanceLookupRequest {
    pub fn parse(&self) -> Result<(AssistanceReference, MobileNumber), Problems> {
        let mut check = Check::default();
        let reference = check.take(
            "reference",
            AssistanceReference::parse(self.reference.as_deref().unwrap_or("")),
        );
        let mobile = check.take(
            "mobile",
            MobileNumber::parse(self.mobile.as_deref().unwrap_or(""))
                .map_err(AssistanceError::Mobile),
        );
        check.done(reference.zip(mobile))
    }
}

/// The body of `POST /api/v1/assistance/requests/{token}/withdraw`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct WithdrawRequest {
    /// Needed more than 10 minutes after submitting; at most 500 characters.
    pub reason: Option<String>,
}

impl WithdrawRequest {
    /// The tidied reason; `needs_reason` makes a missing one an error.
    pub fn parse(&self, needs_reason: bool) -> Result<Option<String>, Problems> {
        let mut check = Check::default();
        let reason = check.take(
            "reason",
            optional_text(&self.reason, MAX_REASON_CHARS).and_then(|reason| match reason {
                None if needs_reason => Err(AssistanceError::WithdrawReasonMissing),
                reason => Ok(reason),
            }),
        );
        check.done(reason)
    }
}

/// The body of `POST /api/v1/assistance/requests/{token}/messages/{id}/reply`: words, files
/// uploaded with `POST .../requests/{token}/files`, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReplyRequest {
    /// At most 2000 characters.
    pub text: Option<String>,
    /// Ids of files uploaded to this request and not yet sent, at most 10.
    pub files: Vec<i64>,
}

impl ReplyRequest {
    /// The tidied text and the file ids (each once, in the order given).
    pub fn parse(&self) -> Result<(Option<String>, Vec<i64>), Problems> {
        let mut check = Check::default();
        let text = check.take("text", optional_text(&self.text, MAX_REPLY_CHARS));
        let mut files = Vec::new();
        for id in &self.files {
            if !files.contains(id) {
                files.push(*id);
            }
        }
        if files.len() > MAX_FILES {
            check
                .problems
                .push(("files", AssistanceError::TooManyFiles));
        }
        if let Some(None) = text {
            if files.is_empty() {
                check.problems.push(("text", AssistanceError::ReplyEmpty));
            }
        }
        check.done(text.map(|text| (text, files)))
    }
}

// ---------------------------------------------------------------------------------------------
// Masking and file names
// ---------------------------------------------------------------------------------------------

/// A file name as stored and shown: the last part of a path, control and format characters
/// (`crate::text::is_hidden`, the bidi controls among them) and quotes removed, at most [`MAX_FILE_NAME_CHARS`] characters keeping the extension; `file` if
/// nothing is left.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|&c| !crate::text::is_hidden(c) && c != '"')
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "file".to_owned();
    }
    let count = cleaned.chars().count();
    if count <= MAX_FILE_NAME_CHARS {
        return cleaned.to_owned();
    }
    let extension = cleaned
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| ext.chars().count() <= 10)
        .unwrap_or("");
    let keep = MAX_FILE_NAME_CHARS - extension.chars().count() - usize::from(!extension.is_empty());
    let stem: String = cleaned.chars().take(keep).collect();
    if extension.is_empty() {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// What is wrong with one field of a draft, a lookup, a withdrawal or a reply. Codes start
/// with `assistance.`, except those of the wrapped identifier and date errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssistanceError {
    /// Too long: at most `max` characters.
    TooLong {
        max: usize,
    },
    /// A control character (other than line breaks and tabs in long text).
    ControlCharacter,
    ApplicantKindMissing,
    ApplicantKindUnknown,
    PersonNameMissing,
    OrganisationNameMissing,
    ResidentId(ResidentIdError),
    Uscc(UsccError),
    ContactNameMissing,
    Mobile(MobileNumberError),
    ActingMissing,
    RepresentativeNameMissing,
    RightTypeMissing,
    RightTypeUnknown,
    PatentNumber(PatentNumberError),
    /// The type digit of the application number is another kind of patent than the one chosen.
    PatentKindMismatch {
        number_kind: PatentKind,
        chosen: RightType,
    },
    TrademarkNumber(TrademarkNumberError),
    GiMissing,
    GiFormat,
    /// Well-formed, but not a product of the GI lookup.
    GiUnknown,
    RegistrationNumberMissing,
    HolderMissing,
    LegalStatusMissing,
    LegalStatusUnknown,
    /// "Not registered" for a right that exists only once granted or registered.
    LegalStatusNotPossible,
    OtherPartyNameMissing,
    AddressOrLinkMissing,
    LinkInvalid,
    PlaceMissing,
    DescriptionMissing,
    DiscoveredOnMissing,
    Date(DateError),
    DiscoveredInFuture,
    LossInvalid,
    LossTooLarge,
    AssistanceTypeMissing,
    AssistanceTypeUnknown,
    TooManyFiles,
    AuthorisationLetterMissing,
    EvidenceNotConfirmed,
    DeclarationMissing,
    ReferenceMissing,
    ReferenceFormat,
    WithdrawReasonMissing,
    ReplyEmpty,
    /// A file id in a reply that is not a file uploaded to this request and not yet sent.
    ReplyFileUnknown,
}

impl AssistanceError {
    /// Whether this only says an answer is still missing (the section is then "in progress"),
    /// rather than that an answer given is wrong ("there is a problem").
    pub fn is_missing(&self) -> bool {
        use AssistanceError as E;
        matches!(
            self,
            E::ApplicantKindMissing
                | E::PersonNameMissing
                | E::OrganisationNameMissing
                | E::ContactNameMissing
                | E::ActingMissing
                | E::RepresentativeNameMissing
                | E::RightTypeMissing
                | E::GiMissing
                | E::RegistrationNumberMissing
                | E::HolderMissing
                | E::LegalStatusMissing
                | E::OtherPartyNameMissing
                | E::AddressOrLinkMissing
                | E::PlaceMissing
                | E::DescriptionMissing
                | E::DiscoveredOnMissing
                | E::AssistanceTypeMissing
                | E::AuthorisationLetterMissing
                | E::EvidenceNotConfirmed
                | E::DeclarationMissing
                | E::ReferenceMissing
                | E::WithdrawReasonMissing
                | E::ReplyEmpty
                | E::ResidentId(ResidentIdError::Empty)
                | E::Uscc(UsccError::Empty)
                | E::Mobile(MobileNumberError::Empty)
                | E::PatentNumber(PatentNumberError::Empty)
                | E::TrademarkNumber(TrademarkNumberError::Empty)
                | E::Date(DateError::Empty)
        )
    }

    fn static_texts(&self) -> (&'static str, &'static str, &'static str) {
        use AssistanceError as E;
        match self {
            E::ControlCharacter => (
                "assistance.control_character",
                "内容含有无法识别的字符，请重新输入",
                "This contains characters that cannot be read. Enter it again",
            ),
            E::ApplicantKindMissing => (
                "assistance.applicant_kind_missing",
                "请选择申请人是个人还是单位",
                "Select whether the applicant is an individual or an organisation",
            ),
            E::ApplicantKindUnknown => (
                "assistance.applicant_kind_unknown",
                "请从列表中选择申请人类型",
                "Select the kind of applicant from the list",
            ),
            E::PersonNameMissing => ("assistance.name_missing", "请填写姓名", "Enter the applicant's name"),
            E::OrganisationNameMissing => (
                "assistance.organisation_name_missing",
                "请填写单位名称",
                "Enter the organisation's name",
            ),
            E::ContactNameMissing => (
                "assistance.contact_name_missing",
                "请填写联系人姓名",
                "Enter the name of the contact person",
            ),
            E::ActingMissing => (
                "assistance.acting_missing",
                "请选择您是否代他人申请",
                "Select whether you are applying for someone else",
            ),
            E::RepresentativeNameMissing => (
                "assistance.representative_name_missing",
                "请填写代为申请人（您本人）的姓名",
                "Enter the name of the person applying for the applicant (your name)",
            ),
            E::RightTypeMissing => (
                "assistance.right_type_missing",
                "请选择被侵犯的权利类型",
                "Select the kind of right that is infringed",
            ),
            E::RightTypeUnknown => (
                "assistance.right_type_unknown",
                "请从列表中选择权利类型",
                "Select the kind of right from the list",
            ),
            E::GiMissing => (
                "assistance.gi_missing",
                "请在地理标志产品查询中选择产品",
                "Choose the product in the geographical indication lookup",
            ),
            E::GiFormat => (
                "assistance.gi_format",
                "地理标志产品编号应为 GI 加 5 位数字，例如 GI00842。请在地理标志产品查询中选择产品",
                "A geographical indication product id is GI and 5 digits, for example GI00842. Choose the product in the lookup",
            ),
            E::GiUnknown => (
                "assistance.gi_unknown",
                "没有这个地理标志产品。请在地理标志产品查询中重新选择",
                "There is no such geographical indication product. Choose it again in the lookup",
            ),
            E::RegistrationNumberMissing => (
                "assistance.registration_number_missing",
                "请填写登记号或品种权号",
                "Enter the registration number",
            ),
            E::HolderMissing => (
                "assistance.holder_missing",
                "请填写权利人（专利权人、商标注册人、著作权人等）",
                "Enter the right holder (the patentee, trademark owner, copyright owner and so on)",
            ),
            E::LegalStatusMissing => (
                "assistance.legal_status_missing",
                "请选择权利的法律状态",
                "Select the legal status of the right",
            ),
            E::LegalStatusUnknown => (
                "assistance.legal_status_unknown",
                "请从列表中选择法律状态",
                "Select the legal status from the list",
            ),
            E::LegalStatusNotPossible => (
                "assistance.legal_status_not_possible",
                "专利、地理标志、集成电路布图设计和植物新品种须经授权或登记才受保护，不能选择“未登记”。请选择其他状态",
                "Patents, geographical indications, layout designs and plant varieties are protected only once granted or registered, so \"not registered\" is not possible. Select another status",
            ),
            E::OtherPartyNameMissing => (
                "assistance.other_party_name_missing",
                "请填写对方的名称或姓名（不清楚时可填写店铺名称）",
                "Enter the name of the other party (the shop's name if you do not know more)",
            ),
            E::AddressOrLinkMissing => (
                "assistance.address_or_link_missing",
                "请填写对方的地址或网店链接，至少填写一项",
                "Enter the other party's address or a link to their online shop, or both",
            ),
            E::LinkInvalid => (
                "assistance.link_invalid",
                "请粘贴以 http:// 或 https:// 开头的完整网址",
                "Paste the whole web address, starting with http:// or https://",
            ),
            E::PlaceMissing => (
                "assistance.place_missing",
                "请填写侵权行为发生的地点或平台，例如“南通市通州区某市场”或“某电商平台”",
                "Enter where the infringement happens, for example a market, a town or an online platform",
            ),
            E::DescriptionMissing => (
                "assistance.description_missing",
                "请描述侵权情况",
                "Describe what happened",
            ),
            E::DiscoveredOnMissing => (
                "assistance.discovered_on_missing",
                "请填写发现侵权的日期",
                "Enter the date you found out about the infringement",
            ),
            E::DiscoveredInFuture => (
                "assistance.discovered_in_future",
                "发现日期不能晚于今天",
                "The date you found out must be today or in the past",
            ),
            E::LossInvalid => (
                "assistance.loss_invalid",
                "请只填写金额数字，单位为元，最多两位小数，例如 50000 或 12345.60",
                "Enter the amount in yuan using digits only, with at most two decimals, for example 50000 or 12345.60",
            ),
            E::LossTooLarge => (
                "assistance.loss_too_large",
                "金额太大，请核对（单位为元）",
                "This amount is too large. Check it (the unit is yuan)",
            ),
            E::AssistanceTypeMissing => (
                "assistance.assistance_type_missing",
                "请至少选择一项需要的帮助",
                "Select at least one kind of help",
            ),
            E::AssistanceTypeUnknown => (
                "assistance.assistance_type_unknown",
                "请从列表中选择需要的帮助",
                "Select the kinds of help from the list",
            ),
            E::TooManyFiles => (
                "assistance.too_many_files",
                "最多只能上传 10 个文件。请删除一些文件后再上传",
                "You can add at most 10 files. Remove some before adding others",
            ),
            E::AuthorisationLetterMissing => (
                "assistance.authorisation_letter_missing",
                "代他人申请时，请上传申请人签署的授权委托书",
                "When you apply for someone else, add the letter of authorisation they signed",
            ),
            E::EvidenceNotConfirmed => (
                "assistance.evidence_not_confirmed",
                "请确认已上传全部证据材料（没有材料也请确认）",
                "Confirm that you have added all your evidence (or that you have none)",
            ),
            E::DeclarationMissing => (
                "assistance.declaration_missing",
                "请阅读并确认声明后再提交",
                "Read and accept the declaration before you submit",
            ),
            E::ReferenceMissing => (
                "assistance.reference_missing",
                "请输入申请编号，例如 WQ-K7QX-M2PD",
                "Enter the reference, for example WQ-K7QX-M2PD",
            ),
            E::ReferenceFormat => (
                "assistance.reference_format",
                "申请编号由 WQ 和 8 位数字、字母组成，例如 WQ-K7QX-M2PD。请对照提交后的确认信息核对",
                "A reference is WQ and 8 letters and digits, for example WQ-K7QX-M2PD. Check it against your confirmation",
            ),
            E::WithdrawReasonMissing => (
                "assistance.withdraw_reason_missing",
                "提交已超过 10 分钟，撤回申请需要填写原因",
                "It is more than 10 minutes since you submitted, so give a reason for withdrawing",
            ),
            E::ReplyEmpty => (
                "assistance.reply_empty",
                "请填写回复内容或上传补充材料",
                "Write a reply or add files",
            ),
            E::ReplyFileUnknown => (
                "assistance.reply_file_unknown",
                "有文件找不到或已经发送过。请重新上传后再回复",
                "A file cannot be found or was already sent. Add it again, then reply",
            ),
            E::TooLong { .. }
            | E::ResidentId(_)
            | E::Uscc(_)
            | E::Mobile(_)
            | E::PatentNumber(_)
            | E::PatentKindMismatch { .. }
            | E::TrademarkNumber(_)
            | E::Date(_) => ("", "", ""),
        }
    }
}

fn patent_kind_label(kind: PatentKind, lang: Lang) -> &'static str {
    match kind {
        PatentKind::Invention => lang.pick("发明专利", "an invention patent"),
        PatentKind::UtilityModel => lang.pick("实用新型专利", "a utility model patent"),
        PatentKind::Design => lang.pick("外观设计专利", "a design patent"),
        PatentKind::PctInvention => {
            lang.pick("进入中国国家阶段的 PCT 发明专利", "a PCT invention patent")
        }
        PatentKind::PctUtilityModel => lang.pick(
            "进入中国国家阶段的 PCT 实用新型专利",
            "a PCT utility model patent",
        ),
    }
}

impl Localized for AssistanceError {
    fn code(&self) -> &'static str {
        use AssistanceError as E;
        match self {
            E::TooLong { .. } => "assistance.too_long",
            E::ResidentId(e) => e.code(),
            E::Uscc(e) => e.code(),
            E::Mobile(e) => e.code(),
            E::PatentNumber(e) => e.code(),
            E::PatentKindMismatch { .. } => "assistance.patent_kind_mismatch",
            E::TrademarkNumber(e) => e.code(),
            E::Date(e) => e.code(),
            other => other.static_texts().0,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use AssistanceError as E;
        match self {
            E::TooLong { max } => match lang {
                Lang::Zh => format!("最多填写 {max} 个字，请精简"),
                Lang::En => format!("This must be {max} characters or fewer. Shorten it"),
            },
            E::ResidentId(e) => e.message(lang),
            E::Uscc(e) => e.message(lang),
            E::Mobile(e) => e.message(lang),
            E::PatentNumber(e) => e.message(lang),
            E::TrademarkNumber(e) => e.message(lang),
            E::Date(e) => e.message(lang),
            E::PatentKindMismatch {
                number_kind,
                chosen,
            } => match lang {
                Lang::Zh => format!(
                    "这个申请号是{}的申请号，与所选的“{}”不一致。请核对申请号或专利类型",
                    patent_kind_label(*number_kind, lang),
                    chosen.label(lang)
                ),
                Lang::En => format!(
                    "This is the application number of {}, not of the kind chosen ({}). Check the number or the kind of patent",
                    patent_kind_label(*number_kind, lang),
                    chosen.label(lang).to_lowercase()
                ),
            },
            other => {
                let (_, zh, en) = other.static_texts();
                lang.pick(zh, en).to_owned()
            }
        }
    }
}

impl std::fmt::Display for AssistanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for AssistanceError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarFile;

    const CALENDAR_JSON: &str = include_str!("../../../../data/seed/cn_public_holidays.json");

    fn calendar() -> HolidayCalendar {
        let file: CalendarFile = serde_json::from_str(CALENDAR_JSON).unwrap();
        HolidayCalendar::from_file(file).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn s(value: &str) -> Option<String> {
        Some(value.to_owned())
    }

    fn codes(problems: &Problems) -> Vec<(&'static str, &'static str)> {
        problems.iter().map(|(f, e)| (*f, e.code())).collect()
    }

    fn known_gi(id: &GiId) -> bool {
        id.as_str() == "GI00842"
    }

    fn file(id: i64, purpose: FilePurpose) -> EvidenceFile {
        EvidenceFile {
            id,
            name: format!("photo-{id}.jpg"),
            kind: FileKind::Jpeg,
            content_type: "image/jpeg".into(),
            size: 1000,
            sha256: "00".repeat(32),
            purpose,
            uploaded_at: "2026-09-21T09:00:00+08:00".into(),
        }
    }

    /// A complete draft by an individual.
    fn complete() -> AssistanceDraft {
        AssistanceDraft {
            applicant: ApplicantDraft {
                kind: s("individual"),
                name: s(" 张  三 "),
                resident_id: s("320611199003071232"),
                mobile: s("+86 138 1234 5678"),
                acting_for_someone_else: Some(false),
                ..Default::default()
            },
            right: RightDraft {
                right_type: s("utility_model_patent"),
                number: s("ZL 2012 2 0687633.0"),
                title: s("一种家纺面料"),
                holder: s("张三"),
                legal_status: s("in_force"),
            },
            other_party: OtherPartyDraft {
                name: s("某某家纺店"),
                address: None,
                online_link: s("【淘宝】https://m.tb.cn/h.5abc?tk=1 复制这条信息"),
                place: s("某电商平台"),
            },
            facts: FactsDraft {
                description: s("对方销售仿冒我方专利的产品。\r\n已购买样品。"),
                discovered_on: s("2026-09-01"),
                estimated_loss: s("５０，０００元"),
                other_actions: None,
            },
            help: HelpDraft {
                types: vec![
                    "mediation".into(),
                    "consultation".into(),
                    "mediation".into(),
                ],
                notes: None,
            },
            evidence: EvidenceDraft { complete: true },
            declaration: DeclarationDraft { accepted: true },
        }
    }

    fn context<'a>(files: &'a [EvidenceFile]) -> DraftContext<'a> {
        DraftContext {
            today: d("2026-09-21"),
            files,
            gi_exists: &known_gi,
        }
    }

    #[test]
    fn a_complete_draft_parses_into_tidy_values() {
        let files = [file(1, FilePurpose::Evidence)];
        let request = AssistanceRequest::parse(&complete(), &context(&files)).unwrap();
        let applicant = &request.applicant;
        assert_eq!(applicant.kind, ApplicantKind::Individual);
        assert_eq!(applicant.name, "张 三");
        assert_eq!(
            applicant.resident_id.as_ref().unwrap().masked(),
            "3206**********1232"
        );
        assert_eq!(applicant.mobile.as_str(), "13812345678");
        assert!(!applicant.acting_for_someone_else);
        assert_eq!(request.right.number.as_deref(), Some("201220687633.0"));
        assert_eq!(
            request.other_party.online_link.as_deref(),
            Some("https://m.tb.cn/h.5abc?tk=1")
        );
        assert_eq!(
            request.facts.description,
            "对方销售仿冒我方专利的产品。\n已购买样品。"
        );
        assert_eq!(request.facts.estimated_loss_fen, Some(5_000_000));
        assert_eq!(
            request.help.types,
            [AssistanceType::Consultation, AssistanceType::Mediation]
        );
        let report = section_reports(&complete(), &context(&files), Lang::Zh);
        assert_eq!(report.len(), 7);
        assert!(report
            .iter()
            .all(|r| r.status == SectionStatus::Completed && r.problems.is_empty()));
        // Evidence is optional when nobody acts for the applicant.
        assert!(AssistanceRequest::parse(&complete(), &context(&[])).is_ok());
    }

    #[test]
    fn an_empty_draft_reports_every_section_as_not_started() {
        let draft = AssistanceDraft::default();
        for report in section_reports(&draft, &context(&[]), Lang::Zh) {
            assert_eq!(
                report.status,
                SectionStatus::NotStarted,
                "{:?}",
                report.section
            );
            assert!(report.problems.is_empty());
        }
        let problems = AssistanceRequest::parse(&draft, &context(&[])).unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("applicant.kind", "assistance.applicant_kind_missing"),
                ("applicant.name", "assistance.name_missing"),
                ("applicant.mobile", "mobile_number.empty"),
                (
                    "applicant.acting_for_someone_else",
                    "assistance.acting_missing"
                ),
                ("right.type", "assistance.right_type_missing"),
                ("right.holder", "assistance.holder_missing"),
                ("right.legal_status", "assistance.legal_status_missing"),
                ("other_party.name", "assistance.other_party_name_missing"),
                ("other_party.address", "assistance.address_or_link_missing"),
                ("other_party.place", "assistance.place_missing"),
                ("facts.description", "assistance.description_missing"),
                ("facts.discovered_on", "assistance.discovered_on_missing"),
                ("help.types", "assistance.assistance_type_missing"),
                ("evidence.complete", "assistance.evidence_not_confirmed"),
                ("declaration.accepted", "assistance.declaration_missing"),
            ]
        );
        assert!(problems.iter().all(|(_, e)| e.is_missing()));
    }

    #[test]
    fn section_statuses_tell_missing_from_wrong() {
        let files: [EvidenceFile; 0] = [];
        let context = context(&files);
        let mut draft = AssistanceDraft::default();
        draft.applicant.kind = s("individual");
        draft.applicant.name = s("张三");
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::InProgress
        );
        draft.applicant.resident_id = s("320611199003071233");
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::Problem
        );
        let reports = section_reports(&draft, &context, Lang::En);
        let applicant = &reports[0];
        assert_eq!(applicant.section, Section::Applicant);
        assert_eq!(
            applicant.problems["applicant.resident_id"].code,
            "resident_id.check_digit"
        );
        assert!(applicant.problems["applicant.resident_id"]
            .message
            .is_ascii());
        assert_eq!(
            applicant.missing,
            ["applicant.mobile", "applicant.acting_for_someone_else"]
        );
        // Fields of the other kind of applicant are kept but do not count.
        draft.applicant.resident_id = s("320611199003071232");
        draft.applicant.uscc = s("not a code");
        draft.applicant.mobile = s("13812345678");
        draft.applicant.acting_for_someone_else = Some(false);
        assert_eq!(
            section_status(&draft, Section::Applicant, &context),
            SectionStatus::Completed
        );
        // The declaration and the evidence are "started" by their one answer.
        draft.declaration.accepted = true;
        assert_eq!(
            section_status(&draft, Section::Declaration, &context),
            SectionStatus::Completed
        );
        let files = [file(1, FilePurpose::Evidence)];
        let with_files = DraftContext {
            files: &files,
            ..context
        };
        assert_eq!(
            section_status(&draft, Section::Evidence, &with_files),
            SectionStatus::InProgress
        );
    }

    #[test]
    fn organisations_and_representatives() {
        let mut draft = complete();
        draft.applicant = ApplicantDraft {
            kind: s("organisation"),
            name: s("南通某某家纺有限公司"),
            uscc: s("91320600MA1MB5GT0D"),
            contact_name: None,
            mobile: s("13812345678"),
            acting_for_someone_else: Some(true),
            ..Default::default()
        };
        let files = [file(1, FilePurpose::Evidence)];
        let problems = AssistanceRequest::parse(&draft, &context(&files)).unwrap_err();
        assert_eq!(
            codes(&problems),
            [
                ("applicant.contact_name", "assistance.contact_name_missing"),
                (
                    "applicant.representative_name",
                    "assistance.representative_name_missing"
                ),
                ("evidence.files", "assistance.authorisation_letter_missing"),
            ]
        );
        draft.applicant.contact_name = s("李四");
        draft.applicant.representative_name = s("王律师");
        let files = [
            file(1, FilePurpose::Evidence),
            file(2, FilePurpose::AuthorisationLetter),
        ];
        let request = AssistanceRequest::parse(&draft, &context(&files)).unwrap();
        assert_eq!(
            request.applicant.uscc.unwrap().masked(),
            "91************GT0D"
        );
        assert_eq!(request.applicant.resident_id, None);
        assert_eq!(
            request.applicant.representative_name.as_deref(),
            Some("王律师")
        );
        // An organisation's name may be longer than a person's.
        draft.applicant.name = s(&"公".repeat(100));
        assert!(draft.applicant.parse().is_ok());
        draft.applicant.name = s(&"公".repeat(101));
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err()),
            [("applicant.name", "assistance.too_long")]
        );
        draft.applicant.kind = s("individual");
        draft.applicant.name = s(&"张".repeat(41));
        draft.applicant.resident_id = s("320611199003071232");
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err()),
            [("applicant.name", "assistance.too_long")]
        );
        draft.applicant.kind = s("company");
        assert_eq!(
            codes(&draft.applicant.parse().unwrap_err())[0],
            ("applicant.kind", "assistance.applicant_kind_unknown")
        );
    }

    fn right(right_type: &str, number: Option<&str>, status: &str) -> RightDraft {
        RightDraft {
            right_type: s(right_type),
            number: number.map(str::to_owned),
            title: None,
            holder: s("张三"),
            legal_status: s(status),
        }
    }

    fn right_codes(draft: RightDraft) -> Result<Option<String>, Vec<(&'static str, &'static str)>> {
        draft
            .parse(&known_gi)
            .map(|r| r.number)
            .map_err(|e| codes(&e))
    }

    #[test]
    fn right_numbers_follow_their_type() {
        // Patents: the DOMAIN.md vectors, with the type digit matching the kind chosen.
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("200710308494.X"),
                "in_force"
            )),
            Ok(s("200710308494.X"))
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("CN 2010 8 0063196.9"),
                "pending"
            )),
            Ok(s("201080063196.9")),
            "PCT national phase counts as an invention"
        );
        assert_eq!(
            right_codes(right("design_patent", Some("2013 3 0123456.3"), "in_force")),
            Ok(s("201330123456.3"))
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("2013 1 0699744.3"),
                "in_force"
            )),
            Err(vec![("right.number", "patent_number.check_digit")])
        );
        assert_eq!(
            right_codes(right(
                "invention_patent",
                Some("2012 2 0687633.0"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.patent_kind_mismatch")])
        );
        let mismatch = right("invention_patent", Some("2012 2 0687633.0"), "in_force")
            .parse(&known_gi)
            .unwrap_err();
        assert!(mismatch[0].1.message(Lang::Zh).contains("实用新型专利"));
        assert!(mismatch[0].1.message(Lang::En).contains("utility model"));
        assert_eq!(
            right_codes(right("utility_model_patent", None, "in_force")),
            Err(vec![("right.number", "patent_number.empty")])
        );
        assert_eq!(
            right_codes(right("design_patent", Some("x"), "not_registered")),
            Err(vec![
                ("right.number", "patent_number.wrong_length"),
                ("right.legal_status", "assistance.legal_status_not_possible")
            ])
        );

        // Trademarks: the number is needed unless the mark is not registered.
        assert_eq!(
            right_codes(right("trademark", Some("第12345678号"), "in_force")),
            Ok(s("12345678"))
        );
        assert_eq!(
            right_codes(right("trademark", None, "in_force")),
            Err(vec![("right.number", "trademark_number.empty")])
        );
        assert_eq!(
            right_codes(right("trademark", None, "not_registered")),
            Ok(None)
        );

        // GIs: an id of the GI lookup that exists.
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some(" gi00842 "),
                "in_force"
            )),
            Ok(s("GI00842"))
        );
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some("GI99999"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.gi_unknown")])
        );
        assert_eq!(
            right_codes(right(
                "geographical_indication",
                Some("如皋黄鸡"),
                "in_force"
            )),
            Err(vec![("right.number", "assistance.gi_format")])
        );
        assert_eq!(
            right_codes(right("geographical_indication", None, "in_force")),
            Err(vec![("right.number", "assistance.gi_missing")])
        );

        // Numbers without a known format; trade secrets have none.
        assert_eq!(
            right_codes(right("copyright", None, "not_registered")),
            Ok(None)
        );
        assert_eq!(
            right_codes(right(
                "copyright",
                Some("国作登字-2020-F-00012345"),
                "in_force"
            )),
            Ok(s("国作登字-2020-F-00012345"))
        );
        assert_eq!(
            right_codes(right("plant_variety", None, "in_force")),
            Err(vec![(
                "right.number",
                "assistance.registration_number_missing"
            )])
        );
        assert_eq!(
            right_codes(right("ic_layout_design", Some(&"1".repeat(51)), "in_force")),
            Err(vec![("right.number", "assistance.too_long")])
        );
        assert_eq!(
            right_codes(right("trade_secret", Some("whatever"), "not_registered")),
            Ok(None)
        );
        assert_eq!(
            right_codes(right("software", None, "lost")),
            Err(vec![
                ("right.type", "assistance.right_type_unknown"),
                ("right.legal_status", "assistance.legal_status_unknown")
            ])
        );
        for right_type in RightType::ALL {
            assert_eq!(RightType::from_code(right_type.code()), Some(*right_type));
        }
    }

    #[test]
    fn the_other_party_needs_an_address_or_a_link() {
        let party = |address: Option<&str>, link: Option<&str>| OtherPartyDraft {
            name: s("某某店"),
            address: address.map(str::to_owned),
            online_link: link.map(str::to_owned),
            place: s("南通市通州区"),
        };
        assert!(party(Some("南通市通州区某路 1 号"), None).parse().is_ok());
        assert_eq!(
            codes(&party(None, Some("  ")).parse().unwrap_err()),
            [("other_party.address", "assistance.address_or_link_missing")]
        );
        for bad in [
            "www.example.com",
            "https://",
            "http:// example.com",
            "https://nohost",
        ] {
            assert_eq!(
                codes(&party(None, Some(bad)).parse().unwrap_err()),
                [("other_party.online_link", "assistance.link_invalid")],
                "{bad}"
            );
        }
        let ok = party(
            None,
            Some("看看这家 HTTPS://Shop.Example.com/item?id=1。很像"),
        )
        .parse()
        .unwrap();
        assert_eq!(
            ok.online_link.as_deref(),
            Some("HTTPS://Shop.Example.com/item?id=1")
        );
    }

    #[test]
    fn facts_dates_and_amounts() {
        let facts = |date: &str, loss: &str| FactsDraft {
            description: s("经过"),
            discovered_on: s(date),
            estimated_loss: s(loss),
            other_actions: None,
        };
        let today = d("2026-09-21");
        let loss = |input: &str| {
            facts("2026-09-21", input)
                .parse(today)
                .map(|f| f.estimated_loss_fen)
                .map_err(|e| codes(&e)[0].1)
        };
        assert_eq!(loss(""), Ok(None));
        assert_eq!(loss("50000"), Ok(Some(5_000_000)));
        assert_eq!(loss(" 12,345.6 "), Ok(Some(1_234_560)));
        assert_eq!(loss("￥800.05"), Ok(Some(80_005)));
        assert_eq!(loss("0"), Ok(Some(0)));
        assert_eq!(loss("5万"), Err("assistance.loss_invalid"));
        assert_eq!(loss("-3"), Err("assistance.loss_invalid"));
        assert_eq!(loss("1.234"), Err("assistance.loss_invalid"));
        assert_eq!(loss("12."), Err("assistance.loss_invalid"));
        assert_eq!(loss("99999999999999"), Err("assistance.loss_too_large"));
        assert_eq!(format_yuan(1_234_560), "12345.60");
        let date = |input: &str| {
            facts(input, "")
                .parse(today)
                .map(|f| f.discovered_on)
                .map_err(|e| codes(&e)[0].1)
        };
        assert_eq!(date("2026-09-21"), Ok(today));
        assert_eq!(date("2026-09-22"), Err("assistance.discovered_in_future"));
        assert_eq!(date("2026/09/01"), Err("date.format"));
        assert_eq!(date(""), Err("assistance.discovered_on_missing"));
        let long = FactsDraft {
            description: s(&"字".repeat(2001)),
            ..facts("2026-09-01", "")
        };
        assert_eq!(
            codes(&long.parse(today).unwrap_err()),
            [("facts.description", "assistance.too_long")]
        );
        assert!(AssistanceError::TooLong { max: 2000 }
            .message(Lang::Zh)
            .contains("2000"));
    }

    #[test]
    fn help_needs_known_types() {
        let help = |types: &[&str]| HelpDraft {
            types: types.iter().map(|t| t.to_string()).collect(),
            notes: None,
        };
        assert_eq!(
            help(&["overseas", "expert_review"]).parse().unwrap().types,
            [AssistanceType::ExpertReview, AssistanceType::Overseas]
        );
        assert_eq!(
            codes(&help(&[" "]).parse().unwrap_err()),
            [("help.types", "assistance.assistance_type_missing")]
        );
        assert_eq!(
            codes(&help(&["consultation", "lawsuit"]).parse().unwrap_err()),
            [("help.types", "assistance.assistance_type_unknown")]
        );
    }

    #[test]
    fn evidence_limits() {
        let evidence = EvidenceDraft { complete: true };
        let many: Vec<_> = (0..11).map(|i| file(i, FilePurpose::Evidence)).collect();
        assert_eq!(
            codes(&check_evidence(&evidence, Some(false), &many)),
            [("evidence.files", "assistance.too_many_files")]
        );
        assert!(check_evidence(&evidence, Some(false), &many[..10]).is_empty());
        assert!(check_evidence(&evidence, Some(false), &[]).is_empty());
        let letter = [file(1, FilePurpose::AuthorisationLetter)];
        assert!(check_evidence(&evidence, Some(true), &letter).is_empty());
    }

    #[test]
    fn file_types_are_sniffed_from_content() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypmif1\0\0\0\0mif1heic");
        let mut avif = vec![0, 0, 0, 24];
        avif.extend_from_slice(b"ftypavif\0\0\0\0avifmif1");
        let cases: [(&[u8], Option<FileKind>); 9] = [
            (
                b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01",
                Some(FileKind::Jpeg),
            ),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some(FileKind::Png)),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", Some(FileKind::Pdf)),
            (b"RIFF\x24\0\0\0WEBPVP8 ", Some(FileKind::Webp)),
            (&heic, Some(FileKind::Heic)),
            (&avif, None),
            (b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0", None),
            (b"RIFF\x24\0\0\0WAVEfmt ", None),
            (b"<html><script>", None),
        ];
        for (bytes, kind) in cases {
            assert_eq!(FileKind::sniff(bytes), kind, "{bytes:?}");
        }
        assert_eq!(FileKind::sniff(b""), None);
        assert_eq!(FileKind::Heic.content_type(), "image/heic");
    }

    #[test]
    fn file_names_are_tidied() {
        assert_eq!(clean_file_name("C:\\Users\\张三\\照片 1.JPG"), "照片 1.JPG");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\u{0}\u{202E}gpj.exe"), "abgpj.exe");
        assert_eq!(clean_file_name("  "), "file");
        assert_eq!(clean_file_name(".hidden"), "hidden");
        let long = format!("{}.pdf", "证".repeat(300));
        let cleaned = clean_file_name(&long);
        assert_eq!(cleaned.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(cleaned.ends_with("证.pdf"));
    }

    #[test]
    fn references_carry_the_wq_prefix() {
        let reference = AssistanceReference::from_random(0x1234_5678_9ABC);
        let shown = reference.to_string();
        assert!(shown.starts_with("WQ-"));
        assert_eq!(shown.len(), 12);
        for input in [
            shown.clone(),
            shown.to_lowercase(),
            shown.replace('-', " "),
            reference.compact().to_owned(),
            format!("WQ{}", reference.compact()),
        ] {
            assert_eq!(
                AssistanceReference::parse(&input),
                Ok(reference.clone()),
                "{input}"
            );
        }
        assert_eq!(
            AssistanceReference::parse(" "),
            Err(AssistanceError::ReferenceMissing)
        );
        for bad in [
            "WQ-K7QX-M2P",
            "WQ-K0QX-M2PD",
            "XX-K7QX-M2PD",
            &"W".repeat(200),
        ] {
            assert_eq!(
                AssistanceReference::parse(bad),
                Err(AssistanceError::ReferenceFormat),
                "{bad}"
            );
        }
        let lookup = AssistanceLookupRequest {
            reference: Some(shown),
            mobile: s("138 1234 5678"),
        };
        assert!(lookup.parse().is_ok());
        assert_eq!(
            codes(&AssistanceLookupRequest::default().parse().unwrap_err()),
            [
                ("reference", "assistance.reference_missing"),
                ("mobile", "mobile_number.empty")
            ]
        );
    }

    #[test]
    fn withdrawals_and_replies() {
        let reason = |r: Option<&str>, needs: bool| {
            WithdrawRequest {
                reason: r.map(str::to_owned),
            }
            .parse(needs)
            .map_err(|e| codes(&e))
        };
        assert_eq!(reason(None, false), Ok(None));
        assert_eq!(reason(Some("  已和解 "), true), Ok(s("已和解")));
        assert_eq!(
            reason(Some(" "), true),
            Err(vec![("reason", "assistance.withdraw_reason_missing")])
        );
        assert_eq!(
            reason(Some(&"字".repeat(501)), false),
            Err(vec![("reason", "assistance.too_long")])
        );
        let reply = |text: Option<&str>, files: Vec<i64>| {
            ReplyRequest {
                text: text.map(str::to_owned),
                files,
            }
            .parse()
            .map_err(|e| codes(&e))
        };
        assert_eq!(
            reply(Some("见附件"), vec![3, 3, 4]),
            Ok((s("见附件"), vec![3, 4]))
        );
        assert_eq!(reply(None, vec![3]), Ok((None, vec![3])));
        assert_eq!(
            reply(Some(" "), vec![]),
            Err(vec![("text", "assistance.reply_empty")])
        );
        assert_eq!(
            reply(None, (1..=11).collect()),
            Err(vec![("files", "assistance.too_many_files")])
        );
    }

    #[test]
    fn the_initial_review_is_due_5_working_days_later() {
        let calendar = calendar();
        let due = |submitted: &str| initial_review_due(&calendar, d(submitted)).unwrap();
        // An ordinary week: Monday → the next Monday.
        assert_eq!(due("2026-09-07"), d("2026-09-14"));
        // Sunday 09-20 is a working day (调休 for 中秋节/国庆节): it is the 5th.
        assert_eq!(due("2026-09-14"), d("2026-09-20"));
        // Across 国庆节 (10-01..07 off) and the 调休 Saturday 10-10, which counts.
        assert_eq!(due("2026-09-29"), d("2026-10-12"));
        // Across 中秋节 (09-25..27 off) — Tuesday 09-22 → Wednesday 09-30.
        assert_eq!(due("2026-09-22"), d("2026-09-30"));
        // Submitted on a day off: the count starts with the next working day.
        assert_eq!(due("2026-10-03"), d("2026-10-13"));
        // Into a year whose holidays are not published: no date is guessed.
        assert_eq!(
            initial_review_due(&calendar, d("2026-12-28"))
                .unwrap_err()
                .year,
            2027
        );
    }

    #[test]
    fn the_next_deadline_follows_the_status() {
        let calendar = calendar();
        let submitted = d("2026-09-29");
        let next = |status, accepted| next_deadline(&calendar, status, submitted, accepted);
        let deadline = next(RequestStatus::Submitted, None).unwrap();
        assert_eq!(deadline.step, DeadlineStep::InitialReview);
        assert_eq!(deadline.due, Some(d("2026-10-12")));
        assert_eq!((deadline.days, deadline.working_days), (5, true));
        let deadline = next(RequestStatus::InitialReview, None).unwrap();
        assert_eq!(deadline.step, DeadlineStep::AcceptanceDecision);
        // 09-30, 10-08, 09, 10 (调休), 12 … : the 15th working day is 10-26.
        assert_eq!(deadline.due, Some(d("2026-10-26")));
        let deadline = next(RequestStatus::Assisting, Some(d("2026-10-20"))).unwrap();
        assert_eq!(deadline.step, DeadlineStep::Result);
        assert_eq!(deadline.due, Some(d("2027-01-18")));
        assert!(!deadline.working_days);
        for ended in [
            RequestStatus::Rejected,
            RequestStatus::Concluded,
            RequestStatus::Withdrawn,
            RequestStatus::Rated,
        ] {
            assert_eq!(next(ended, None), None);
        }
        let late =
            next_deadline(&calendar, RequestStatus::Submitted, d("2026-12-30"), None).unwrap();
        assert_eq!((late.due, late.unpublished_year), (None, Some(2027)));
    }

    #[test]
    fn statuses_and_withdrawal() {
        assert!(RequestStatus::Submitted.withdrawable());
        assert!(RequestStatus::InitialReview.withdrawable());
        for status in [
            RequestStatus::Accepted,
            RequestStatus::Rejected,
            RequestStatus::Assisting,
            RequestStatus::Concluded,
            RequestStatus::Withdrawn,
            RequestStatus::Rated,
        ] {
            assert!(!status.withdrawable(), "{status:?}");
        }
        assert_eq!(
            serde_json::to_string(&RequestStatus::InitialReview).unwrap(),
            r#""initial_review""#
        );
        assert_eq!(RequestStatus::Rejected.label(Lang::Zh), "不予受理");
    }

    #[test]
    fn drafts_save_whatever_was_typed() {
        let json = r#"{"applicant": {"kind": "alien", "acting_for_someone_else": null},
                       "help": {"types": ["consultation", "x"]}, "unknown": 1}"#;
        let draft: AssistanceDraft = serde_json::from_str(json).unwrap();
        assert_eq!(draft.applicant.kind.as_deref(), Some("alien"));
        let back = serde_json::to_value(&draft).unwrap();
        assert_eq!(back["right"]["type"], serde_json::Value::Null);
        assert_eq!(back["evidence"]["complete"], false);
        let empty: AssistanceDraft = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, AssistanceDraft::default());
    }

    #[test]
    fn every_error_has_a_code_and_both_messages() {
        use AssistanceError as E;
        let all = [
            E::TooLong { max: 40 },
            E::ControlCharacter,
            E::ApplicantKindMissing,
            E::ApplicantKindUnknown,
            E::PersonNameMissing,
            E::OrganisationNameMissing,
            E::ContactNameMissing,
            E::ActingMissing,
            E::RepresentativeNameMissing,
            E::RightTypeMissing,
            E::RightTypeUnknown,
            E::PatentKindMismatch {
                number_kind: PatentKind::Design,
                chosen: RightType::InventionPatent,
            },
            E::GiMissing,
            E::GiFormat,
            E::GiUnknown,
            E::RegistrationNumberMissing,
            E::HolderMissing,
            E::LegalStatusMissing,
            E::LegalStatusUnknown,
            E::LegalStatusNotPossible,
            E::OtherPartyNameMissing,
            E::AddressOrLinkMissing,
            E::LinkInvalid,
            E::PlaceMissing,
            E::DescriptionMissing,
            E::DiscoveredOnMissing,
            E::DiscoveredInFuture,
            E::LossInvalid,
            E::LossTooLarge,
            E::AssistanceTypeMissing,
            E::AssistanceTypeUnknown,
            E::TooManyFiles,
            E::AuthorisationLetterMissing,
            E::EvidenceNotConfirmed,
            E::DeclarationMissing,
            E::ReferenceMissing,
            E::ReferenceFormat,
            E::WithdrawReasonMissing,
            E::ReplyEmpty,
            E::ReplyFileUnknown,
        ];
        let mut seen = std::collections::HashSet::new();
        for error in &all {
            let code = error.code();
            assert!(code.starts_with("assistance."), "{code}");
            assert!(seen.insert(code), "duplicate {code}");
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(!zh.is_empty() && !zh.is_ascii(), "{code}: {zh}");
            assert!(!en.is_empty() && en.is_ascii(), "{code}: {en}");
            assert_eq!(error.to_string(), zh);
        }
        // Wrapped errors keep their own code and message.
        let wrapped = E::PatentNumber(PatentNumberError::Empty);
        assert_eq!(wrapped.code(), "patent_number.empty");
        assert!(wrapped.is_missing());
        assert!(!E::PatentNumber(PatentNumberError::WrongLength).is_missing());
        // Every choice's code reads back, and has both labels.
        for kind in SectionStatus::ALL {
            assert_eq!(SectionStatus::from_code(kind.code()), Some(*kind));
            assert!(!kind.label(Lang::Zh).is_ascii() && kind.label(Lang::En).is_ascii());
        }
        for kind in AssistanceType::ALL {
            assert_eq!(AssistanceType::from_code(kind.code()), Some(*kind));
        }
    }
}
