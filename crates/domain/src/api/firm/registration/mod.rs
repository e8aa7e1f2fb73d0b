//! A firm's registration (专利预审备案) with the center, and the center's review of it (issue #14).
//!
//! The firm answers six sections (one of them its uploaded [`Material`]s) ([`Section`]) as a task list; its answers are saved as it types
//! (a draft), the eligibility rules ([`EligibilityRules`], administrator data) say what is met and
//! what is not before anything is submitted, and nothing stops a firm that does not meet them
//! from applying with an explanation. A pre-examination officer (预审员) then reviews it:
//!
//! ```text
//! draft ──submit──▶ submitted ──start──▶ under_review ──register──▶ registered (valid until …)
//!                       ▲                      │ └──────refuse───▶ refused (reasons)
//!                       └──resubmit── needs_amendment ◀──amend (every defect, each at a section)
//! ```
//!
//! Each of those is one round ([`RegistrationKind`]); a firm has at most one open round and at
//! most one registration in force. After a refusal, a cancellation or the end of the validity the
//! firm starts a new `application` round; a registered firm starts a `change` round (备案信息变更);
//! an officer starts a `recheck` round (复核, sent to the firm as needing amendment) or cancels
//! (撤销) the registration in force with a published reason. A change or re-check accepted
//! replaces the registration in force (same certificate number and validity: `superseded`);
//! refused, it leaves it as it was.
//!
//! Routes (under `/api/v1`):
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `GET /firm/registration` | a firm's person | → [`FirmRegistration`] |
//! | `PUT /firm/registration` | a firm's person | [`RegistrationAnswers`] → [`FirmRegistration`] |
//! | `POST /firm/registration/submit` | a firm's person | → [`FirmRegistration`] |
//! | `POST /firm/registration/rounds` | a firm's person | [`NewRound`] → [`FirmRegistration`] |
//! | `GET /firm/dashboard` | a firm's person | → [`FirmDashboard`] |
//! | `POST /firm/registration/files?purpose=&name=` | a firm's person | the file → 201 [`RegistrationFile`] |
//! | `GET`/`DELETE /firm/registration/files/{id}` | a firm's person | → the file / [`FirmRegistration`] |
//! | `GET /staff/registrations` | pre-examination officer | → [`RegistrationQueue`] |
//! | `GET /staff/registrations/{id}` | pre-examination officer | → [`StaffRegistration`] |
//! | `GET /staff/registrations/{id}/files/{file_id}` | pre-examination officer | → the file (audited) |
//! | `POST /staff/registrations/{id}/actions` | pre-examination officer | [`ReviewAction`] → [`StaffRegistration`] |
//! | `GET`/`PUT /staff/fast-track/settings` | administrator | [`FastTrackSettings`] |
//!
//! The center has not published its conditions, fields or time limits: every one of them is
//! [`FastTrackSettings`], shipped with defaults that pages label "illustrative — to be confirmed
//! by the center" (`../shared/FAST_TRACK.md` has the published rules of other cities they follow).

mod answers;
mod eligibility;
mod errors;
mod fields;
mod material_kind;
mod materials;
mod review;
mod rounds;
mod settings;
mod status;

pub use answers::{RegistrationAnswers, Section, SectionState, MAX_PATENTS, MAX_TEXT_CHARS};
pub use eligibility::{evaluate, EligibilityRules, Outcome, Rule, RuleOutcome};
pub use errors::RegistrationError;
pub use fields::{ipc_main_group, locarno_class, FieldStatus, FieldVenue, TechField, MAX_CLASSES};
pub use material_kind::Material;
pub use materials::{
    default_materials, missing_materials, uploads_state, MaterialRule, RegistrationFile,
    MAX_FILES_PER_MATERIAL,
};
pub use review::{
    ActionKind, Defect, FirmRegistration, QueueItem, RegistrationQueue, ReviewAction, ReviewEvent,
    SectionEntry, StaffRegistration, MAX_DEFECTS,
};
pub use rounds::{
    CancelReason, Cancellation, CenterMessage, FirmDashboard, NewRound, RegistrationKind,
    RoundSummary, MAX_MESSAGES,
};
pub use settings::{FastTrackSettings, TimeLimits};
pub use status::{Certificate, RegistrationStatus};

/// Every problem of a request, each at its field (`section.field` names, e.g. `firm.insured_staff`).
pub type Problems = Vec<(String, RegistrationError)>;

/// The `code` of error answers of the registration routes (besides `validation_failed`).
pub mod code {
    /// 409: the answers cannot be changed now (submitted and not sent back for amendment).
    pub const NOT_EDITABLE: &str = "registration.not_editable";
    /// 409: the review action does not fit the registration's status.
    pub const WRONG_STATUS: &str = "registration.wrong_status";
    /// 404: no registration with this id.
    pub const NOT_FOUND: &str = "registration.not_found";
    /// 409: the firm cannot start that round now (one is open, or a change without a
    /// registration in force, or an application with one).
    pub const ROUND_NOT_ALLOWED: &str = "registration.round_not_allowed";
    /// 409: the material already has [`super::MAX_FILES_PER_MATERIAL`] files.
    pub const TOO_MANY_FILES: &str = "registration.too_many_files";

    crate::api::files::file_codes!("registration");
}
