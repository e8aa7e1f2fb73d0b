//! The enterprise fast track's firm accounts (issue #14, part 1): a firm registered in 南通 signs
//! up with its 统一社会信用代码, and each of its people signs in with the firm's code, their own
//! mobile number and password, in a realm of its own (cookies, sessions, limits) apart from the
//! staff workbench's.
//!
//! Routes (under `/api/v1/firm`):
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `POST /sign-up` | anyone | [`SignUpRequest`] → 202 [`SignUpReceived`] |
//! | `POST /session` | anyone | [`SignInRequest`] → [`FirmSession`] + cookie |
//! | `GET /session` | a firm's person | → [`FirmSession`] |
//! | `DELETE /session` | a firm's person | → 204, cookie cleared |
//! | `GET /people` | a firm's person | → [`PeopleList`] |
//! | `POST /people` | the firm's first person | [`NewColleague`] → 201 [`ColleagueAdded`] |
//! | `POST /password/{token}` | the holder of a password link | [`SetPasswordRequest`] → 204 |
//!
//! And for the center's administrators (`/api/v1/staff`, staff session): `GET /firms?uscc=` →
//! [`StaffFirmView`]; `POST /firms/{uscc}/people/{id}/password-link` → 201 [`PasswordLink`].
//!
//! Signing up never says whether the firm already has an account: a new firm and a known one
//! get the same 202 after the same work, and only a new firm's account is created (a colleague
//! of an existing firm is added by its first person). Passwords follow the staff rules
//! ([`super::staff::check_password`]); sessions end as staff sessions do
//! ([`super::staff::SESSION_IDLE_SECS`], [`super::staff::SESSION_ABSOLUTE_SECS`]), and every
//! change needs the session's CSRF token in `X-CSRF-Token`.

mod accounts;
mod errors;
mod people;
pub mod pre_exam;
pub mod registration;

pub use accounts::{
    serves_division, FirmSession, NewFirm, SignIn, SignInRequest, SignUpReceived, SignUpRequest,
};
pub use errors::FirmError;
pub use people::{
    ColleagueAdded, NewColleague, PasswordLink, PeopleList, Person, SetPasswordRequest,
    StaffFirmView, PASSWORD_LINK_SECS, PASSWORD_PAGE,
};

/// Every problem of a request, each at its field.
pub type Problems = Vec<(&'static str, FirmError)>;

/// The `code` of error answers of the firm routes.
pub mod code {
    /// 401: no session cookie, an unknown one, or a session that has expired or was ended.
    pub const UNAUTHENTICATED: &str = "firm.unauthenticated";
    /// 403: a change came without the session's `X-CSRF-Token`.
    pub const CSRF: &str = "firm.csrf";
    /// 401: the code, mobile number or password is wrong (one answer for all, and for an
    /// account that was switched off).
    pub const SIGN_IN_FAILED: &str = "firm.sign_in_failed";
    /// 429: too many failed sign-ins; `Retry-After` says for how long.
    pub const SIGN_IN_RATE_LIMITED: &str = "firm.sign_in_rate_limited";
    /// 429: too many sign-ups from this address; `Retry-After` says for how long.
    pub const SIGN_UP_RATE_LIMITED: &str = "firm.sign_up_rate_limited";
    /// 403: only the firm's first person adds colleagues.
    pub const FORBIDDEN: &str = "firm.forbidden";
    /// 404: a password link that does not exist, was used or has expired (one answer).
    pub const LINK_INVALID: &str = "firm.link_invalid";
    /// 404: no firm has this code (staff), or no such person in it.
    pub const NOT_FOUND: &str = "firm.not_found";
}

/// The first four digits of the division code (行政区划代码, characters 3–8 of a 统一社会信用代码)
/// of 南通市 and its districts and counties: the center serves firms registered there.
pub const CITY_DIVISION_PREFIX: &str = "3206";
/// Longest firm name (the longest registered names run to about 60 characters).
pub const MAX_FIRM_NAME_CHARS: usize = 100;
/// Longest name of a person.
pub const MAX_PERSON_NAME_CHARS: usize = 40;
/// Sign-ups counted per client address within [`SIGN_UP_WINDOW_SECS`], whatever the outcome.
pub const MAX_SIGN_UPS_PER_CLIENT: usize = 10;
pub const SIGN_UP_WINDOW_SECS: i64 = 60 * 60;

/// The session cookie of a firm's person (see `super::staff::SESSION_COOKIE` for the prefix).
pub const SESSION_COOKIE: &str = "__Host-portal_firm_session";
/// [`SESSION_COOKIE`] when the server is told to serve plain HTTP.
pub const PLAIN_HTTP_SESSION_COOKIE: &str = "portal_firm_session";
/// The known-device cookie of the firm realm (see `super::staff::DEVICE_COOKIE`).
pub const DEVICE_COOKIE: &str = "__Host-portal_firm_device";
/// [`DEVICE_COOKIE`] over plain HTTP.
pub const PLAIN_HTTP_DEVICE_COOKIE: &str = "portal_firm_device";
