//! The staff workbench (issue #7): accounts with roles, sessions, the case queue of
//! rights-assistance requests, the booking desk, the overview and the audit log.
//!
//! Routes (all under `/api/v1/staff`; the server's route table,
//! `portal_server::staff::route_table()`, is the authority and a test checks every entry):
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `POST /session` | anyone | [`LoginRequest`] → [`StaffSession`] + cookie |
//! | `GET /session` | any staff | → [`StaffSession`] |
//! | `DELETE /session` | any staff | → 204, cookie cleared |
//! | `GET /accounts` | administrator | → [`AccountList`] |
//! | `POST /accounts` | administrator | [`NewAccount`] → 201 [`StaffAccount`] |
//! | `PATCH /accounts/{username}` | administrator | [`AccountUpdate`] → [`StaffAccount`] |
//! | `GET /audit?page=&per_page=` | administrator | → [`AuditPage`] |
//! | `GET /cases?status=&assignee=&overdue=&page=&per_page=` | case_handler | → [`CaseList`] |
//! | `GET /cases/{id}` | case_handler | → [`CaseDetail`] |
//! | `GET /cases/{id}/files/{file_id}` | case_handler | → the file |
//! | `POST /cases/{id}/assign` | case_handler | [`AssignRequest`] → [`CaseDetail`] |
//! | `POST /cases/{id}/transition` | case_handler | [`TransitionRequest`] → [`CaseDetail`] |
//! | `POST /cases/{id}/messages` | case_handler | [`MessageRequest`] → 201 [`CaseDetail`] |
//! | `POST /cases/{id}/notes` | case_handler | [`NoteRequest`] → 201 [`CaseDetail`] |
//! | `GET /bookings?venue=&date=` | reception | → [`DeskBookingList`] |
//! | `POST /bookings/{id}/check-in` | reception | → [`DeskBooking`] |
//! | `POST /bookings/{id}/no-show` | reception | → [`DeskBooking`] |
//! | `GET /overview` | administrator, case_handler | → [`Overview`] |
//! | `GET /ratings?follow_up=open\|answered\|all&page=&per_page=` | any staff (administrator, case_handler, reception) | → [`FollowUpList`](super::rating::FollowUpList) |
//! | `POST /ratings/{id}/reply` | any staff (administrator, case_handler, reception) | [`RatingReplyRequest`](super::rating::RatingReplyRequest) → [`FollowUpItem`](super::rating::FollowUpItem) |
//! | `GET, POST /admin/notices`, `PUT, DELETE /admin/notices/{id}` | administrator | see [`super::notices`] |
//! | `GET /slots?venue=&date=`, `POST /slots/seats`, `POST /closures`, `DELETE /closures/{id}` | reception, administrator | see [`super::desk`] |
//! | `GET /admin/venues` | administrator | → [`AdminVenueList`](super::admin::AdminVenueList) |
//! | `PUT /admin/venues/{id}/booking` | administrator | [`VenueBookingUpdate`](super::admin::VenueBookingUpdate) → [`AdminVenue`](super::admin::AdminVenue) |
//! | `GET /admin/holidays` | administrator | → [`HolidayYearList`](super::admin::HolidayYearList) |
//! | `PUT /admin/holidays/{year}` | administrator | [`HolidayYearRequest`](super::admin::HolidayYearRequest) → [`HolidayYear`](super::admin::HolidayYear) |
//!
//! The administrator's venue settings and holiday calendar are described in [`super::admin`].
//!
//! Sessions. Logging in sets the cookie `__Host-portal_staff_session` (`HttpOnly;
//! SameSite=Strict; Path=/; Secure`; `portal_staff_session` without `Secure` only when the
//! server is told to serve plain HTTP) and answers with a
//! `csrf_token`. Every request that changes something (any method but GET and HEAD) must send
//! that token in the `X-CSRF-Token` header, else 403 [`code::CSRF`]. A session ends after
//! 30 minutes without a request ([`SESSION_IDLE_SECS`]) or 12 hours after login
//! ([`SESSION_ABSOLUTE_SECS`]), whichever comes first; then every route answers 401
//! [`code::UNAUTHENTICATED`].
//!
//! Errors: 401 [`code::UNAUTHENTICATED`] without a live session, 403 [`code::FORBIDDEN`] with a
//! session whose account lacks the route's role, 403 [`code::CSRF`], and each route's own codes
//! in [`code`].

use serde::{Deserialize, Serialize};

use super::assistance::{
    AssistanceRequest, CenterMessage, Deadline, EvidenceFile, MessageKind, RequestStatus,
    RightType, TimelineEvent,
};
use super::booking::{BookingStatus, NamedRef};
use crate::calendar::Date;
use crate::lang::{Lang, Localized};
use crate::text::{clean_line, clean_text, TextProblem};

/// A session ends after this long without a request.
pub const SESSION_IDLE_SECS: i64 = 30 * 60;
/// A session ends this long after login, however busy.
pub const SESSION_ABSOLUTE_SECS: i64 = 12 * 60 * 60;
/// Failed logins are counted for this long (a rolling window).
pub const LOGIN_WINDOW_SECS: i64 = 15 * 60;
/// Failed logins of one username from one client address within the window before that
/// address may not try that username (429). Another address is not stopped by them.
pub const MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT: usize = 5;
/// Failed logins from one client address within the window, whatever the usernames, before
/// every login from it is refused.
pub const MAX_LOGIN_FAILURES_PER_CLIENT: usize = 20;
/// Failed logins of one username from browsers it has never signed in on, from all addresses
/// together, within the window before such browsers may not try it: this slows a guesser with
/// many addresses. A browser the account has signed in on before (it holds the device cookie,
/// [`DEVICE_COOKIE`]) is not stopped by this limit, so the real person keeps signing in.
pub const MAX_LOGIN_FAILURES_PER_USERNAME: usize = 50;
/// A browser stays known to an account for this long after its last successful login.
pub const KNOWN_DEVICE_SECS: i64 = 90 * 24 * 60 * 60;
/// Passwords: at least 12 characters, at most 200.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 200;
pub const MAX_USERNAME_CHARS: usize = 32;
pub const MAX_DISPLAY_NAME_CHARS: usize = 40;
/// Refusal reasons and outcomes of a transition.
pub const MAX_REASON_CHARS: usize = 500;
/// Messages to the applicant and internal notes.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// A deadline this many working days away or fewer is "at risk" in the overview.
pub const AT_RISK_WORKING_DAYS: i32 = 2;
/// Days of bookings in the overview, today included.
pub const OVERVIEW_BOOKING_DAYS: i32 = 14;
/// Largest page of the case queue and of the audit log.
pub const MAX_PER_PAGE: u32 = 200;
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The name of the session cookie. The `__Host-` prefix makes browsers accept it only with
/// `Secure`, `Path=/` and no `Domain`, so no other site or subdomain can set or shadow it.
pub const SESSION_COOKIE: &str = "__Host-portal_staff_session";
/// The name of the session cookie when the server is told to serve plain HTTP
/// (`PORTAL_INSECURE_COOKIES=1`), where `__Host-` cookies cannot be set.
pub const PLAIN_HTTP_SESSION_COOKIE: &str = "portal_staff_session";
/// The cookie that tells a browser an account has signed in on before (see
/// [`MAX_LOGIN_FAILURES_PER_USERNAME`]): a random id, kept hashed by the server.
pub const DEVICE_COOKIE: &str = "__Host-portal_staff_device";
/// [`DEVICE_COOKIE`] over plain HTTP.
pub const PLAIN_HTTP_DEVICE_COOKIE: &str = "portal_staff_device";
/// The header that carries the session's CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The `code` of error answers of the staff routes.
pub mod code {
    /// 401: no session cookie, an unknown one, or a session that has expired or was ended.
    pub const UNAUTHENTICATED: &str = "staff.unauthenticated";
    /// 403: the account does not have the role this route needs.
    pub const FORBIDDEN: &str = "staff.forbidden";
    /// 403: a request that changes something came without `X-CSRF-Token`, or with another
    /// token than the session's.
    pub const CSRF: &str = "staff.csrf";
    /// 401: wrong username or password (the same answer for both, and for a disabled account).
    pub const LOGIN_FAILED: &str = "staff.login_failed";
    /// 429: too many failed logins of this username or from this address; `Retry-After` says
    /// for how long logins are refused.
    pub const LOGIN_RATE_LIMITED: &str = "staff.login_rate_limited";
    /// 400: a change that must carry an `Idempotency-Key` (sending a message or a note, adding
    /// seats) came without one.
    pub const IDEMPOTENCY_KEY_MISSING: &str = "staff.idempotency_key_missing";
    /// 400: the key is not 1 to 128 printable ASCII characters.
    pub const IDEMPOTENCY_KEY_INVALID: &str = "staff.idempotency_key_invalid";
    /// 422: the key was used by this account for another change.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "staff.idempotency_key_reused";
    /// 409: the first request with this key is still being carried out.
    pub const REQUEST_IN_PROGRESS: &str = "staff.request_in_progress";
    /// 409: the case cannot go from its status to the one asked for; `details.allowed` lists
    /// where it can go.
    pub const ILLEGAL_TRANSITION: &str = "staff.illegal_transition";
    /// 409: more material cannot be requested on a closed case.
    pub const CASE_CLOSED: &str = "staff.case_closed";
    /// 409: a booking that was cancelled cannot be checked in or marked as not attended.
    pub const BOOKING_CANCELLED: &str = "staff.booking_cancelled";
    /// 409: check-in is open from 2 hours before the start until the end of that day.
    pub const CHECK_IN_NOT_OPEN: &str = "staff.check_in_not_open";
    /// 409: a booking can be marked as not attended only once its slot has ended, on that day
    /// or later.
    pub const NO_SHOW_TOO_EARLY: &str = "staff.no_show_too_early";
    /// 409: the booking's attendance was already recorded the other way.
    pub const ATTENDANCE_RECORDED: &str = "staff.attendance_recorded";
    /// 409: the username is taken.
    pub const USERNAME_TAKEN: &str = "staff.username_taken";
    /// 409: the change would leave no active administrator.
    pub const LAST_ADMINISTRATOR: &str = "staff.last_administrator";
}

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

/// What a staff account may do. An account has one or more roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 前台: the booking desk (bookings of the day, check-in, no-shows).
    Reception,
    /// 案件承办人: rights-assistance requests (queue, assignment, status, messages, notes).
    CaseHandler,
    /// 管理员: staff accounts, the audit log, the overview, venue booking settings and the
    /// holiday calendar; later content.
    Administrator,
}

impl Role {
    pub const ALL: &'static [Role] = &[Role::Reception, Role::CaseHandler, Role::Administrator];

    pub fn code(self) -> &'static str {
        match self {
            Role::Reception => "reception",
            Role::CaseHandler => "case_handler",
            Role::Administrator => "administrator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Reception => lang.pick("前台接待", "Reception"),
            Role::CaseHandler => lang.pick("案件承办", "Case handler"),
            Role::Administrator => lang.pick("管理员", "Administrator"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The transition table of rights-assistance requests
// ---------------------------------------------------------------------------------------------

/// Where staff can move a request in `from`: 已提交 → 初审中 → 已受理 | 不予受理 (a reason) →
/// 援助中 → 已办结 (an outcome). Withdrawing is the applicant's; closed requests go nowhere.
pub fn allowed_transitions(from: RequestStatus) -> &'static [RequestStatus] {
    use RequestStatus::*;
    match from {
        Submitted => &[InitialReview],
        InitialReview => &[Accepted, Rejected],
        Accepted => &[Assisting],
        Assisting => &[Concluded],
        Rejected | Concluded | Withdrawn | Rated => &[],
    }
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

/// The body of `POST /api/v1/staff/session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LoginRequest {
    pub username: Option<String>,
    pub password: Option<String>,
}

impl LoginRequest {
    /// The username (trimmed, lower case) and the password as typed. Only emptiness is checked
    /// here: anything else is a failed login like a wrong password.
    pub fn parse(&self) -> Result<(String, String), Problems> {
        let mut problems = Problems::new();
        let username = normalise_username(self.username.as_deref().unwrap_or(""));
        if username.is_empty() {
            problems.push(("username", StaffError::UsernameMissing));
        }
        let password = self.password.clone().unwrap_or_default();
        if password.is_empty() {
            problems.push(("password", StaffError::PasswordMissing));
        }
        if problems.is_empty() {
            Ok((username, password))
        } else {
            Err(problems)
        }
    }
}

/// Usernames compare without case and surrounding spaces.
pub fn normalise_username(username: &str) -> String {
    username.trim().to_lowercase()
}

/// The signed-in member of staff: the answer of login and of `GET /api/v1/staff/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSession {
    pub username: String,
    pub display_name: String,
    /// In the order of [`Role::ALL`].
    pub roles: Vec<Role>,
    /// Send it as `X-CSRF-Token` with every request that changes something.
    pub csrf_token: String,
    /// RFC 3339, +08:00: the session ends then at the latest (12 hours after login); 30 minutes
    /// without a request end it sooner.
    pub expires_at: String,
}

/// A staff account as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// A disabled account cannot log in and its sessions are ended.
    pub active: bool,
    /// RFC 3339, +08:00.
    pub created_at: String,
    /// RFC 3339, +08:00: the account's last successful login (from the audit log); `None` if
    /// it has never logged in.
    #[serde(default)]
    pub last_login_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountList {
    pub items: Vec<StaffAccount>,
}

/// The body of `POST /api/v1/staff/accounts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NewAccount {
    /// 1–32 of `a-z 0-9 . _ -` (stored in lower case).
    pub username: Option<String>,
    /// At most 40 characters.
    pub display_name: Option<String>,
    /// At least one.
    pub roles: Vec<Role>,
    /// 12–200 characters; only its Argon2id hash is kept.
    pub password: Option<String>,
}

/// A checked new account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAccount {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub password: String,
}

impl NewAccount {
    pub fn parse(&self) -> Result<CheckedAccount, Problems> {
        let mut problems = Problems::new();
        let username = check_username(self.username.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("username", e)))
            .ok();
        let display_name = check_display_name(self.display_name.as_deref())
            .map_err(|e| problems.push(("display_name", e)))
            .ok();
        let roles = check_roles(&self.roles)
            .map_err(|e| problems.push(("roles", e)))
            .ok();
        let password = check_password(self.password.as_deref().unwrap_or(""))
            .map_err(|e| problems.push(("password", e)))
            .ok();
        match (username, display_name, roles, password) {
            (Some(username), Some(display_name), Some(roles), Some(password))
                if problems.is_empty() =>
            {
                Ok(CheckedAccount {
                    username,
                    display_name,
                    roles,
                    password,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The body of `PATCH /api/v1/staff/accounts/{username}`: what is given changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AccountUpdate {
    pub display_name: Option<String>,
    pub roles: Option<Vec<Role>>,
    /// `false` disables the account and ends its sessions.
    pub active: Option<bool>,
    /// A new password (12–200 characters); ends the account's sessions.
    pub password: Option<String>,
}

/// A checked [`AccountUpdate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedUpdate {
    pub display_name: Option<String>,
    pub roles: Option<Vec<Role>>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

impl AccountUpdate {
    pub fn parse(&self) -> Result<CheckedUpdate, Problems> {
        let mut problems = Problems::new();
        let mut checked = CheckedUpdate {
            active: self.active,
            ..CheckedUpdate::default()
        };
        if self.display_name.is_some() {
            checked.display_name = check_display_name(self.display_name.as_deref())
                .map_err(|e| problems.push(("display_name", e)))
                .ok();
        }
        if let Some(roles) = &self.roles {
            checked.roles = check_roles(roles)
                .map_err(|e| problems.push(("roles", e)))
                .ok();
        }
        if let Some(password) = &self.password {
            checked.password = check_password(password)
                .map_err(|e| problems.push(("password", e)))
                .ok();
        }
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(problems)
        }
    }
}

/// A username as stored: lower case, 1–32 of `a-z 0-9 . _ -`.
pub fn check_username(input: &str) -> Result<String, StaffError> {
    let username = normalise_username(input);
    if username.is_empty() {
        return Err(StaffError::UsernameMissing);
    }
    let ok = username.len() <= MAX_USERNAME_CHARS
        && username
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    ok.then_some(username).ok_or(StaffError::UsernameInvalid)
}

fn check_display_name(input: Option<&str>) -> Result<String, StaffError> {
    match clean_line(input, MAX_DISPLAY_NAME_CHARS) {
        Ok(Some(name)) => Ok(name),
        Ok(None) => Err(StaffError::DisplayNameMissing),
        Err(e) => Err(text_error(e)),
    }
}

fn check_roles(roles: &[Role]) -> Result<Vec<Role>, StaffError> {
    let roles: Vec<Role> = Role::ALL
        .iter()
        .copied()
        .filter(|r| roles.contains(r))
        .collect();
    if roles.is_empty() {
        return Err(StaffError::RolesMissing);
    }
    Ok(roles)
}

/// A password is kept as typed (spaces included): 12–200 characters.
pub fn check_password(password: &str) -> Result<String, StaffError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(StaffError::PasswordTooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(StaffError::PasswordTooLong);
    }
    Ok(password.to_owned())
}

/// The body of `POST /api/v1/staff/cases/{id}/assign`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AssignRequest {
    /// An active account with the `case_handler` role; `null` takes the case off whoever has it.
    pub username: Option<String>,
}

/// The body of `POST /api/v1/staff/cases/{id}/transition`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct TransitionRequest {
    /// The status to move to; see [`allowed_transitions`].
    pub to: Option<RequestStatus>,
    /// Required for `rejected` (不予受理), and only there: shown to the applicant on the
    /// timeline. At most 500 characters.
    pub reason: Option<String>,
    /// Required for `concluded` (已办结), and only there: shown to the applicant on the
    /// timeline. At most 500 characters.
    pub outcome: Option<String>,
}

impl TransitionRequest {
    /// The target status and the note the timeline shows (the reason or the outcome).
    pub fn parse(&self) -> Result<(RequestStatus, Option<String>), Problems> {
        let mut problems = Problems::new();
        let Some(to) = self.to else {
            return Err(vec![("to", StaffError::StatusMissing)]);
        };
        let reason = optional(&self.reason, MAX_REASON_CHARS, "reason", &mut problems);
        let outcome = optional(&self.outcome, MAX_REASON_CHARS, "outcome", &mut problems);
        let note = match to {
            RequestStatus::Rejected => {
                if reason.is_none() && !problems.iter().any(|(f, _)| *f == "reason") {
                    problems.push(("reason", StaffError::ReasonRequired));
                }
                if outcome.is_some() {
                    problems.push(("outcome", StaffError::NotUsedHere));
                }
                reason
            }
            RequestStatus::Concluded => {
                if outcome.is_none() && !problems.iter().any(|(f, _)| *f == "outcome") {
                    problems.push(("outcome", StaffError::OutcomeRequired));
                }
                if reason.is_some() {
                    problems.push(("reason", StaffError::NotUsedHere));
                }
                outcome
            }
            _ => {
                if reason.is_some() {
                    problems.push(("reason", StaffError::NotUsedHere));
                }
                if outcome.is_some() {
                    problems.push(("outcome", StaffError::NotUsedHere));
                }
                None
            }
        };
        if problems.is_empty() {
            Ok((to, note))
        } else {
            Err(problems)
        }
    }
}

/// The body of `POST /api/v1/staff/cases/{id}/messages`: a message the applicant sees on the
/// tracking page (and may answer once).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct MessageRequest {
    /// `info` or `more_material_requested` (补充材料, only while the case is open).
    pub kind: Option<MessageKind>,
    /// 1–2000 characters.
    pub text: Option<String>,
}

impl MessageRequest {
    pub fn parse(&self) -> Result<(MessageKind, String), Problems> {
        let mut problems = Problems::new();
        if self.kind.is_none() {
            problems.push(("kind", StaffError::MessageKindMissing));
        }
        let text = required(&self.text, MAX_MESSAGE_CHARS, "text", &mut problems);
        match (self.kind, text) {
            (Some(kind), Some(text)) if problems.is_empty() => Ok((kind, text)),
            _ => Err(problems),
        }
    }
}

/// The body of `POST /api/v1/staff/cases/{id}/notes`: an internal note, never shown to the
/// applicant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct NoteRequest {
    /// 1–2000 characters.
    pub text: Option<String>,
}

impl NoteRequest {
    pub fn parse(&self) -> Result<String, Problems> {
        let mut problems = Problems::new();
        match required(&self.text, MAX_MESSAGE_CHARS, "text", &mut problems) {
            Some(text) if problems.is_empty() => Ok(text),
            _ => Err(problems),
        }
    }
}

fn optional(
    value: &Option<String>,
    max: usize,
    field: &'static str,
    problems: &mut Problems,
) -> Option<String> {
    clean_text(value.as_deref(), max)
        .map_err(|e| problems.push((field, text_error(e))))
        .ok()
        .flatten()
}

fn required(
    value: &Option<String>,
    max: usize,
    field: &'static str,
    problems: &mut Problems,
) -> Option<String> {
    match clean_text(value.as_deref(), max) {
        Ok(Some(text)) => Some(text),
        Ok(None) => {
            problems.push((field, StaffError::TextMissing));
            None
        }
        Err(e) => {
            problems.push((field, text_error(e)));
            None
        }
    }
}

fn text_error(problem: TextProblem) -> StaffError {
    match problem {
        TextProblem::TooLong => StaffError::TextTooLong,
        TextProblem::Control => StaffError::ControlCharacter,
    }
}

// ---------------------------------------------------------------------------------------------
// Answers: cases
// ---------------------------------------------------------------------------------------------

/// One request in the case queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    /// The request's id in the staff routes (`/api/v1/staff/cases/{id}`).
    pub id: i64,
    /// `WQ-XXXX-XXXX`.
    pub reference: String,
    pub right_type: RightType,
    pub status: RequestStatus,
    /// The username of the case handler it is assigned to.
    pub assignee: Option<String>,
    /// RFC 3339, +08:00.
    pub submitted_at: String,
    pub submitted_on: Date,
    /// The next step and its last day (the same as the applicant sees); `None` once closed.
    pub next_deadline: Option<Deadline>,
    /// Working days from today to the deadline's day: 0 when due today, negative when overdue
    /// (working days since); `None` without a deadline or when the calendar is not published.
    pub working_days_left: Option<i32>,
    /// The deadline's day is before today.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseList {
    /// Oldest submission first (the queue's order).
    pub items: Vec<CaseSummary>,
    /// How many match the filters, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
}

/// An internal note on a case: staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseNote {
    pub id: i64,
    pub author: String,
    pub text: String,
    /// RFC 3339, +08:00.
    pub at: String,
}

/// A request as staff see it: everything, unmasked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// The applicant's checked answers as submitted, personal numbers in full.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: AssistanceRequest,
    /// Evidence submitted with the request and files sent with replies (not the files the
    /// applicant has uploaded but not sent yet). Download with `.../files/{file_id}`.
    pub files: Vec<EvidenceFile>,
    /// The applicant's timeline, oldest first.
    pub timeline: Vec<TimelineEvent>,
    /// Messages to the applicant and their replies, oldest first.
    pub messages: Vec<CenterMessage>,
    /// Internal notes, oldest first.
    pub notes: Vec<CaseNote>,
    /// Where the case can go from here ([`allowed_transitions`]).
    pub allowed_transitions: Vec<RequestStatus>,
}

// ---------------------------------------------------------------------------------------------
// Answers: the booking desk
// ---------------------------------------------------------------------------------------------

/// Whether the person came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    CheckedIn,
    NoShow,
}

impl Attendance {
    pub fn code(self) -> &'static str {
        match self {
            Attendance::CheckedIn => "checked_in",
            Attendance::NoShow => "no_show",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendance> {
        match code {
            "checked_in" => Some(Attendance::CheckedIn),
            "no_show" => Some(Attendance::NoShow),
            _ => None,
        }
    }
}

/// A booking at the desk: contact details in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskBooking {
    pub id: i64,
    /// `XXXX-XXXX`.
    pub reference: String,
    pub status: BookingStatus,
    pub attendance: Option<Attendance>,
    /// RFC 3339, +08:00, when the attendance was recorded.
    pub attendance_at: Option<String>,
    pub venue: NamedRef,
    pub topic: NamedRef,
    pub date: Date,
    pub start_time: String,
    pub end_time: String,
    pub name: String,
    /// In full.
    pub mobile: String,
    pub organisation: Option<String>,
    /// In full.
    pub uscc: Option<String>,
    pub description: Option<String>,
    pub wheelchair_access: bool,
    pub sign_language_interpreter: bool,
    pub other_adjustments: Option<String>,
    pub for_someone_else: bool,
    /// Check-in is possible now.
    pub can_check_in: bool,
    /// Marking as not attended is possible now.
    pub can_mark_no_show: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskBookingList {
    pub date: Date,
    /// The venue asked for; `None` for all venues.
    pub venue: Option<String>,
    /// By start time, then venue; cancelled bookings included (marked).
    pub items: Vec<DeskBooking>,
}

// ---------------------------------------------------------------------------------------------
// Answers: overview and audit
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: RequestStatus,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    pub date: Date,
    /// Confirmed bookings (checked in or not) that day, all venues.
    pub bookings: u32,
}

/// `GET /api/v1/staff/overview`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    pub today: Date,
    /// Every status a case can be in ([`RequestStatus::is_case_status`]: all but `rated`), in
    /// the order of `RequestStatus::ALL`, zeros included.
    pub cases_by_status: Vec<StatusCount>,
    /// Open cases whose next deadline is overdue or at most 2 working days away, most urgent
    /// first.
    pub deadlines_at_risk: Vec<CaseSummary>,
    /// Today and the next 13 days.
    pub bookings_per_day: Vec<DayCount>,
    /// Service ratings per level and the bad ones awaiting a reply.
    #[serde(default)]
    pub ratings: super::rating::RatingCounts,
}

/// One change made by a member of staff. `summary` never holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, +08:00.
    pub at: String,
    /// The username; `None` for the server itself (the first administrator).
    pub actor: Option<String>,
    /// e.g. `case.transition`, `booking.check_in`, `account.create`, `session.login`.
    pub action: String,
    /// `case`, `booking`, `account`, `session`.
    pub target_type: String,
    pub target_id: Option<String>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditEntry>,
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

pub type Problems = Vec<(&'static str, StaffError)>;

/// What is wrong with one field of a staff request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffError {
    UsernameMissing,
    UsernameInvalid,
    PasswordMissing,
    PasswordTooShort,
    PasswordTooLong,
    DisplayNameMissing,
    RolesMissing,
    StatusMissing,
    ReasonRequired,
    OutcomeRequired,
    NotUsedHere,
    MessageKindMissing,
    TextMissing,
    TextTooLong,
    ControlCharacter,
    AssigneeUnknown,
}

impl Localized for StaffError {
    fn code(&self) -> &'static str {
        self.texts().0
    }

    fn message(&self, lang: Lang) -> String {
        let (_, zh, en) = self.texts();
        lang.pick(zh, en).to_owned()
    }
}

impl StaffError {
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        use StaffError::*;
        match self {
            UsernameMissing => (
                "staff.username_missing",
                "请输入用户名。",
                "Enter the username.",
            ),
            UsernameInvalid => (
                "staff.username_invalid",
                "用户名为 1 至 32 个小写英文字母、数字或 . _ -。",
                "A username is 1 to 32 lower-case letters, digits or . _ -.",
            ),
            PasswordMissing => (
                "staff.password_missing",
                "请输入密码。",
                "Enter the password.",
            ),
            PasswordTooShort => (
                "staff.password_too_short",
                "密码至少 12 个字符。",
                "A password has at least 12 characters.",
            ),
            PasswordTooLong => (
                "staff.password_too_long",
                "密码最多 200 个字符。",
                "A password has at most 200 characters.",
            ),
            DisplayNameMissing => (
                "staff.display_name_missing",
                "请输入显示名称。",
                "Enter the name to show.",
            ),
            RolesMissing => (
                "staff.roles_missing",
                "请至少选择一个角色。",
                "Choose at least one role.",
            ),
            StatusMissing => (
                "staff.status_missing",
                "请选择新的状态。",
                "Choose the new status.",
            ),
            ReasonRequired => (
                "staff.reason_required",
                "不予受理需要说明理由，申请人会看到这一理由。",
                "Not accepting needs a reason; the applicant will see it.",
            ),
            OutcomeRequired => (
                "staff.outcome_required",
                "办结需要写明处理结果，申请人会看到这一结果。",
                "Concluding needs the outcome; the applicant will see it.",
            ),
            NotUsedHere => (
                "staff.not_used_here",
                "这一状态变更不需要填写此项。",
                "This change of status does not take this answer.",
            ),
            MessageKindMissing => (
                "staff.message_kind_missing",
                "请选择消息类型。",
                "Choose the kind of message.",
            ),
            TextMissing => ("staff.text_missing", "请填写内容。", "Enter the text."),
            TextTooLong => ("staff.text_too_long", "内容太长。", "The text is too long."),
            ControlCharacter => (
                "staff.control_character",
                "内容中有无法识别的字符。",
                "The text contains characters that cannot be used.",
            ),
            AssigneeUnknown => (
                "staff.assignee_unknown",
                "没有这个承办人（需为启用的案件承办人账号）。",
                "There is no such case handler (it must be an active case handler account).",
            ),
        }
    }
}

impl std::fmt::Display for StaffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.texts().1)
    }
}

impl std::error::Error for StaffError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transition_table_follows_the_status_model() {
        use RequestStatus::*;
        assert_eq!(allowed_transitions(Submitted), [InitialReview]);
        assert_eq!(allowed_transitions(InitialReview), [Accepted, Rejected]);
        assert_eq!(allowed_transitions(Accepted), [Assisting]);
        assert_eq!(allowed_transitions(Assisting), [Concluded]);
        for closed in [Rejected, Concluded, Withdrawn, Rated] {
            assert!(allowed_transitions(closed).is_empty());
        }
        // Nobody moves a request back to submitted or withdraws it for the applicant.
        for from in RequestStatus::ALL {
            assert!(!allowed_transitions(*from).contains(&Submitted));
            assert!(!allowed_transitions(*from).contains(&Withdrawn));
            // Rating is the applicant's, never a staff transition.
            assert!(!allowed_transitions(*from).contains(&Rated));
        }
    }

    #[test]
    fn a_refusal_needs_a_reason_and_a_conclusion_an_outcome() {
        let t = |to, reason: Option<&str>, outcome: Option<&str>| TransitionRequest {
            to: Some(to),
            reason: reason.map(str::to_owned),
            outcome: outcome.map(str::to_owned),
        };
        assert_eq!(
            t(RequestStatus::Rejected, None, None).parse(),
            Err(vec![("reason", StaffError::ReasonRequired)])
        );
        assert_eq!(
            t(RequestStatus::Rejected, Some("  不属于援助范围 "), None).parse(),
            Ok((RequestStatus::Rejected, Some("不属于援助范围".to_owned())))
        );
        assert_eq!(
            t(RequestStatus::Concluded, Some("x"), None).parse(),
            Err(vec![
                ("outcome", StaffError::OutcomeRequired),
                ("reason", StaffError::NotUsedHere)
            ])
        );
        assert_eq!(
            t(RequestStatus::Accepted, None, None).parse(),
            Ok((RequestStatus::Accepted, None))
        );
        assert_eq!(
            TransitionRequest::default().parse(),
            Err(vec![("to", StaffError::StatusMissing)])
        );
    }

    #[test]
    fn usernames_passwords_and_roles() {
        assert_eq!(check_username(" Wang.Li "), Ok("wang.li".to_owned()));
        assert_eq!(check_username("王丽"), Err(StaffError::UsernameInvalid));
        assert_eq!(check_password("short"), Err(StaffError::PasswordTooShort));
        assert!(check_password("correct horse battery").is_ok());
        let account = NewAccount {
            username: Some("desk1".into()),
            display_name: Some("前台 一".into()),
            roles: vec![Role::Administrator, Role::Reception, Role::Reception],
            password: Some("a long enough password".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(account.roles, [Role::Reception, Role::Administrator]);
        assert_eq!(
            NewAccount::default().parse().unwrap_err().len(),
            4,
            "every field is required"
        );
    }
}
